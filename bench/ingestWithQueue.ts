/**
 * Ingest throughput with the job queue running (issue 23). Run:
 *   `DATABASE_URL=postgres://... npx ts-node --transpile-only bench/ingestWithQueue.ts`
 *
 * Creates its own fresh database on DATABASE_URL's server, migrates it, starts the server in-process and posts NDJSON
 * batches to `/ingest/usage` (BENCH_BATCHES per round, default 5, of BENCH_RECORDS each, default 20,000, spread over
 * BENCH_ORGS organizations, default 20, each with a spending alert and a budget with three thresholds, so every
 * batch queues one evaluation per organization), in rounds that alternate (BENCH_ROUNDS each, default 3):
 *  - IDLE: the webhook and evaluation workers stopped (the ingest path alone: store, then queue the evaluations);
 *  - QUEUE: a backlog of BENCH_BACKLOG webhook jobs (default 3,000) enqueued just before, the webhook worker running
 *    (50 ms poll, 20 jobs per fetch) and delivering to a local receiver, and the evaluation worker (50 ms poll)
 *    evaluating every organization's alerts and budgets while the ingest batches go in.
 * Prints the median records/s of each and their ratio (ratios are what count on a shared machine), the median time of
 * one batch, and how many webhook deliveries and evaluations the workers completed during the QUEUE rounds.
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { loadConfig } from '../src/core/config';
import { createLogger } from '../src/core/logger';
import { migrate } from '../src/core/db';
import { createAppDataSource } from '../src/app/database';
import { startServer } from '../src/app/server';

const INGEST_TOKEN = crypto.randomBytes(24).toString('hex');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 5);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 20_000);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 3_000);
const ORGS = Number(process.env.BENCH_ORGS ?? 20);

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

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
  // The receiver answers every delivery at once: what is measured is the queue's cost to the database, not the receiver.
  let delivered = 0;
  const receiver = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      delivered += 1;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const config = loadConfig({
    NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', ARGON2_MEMORY_KIB: '1024', INGEST_TOKEN, SEED_DEMO: 'false', RATE_LIMIT_ENABLED: 'false',
    OUTBOUND_ALLOW_LOOPBACK: 'true', WEBHOOK_POLL_MS: '50', EVALUATION_POLL_MS: '50',
  });
  const server = await startServer({ db, config, logger: createLogger('silent'), port: 0 });
  await server.webhooks.stop();
  await server.evaluations.stop();
  try {
    const operator = { actor: { kind: 'OPERATOR' as const }, requestId: 'bench', ip: null };
    const teams: string[] = [];
    for (let i = 0; i < ORGS; i++) {
      const [org] = await db.query(`INSERT INTO organizations (slug, name) VALUES ($1, 'Bench') RETURNING id`, [`bench-queue-${i}`]);
      await db.query(`INSERT INTO teams (organization_id, kind, username, name) VALUES ($1, 'TEAM', $2, 'Bench')`, [org.id, `bench-queue-team-${i}`]);
      teams.push(`bench-queue-team-${i}`);
      // Thresholds far above what the bench spends: every evaluation measures, none fires (firing is the webhook backlog's part).
      await server.services.alerts.create(operator, org.id, null, { threshold: '1000000000', period: 'MONTH', webhookUrl: hook });
      await server.services.budgets.setBudget(operator, { organizationId: org.id, scope: 'ORGANIZATION', teamId: null, userId: null, apiKeyId: null }, {
        period: 'MONTH', amount: '1000000000', thresholds: [50, 80, 100], webhookUrl: hook,
      });
    }
    let sequence = 0;
    const batch = () =>
      Array.from({ length: RECORDS }, () => {
        sequence += 1;
        return JSON.stringify({
          id: `bench-${sequence}`,
          timestamp: new Date(Date.UTC(2025, 0, 1) + sequence * 1000).toISOString(),
          teamUsername: teams[sequence % teams.length],
          product: 'MODEL_APIS',
          endpointId: 'fal-ai/flux/dev',
          quantity: '0.5',
        });
      }).join('\n');
    const batchMs: { idle: number[]; queue: number[] } = { idle: [], queue: [] };
    const round = async (kind?: 'idle' | 'queue'): Promise<number> => {
      const bodies = Array.from({ length: BATCHES }, batch);
      const started = performance.now();
      for (const body of bodies) {
        const sent = performance.now();
        const response = await fetch(`${server.url}/ingest/usage`, { method: 'POST', headers: { authorization: `Bearer ${INGEST_TOKEN}` }, body });
        if (!response.ok) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
        await response.arrayBuffer();
        if (kind) batchMs[kind].push(performance.now() - sent);
      }
      return (BATCHES * RECORDS) / ((performance.now() - started) / 1000);
    };
    const evaluated = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM (SELECT id FROM pgboss.job WHERE name = 'usage-evaluation' AND state = 'completed' UNION ALL SELECT id FROM pgboss.archive WHERE name = 'usage-evaluation' AND state = 'completed') j`))[0].n as number;
    const drainEvaluations = async () => {
      while ((await server.evaluations.runOnce()) > 0);
    };

    await round(); // warm-up: JIT, plans, the first rollup rows
    await drainEvaluations();
    const idle: number[] = [];
    const queued: number[] = [];
    let deliveredDuringQueue = 0;
    let evaluatedDuringQueue = 0;
    let queueSeconds = 0;
    for (let i = 0; i < ROUNDS; i++) {
      idle.push(await round('idle'));
      // The idle round's evaluations (one waiting job per organization) run before the QUEUE round starts.
      await drainEvaluations();
      // Each delivery row enqueues its job by trigger, as an alert firing does.
      await db.query(
        `INSERT INTO webhook_deliveries (url, payload) SELECT $1, jsonb_build_object('type', 'bench', 'alertId', gen_random_uuid()) FROM generate_series(1, $2)`,
        [hook, BACKLOG],
      );
      const before = delivered;
      const evaluatedBefore = await evaluated();
      const started = performance.now();
      server.webhooks.start();
      server.evaluations.start();
      queued.push(await round('queue'));
      queueSeconds += (performance.now() - started) / 1000;
      deliveredDuringQueue += delivered - before;
      await server.webhooks.stop();
      await server.evaluations.stop();
      evaluatedDuringQueue += (await evaluated()) - evaluatedBefore;
      // Drain the rest so the next IDLE round runs with an empty queue.
      while ((await server.webhooks.runOnce()) > 0);
      await drainEvaluations();
    }
    const [idleMedian, queueMedian] = [median(idle), median(queued)];
    console.log(`ingest, workers stopped:                      ${Math.round(idleMedian).toLocaleString()} records/s (rounds: ${idle.map(Math.round).join(', ')})`);
    console.log(`ingest, workers delivering and evaluating:    ${Math.round(queueMedian).toLocaleString()} records/s (rounds: ${queued.map(Math.round).join(', ')})`);
    console.log(`ratio queue/idle: ${(queueMedian / idleMedian).toFixed(2)}; webhook deliveries completed meanwhile: ${deliveredDuringQueue} in ${queueSeconds.toFixed(1)} s (${Math.round(deliveredDuringQueue / queueSeconds)}/s)`);
    console.log(`evaluations completed during the QUEUE rounds: ${evaluatedDuringQueue} (${ORGS} organizations, one waiting job each at most)`);
    console.log(`one batch of ${RECORDS.toLocaleString()} records, median: idle ${Math.round(median(batchMs.idle))} ms, queue ${Math.round(median(batchMs.queue))} ms`);
  } finally {
    await server.close();
    receiver.close();
    await db.destroy();
    await admin(adminUrl, `DROP DATABASE ${name}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
