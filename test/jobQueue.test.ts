import http from 'node:http';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { startTestApp, TEST_INGEST_TOKEN, TEST_OPERATOR_TOKEN, type TestApp } from './support/testApp';
import { createOrganization, createTeam, signUp, unique } from './support/factories';
import { freePort } from './support/ports';
import { socketOwner } from './support/socketOwner';

/**
 * Webhooks on the job queue with several instances (issue 23): two server processes run workers on one database;
 * the one in the middle of a delivery is killed with SIGKILL (its receiver stalls on that first request). The
 * delivery must still arrive, every delivery id must be accepted exactly once by a receiver that dedupes on
 * `X-Orgraph-Delivery` (the contract: at-least-once transport, stable id), and our record must hold exactly one
 * successful attempt per delivery. A receiver that always refuses ends in a dead letter operators can see.
 */
const TIMEOUT_MS = 2000;
const WORKER_ENV = {
  WEBHOOK_POLL_MS: '50',
  WEBHOOK_RETRY_BASE_MS: '100',
  WEBHOOK_MAX_ATTEMPTS: '2',
  WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
  JOB_MAINTENANCE_SECONDS: '1',
  JOB_EXPIRY_MARGIN_SECONDS: '1',
};

let app: TestApp;
const workers: ChildProcess[] = [];
let receiver: http.Server;

// What the receiver saw: every POST per delivery id, and which ones it accepted (dedupe by id, like a real receiver).
const seen = new Map<string, number>();
const accepted = new Map<string, number>();
const duplicates = new Map<string, number>();
let stalledDelivery: string | null = null;
let killed: { pid: number; exit: Promise<NodeJS.Signals | null> } | null = null;

beforeAll(async () => {
  // The API instance of this test only takes requests: its own poll is an hour, so the two processes below deliver.
  app = await startTestApp({ ...WORKER_ENV, WEBHOOK_POLL_MS: '3600000' });
  receiver = http.createServer((req, res) => {
    const id = String(req.headers['x-orgraph-delivery']);
    seen.set(id, (seen.get(id) ?? 0) + 1);
    req.resume();
    req.on('end', () => {
      if (req.url === '/refuse') return void res.writeHead(500).end();
      if (stalledDelivery === null) {
        // The first delivery stalls: kill the worker process that sent it, mid-delivery.
        stalledDelivery = id;
        const pid = socketOwner(req.socket.remotePort!, (receiver.address() as AddressInfo).port, workers.map((w) => w.pid!));
        const worker = workers.find((w) => w.pid === pid);
        if (!worker) throw new Error('no worker owns the stalled connection');
        killed = { pid: pid!, exit: new Promise((resolve) => worker.once('exit', (_code, signal) => resolve(signal))) };
        worker.kill('SIGKILL');
        return;
      }
      // A receiver that dedupes on the delivery id: a repeat is acknowledged, its effect not applied again.
      if (!accepted.has(id)) accepted.set(id, 1);
      else duplicates.set(id, (duplicates.get(id) ?? 0) + 1);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const dbUrl = (app.db.options as { url: string }).url;
  const ports = [await freePort(), await freePort()];
  workers.push(...(await Promise.all(ports.map((port) => startWorker(dbUrl, port)))));
}, 120_000);

afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
  receiver?.close();
  await app?.close();
});

async function startWorker(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin'), '--transpile-only', 'src/main.ts'], {
    cwd: path.join(__dirname, '..'),
    env: {
      ...process.env,
      ...WORKER_ENV,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_ENABLED: 'false',
      NODE_ENV: 'test',
      OUTBOUND_ALLOW_LOOPBACK: 'true',
      INGEST_TOKEN: TEST_INGEST_TOKEN,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  (child as ChildProcess & { port: number }).port = port;
  for (const deadline = Date.now() + 90_000; Date.now() < deadline; ) {
    if (child.exitCode !== null) throw new Error('worker process exited during start-up');
    if (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok).catch(() => false)) return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('worker process did not become ready');
}

async function until(condition: () => Promise<boolean>, ms: number): Promise<void> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; ) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not met in time');
}

const CREATE_ALERT = `mutation($input: CreateSpendingAlertInput!) { createSpendingAlert(input: $input) { alert { id } userErrors { code } } }`;
const INGEST = `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted rejected { code } } }`;

/** Teams whose alert fires on the next ingest, each with its webhook to `pathname` on the receiver. */
async function firingAlerts(count: number, pathname: string): Promise<string[]> {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}${pathname}`;
  const teams: string[] = [];
  for (let i = 0; i < count; i++) {
    const team = await createTeam(app, admin, org.id);
    const { createSpendingAlert } = await app.data(CREATE_ALERT, { input: { organizationId: org.id, teamId: team.id, threshold: '1', period: 'DAY', webhookUrl: url } }, { token: admin.token });
    expect(createSpendingAlert.userErrors).toEqual([]);
    teams.push(team.username);
  }
  const records = teams.map((team) => ({ id: unique('q'), timestamp: new Date().toISOString(), teamUsername: team, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', quantity: '2', unitPrice: '1' }));
  const { ingestUsage } = await app.data(INGEST, { input: { records } }, { bearer: TEST_INGEST_TOKEN });
  expect(ingestUsage.rejected).toEqual([]);
  // The alerts fire in the queued evaluation (any of the workers may run it).
  await app.drainEvaluations();
  const rows: { id: string }[] = await app.db.query(
    `SELECT d.id FROM webhook_deliveries d WHERE d.url = $1 ORDER BY d.id`,
    [url],
  );
  expect(rows).toHaveLength(count);
  return rows.map((row) => row.id);
}

it('delivers every webhook exactly once per delivery id while two workers run and the one mid-delivery is SIGKILLed', async () => {
  const deliveries = await firingAlerts(6, '/hook');

  // The first POST stalls; its sender is killed; the job expires (timeout + margin) and the other process retries it.
  await until(async () => killed !== null, 20_000);
  expect(await killed!.exit).toBe('SIGKILL');
  const survivor = workers.find((w) => w.pid !== killed!.pid)!;
  expect(survivor.exitCode).toBeNull();
  await until(async () => {
    const [{ pending }] = await app.db.query(`SELECT count(*)::int AS pending FROM webhook_deliveries WHERE id = ANY($1) AND status <> 'SUCCEEDED'`, [deliveries]);
    return pending === 0;
  }, 30_000);

  // The receiver: each id accepted once (the stalled one was received twice, the second time accepted).
  expect(stalledDelivery).not.toBeNull();
  expect(deliveries).toContain(stalledDelivery);
  expect(seen.get(stalledDelivery!)).toBeGreaterThanOrEqual(2);
  expect(Object.fromEntries(deliveries.map((id) => [id, accepted.get(id)]))).toEqual(Object.fromEntries(deliveries.map((id) => [id, 1])));
  // No two live workers ever sent the same job: an id reached the receiver more than once only if its job was taken
  // over from the killed worker (retry_count >= 1 after expiry), and then at most once more.
  const jobs: { id: string; retries: number }[] = await app.db.query(
    `SELECT data->>'id' AS id, max(retry_count)::int AS retries FROM pgboss.job WHERE name = 'webhook-delivery' AND data->>'id' = ANY($1) GROUP BY 1`,
    [deliveries],
  );
  expect(jobs).toHaveLength(deliveries.length);
  for (const job of jobs) expect([job.id, seen.get(job.id)! <= 1 + job.retries]).toEqual([job.id, true]);
  expect(jobs.find((job) => job.id === stalledDelivery)!.retries).toBeGreaterThanOrEqual(1);
  expect(jobs.filter((job) => job.retries === 0).every((job) => seen.get(job.id) === 1 && !duplicates.has(job.id))).toBe(true);
  // Our record: exactly one attempt per delivery, successful (the killed worker never recorded its attempt).
  const attempts: { delivery_id: string; attempts: number; status_code: number }[] = await app.db.query(
    `SELECT a.delivery_id, d.attempts, a.status_code FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE a.delivery_id = ANY($1)`,
    [deliveries],
  );
  expect(attempts.map((a) => a.delivery_id).sort()).toEqual([...deliveries].sort());
  expect(new Set(attempts.map((a) => `${a.attempts}/${a.status_code}`))).toEqual(new Set(['1/204']));
  // Nothing of theirs is left in the queue, and the killed worker's job was the one taken over.
  const [{ open }] = await app.db.query(`SELECT count(*)::int AS open FROM pgboss.job WHERE name = 'webhook-delivery' AND data->>'id' = ANY($1) AND state IN ('created', 'retry', 'active')`, [deliveries]);
  expect(open).toBe(0);
}, 90_000);

it('gives up after WEBHOOK_MAX_ATTEMPTS and shows the dead letter to operators (job_dead_letters, /readyz)', async () => {
  const survivor = workers.find((w) => w.exitCode === null && w.signalCode === null)! as ChildProcess & { port: number };
  const [dead] = await firingAlerts(1, '/refuse');
  await until(async () => {
    const [row] = await app.db.query(`SELECT status FROM webhook_deliveries WHERE id = $1`, [dead]);
    return row.status === 'FAILED';
  }, 20_000);
  expect(seen.get(dead)).toBe(2);
  expect(accepted.has(dead)).toBe(false);
  expect(await app.db.query(`SELECT kind, item_id, attempts FROM job_dead_letters WHERE item_id = $1`, [dead])).toEqual([{ kind: 'WEBHOOK', item_id: dead, attempts: 2 }]);
  // Operators read them through GraphQL too; nobody else does.
  const DEAD = `{ deadLetters(first: 10) { totalCount edges { node { kind itemId attempts reason } } } }`;
  const { deadLetters } = await app.data(DEAD, {}, { bearer: TEST_OPERATOR_TOKEN });
  expect(deadLetters).toEqual({ totalCount: 1, edges: [{ node: { kind: 'WEBHOOK', itemId: dead, attempts: 2, reason: 'every attempt failed' } }] });
  const user = await signUp(app);
  const refused = await app.gql(DEAD, {}, { token: user.token });
  expect(refused.body.data).toBeNull();
  expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OPERATOR_REQUIRED' });
  const ready = await fetch(`http://127.0.0.1:${survivor.port}/readyz`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toMatchObject({ status: 'ready', checks: { queue: { status: 'up', deadLetters: 1, queued: { 'webhook-delivery': 0 } } } });
}, 60_000);
