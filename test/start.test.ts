import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './support/ports';

/**
 * `npm start` exactly as a newcomer runs it: no DATABASE_URL, so it compiles, starts an embedded PostgreSQL in a
 * fresh data folder, migrates, seeds the demo organization and serves. Then SIGTERM while a request is in flight:
 * the request must finish, the process must exit 0, and the embedded PostgreSQL must be stopped. A second (warm)
 * start on the same folder must not seed again and must still hold the first start's data.
 */
const root = path.join(__dirname, '..');
const START_TIMEOUT_MS = 180_000;

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

let scratch: string;
let dataDir: string;
let port: number;
let pgPort: number;
let running: Started | null = null;

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'orgraph-start-'));
  // As root the embedded PostgreSQL runs as the `postgres` OS user, which must reach the data folder.
  fs.chmodSync(scratch, 0o777);
  dataDir = path.join(scratch, 'postgres');
  port = await freePort();
  pgPort = await freePort();
});

afterAll(async () => {
  if (running && running.child.exitCode === null) {
    // Best effort: a graceful stop (so PostgreSQL is stopped by the server), then the whole process group.
    signalServer(running.child, 'SIGTERM');
    const stopped = await Promise.race([running.exited.then(() => true), delay(15_000).then(() => false)]);
    if (!stopped) process.kill(-running.child.pid!, 'SIGKILL');
  }
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** `npm start` in its own process group (so nothing it starts outlives the test), on the embedded database. */
async function npmStart(): Promise<Started> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    EMBEDDED_PG_PORT: String(pgPort),
    EMBEDDED_PG_DIR: dataDir,
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  const child = spawn('npm', ['start'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const started: Started = { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
  running = started;

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
    const ready = await fetch(`${started.url}/readyz`).then((r) => r.status === 200).catch(() => false);
    if (ready) return started;
    await delay(250);
  }
  throw new Error(`npm start did not answer 200 at /readyz within ${START_TIMEOUT_MS} ms:\n${output}`);
}

/**
 * The server process itself (`node dist/src/main.js`), not npm or the shell in between: SIGTERM goes where a
 * process manager would send it. Found in /proc among the members of the child's process group.
 */
function serverPid(child: ChildProcess): number {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      const argv = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      // node's own flags (the start script's --max-semi-space-size) come before the script.
      if (pgrp === child.pid && path.basename(argv[0] ?? '') === 'node' && argv.includes('dist/src/main.js')) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  throw new Error('the server process (node dist/src/main.js) was not found');
}

function signalServer(child: ChildProcess, signal: NodeJS.Signals): void {
  process.kill(serverPid(child), signal);
}

async function graphql(url: string, query: string, variables: Record<string, unknown> = {}, authorization?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: unknown[] } };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(20);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function portAcceptsConnections(target: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(target, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

let demoAdminKey: string;
let firstTokens: string[];

describe('npm start on the embedded database', () => {
  it('cold: starts PostgreSQL in an empty folder, migrates, seeds, prints the URLs and credentials, answers', async () => {
    expect(fs.existsSync(dataDir)).toBe(false);
    const server = await npmStart();

    expect(await graphql(server.url, '{ __typename }')).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({
      status: 'ready',
      checks: {
        database: { status: 'up', migrations: 'applied' },
        queue: { status: 'up', queued: expect.any(Object), deadLetters: 0 },
        limiter: { status: 'up', store: 'postgres' },
        invalidation: { status: 'up', channel: 'orgraph_invalidation' },
      },
    });
    expect(fs.existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);

    const banner = server.output();
    // The long first compile says what it is doing before it starts.
    expect(banner.indexOf('Compiling TypeScript')).toBeGreaterThanOrEqual(0);
    expect(banner.indexOf('Compiling TypeScript')).toBeLessThan(banner.indexOf('starting embedded PostgreSQL'));
    expect(banner).toContain(`GraphQL endpoint : ${server.url}/graphql`);
    expect(banner).toContain(`GraphQL IDE      : ${server.url}/graphql`);
    expect(banner).toContain('Demo admin login : admin@demo.orgraph.dev / orgraph-demo-admin');
    // No SMTP_URL in development: the banner says where emails go instead (the data folder of this start).
    expect(banner).toContain(`Emails           : printed to the log and written as .eml files to ${path.resolve(path.dirname(dataDir), 'emails')}`);
    const key = /Authorization: Key (ogk_[0-9a-f]+:ogsk_[A-Za-z0-9_-]+)/.exec(banner)?.[1];
    expect(key).toBeDefined();
    demoAdminKey = key!;
    firstTokens = /Ingest token {5}: Bearer (\S+)\n {2}Operator token {3}: Bearer (\S+)/.exec(banner)!.slice(1);
    expect(firstTokens).toEqual([expect.stringMatching(/^ogi_/), expect.stringMatching(/^ogo_/)]);
    expect(banner).toContain('New org admin key: in the IDE');
    // Development credentials live in the data folder, readable by the owner only.
    const stored = path.join(scratch, 'dev-credentials.json');
    expect(fs.statSync(stored).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(stored, 'utf8'))).toEqual({ ingestToken: firstTokens[0], operatorToken: firstTokens[1], demoAdminKey });

    // The printed key is a working organization admin key of the seeded organization with its two teams.
    const organization = await graphql(server.url, '{ organization(slug: "demo") { slug teams { totalCount } } }', {}, `Key ${demoAdminKey}`);
    expect(organization.body).toEqual({ data: { organization: { slug: 'demo', teams: { totalCount: 2 } } } });
    // The development seed: usage on every team, last month closed, the production team's daily alert fired.
    expect(banner).toContain('seeded demo activity');
    const month = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    const billed = await graphql(server.url, `{ organization(slug: "demo") { billingSummary(month: "${month}") { status invoiceCount } } }`, {}, `Key ${demoAdminKey}`);
    expect(billed.body).toEqual({ data: { organization: { billingSummary: { status: 'ISSUED', invoiceCount: 3 } } } });
  }, START_TIMEOUT_MS + 30_000);

  it('SIGTERM: an in-flight request finishes, then the pool and the embedded PostgreSQL are closed and it exits 0', async () => {
    const server = running!;
    expect(await portAcceptsConnections(pgPort)).toBe(true);

    // A request that needs the database, whose body is still arriving when SIGTERM comes: headers and the start of
    // the body now, the rest well after the shutdown began (longer than stopping PostgreSQL takes), so it only
    // succeeds if the server waits for it before closing the pool and stopping the database.
    const body = JSON.stringify({ query: '{ organization(slug: "demo") { slug } }' });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(
        `${server.url}/graphql`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Key ${demoAdminKey}` },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode!, text }));
        },
      );
      request.on('error', reject);
      request.write(body.slice(0, 10));
      void waitFor(() => server.output().includes('shutting down'), 'the shutdown to begin').then(
        () => delay(2_500).then(() => request.end(body.slice(10))),
        reject,
      );
    });
    // Give the server a moment to see the request's headers before the signal.
    await delay(300);
    signalServer(server.child, 'SIGTERM');

    const finished = await answer;
    expect(finished.status).toBe(200);
    expect(JSON.parse(finished.text)).toEqual({ data: { organization: { slug: 'demo' } } });
    expect(await server.exited).toBe(0);
    const log = server.output();
    expect(log.indexOf('shutting down')).toBeLessThan(log.indexOf('HTTP server closed'));
    expect(log.indexOf('HTTP server closed')).toBeLessThan(log.indexOf('stopping embedded PostgreSQL'));
    expect(log).toContain('"msg":"stopped"');
    // Nothing listens any more: neither the server nor its PostgreSQL (which removed its pid file on a clean stop).
    expect(await portAcceptsConnections(port)).toBe(false);
    expect(await portAcceptsConnections(pgPort)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    running = null;
  }, 60_000);

  it('warm: starts on the same folder without seeding again; the first start’s data and key are still there', async () => {
    const server = await npmStart();
    expect(await graphql(server.url, '{ __typename }')).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });

    const banner = server.output();
    // Development credentials are the first start's: the same key and the same ingest and operator tokens.
    expect(/Authorization: Key (ogk_[0-9a-f]+:ogsk_[A-Za-z0-9_-]+)/.exec(banner)?.[1]).toBe(demoAdminKey);
    expect(/Ingest token {5}: Bearer (\S+)\n {2}Operator token {3}: Bearer (\S+)/.exec(banner)!.slice(1)).toEqual(firstTokens);
    expect(banner).not.toContain('applied migrations');
    expect(banner).not.toContain('seeded demo activity');

    const organization = await graphql(server.url, '{ organization(slug: "demo") { teams { totalCount } } }', {}, `Key ${demoAdminKey}`);
    expect(organization.body).toEqual({ data: { organization: { teams: { totalCount: 2 } } } });
    const login = await graphql(
      server.url,
      'mutation($input: LoginInput!) { login(input: $input) { token userErrors { code } } }',
      { input: { email: 'admin@demo.orgraph.dev', password: 'orgraph-demo-admin' } },
    );
    expect(login.body.data.login).toEqual({ token: expect.stringMatching(/^ogs_/), userErrors: [] });

    signalServer(server.child, 'SIGTERM');
    expect(await server.exited).toBe(0);
    running = null;
  }, START_TIMEOUT_MS + 30_000);
});
