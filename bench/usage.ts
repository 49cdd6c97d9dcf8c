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
import { loadConfig } from '../src/core/config';
import { currentRequestScope } from '../src/core/requestScope';
import { createLogger } from '../src/core/logger';
import { createDataSource, migrate } from '../src/core/db';
import { startServer } from '../src/app/server';
import { UsageExpand, UsageGroupBy, UsageTimeframe } from '../src/usage/usage.types';
import { createBenchOrganization, generateUsage, reuseBenchOrganization } from './usageData';
import { TimedClient, type TimedRequest } from './timedClient';

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
  const db = createDataSource({ url: url.toString(), poolSize: 8 });
  let client: TimedClient | null = null;
  try {
    await db.initialize();
    await migrate(db);
    const config = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://orgraph.test',
      ENCRYPTION_KEY: 'x'.repeat(32),
      LOG_LEVEL: 'silent',
      PORT: '0',
      INGEST_TOKEN: 'bench-ingest-token-0123456789',
      RATE_LIMIT_ENABLED: 'false',
      GRAPHQL_MAX_COST: '1000000',
    });
    const server = await startServer({ db, config, logger: createLogger('silent'), port: 0 });
    let started = Date.now();
    const org = exists ? await reuseBenchOrganization(server.services) : await createBenchOrganization(server.services, TEAMS);
    if (org.teamIds.length !== TEAMS) throw new Error(`the kept database ${dbName} has ${org.teamIds.length} teams, not ${TEAMS}: pass ${org.teamIds.length} or another BENCH_KEEP_DB`);
    // Figure 4 ingests into an organization of its own, so the dataset of the other figures stays as generated.
    const ingestOrg = exists ? await reuseBenchOrganization(server.services, 'bench-ingest') : await createBenchOrganization(server.services, 20, 'bench-ingest');
    if (!exists) await generateUsage(db, org.organizationId, EVENTS, DAYS, TEAMS);
    for (const table of ['usage_records', 'usage_rollup_15m', 'usage_rollup_1h', 'usage_rollup_1d', 'usage_rollup_items_1d', 'usage_rollup_product_1h']) {
      await db.query(`DELETE FROM ${table} WHERE tenant_id = $1`, [ingestOrg.organizationId]);
    }
    const [{ raw }] = await db.query(`SELECT count(*)::int AS raw FROM usage_records WHERE tenant_id = $1`, [org.organizationId]);
    console.log(`data: ${raw.toLocaleString()} events (${TEAMS} teams, ${DAYS} days) ${exists ? 'reused' : 'generated'} and rolled up in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    if (process.env.BENCH_GENERATE_ONLY === '1') {
      await server.close();
      return;
    }

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
      return Number(response.headers.get('x-orgraph-sql-statements'));
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
    const timeRequests = async (samples: number, request: TimedRequest) => percentiles(await timedClient.time(samples, request));

    const today = DateTime.now().setZone('America/New_York').startOf('day');
    const chartArgs = { start: today.minus({ days: 89 }).toISODate()!, end: today.plus({ days: 1 }).toISODate()!, timezone: 'America/New_York' };
    const CHART = `query($start: String!, $end: String!, $timezone: String!) { organizationUsage(start: $start, end: $end, timezone: $timezone,
      timeframe: DAY, groupBy: [PRODUCT], expand: [TIME_SERIES, SUMMARY], limit: 100) { timeSeries { bucket results { product cost } } summary { product cost } } }`;
    const utcToday = DateTime.utc().startOf('day');
    const pageArgs = { start: utcToday.minus({ days: 6 }).toISODate()!, end: utcToday.plus({ days: 1 }).toISODate()! };
    const PAGE = `query($start: String!, $end: String!) { organizationUsage(start: $start, end: $end, timeframe: DAY, limit: 7) {
      nextCursor timeSeries { bucket results { teamUsername product endpointId unit quantity unitPrice cost } } } }`;

    // 1. Dashboard chart vs naive GROUP BY date_trunc over raw records.
    const chart = await timeRequests(30, graphqlRequest(CHART, chartArgs));
    const chartRange = [DateTime.fromISO(chartArgs.start, { zone: chartArgs.timezone }).toISO(), DateTime.fromISO(chartArgs.end, { zone: chartArgs.timezone }).toISO()];
    const naiveChart = await timeIt(3, () =>
      db.query(
        `SELECT date_trunc('day', ts, 'America/New_York') AS day, product, sum(cost) FROM usage_records
          WHERE tenant_id = $1 AND ts >= $2 AND ts < $3 GROUP BY 1, 2 ORDER BY 1, 2`,
        [org.organizationId, ...chartRange],
      ),
    );
    report('1. 90-day daily cost per product (America/New_York) + summary, GraphQL', chart, naiveChart, 'naive GROUP BY date_trunc over raw');

    // 2. Seed-shaped page: 7 daily buckets, default grouping, 200 teams, first page.
    const page = await timeRequests(30, graphqlRequest(PAGE, pageArgs));
    const pageParsed = await timeRequests(30, graphqlRequest(PAGE, pageArgs, true));
    const naivePage = await timeIt(3, () =>
      db.query(
        `SELECT date_trunc('day', ts, 'UTC') AS day, team_id, product, endpoint_id, unit, sum(quantity), sum(cost) FROM usage_records
          WHERE tenant_id = $1 AND ts >= $2 AND ts < $3 GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
        [org.organizationId, `${pageArgs.start}T00:00:00Z`, `${pageArgs.end}T00:00:00Z`],
      ),
    );
    report('2. seed-shaped page: 7 daily buckets x (team, product, endpoint, unit), GraphQL', page, naivePage, 'naive GROUP BY over raw');
    report('2a. the same page including the client parsing the JSON', pageParsed, naivePage, 'naive GROUP BY over raw');
    // The same range through the REST route (same service, JSON without GraphQL execution). REST pages count items
    // (the contract's `limit`, at most 10,000), so this is the range's first page of up to 10,000 items.
    const restQuery = new URLSearchParams({ start: pageArgs.start, end: pageArgs.end, timeframe: 'day', limit: '10000' });
    const restPage = await timeRequests(30, { url: `${server.url}/v1/organization/usage?${restQuery}`, headers: { authorization: `Key ${org.adminKey}` } });
    report('2b. the first 10,000 items of that range through GET /v1/organization/usage (REST)', restPage, naivePage, 'naive GROUP BY over raw');

    // 3. GraphQL overhead: each request against the SQL statements it issues, captured and run directly (in order,
    // through the same pool); the service call (its SQL plus shaping the answer) is shown for reference.
    const scope = { tenantId: org.organizationId, teamIds: null };
    const chartSql = await sqlOf(db, () => graphql(CHART, chartArgs));
    const pageSql = await sqlOf(db, () => graphql(PAGE, pageArgs));
    const chartDirect = await timeIt(30, () => runSql(db, chartSql));
    const pageDirect = await timeIt(30, () => runSql(db, pageSql));
    const chartService = await timeIt(30, () =>
      server.services.usage.report(scope, { ...chartArgs, timeframe: UsageTimeframe.DAY, groupBy: [UsageGroupBy.PRODUCT], expand: [UsageExpand.TIME_SERIES, UsageExpand.SUMMARY], limit: 100 }),
    );
    const pageService = await timeIt(30, () => server.services.usage.report(scope, { ...pageArgs, timeframe: UsageTimeframe.DAY, limit: 7 }));
    console.log(
      `3. GraphQL overhead (GraphQL p50 / its SQL run directly p50): chart ${(chart.p50 / chartDirect.p50).toFixed(2)}x (${fmt(chart.p50)} vs ${fmt(chartDirect.p50)}, ${chartSql.length} statements), ` +
        `page ${(page.p50 / pageDirect.p50).toFixed(2)}x (${fmt(page.p50)} vs ${fmt(pageDirect.p50)}, ${pageSql.length} statements); ` +
        `service calls: chart ${fmt(chartService.p50)}, page ${fmt(pageService.p50)}`,
    );

    // 4. Bulk ingest (NDJSON, validated, rolled up) vs raw COPY of the same records into the same table.
    const teams: Array<{ username: string }> = await db.query(`SELECT username FROM teams WHERE organization_id = $1 AND kind = 'TEAM'`, [ingestOrg.organizationId]);
    const base = DateTime.utc().minus({ days: 2 });
    const lines = Array.from({ length: INGEST_RECORDS }, (_, i) =>
      JSON.stringify({
        id: `ingest-${i}`,
        timestamp: base.plus({ milliseconds: i * 500 }).toISO(),
        teamUsername: teams[i % teams.length]!.username,
        product: 'MODEL_APIS',
        endpointId: 'fal-ai/flux/dev',
        quantity: '1.5',
      }),
    );
    started = Date.now();
    const ingestResponse = await fetch(`${server.url}/ingest/usage`, { method: 'POST', headers: { authorization: 'Bearer bench-ingest-token-0123456789' }, body: lines.join('\n') });
    const ingested = (await ingestResponse.json()) as { accepted: number };
    const ingestSeconds = (Date.now() - started) / 1000;
    const teamIds: Array<{ id: string }> = await db.query(`SELECT id FROM teams WHERE organization_id = $1 AND kind = 'TEAM'`, [ingestOrg.organizationId]);
    const copyClient = new Client({ connectionString: url.toString() });
    await copyClient.connect();
    const rows = Array.from({ length: INGEST_RECORDS }, (_, i) =>
      [ingestOrg.organizationId, `copy-${i}`, base.plus({ milliseconds: i * 500 }).toISO(), teamIds[i % teamIds.length]!.id, ingestOrg.organizationId, 'MODEL_APIS', 'fal-ai/flux/dev', 'megapixel', '1.5', '0.02', '0.03', ''].join('\t'),
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
    const firstPage = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Key ${org.adminKey}` },
      body: JSON.stringify({ query: `{ organization(slug: "${org.slug}") { teams(first: 100) { pageInfo { endCursor } } } }` }),
    });
    const after = ((await firstPage.json()) as any).data.organization.teams.pageInfo.endCursor;
    const DASHBOARD = `query($slug: String!, $after: String!, $range: UsageRangeInput!) { organization(slug: $slug) {
      a: teams(first: 100) { edges { node { username spend(period: MONTH) usageSummary(range: $range) { product cost } } } }
      b: teams(first: 100, after: $after) { edges { node { username spend(period: MONTH) usageSummary(range: $range) { product cost } } } } } }`;
    const dashboardArgs = { slug: org.slug, after, range: { start: utcToday.minus({ days: 7 }).toISO(), end: utcToday.toISO() } };
    const statements = await graphql(DASHBOARD, dashboardArgs);
    const dashboard = await timeRequests(30, graphqlRequest(DASHBOARD, dashboardArgs));
    console.log(`5. 200-team dashboard (spend + 7-day summary per team): ${statements} SQL statements per request in total, p50 ${fmt(dashboard.p50)} p95 ${fmt(dashboard.p95)}`);
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

function percentiles(times: number[]): { p50: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]! };
}

function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

function report(label: string, ours: { p50: number; p95: number }, naive: { p50: number; p95: number }, naiveLabel: string): void {
  console.log(`${label}: p50 ${fmt(ours.p50)} p95 ${fmt(ours.p95)}; ${naiveLabel}: p50 ${fmt(naive.p50)} → ${(naive.p50 / ours.p50).toFixed(0)}x faster`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
