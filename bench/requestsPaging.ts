/**
 * First page vs 100th page of Team.requests on a team with 1M request records (keyset pagination: they should cost
 * about the same). Side by side in one run, through GraphQL.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx ts-node --transpile-only bench/requestsPaging.ts [records]
 *
 * Creates (and drops) its own database on that server.
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '../src/core/config';
import { createLogger } from '../src/core/logger';
import { migrate } from '../src/core/db';
import { createAppDataSource } from '../src/app/database';
import { startServer } from '../src/app/server';

const RECORDS = Number(process.argv[2] ?? 1_000_000);
const PAGE_SIZE = 50;
const SAMPLES = 40;

async function main() {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error('set DATABASE_URL to a server where databases may be created');
  const dbName = `orgraph_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;
  const db = createAppDataSource({ url: url.toString(), poolSize: 4 });
  try {
    await db.initialize();
    await migrate(db);
    // The rate limiter is off: 80 back-to-back page reads of one session would exhaust its budget.
    const config = loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://orgraph.test', ENCRYPTION_KEY: 'x'.repeat(32), LOG_LEVEL: 'silent', PORT: '0', RATE_LIMIT_ENABLED: 'false' });
    const server = await startServer({ db, config, logger: createLogger('silent'), port: 0 });
    const caller = { actor: { kind: 'OPERATOR' as const }, requestId: 'bench', ip: null };
    const { user, token } = await server.services.users.signUp(caller, { email: 'bench@example.com', name: 'Bench', password: 'bench password 123' });
    const userCaller = { ...caller, actor: { kind: 'USER' as const, userId: user.id, sessionId: '', method: 'PASSWORD' as const, ssoOrganizationId: null } };
    const org = await server.services.organizations.create(userCaller, user.id, { slug: 'bench-org', name: 'Bench' });
    const team = await server.services.teams.create(userCaller, { organizationId: org.id, username: 'bench-team', name: 'Bench team' });

    const loadStarted = Date.now();
    // request_records is partitioned by month; this bulk insert bypasses ingest, which would create the months.
    await db.query(
      `SELECT orgraph_ensure_month_partition('request_records', m)
         FROM generate_series(date_trunc('month', now() - make_interval(secs => $1 + 1), 'UTC'), now(), interval '1 month') m`,
      [RECORDS],
    );
    await db.query(
      `INSERT INTO request_records (team_id, organization_id, id, endpoint_id, status, http_status, started_at, finished_at,
                                    auth_kind, user_id, input, output, payload_bytes)
       SELECT $1, $2, 'req-' || g, 'fal-ai/flux/dev', 'SUCCEEDED', 200,
              now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval + interval '2 seconds',
              'LOGIN', $3, '{"prompt":"a cat"}', '{"images":["x.png"]}', 40
         FROM generate_series(1, $4) g`,
      [team.id, org.id, user.id, RECORDS],
    );
    await db.query(`INSERT INTO request_record_ids (team_id, id, started_at) SELECT team_id, id, started_at FROM request_records WHERE team_id = $1`, [team.id]);
    await db.query('ANALYZE request_records; ANALYZE request_record_ids');
    console.log(`loaded ${RECORDS.toLocaleString()} records in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s`);

    const query = `query($after: String) { team(username: "bench-team") { requests(first: ${PAGE_SIZE}, after: $after) {
      pageInfo { endCursor } edges { node { requestId startedAt status payload { input } } } } } }`;
    const call = async (after: string | null) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables: { after } }),
      });
      const body = (await response.json());
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data.team.requests.pageInfo.endCursor as string;
    };
    let cursor: string | null = null;
    for (let page = 1; page < 100; page++) cursor = await call(cursor);
    const page100Cursor = cursor;

    const time = async (after: string | null) => {
      const samples: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const started = process.hrtime.bigint();
        await call(after);
        samples.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      samples.sort((a, b) => a - b);
      return { p50: samples[Math.floor(SAMPLES / 2)], p95: samples[Math.floor(SAMPLES * 0.95)] };
    };
    // Interleave to share the machine's noise fairly.
    const first = await time(null);
    const hundredth = await time(page100Cursor);
    const firstAgain = await time(null);
    const firstP50 = Math.min(first.p50, firstAgain.p50);
    console.log(`page size ${PAGE_SIZE}, ${SAMPLES} samples each, with payloads (audited reads)`);
    console.log(`first page   p50 ${firstP50.toFixed(1)} ms  p95 ${Math.min(first.p95, firstAgain.p95).toFixed(1)} ms`);
    console.log(`100th page   p50 ${hundredth.p50.toFixed(1)} ms  p95 ${hundredth.p95.toFixed(1)} ms`);
    console.log(`ratio 100th/first (p50): ${(hundredth.p50 / firstP50).toFixed(2)}x`);
    await server.close();
  } finally {
    await db.destroy().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
