import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { startTestApp, type TestApp } from './support/testApp';
import { createIsolatedDatabase } from './support/testDatabase';
import { freePort } from './support/ports';
import { DEMO } from '../src/seed/demo';
import { knownOperationNames } from '../src/core/operationLabel';

/**
 * Operational exposure (issue 16, Medium): metrics labels are a fixed set, `/metrics` is not public in production,
 * and production never seeds the demo organization (documented password) nor prints its key.
 */
const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
const ENCRYPTION_KEY = crypto.randomBytes(24).toString('hex');

describe('metrics', () => {
  let dev: TestApp;
  let production: TestApp;
  let guarded: TestApp;
  beforeAll(async () => {
    dev = await startTestApp();
    const prod = { NODE_ENV: 'production', ENCRYPTION_KEY, PUBLIC_URL: 'https://orgraph.test' };
    production = await startTestApp(prod);
    guarded = await startTestApp({ ...prod, METRICS_TOKEN });
  }, 60_000);
  afterAll(async () => {
    await dev?.close();
    await production?.close();
    await guarded?.close();
  });

  const metricsText = async (app: TestApp) => (await fetch(`${app.url}/metrics`)).text();

  it('100 anonymous requests with random operation names do not grow /metrics beyond a bound', async () => {
    const names = Array.from({ length: 100 }, () => `Op_${crypto.randomBytes(12).toString('hex')}`);
    // Warm-up: the `other` label series exists once, whatever the names.
    await dev.gql(`query Warm_${crypto.randomBytes(4).toString('hex')} { __typename }`);
    const before = await metricsText(dev);
    for (const name of names) expect((await dev.gql(`query ${name} { __typename }`)).status).toBe(200);
    const after = await metricsText(dev);
    expect(names.filter((name) => after.includes(name))).toEqual([]);
    // Counters change digits, no series is added (the bound allows for digits only).
    expect(after.length - before.length).toBeLessThan(2_000);
    expect(after).toMatch(/orgraph_graphql_request_duration_seconds_count\{operation="other",outcome="ok"\} \d+/);
  });

  it('keeps the SDK’s own operation names as labels', async () => {
    const sdkName = [...knownOperationNames()][0];
    expect(sdkName).toBeTruthy();
    await dev.gql(`query ${sdkName} { __typename }`);
    expect(await metricsText(dev)).toContain(`operation="${sdkName}"`);
  });

  it('in production, /metrics is 404 without METRICS_TOKEN configured and 401 without the token sent', async () => {
    expect((await fetch(`${production.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${production.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(404);
    expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } })).status).toBe(401);
    const allowed = await fetch(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('orgraph_http_requests_total');
  });
});

describe('production never seeds the demo', () => {
  const root = path.join(__dirname, '..');

  /** `src/main.ts` in production mode over a fresh database, until it is ready or exits; returns its output. */
  async function runMain(env: Record<string, string>, databaseUrl: string): Promise<{ code: number | null; output: string }> {
    const port = await freePort();
    // The server process itself (no npx in between), so SIGTERM reaches it and nothing outlives the test.
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', ENCRYPTION_KEY, PUBLIC_URL: 'https://orgraph.test', DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    for (let waited = 0; waited < 90_000; waited += 250) {
      if (child.exitCode !== null) return { code: child.exitCode, output };
      if (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status === 200).catch(() => false)) {
        child.kill('SIGTERM');
        return { code: await exited, output };
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    child.kill('SIGKILL');
    throw new Error(`main did not start:\n${output}`);
  }

  it('starts without the demo organization, its password or a key in the output; SEED_DEMO=true is refused', async () => {
    const database = await createIsolatedDatabase();
    try {
      const started = await runMain({}, database.url);
      // It did start (and stopped cleanly on SIGTERM): the checks below are about a real production start.
      expect([started.code, started.output]).toEqual([0, expect.stringMatching(/"msg":"ready"/)]);
      expect(started.output).not.toContain(DEMO.adminPassword);
      expect(started.output).not.toMatch(/ogk_[0-9a-f]{24}/);
      const client = new Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM organizations WHERE slug = $1`, [DEMO.organizationSlug]);
      const users = await client.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [DEMO.adminEmail]);
      await client.end();
      expect([rows[0].n, users.rows[0].n]).toEqual([0, 0]);

      const refused = await runMain({ SEED_DEMO: 'true' }, database.url);
      expect(refused.code).toBe(2);
      expect(refused.output).toMatch(/SEED_DEMO: the demo organization is never seeded when NODE_ENV=production/);
    } finally {
      await database.drop();
    }
  }, 180_000);
});
