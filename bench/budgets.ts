/**
 * Budget reservations benchmark (issue 21). Run:
 *   `DATABASE_URL=postgres://... npx ts-node --transpile-only bench/budgets.ts`
 *
 * Creates its own fresh database on DATABASE_URL's server, migrates it, starts the server in-process and measures
 * `reserveSpend` through HTTP with BENCH_CONCURRENCY requests in flight (default 16), side by side in one run:
 *  - ONE budget: every reservation holds against the same hard team budget (they serialize on its lock);
 *  - 1,000 KEYS: each reservation is made with one of 1,000 keys, each with its own hard budget (and the team's
 *    budget soft, so nothing serializes them).
 * Rounds alternate between the two (BENCH_ROUNDS, default 3, of BENCH_RESERVATIONS each, default 1,000) and the
 * median of each is printed with their ratio; ratios are what count on a shared machine.
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '../src/core/config';
import { createLogger } from '../src/core/logger';
import { migrate } from '../src/core/db';
import { createAppDataSource } from '../src/app/database';
import { startServer } from '../src/app/server';

const INGEST_TOKEN = crypto.randomBytes(24).toString('hex');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PER_ROUND = Number(process.env.BENCH_RESERVATIONS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const KEYS = 1000;

const RESERVE = `mutation($input: ReserveSpendInput!) { reserveSpend(input: $input) { reserved userErrors { code } } }`;

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server the benchmark may create a database on.');
  const name = `orgraph_bench_${crypto.randomBytes(4).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = createAppDataSource({ url: url.toString(), poolSize: 10 });
  await db.initialize();
  await migrate(db);
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', ARGON2_MEMORY_KIB: '1024', INGEST_TOKEN, SEED_DEMO: 'false', RATE_LIMIT_ENABLED: 'false' });
  const server = await startServer({ db, config, logger: createLogger('silent'), port: 0 });
  try {
    // One organization, two teams: "solo" (one key, one hard team budget) and "fleet" (1,000 keys with hard budgets).
    const [org] = await db.query(`INSERT INTO organizations (slug, name) VALUES ('bench-budgets', 'Bench') RETURNING id`);
    const [solo] = await db.query(`INSERT INTO teams (organization_id, kind, username, name) VALUES ($1, 'TEAM', 'bench-solo', 'Solo') RETURNING id`, [org.id]);
    const [fleet] = await db.query(`INSERT INTO teams (organization_id, kind, username, name) VALUES ($1, 'TEAM', 'bench-fleet', 'Fleet') RETURNING id`, [org.id]);
    await db.query(
      `INSERT INTO api_keys (key_id, team_id, organization_id, scope, alias, secret_hash)
       SELECT 'bench-key-' || i, CASE WHEN i = 0 THEN $2::uuid ELSE $3::uuid END, $1, 'API', 'bench ' || i, '\\x00'::bytea FROM generate_series(0, $4) i`,
      [org.id, solo.id, fleet.id, KEYS],
    );
    await db.query(`INSERT INTO budgets (organization_id, scope, team_id, period, amount, hard) VALUES ($1, 'TEAM', $2, 'MONTH', 1000000000, true)`, [org.id, solo.id]);
    await db.query(`INSERT INTO budgets (organization_id, scope, team_id, period, amount, hard) VALUES ($1, 'TEAM', $2, 'MONTH', 1000000000, false)`, [org.id, fleet.id]);
    await db.query(
      `INSERT INTO budgets (organization_id, scope, team_id, api_key_id, period, amount, hard)
       SELECT $1, 'API_KEY', team_id, id, 'DAY', 1000000, true FROM api_keys WHERE team_id = $2`,
      [org.id, fleet.id],
    );

    let sequence = 0;
    const reserve = async (keyId: string) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${INGEST_TOKEN}` },
        body: JSON.stringify({ query: RESERVE, variables: { input: { keyId, estimatedCost: '0.01', requestId: `bench-${(sequence += 1)}` } } }),
      });
      const body = (await response.json()) as { data?: { reserveSpend: { reserved: boolean } }; errors?: unknown[] };
      if (body.errors || !body.data?.reserveSpend.reserved) throw new Error(`reservation failed: ${JSON.stringify(body)}`);
    };
    const round = async (keyOf: (i: number) => string): Promise<number> => {
      let next = 0;
      const started = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < PER_ROUND) await reserve(keyOf(next++));
        }),
      );
      const rate = PER_ROUND / (Number(process.hrtime.bigint() - started) / 1e9);
      // The metering pipeline settles holds within seconds; between rounds they are settled so every round starts
      // with no open holds (within a round, up to BENCH_RESERVATIONS accumulate, far more than calls in flight).
      await db.query(`UPDATE budget_reservations SET settled_at = now() WHERE settled_at IS NULL`);
      return rate;
    };
    const oneBudget = () => round(() => 'bench-key-0');
    const thousandKeys = () => round((i) => `bench-key-${1 + (i % KEYS)}`);
    await oneBudget(); // warm-up (JIT, caches, connections)
    await thousandKeys();
    const single: number[] = [];
    const spread: number[] = [];
    for (let r = 0; r < ROUNDS; r += 1) {
      single.push(await oneBudget());
      spread.push(await thousandKeys());
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const [held] = await db.query(`SELECT count(*)::int AS n FROM budget_reservations`);
    console.log(`reserveSpend through HTTP, ${CONCURRENCY} in flight, ${ROUNDS} rounds of ${PER_ROUND} (medians; ${held.n} reservations made)`);
    console.log(`  one hard budget (team):        ${median(single).toFixed(0)} reservations/s   rounds: ${single.map((v) => v.toFixed(0)).join(', ')}`);
    console.log(`  1,000 keys' hard budgets:      ${median(spread).toFixed(0)} reservations/s   rounds: ${spread.map((v) => v.toFixed(0)).join(', ')}`);
    console.log(`  ratio (1,000 keys / one budget): ${(median(spread) / median(single)).toFixed(2)}×`);
  } finally {
    await server.close();
    await db.destroy();
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function admin(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
