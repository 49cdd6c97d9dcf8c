import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './support/ports';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { createIsolatedDatabase } from './support/testDatabase';

/**
 * kill -9 of the server in the middle of bulk ingest: the metering pipeline sends NDJSON batches; the server process
 * is killed with SIGKILL while one is in flight; a new server starts on the same database; the pipeline resends
 * every batch it has no acknowledgement for. Every record must be present exactly once, and every rollup must
 * agree with the raw records (nothing half-applied).
 */
const INGEST_TOKEN = 'crash-test-ingest-token-0123456789';
const BATCHES = 8;
const PER_BATCH = 15_000;

let database: { url: string; drop: () => Promise<void> };
let db: DataSource;
let server: ChildProcess | null = null;

beforeAll(async () => {
  database = await createIsolatedDatabase();
  db = new DataSource({ type: 'postgres', url: database.url });
  await db.initialize();
}, 60_000);

afterAll(async () => {
  server?.kill('SIGKILL');
  await db?.destroy();
  await database?.drop();
});


/** Starts the real server (src/main.ts) as its own process, so it can be killed like a production process. */
async function startServerProcess(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin'), '--transpile-only', 'src/main.ts'], {
    cwd: path.join(__dirname, '..'),
    env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), INGEST_TOKEN, SEED_DEMO: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_ENABLED: 'false', NODE_ENV: 'test' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('server process exited during start-up');
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok).catch(() => false);
    if (ready) return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('server did not become ready');
}

function batchBody(batch: number, team: string): string {
  return Array.from({ length: PER_BATCH }, (_, i) =>
    JSON.stringify({
      id: `crash-${batch}-${i}`,
      timestamp: new Date(Date.UTC(2025, 5, 1) + (batch * PER_BATCH + i) * 1000).toISOString(),
      teamUsername: team,
      product: 'MODEL_APIS',
      endpointId: 'fal-ai/flux/dev',
      quantity: '0.5',
    }),
  ).join('\n');
}

it('every record is stored exactly once after a SIGKILL mid-ingest and a retry of everything unacknowledged', async () => {
  const port = await freePort();
  server = await startServerProcess(port);
  // A team to ingest into, created directly (this test is about ingest, not about the team API).
  const [org] = await db.query(`INSERT INTO organizations (slug, name) VALUES ('crash-org', 'Crash') RETURNING id`);
  await db.query(`INSERT INTO teams (organization_id, kind, username, name) VALUES ($1, 'TEAM', 'crash-team', 'Crash')`, [org.id]);

  const send = (batch: number) =>
    fetch(`http://127.0.0.1:${port}/ingest/usage`, { method: 'POST', headers: { authorization: `Bearer ${INGEST_TOKEN}` }, body: batchBody(batch, 'crash-team') })
      .then(async (response) => (response.ok ? ((await response.json()) as { accepted: number }) : null))
      .catch(() => null);

  // The pipeline sends batches two at a time; the server is killed while batches are in flight.
  const acknowledged = new Set<number>();
  const inFlight = [0, 1, 2, 3].map(async (batch) => {
    if (await send(batch)) acknowledged.add(batch);
  });
  // Kill as soon as the first batch has committed, while the others are still being stored.
  for (let waited = 0; waited < 30_000; waited += 20) {
    const [{ stored }] = await db.query(`SELECT count(*)::int AS stored FROM usage_records`);
    if (stored > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  server.kill('SIGKILL');
  await Promise.all(inFlight);
  const [{ partial }] = await db.query(`SELECT count(*)::int AS partial FROM usage_records`);
  expect(partial).toBeGreaterThan(0);
  expect(partial).toBeLessThan(4 * PER_BATCH);

  server = await startServerProcess(port);
  for (let batch = 0; batch < BATCHES; batch++) {
    if (acknowledged.has(batch)) continue;
    const result = await send(batch);
    expect(result).not.toBeNull();
  }

  const [raw] = await db.query(`SELECT count(*)::int AS records, count(DISTINCT id)::int AS distinct_ids, sum(quantity)::text AS quantity FROM usage_records`);
  expect(raw).toEqual({ records: BATCHES * PER_BATCH, distinct_ids: BATCHES * PER_BATCH, quantity: String(BATCHES * PER_BATCH * 0.5) + '.0' });
  for (const table of ['usage_rollup_15m', 'usage_rollup_1h', 'usage_rollup_1d', 'usage_rollup_items_1d']) {
    const [rollup] = await db.query(`SELECT sum(records)::int AS records, sum(quantity)::text AS quantity FROM ${table}`);
    expect([table, rollup]).toEqual([table, { records: BATCHES * PER_BATCH, quantity: raw.quantity }]);
  }
  console.log(`kill -9 mid-ingest: ${partial} records committed before the kill, ${acknowledged.size} batches acknowledged; after retrying the rest: ${raw.records} expected ${BATCHES * PER_BATCH}`);
}, 180_000);
