import { startTestApp, type TestApp } from './support/testApp';
import { testDatabaseEnv, withAdminClient } from './support/testDatabase';
import { createApiKeyFor, createOrganization, signUp } from './support/factories';

/**
 * Database faults that do not need the ingest pipeline: every pooled connection killed under the server (what a
 * PostgreSQL restart or failover does to a pool), and a pool with no free connection. Requests must fail cleanly
 * (no crash, no hang, no internals in the body) and the server must recover by itself.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const VIEWER = '{ viewer { email organizations { slug } } }';

function expectClean(text: string) {
  expect(text).not.toMatch(/\bat .*\.(ts|js):\d+|node_modules|terminat|ECONNRE|timeout exceeded|QueryFailedError/i);
}

async function viewer(token: string) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: VIEWER }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) };
}

function pool() {
  return (app.db.driver as any).master as { totalCount: number; idleCount: number; waitingCount: number; connect(): Promise<{ release(): void }> };
}

describe('database faults', () => {
  it('survives every pooled connection being killed and recovers without a restart', async () => {
    const user = await signUp(app);
    expect((await viewer(user.token)).status).toBe(200);
    // What a PostgreSQL restart does to a pool: every backend of this database is terminated under the server.
    const [{ db }] = await app.db.query('SELECT current_database() AS db');
    const killer = await import('pg').then(({ Client }) => new Client({ connectionString: process.env.ORGRAPH_TEST_ADMIN_URL }));
    await killer.connect();
    const killed = await killer.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [db],
    );
    await killer.end();
    expect(killed.rowCount).toBeGreaterThan(0);

    const during = await Promise.all(Array.from({ length: 6 }, () => viewer(user.token)));
    console.log(`right after the kill: ${during.map((r) => `${r.status} ${r.json.errors?.[0]?.extensions?.code ?? 'ok'}`).join(', ')}`);
    for (const response of during) {
      // Either answered (the pool reconnected) or refused as retryable: never a 500, never internals.
      expect([200, 503]).toContain(response.status);
      expectClean(response.text);
    }
    // The pool drops dead connections and opens new ones: a few requests later everything answers again.
    let recovered = false;
    for (let attempt = 0; attempt < 10 && !recovered; attempt++) {
      const response = await viewer(user.token);
      recovered = response.status === 200 && !response.json.errors;
    }
    expect(recovered).toBe(true);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
  });

  it('answers 503 + Retry-After while the database refuses new connections (ALLOW_CONNECTIONS false), and recovers', async () => {
    // Found by an outside REST client: SQLSTATE 55000 "not currently accepting connections" was a 500 without
    // Retry-After, so a client's retry logic gave up.
    const user = await signUp(app);
    const org = await createOrganization(app, user);
    const key = await createApiKeyFor(app, org.slug, 'ADMIN');
    const teams = () => fetch(`${app.url}/v1/organization/teams`, { headers: { authorization: `Key ${key}` }, signal: AbortSignal.timeout(15_000) });
    expect((await teams()).status).toBe(200);
    const name = new URL((app.db.options as { url: string }).url).pathname.slice(1);
    const { adminUrl } = testDatabaseEnv();
    await withAdminClient(adminUrl, async (client) => {
      await client.query(`ALTER DATABASE ${client.escapeIdentifier(name)} ALLOW_CONNECTIONS false`);
      await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
    });
    try {
      const refused = await teams();
      const text = await refused.text();
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(JSON.parse(text).error.type).toBe('server_error');
      expectClean(text);
      const graphql = await viewer(user.token);
      expect(graphql.json.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expectClean(graphql.text);
    } finally {
      await withAdminClient(adminUrl, (client) => client.query(`ALTER DATABASE ${client.escapeIdentifier(name)} ALLOW_CONNECTIONS true`));
    }
    let recovered = 0;
    for (let attempt = 0; attempt < 50 && recovered !== 200; attempt++) {
      recovered = (await teams()).status;
      if (recovered !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(recovered).toBe(200);
  });

  it('answers 503 + Retry-After, without hanging, when the pool has no free connection, and recovers', async () => {
    const user = await signUp(app);
    const org = await createOrganization(app, user);
    const key = await createApiKeyFor(app, org.slug, 'ADMIN');
    const orgQuery = (credential: { key: string }) => app.gql(`query($s: String!) { organization(slug: $s) { name } }`, { s: org.slug }, credential);
    expect((await orgQuery({ key })).status).toBe(200); // the key is now in the authenticator's cache

    const held = await Promise.all(Array.from({ length: 8 }, () => pool().connect()));
    try {
      const started = Date.now();
      // A session needs the database to authenticate: nothing executes, so the whole answer is a 503.
      // A cached key authenticates, then its resolver cannot get a connection: the field fails with the same code.
      const [bySession, byKey] = await Promise.all([viewer(user.token), orgQuery({ key })]);
      console.log(`pool exhausted: session → HTTP ${bySession.status}, cached key → HTTP ${byKey.status}, after ${Date.now() - started} ms`);
      expect(bySession.status).toBe(503);
      expect(bySession.json.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfter: 1 });
      expectClean(bySession.text);
      expect(byKey.body.errors![0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfter: 1 });
      expectClean(JSON.stringify(byKey.body));
    } finally {
      for (const client of held) client.release();
    }
    expect((await viewer(user.token)).status).toBe(200);
  });
});
