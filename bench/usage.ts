/**
 * Usage benchmark: the five figures of issue 7, side by side in ONE run on the SAME data.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx ts-node --transpile-only bench/usage.ts [events] [days] [teams]
 *
 * Defaults: 5,000,000 events over 90 days, 200 teams. Creates (and drops) its own database on that server; with
 * BENCH_KEEP_DB=<name> it generates into that database once, keeps it, and reuses it on later runs (large datasets
 * take minutes to generate). BENCH_GENERATE_ONLY=1 stops after generating (for bench/usageGrowth.ts, which compares
 * several kept databases side by side).
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { currentRequestScope } from '../src/core/requestScope';
import { createLogger } from '../src/core/logger';
import { migrate } from '../src/core/db';
import { createAppDataSource } from '../src/app/database';
import { startServer } from '../src/app/server';
import { UsageExpand, UsageGroupBy, UsageTimeframe } from '../src/usage/usage.types';
import { createBenchOrganization, generateUsage, reuseBenchOrganization } from './usageData';
import { TimedClient, type TimedRequest } from './timedClient';
import { BENCH_INGEST_TOKEN, benchServerConfig, CHART, chartArgs, countItems, DASHBOARD, ensureNaiveIndex, fmt, loadAverage, median, naivePage, PAGE, PAGE_OBJECT_PATH, pageArgs, peakRss, percentiles, restPagePath, stageSummary } from './usageRequests';

const EVENTS = Number(process.argv[2] ?? 5_000_000);
const DAYS = Number(process.argv[3] ?? 90);
const TEAMS = Number(process.argv[4] ?? 200);
const INGEST_RECORDS = 200_000;

async function main() {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error('set DATABASE_URL to a server where databases may be created');
  const keep = process.env.BENCH_KEEP_DB;
  if (keep && !/^[a-z_][a-z0-9_]*$/.test(keep)) throw new Error('BENCH_KEEP_DB must be a plain database name');
  const dbName = keep ?? `orgraph_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [dbName])).rowCount === 1;
  if (!exists) await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;
  const db = createAppDataSource({ url: url.toString(), poolSize: 8 });
  let client: TimedClient | null = null;
  try {
    await db.initialize();
    await migrate(db);
    const config = benchServerConfig();
    const server = await startServer({ db, config, logger: createLogger('silent'), port: 0 });
    let started = Date.now();
    const org = exists ? await reuseBenchOrganization(server.services) : await createBenchOrganization(server.services, TEAMS);
    if (org.teamIds.length !== TEAMS) throw new Error(`the kept database ${dbName} has ${org.teamIds.length} teams, not ${TEAMS}: pass ${org.teamIds.length} or another BENCH_KEEP_DB`);
    // Figure 4 ingests into an organization of its own, so the dataset of the other figures stays as generated.
    const ingestOrg = exists ? await reuseBenchOrganization(server.services, 'bench-ingest') : await createBenchOrganization(server.services, 20, 'bench-ingest');
    if (!exists) await generateUsage(db, org.organizationId, EVENTS, DAYS, TEAMS);
    // The id ledger too: a reused database still holds the previous run's ingested ids (all would be duplicates).
    for (const table of ['usage_records', 'usage_record_ids', 'usage_rollup_15m', 'usage_rollup_1h', 'usage_rollup_1d', 'usage_rollup_items_1d', 'usage_rollup_product_1h']) {
      await db.query(`DELETE FROM ${table} WHERE tenant_id = $1`, [ingestOrg.organizationId]);
    }
    const [{ raw }] = await db.query(`SELECT count(*)::int AS raw FROM usage_records WHERE tenant_id = $1`, [org.organizationId]);
    console.log(`data: ${raw.toLocaleString()} events (${TEAMS} teams, ${DAYS} days) ${exists ? 'reused' : 'generated'} and rolled up in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    if (process.env.BENCH_GENERATE_ONLY === '1') {
      await server.close();
      return;
    }

    await ensureNaiveIndex(db, org.organizationId);
    console.log(`load average at start (1/5/15 min): ${loadAverage()}`);

    // Requests made here count statements and capture SQL; timed requests come from a client in its own process
    // (bench/timedClient.ts), timed to the answer's last byte as load tools measure, or with its JSON.parse too.
    const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Key ${org.adminKey}` },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      if (!response.ok || text.includes('"errors"')) throw new Error(text.slice(0, 1000));
      return { statements: Number(response.headers.get('x-orgraph-sql-statements')), answer: JSON.parse(text) as unknown };
    };
    client = new TimedClient();
    const timedClient = client;
    const graphqlRequest = (query: string, variables: Record<string, unknown>, parse = false): TimedRequest => ({
      url: `${server.url}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Key ${org.adminKey}` },
      body: JSON.stringify({ query, variables }),
      parse,
    });
    // Each kind's samples, then the median of each server stage (Server-Timing) on the next line.
    const timeRequests = async (kind: string, samples: number, request: TimedRequest) => {
      console.log(`… timing ${kind} (${samples} samples)`);
      const result = await timedClient.time(samples, request);
      stageLines.push(`   ${kind}: ${stageSummary(result.timings)}`);
      return { ...percentiles(result.times), bytes: result.bytes };
    };
    const stageLines: string[] = [];
    const printStages = () => {
      console.log(`   server stages, median ms (limits = input limits, cost, rate limit and in-flight slot; sql = statements' sum, inside execute):`);
      for (const line of stageLines.splice(0)) console.log(line);
    };

    const chartVariables = chartArgs();
    const pageVariables = pageArgs();

    // 1. Dashboard chart vs naive GROUP BY date_trunc over raw records.
    const chart = await timeRequests('chart', 30, graphqlRequest(CHART, chartVariables));
    const chartRange = [DateTime.fromISO(chartVariables.start, { zone: chartVariables.timezone }).toISO(), DateTime.fromISO(chartVariables.end, { zone: chartVariables.timezone }).toISO()];
    console.log(`… timing the naive chart (3 samples)`);
    const naiveChart = await timeIt(3, () =>
      db.query(
        `SELECT date_trunc('day', ts, 'America/New_York') AS day, product, sum(cost) FROM usage_records
          WHERE tenant_id = $1 AND ts >= $2 AND ts < $3 GROUP BY 1, 2 ORDER BY 1, 2`,
        [org.organizationId, ...chartRange],
      ),
    );
    report('1. 90-day daily cost per product (America/New_York) + summary, GraphQL', chart, naiveChart, 'naive GROUP BY date_trunc over raw (covering index)');
    printStages();

    // 2. Seed-shaped page: 7 daily buckets, default grouping, every team, first page.
    // RSS is this process's, and the server shares it with the bench: the page is warmed up through the timed client
    // (its own process) and its items are counted here only afterwards, so that parsing 8 MB of JSON in this process
    // (tens of MB of objects) is not charged to the server's peak.
    await timedClient.time(1, graphqlRequest(PAGE, pageVariables));
    const { result: page, idle: idleRss, peak: peakRssBytes } = await peakRss(() => timeRequests('page (GraphQL)', 30, graphqlRequest(PAGE, pageVariables)));
    const pageItems = countItems((await graphql(PAGE, pageVariables)).answer);
    const pageParsed = await timeRequests('page (GraphQL, client parses)', 30, graphqlRequest(PAGE, pageVariables, true));
    console.log(`… timing the naive page (3 samples)`);
    const naivePageTimes = await timeIt(3, () => naivePage(db, org.organizationId));
    report(`2. seed-shaped page: 7 daily buckets x (team, product, endpoint, unit), ${pageItems.toLocaleString()} items, ${(page.bytes / 1e6).toFixed(1)} MB, GraphQL`, page, naivePageTimes, 'naive GROUP BY over raw (covering index)');
    console.log(`   cost per item served: ${((1000 * page.p95) / pageItems).toFixed(2)} µs (p95 ÷ items); server RSS ${(idleRss / 1e6).toFixed(0)} MB before, peak ${(peakRssBytes / 1e6).toFixed(0)} MB during (+${((peakRssBytes - idleRss) / 1e6).toFixed(0)} MB for a ${(page.bytes / 1e6).toFixed(1)} MB answer)`);
    report('2a. the same page including the client parsing the JSON', pageParsed, naivePageTimes, 'naive GROUP BY over raw');
    // The same page with its items selected through an inline fragment, which the JSON writer declines: the answer
    // is built as rows → objects → GraphQL → JSON, as every page was before (side by side, same data, same load).
    const pageObjects = await timeRequests('page (GraphQL, object path)', 30, graphqlRequest(PAGE_OBJECT_PATH, pageVariables));
    report('2c. the same page built as objects (items through an inline fragment: no SQL-built JSON)', pageObjects, naivePageTimes, 'naive GROUP BY over raw');
    console.log(`   SQL-built JSON vs object path: p50 ${(pageObjects.p50 / page.p50).toFixed(2)}x, p95 ${(pageObjects.p95 / page.p95).toFixed(2)}x faster`);
    // The same range through the REST route (same service). REST pages count items (the contract's `limit`, at most
    // 10,000), so this is the range's first page of up to 10,000 items.
    const restUrl = `${server.url}${restPagePath()}`;
    const restItems = countItems(await (await fetch(restUrl, { headers: { authorization: `Key ${org.adminKey}` } })).json());
    const restPage = await timeRequests('page (REST)', 30, { url: restUrl, headers: { authorization: `Key ${org.adminKey}` } });
    report(`2b. the first page of up to 10,000 items (${restItems.toLocaleString()}) of that range through GET /v1/organization/usage (REST)`, restPage, naivePageTimes, 'naive GROUP BY over raw');
    console.log(`   cost per item served (REST): ${((1000 * restPage.p95) / restItems).toFixed(2)} µs (p95 ÷ items)`);
    printStages();

    // 3. GraphQL overhead: each request against the SQL statements it issues, captured and run directly (in order,
    // through the same pool); the service call (its SQL plus shaping the answer) is shown for reference.
    console.log(`… timing the requests' own SQL run directly (30 samples each)`);
    const scope = { tenantId: org.organizationId, teamIds: null };
    const chartSql = await sqlOf(db, () => graphql(CHART, chartVariables));
    const pageSql = await sqlOf(db, () => graphql(PAGE, pageVariables));
    const chartDirect = await timeIt(30, () => runSql(db, chartSql));
    const pageDirect = await timeIt(30, () => runSql(db, pageSql));
    const chartService = await timeIt(30, () =>
      server.services.usage.report(scope, { ...chartVariables, timeframe: UsageTimeframe.DAY, groupBy: [UsageGroupBy.PRODUCT], expand: [UsageExpand.TIME_SERIES, UsageExpand.SUMMARY], limit: 100 }),
    );
    const pageService = await timeIt(30, () => server.services.usage.report(scope, { ...pageVariables, timeframe: UsageTimeframe.DAY, limit: 7 }));
    console.log(
      `3. GraphQL overhead (GraphQL p50 / its SQL run directly p50): chart ${(chart.p50 / chartDirect.p50).toFixed(2)}x (${fmt(chart.p50)} vs ${fmt(chartDirect.p50)}, ${chartSql.length} statements), ` +
        `page ${(page.p50 / pageDirect.p50).toFixed(2)}x (${fmt(page.p50)} vs ${fmt(pageDirect.p50)}, ${pageSql.length} statements); ` +
        `service calls (objects): chart ${fmt(chartService.p50)}, page ${fmt(pageService.p50)}`,
    );
    // The same ratios with both sides interleaved: figure 1's chart was timed minutes before its SQL above, and on a
    // shared machine whose speed drifts that alone moved the ratio by 2x. Each round times a few GraphQL requests, then
    // their SQL run directly; the ratio is taken per round.
    const interleaved = async (request: TimedRequest, statements: typeof chartSql, samples: number) => {
      const ratios: number[] = [];
      for (let round = 0; round < 6; round++) {
        const graphqlTimes = (await timedClient.time(samples, request)).times;
        const direct = await timeIt(samples, () => runSql(db, statements));
        ratios.push(median(graphqlTimes) / direct.p50);
      }
      return ratios.sort((a, b) => a - b);
    };
    const spread = (ratios: number[]) => `${ratios[0].toFixed(2)} / ${median(ratios).toFixed(2)} / ${ratios[ratios.length - 1].toFixed(2)}x`;
    const chartRatios = await interleaved(graphqlRequest(CHART, chartVariables), chartSql, 15);
    const pageRatios = await interleaved(graphqlRequest(PAGE, pageVariables), pageSql, 5);
    console.log(`3i. the same, interleaved (min / median / max over 6 rounds of GraphQL p50 ÷ direct SQL p50): chart ${spread(chartRatios)}, page ${spread(pageRatios)}`);
    // The same with the client's fetch (undici) instead of node:http: the difference is the client's own cost.
    const chartFetchRatios = await interleaved({ ...graphqlRequest(CHART, chartVariables), client: 'fetch' }, chartSql, 15);
    const pageFetchRatios = await interleaved({ ...graphqlRequest(PAGE, pageVariables), client: 'fetch' }, pageSql, 5);
    console.log(`    with fetch as the client: chart ${spread(chartFetchRatios)}, page ${spread(pageFetchRatios)}`);

    // 4. Bulk ingest (NDJSON, validated, rolled up) vs raw COPY of the same records into the same table.
    const teams: Array<{ username: string }> = await db.query(`SELECT username FROM teams WHERE organization_id = $1 AND kind = 'TEAM'`, [ingestOrg.organizationId]);
    const base = DateTime.utc().minus({ days: 2 });
    const lines = Array.from({ length: INGEST_RECORDS }, (_, i) =>
      JSON.stringify({
        id: `ingest-${i}`,
        timestamp: base.plus({ milliseconds: i * 500 }).toISO(),
        teamUsername: teams[i % teams.length].username,
        product: 'MODEL_APIS',
        endpointId: 'fal-ai/flux/dev',
        quantity: '1.5',
      }),
    );
    started = Date.now();
    const ingestResponse = await fetch(`${server.url}/ingest/usage`, { method: 'POST', headers: { authorization: `Bearer ${BENCH_INGEST_TOKEN}` }, body: lines.join('\n') });
    const ingested = (await ingestResponse.json()) as { accepted: number };
    const ingestSeconds = (Date.now() - started) / 1000;
    if (ingested.accepted !== INGEST_RECORDS) throw new Error(`figure 4: ${ingested.accepted} of ${INGEST_RECORDS} records accepted: ${JSON.stringify(ingested).slice(0, 300)}`);
    const teamIds: Array<{ id: string }> = await db.query(`SELECT id FROM teams WHERE organization_id = $1 AND kind = 'TEAM'`, [ingestOrg.organizationId]);
    const copyClient = new Client({ connectionString: url.toString() });
    await copyClient.connect();
    const rows = Array.from({ length: INGEST_RECORDS }, (_, i) =>
      [ingestOrg.organizationId, `copy-${i}`, base.plus({ milliseconds: i * 500 }).toISO(), teamIds[i % teamIds.length].id, ingestOrg.organizationId, 'MODEL_APIS', 'fal-ai/flux/dev', 'megapixel', '1.5', '0.02', '0.03', ''].join('\t'),
    );
    started = Date.now();
    await pipeline(
      Readable.from(rows.map((row) => `${row}\n`)),
      copyClient.query(copyFrom(`COPY usage_records (tenant_id, id, ts, team_id, organization_id, product, endpoint_id, unit, quantity, unit_price, cost, auth_key) FROM STDIN`)),
    );
    const copySeconds = (Date.now() - started) / 1000;
    await copyClient.end();
    const ingestRate = ingested.accepted / ingestSeconds;
    const copyRate = INGEST_RECORDS / copySeconds;
    console.log(`4. bulk ingest: ${Math.round(ingestRate).toLocaleString()} records/s (NDJSON, validated, 5 rollups) vs raw COPY ${Math.round(copyRate).toLocaleString()} records/s → ${((100 * ingestRate) / copyRate).toFixed(0)}% of COPY`);

    // 5. The 200-team dashboard: spend and a summary for every team in one request.
    const firstPage = await graphql(`{ organization(slug: "${org.slug}") { teams(first: 100) { pageInfo { endCursor } } } }`);
    const after = (firstPage.answer as any).data.organization.teams.pageInfo.endCursor;
    const utcToday = DateTime.utc().startOf('day');
    const dashboardArgs = { slug: org.slug, after, range: { start: utcToday.minus({ days: 7 }).toISO(), end: utcToday.toISO() } };
    const { statements } = await graphql(DASHBOARD, dashboardArgs);
    const dashboard = await timeRequests('200-team dashboard', 30, graphqlRequest(DASHBOARD, dashboardArgs));
    console.log(`5. 200-team dashboard (spend + 7-day summary per team): ${statements} SQL statements per request in total, p50 ${fmt(dashboard.p50)} p95 ${fmt(dashboard.p95)}`);
    printStages();
    console.log(`load average at end (1/5/15 min): ${loadAverage()}`);
    await server.close();
  } finally {
    client?.close();
    await db.destroy().catch(() => undefined);
    if (!keep) await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

/** The SQL statements (with parameters) a request issues, captured from the ORM's logger inside its request scope. */
async function sqlOf(db: DataSource, request: () => Promise<unknown>): Promise<Array<{ query: string; parameters: unknown[] }>> {
  const statements: Array<{ query: string; parameters: unknown[] }> = [];
  const logger = db.logger as { logQuery(query: string, parameters?: unknown[]): void };
  const original = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters) => {
    if (currentRequestScope()) statements.push({ query, parameters: parameters ?? [] });
    original(query, parameters);
  };
  try {
    await request();
  } finally {
    logger.logQuery = original;
  }
  return statements;
}

async function runSql(db: DataSource, statements: Array<{ query: string; parameters: unknown[] }>): Promise<void> {
  for (const { query, parameters } of statements) await db.query(query, parameters);
}

async function timeIt(samples: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await fn(); // warm caches and plans
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return percentiles(times);
}

function report(label: string, ours: { p50: number; p95: number }, naive: { p50: number; p95: number }, naiveLabel: string): void {
  console.log(`${label}: p50 ${fmt(ours.p50)} p95 ${fmt(ours.p95)}; ${naiveLabel}: p50 ${fmt(naive.p50)} → ${(naive.p50 / ours.p50).toFixed(0)}x faster`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
