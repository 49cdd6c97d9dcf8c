/**
 * Per-request throughput, before and after, side by side in one run (issue 24):
 *  - `typename`: a key-authenticated `{ __typename }` with autocannon (10 connections), req/s;
 *  - `ingest`: NDJSON bulk ingest (validated, idempotent, every rollup) records/s, and a raw COPY of the same number
 *    of records into the same table (no rollups, no id ledger) in the same round.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx ts-node --transpile-only bench/throughput.ts [typename|ingest|both]
 *
 * Each server runs in its own process (bench/benchServer.ts): "after" from this tree, "before" from a copy of
 * BENCH_BASELINE (a git commit, default the one before the throughput work) extracted with `git archive` into
 * a temporary directory that borrows this tree's node_modules. The timed clients run in their own processes too
 * (autocannon's CLI; curl for ingest). Rounds alternate before/after (ABBA), so a machine whose load drifts
 * charges both alike; the ratio per round is the figure that survives a shared machine. Both servers use the same
 * fresh database (created, migrated by this tree, dropped afterwards).
 *
 * Options: BENCH_ROUNDS (default 3), BENCH_SECONDS (autocannon seconds per sample, default 10), BENCH_CONNECTIONS
 * (default 10), BENCH_RECORDS (records per ingest sample, default 200,000), BENCH_RATE_LIMIT=on (the rate limiter
 * on as production runs it by default: the shared PostgreSQL store, table rate_limit_budgets on the limiter's own
 * pool — no REDIS_URL is passed — with a budget no run exhausts; default off, as the 2,611 req/s reference was
 * measured; the output names the store each server's /readyz reports), BENCH_BASELINE=<commit> (the "before" tree),
 * limiter-off (with BENCH_RATE_LIMIT=on: "before" is this tree with the limiter off, so the ratio is what the limiter
 * costs) or none (only this tree), BENCH_CPU_PROF=<dir> (the "after" server writes a V8 CPU profile there),
 * BENCH_AFTER_NODE_FLAGS (node flags of the "after" server alone, e.g. `--max-semi-space-size=4` as `npm start`
 * passes it, against BENCH_BASELINE=HEAD: the flag's cost, side by side).
 * The "after" server's per-stage timings (orgraph_stage_seconds_total) are printed as a breakdown per request kind.
 *
 * The limiter's own cost, before/after a change to it, side by side (here: coalesced charges, branch `limiter`):
 *
 *   BENCH_RATE_LIMIT=on BENCH_BASELINE=198d18f BENCH_ROUNDS=3 DATABASE_URL=… npx ts-node --transpile-only bench/throughput.ts typename
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { loadConfig } from '../src/core/config';
import { createLogger } from '../src/core/logger';
import { migrate } from '../src/core/db';
import { createAppDataSource } from '../src/app/database';
import { startServer } from '../src/app/server';
import { createBenchOrganization } from './usageData';

const MODE = process.argv[2] ?? 'both';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 200_000);
const BASELINE = process.env.BENCH_BASELINE ?? '25d7048';
const RATE_LIMIT = process.env.BENCH_RATE_LIMIT === 'on';
const CPU_PROF = process.env.BENCH_CPU_PROF;
const INGEST_TOKEN = 'bench-ingest-token-0123456789abcdef';
const METRICS_TOKEN = 'bench-metrics-token-0123456789abcdef';
const REPO = path.resolve(__dirname, '..');

interface BenchServer {
  label: string;
  url: string;
  child: ChildProcess;
}

/** CPU seconds (user + system) a process has used so far, from /proc (0 when it is gone or not on this machine). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU used by a server process and by every PostgreSQL backend of the bench database (PostgreSQL runs on this
 * machine): unlike requests per second, CPU per request barely moves with the machine's load, so it carries the
 * before/after comparison on a shared machine.
 */
async function cpuSnapshot(admin: Client, database: string, server: BenchServer): Promise<{ node: number; backends: Map<number, number> }> {
  const pids: Array<{ pid: number }> = (await admin.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [database])).rows;
  return { node: cpuSeconds(server.child.pid), backends: new Map(pids.map(({ pid }) => [pid, cpuSeconds(pid)])) };
}

function cpuSince(before: { node: number; backends: Map<number, number> }, after: { node: number; backends: Map<number, number> }): { node: number; postgres: number } {
  let postgres = 0;
  for (const [pid, seconds] of after.backends) postgres += seconds - (before.backends.get(pid) ?? 0);
  return { node: after.node - before.node, postgres };
}

const loadavg = () => os.loadavg().map((v) => v.toFixed(2)).join(' / ');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const stats = (values: number[], digits = 0) =>
  `min ${Math.min(...values).toFixed(digits)} / median ${median(values).toFixed(digits)} / max ${Math.max(...values).toFixed(digits)}`;

function serverEnv(): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PUBLIC_URL: 'https://orgraph.test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    ENCRYPTION_KEY: 'x'.repeat(32),
    INGEST_TOKEN,
    METRICS_TOKEN,
    RATE_LIMIT_ENABLED: RATE_LIMIT ? 'true' : 'false',
    RATE_LIMIT_API_KEY_PER_MINUTE: '1000000000',
    RATE_LIMIT_INGEST_PER_MINUTE: '1000000000',
  };
}

/** A copy of the baseline commit's tree that runs with this tree's node_modules. */
function baselineTree(ref: string): string {
  const sha = execFileSync('git', ['-C', REPO, 'rev-parse', ref], { encoding: 'utf8' }).trim();
  const dir = path.join(os.tmpdir(), `orgraph-baseline-${sha.slice(0, 12)}`);
  if (!fs.existsSync(path.join(dir, 'src'))) {
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git -C "${REPO}" archive ${sha} | tar -x -C "${dir}"`]);
  }
  if (!fs.existsSync(path.join(dir, 'node_modules'))) fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
  fs.copyFileSync(path.join(__dirname, 'benchServer.ts'), path.join(dir, 'bench', 'benchServer.ts'));
  return dir;
}

async function startBenchServer(label: string, tree: string, databaseUrl: string, profile?: string, env = serverEnv()): Promise<BenchServer> {
  const nodeFlags = label === 'after' ? (process.env.BENCH_AFTER_NODE_FLAGS ?? '').split(' ').filter(Boolean) : [];
  const execArgv = ['-r', 'ts-node/register/transpile-only', ...nodeFlags, ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [])];
  const child = fork(path.join(tree, 'bench', 'benchServer.ts'), [], { cwd: tree, execArgv, env: { ...process.env, TS_NODE_PROJECT: path.join(tree, 'tsconfig.json') } });
  const reply = await new Promise<{ url?: string; error?: string }>((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`${label} server exited with ${code}`)));
    child.send({ databaseUrl, poolSize: 10, env });
  });
  if (!reply.url) throw new Error(`${label} server failed: ${reply.error}`);
  return { label, url: reply.url, child };
}

/** Which rate-limit store a server runs with, as its /readyz reports it (`off` when the limiter is off). */
async function limiterStore(server: BenchServer): Promise<string> {
  const body = (await (await fetch(`${server.url}/readyz`)).json()) as { checks?: { limiter?: { status: string; store?: string } } };
  const limiter = body.checks?.limiter;
  return limiter?.store ? `${limiter.store} store, ${limiter.status}` : (limiter?.status ?? 'unknown');
}

async function stopBenchServer(server: BenchServer): Promise<void> {
  await new Promise<void>((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.send('stop');
  });
}

/** autocannon's CLI in its own process; requests/s averaged over the run. Fails on any non-2xx or error. */
function autocannon(url: string, key: string, seconds: number): Promise<number> {
  const cli = require.resolve('autocannon/autocannon.js');
  const args = [cli, '-j', '-c', String(CONNECTIONS), '-d', String(seconds), '-m', 'POST', '-H', 'content-type=application/json', '-H', `authorization=Key ${key}`, '-b', JSON.stringify({ query: '{ __typename }' }), `${url}/graphql`];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', () => {
      try {
        const result = JSON.parse(out.trim().split('\n').pop()!) as { requests: { average: number }; non2xx: number; errors: number; '2xx': number };
        if (result.non2xx > 0 || result.errors > 0) return reject(new Error(`autocannon: ${result.non2xx} non-2xx, ${result.errors} errors`));
        resolve(result.requests.average);
      } catch (error) {
        reject(new Error(`autocannon output unreadable: ${out.slice(0, 500)} (${String(error)})`));
      }
    });
  });
}

/** curl in its own process posts the NDJSON file; seconds to the answer's last byte, and the answer. */
function curlIngest(url: string, file: string): Promise<{ seconds: number; body: { accepted: number; duplicates: number; rejected: number } }> {
  const answer = `${file}.answer.json`;
  return new Promise((resolve, reject) => {
    const child = spawn('curl', ['-sS', '-o', answer, '-w', '%{http_code} %{time_total}', '-H', `authorization: Bearer ${INGEST_TOKEN}`, '-H', 'content-type: application/x-ndjson', '--data-binary', `@${file}`, `${url}/ingest/usage`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', () => {
      const [status, seconds] = out.trim().split(' ');
      const body = fs.existsSync(answer) ? fs.readFileSync(answer, 'utf8') : '';
      if (status !== '200') return reject(new Error(`ingest answered ${status}: ${body.slice(0, 500)}`));
      resolve({ seconds: Number(seconds), body: JSON.parse(body) });
    });
  });
}

/** The "after" server's per-stage time per request kind (seconds summed and requests counted since the last call). */
async function stageBreakdown(server: BenchServer): Promise<Map<string, Map<string, number>>> {
  const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const text = await response.text();
  const kinds = new Map<string, Map<string, number>>();
  for (const match of text.matchAll(/^orgraph_stage_(seconds|requests)_total\{([^}]*)\} ([0-9.e+-]+)$/gm)) {
    const labels = Object.fromEntries([...match[2].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const kind = kinds.get(labels.kind) ?? new Map<string, number>();
    kind.set(match[1] === 'requests' ? '#requests' : labels.stage, Number(match[3]));
    kinds.set(labels.kind, kind);
  }
  return kinds;
}

function printBreakdown(before: Map<string, Map<string, number>>, after: Map<string, Map<string, number>>, kind: string, unit: string, perUnit: number): void {
  const now = after.get(kind);
  if (!now) return console.log(`  (no stage timings for ${kind}: the server does not export orgraph_stage_seconds_total)`);
  const then = before.get(kind) ?? new Map<string, number>();
  const requests = (now.get('#requests') ?? 0) - (then.get('#requests') ?? 0);
  const parts = [...now.entries()].filter(([stage]) => stage !== '#requests').map(([stage, total]) => {
    const seconds = total - (then.get(stage) ?? 0);
    return `${stage} ${((seconds * 1e6) / Math.max(1, requests * perUnit)).toFixed(2)}`;
  });
  console.log(`  stages of ${kind} (µs per ${unit}, ${requests} requests): ${parts.join(', ')}`);
}

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server the benchmark may create a database on.');
  const name = `orgraph_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const servers: BenchServer[] = [];
  const db = createAppDataSource({ url: databaseUrl, poolSize: 4 });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'orgraph-throughput-'));
  try {
    await db.initialize();
    await migrate(db);
    const setup = await startServer({ db, config: loadConfig({ ...serverEnv(), RATE_LIMIT_ENABLED: 'false' }), logger: createLogger('silent'), port: 0 });
    const org = await createBenchOrganization(setup.services, 20, 'bench-throughput');
    await setup.close();
    const teams: Array<{ id: string; username: string }> = await db.query(`SELECT id, username FROM teams WHERE organization_id = $1 AND kind = 'TEAM' ORDER BY username`, [org.organizationId]);

    console.log(`load average at start (1/5/15 min): ${loadavg()}; ${os.cpus().length} CPUs`);
    const after = await startBenchServer('after', REPO, databaseUrl, CPU_PROF);
    servers.push(after);
    const sides = [after];
    if (BASELINE === 'limiter-off') {
      const before = await startBenchServer('this tree, limiter off', REPO, databaseUrl, undefined, { ...serverEnv(), RATE_LIMIT_ENABLED: 'false' });
      servers.push(before);
      sides.unshift(before);
    } else if (BASELINE !== 'none') {
      const before = await startBenchServer(`before (${BASELINE})`, baselineTree(BASELINE), databaseUrl);
      servers.push(before);
      sides.unshift(before);
    }
    const order = (round: number) => (round % 2 === 0 ? sides : [...sides].reverse());
    for (const side of sides) console.log(`${side.label}: rate limiter ${await limiterStore(side)}`);

    if (MODE === 'typename' || MODE === 'both') {
      for (const side of sides) await autocannon(side.url, org.adminKey, 3); // warm-up: JIT, pools, caches
      const rates = new Map<BenchServer, number[]>(sides.map((side) => [side, []]));
      const stagesBefore = await stageBreakdown(after);
      const cpu = new Map<BenchServer, number[]>(sides.map((side) => [side, []]));
      // PostgreSQL backends of the bench database: with the limiter on, mostly its store statements.
      const pgCpu = new Map<BenchServer, number[]>(sides.map((side) => [side, []]));
      for (let round = 0; round < ROUNDS; round++) {
        for (const side of order(round)) {
          const cpuBefore = await cpuSnapshot(admin, name, side);
          const rate = await autocannon(side.url, org.adminKey, SECONDS);
          const used = cpuSince(cpuBefore, await cpuSnapshot(admin, name, side));
          rates.get(side)!.push(rate);
          cpu.get(side)!.push((used.node * 1e6) / (rate * SECONDS));
          pgCpu.get(side)!.push((used.postgres * 1e6) / (rate * SECONDS));
        }
        console.log(`  round ${round + 1}: ${sides.map((side) => `${side.label} ${rates.get(side)![round].toFixed(0)} req/s`).join(', ')}; load ${loadavg()}`);
      }
      const stagesAfter = await stageBreakdown(after);
      const limiters = (await Promise.all(sides.map(limiterStore))).join(' / ');
      console.log(`key-authenticated { __typename }, ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s per side, rate limiter ${RATE_LIMIT ? `on (${limiters})` : 'off'}:`);
      for (const side of sides) {
        console.log(`  ${side.label}: ${stats(rates.get(side)!)} req/s; server CPU ${stats(cpu.get(side)!)} µs per request; PostgreSQL CPU ${stats(pgCpu.get(side)!)} µs per request`);
      }
      if (sides.length === 2) {
        const ratios = rates.get(after)!.map((rate, i) => rate / rates.get(sides[0])![i]);
        console.log(`  after ÷ before per round: ${stats(ratios, 2)} (req/s); ${stats(cpu.get(sides[0])!.map((value, i) => value / cpu.get(after)![i]), 2)} (less server CPU per request)`);
      }
      printBreakdown(stagesBefore, stagesAfter, 'graphql', 'request', 1);
    }

    if (MODE === 'ingest' || MODE === 'both') {
      const base = Date.now() - 2 * 86_400_000;
      let run = 0;
      const ndjson = (prefix: string) => {
        const file = path.join(work, `${prefix}.ndjson`);
        const lines: string[] = [];
        for (let i = 0; i < RECORDS; i++) {
          lines.push(JSON.stringify({ id: `${prefix}-${i}`, timestamp: new Date(base + i * 500).toISOString(), teamUsername: teams[i % teams.length].username, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', quantity: '1.5' }));
        }
        fs.writeFileSync(file, lines.join('\n'));
        return file;
      };
      const copy = async (prefix: string): Promise<{ rate: number; cpu: number }> => {
        const client = new Client({ connectionString: databaseUrl });
        await client.connect();
        const [{ pid }] = (await client.query(`SELECT pg_backend_pid() AS pid`)).rows;
        const cpuBefore = cpuSeconds(pid);
        const rows: string[] = [];
        for (let i = 0; i < RECORDS; i++) {
          rows.push(`${[org.organizationId, `${prefix}-${i}`, new Date(base + i * 500).toISOString(), teams[i % teams.length].id, org.organizationId, 'MODEL_APIS', 'fal-ai/flux/dev', 'megapixel', '1.5', '0.02', '0.03', ''].join('\t')}\n`);
        }
        const started = process.hrtime.bigint();
        await pipeline(Readable.from(rows), client.query(copyFrom(`COPY usage_records (tenant_id, id, ts, team_id, organization_id, product, endpoint_id, unit, quantity, unit_price, cost, auth_key) FROM STDIN`)));
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const cpu = cpuSeconds(pid) - cpuBefore;
        await client.end();
        return { rate: RECORDS / seconds, cpu: (cpu * 1e6) / RECORDS };
      };
      // Warm-up: the month's partitions exist and the catalog is cached before anything is timed.
      for (const side of sides) await curlIngest(side.url, ndjson(`warm-${side === after ? 'a' : 'b'}`));
      const rates = new Map<BenchServer, number[]>(sides.map((side) => [side, []]));
      const copies: number[] = [];
      const copyCpu: number[] = [];
      const cpu = new Map<BenchServer, Array<{ node: number; postgres: number }>>(sides.map((side) => [side, []]));
      const stagesBefore = await stageBreakdown(after);
      for (let round = 0; round < ROUNDS; round++) {
        for (const side of order(round)) {
          const file = ndjson(`r${run++}`);
          const cpuBefore = await cpuSnapshot(admin, name, side);
          const { seconds, body } = await curlIngest(side.url, file);
          const used = cpuSince(cpuBefore, await cpuSnapshot(admin, name, side));
          if (body.accepted !== RECORDS) throw new Error(`${side.label} accepted ${body.accepted} of ${RECORDS}: ${JSON.stringify(body).slice(0, 300)}`);
          rates.get(side)!.push(RECORDS / seconds);
          cpu.get(side)!.push({ node: (used.node * 1e6) / RECORDS, postgres: (used.postgres * 1e6) / RECORDS });
          fs.rmSync(file);
        }
        const copied = await copy(`copy${round}`);
        copies.push(copied.rate);
        copyCpu.push(copied.cpu);
        console.log(`  round ${round + 1}: ${sides.map((side) => `${side.label} ${rates.get(side)![round].toFixed(0)}`).join(', ')}, COPY ${copies[round].toFixed(0)} records/s; load ${loadavg()}`);
      }
      const stagesAfter = await stageBreakdown(after);
      console.log(`NDJSON ingest of ${RECORDS.toLocaleString()} records (validated, idempotent, 5 rollups) vs raw COPY, ${ROUNDS} rounds:`);
      for (const side of sides) {
        const share = rates.get(side)!.map((rate, i) => (100 * rate) / copies[i]);
        console.log(`  ${side.label}: ${stats(rates.get(side)!)} records/s; % of COPY in the same round ${stats(share)}`);
        console.log(`    CPU µs per record: server ${stats(cpu.get(side)!.map((c) => c.node), 2)}; PostgreSQL ${stats(cpu.get(side)!.map((c) => c.postgres), 2)}`);
      }
      console.log(`  raw COPY: ${stats(copies)} records/s; PostgreSQL CPU ${stats(copyCpu, 2)} µs per record`);
      if (sides.length === 2) console.log(`  after ÷ before per round: ${stats(rates.get(after)!.map((rate, i) => rate / rates.get(sides[0])![i]), 2)}`);
      printBreakdown(stagesBefore, stagesAfter, 'ingest', 'record', RECORDS);
    }
    console.log(`load average at end (1/5/15 min): ${loadavg()}`);
  } finally {
    for (const server of servers) await stopBenchServer(server).catch(() => undefined);
    if (db.isInitialized) await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
