import { startTestApp, type TestApp } from './support/testApp';
import { signUp } from './support/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ GRAPHQL_MAX_DEPTH: '6', GRAPHQL_MAX_ALIASES: '5', GRAPHQL_MAX_BATCH: '3' });
});
afterAll(() => app.close());

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text), requestId: response.headers.get('x-request-id') };
}

function expectNoLeak(text: string) {
  expect(text).not.toMatch(/stack|\bat .*\.(ts|js):\d+|node_modules|Did you mean/i);
}

describe('HTTP and GraphQL error hygiene', () => {
  it('answers malformed JSON with a clean 400 carrying the request id', async () => {
    const response = await post('{"query": ');
    expect(response.status).toBe(400);
    expect(response.json.errors[0].extensions).toEqual({ code: 'BAD_REQUEST', requestId: response.requestId });
    expectNoLeak(response.text);
  });

  it('rejects unknown fields without suggestions and unknown operation names cleanly', async () => {
    const unknownField = await post(JSON.stringify({ query: '{ viewr { email } }' }));
    expect(unknownField.status).toBe(400);
    expect(unknownField.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expectNoLeak(unknownField.text);

    const unknownOperation = await post(JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }));
    expect(unknownOperation.status).toBe(400);
    expect(unknownOperation.json.errors[0].extensions.requestId).toBe(unknownOperation.requestId);

    // graphql-js suggests enum values and input fields while coercing variables; those hints are stripped too.
    const enumVariable = await post(
      JSON.stringify({
        query: 'query ($input: PolicyChangeInput!) { previewPolicyChange(input: $input) { __typename } }',
        variables: { input: { organizationId: 'x', settings: { requestVisibility: { value: 'AL' } } } },
      }),
    );
    expect(enumVariable.status).toBe(400);
    expect(enumVariable.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(enumVariable.json.errors[0].message).toMatch(/RequestVisibility/);
    expectNoLeak(enumVariable.text);

    const syntax = await post(JSON.stringify({ query: '{ viewer { ' }));
    expect(syntax.status).toBe(400);
    expect(syntax.json.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('enforces depth, alias and batch limits', async () => {
    const deep = await post(
      JSON.stringify({ query: '{ viewer { organizations { rootTeam { organization { rootTeam { organization { rootTeam { name } } } } } } } }' }),
    );
    expect(deep.json.errors[0].message).toMatch(/depth/i);
    expect(deep.status).toBe(400);
    const aliases = await post(JSON.stringify({ query: `{ ${'abcdefg'.split('').map((a) => `${a}: viewer { email }`).join(' ')} }` }));
    expect(aliases.json.errors[0].message).toMatch(/alias/i);
    const tokens = await post(JSON.stringify({ query: `{ ${'__typename '.repeat(6000)}}` }));
    expect(tokens.status).toBe(400);
    expect(tokens.json.errors[0].message).toMatch(/token/i);
    const batch = await post(JSON.stringify([1, 2, 3, 4].map(() => ({ query: '{ __typename }' }))));
    expect(batch.status).toBe(400);
    expect(batch.json.errors[0].message).toMatch(/batch/i);
    const okBatch = await post(JSON.stringify([1, 2].map(() => ({ query: '{ __typename }' }))));
    expect(okBatch.json).toEqual([{ data: { __typename: 'Query' } }, { data: { __typename: 'Query' } }]);
  });

  it('reports the SQL statements a request issued', async () => {
    const user = await signUp(app);
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
      body: JSON.stringify({ query: '{ viewer { email organizations { slug } teams { username } personalAccount { username } } }' }),
    });
    expect(Number(response.headers.get('x-orgraph-sql-statements'))).toBeGreaterThan(0);
  });

  it('serves health, readiness and Prometheus metrics', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: {
        database: { status: 'up', migrations: 'applied' },
        queue: { status: 'up', queued: expect.any(Object), deadLetters: 0 },
        limiter: { status: 'off' }, // the test app runs without rate limiting
        invalidation: { status: 'up', channel: 'orgraph_invalidation' },
      },
    });
    await post(JSON.stringify({ query: 'query Probe { __typename }' }));
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    // "Probe" is not an SDK operation name: it is counted under the bounded label `other` (src/core/operationLabel.ts).
    expect(metrics).toMatch(/orgraph_graphql_request_duration_seconds_count\{operation="other",outcome="ok"\} \d+/);
    expect(metrics).toMatch(/orgraph_db_pool_connections\{state="total"\} \d+/);
    const missing = await fetch(`${app.url}/nope`);
    expect(missing.status).toBe(404);
  });

  it('is not ready while a migration this build knows is not applied', async () => {
    const [[latest]] = await app.db.query(
      `DELETE FROM schema_migrations WHERE id = (SELECT max(id) FROM schema_migrations) RETURNING id, timestamp, name`,
    );
    try {
      const pending = await fetch(`${app.url}/readyz`);
      expect(pending.status).toBe(503);
      expect(await pending.json()).toMatchObject({ status: 'unavailable', checks: { database: { status: 'up', migrations: 'pending' } } });
      // Liveness is a different question: the process is up.
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    } finally {
      await app.db.query(`INSERT INTO schema_migrations (id, timestamp, name) VALUES ($1, $2, $3)`, [latest.id, latest.timestamp, latest.name]);
    }
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
  });
});

describe('keep-alive connections', () => {
  it('answers a request sent on a connection idle for longer than Node’s 5 s default', async () => {
    const http = await import('node:http');
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; port: number; keepAlive: string }>((resolve, reject) => {
        const request = http.get(`${app.url}/healthz`, { agent }, (response) => {
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode ?? 0, port: request.socket?.localPort ?? 0, keepAlive: String(response.headers['keep-alive']) }));
        });
        request.on('error', reject);
      });
    try {
      const first = await get();
      expect(first.status).toBe(200);
      // Clients reuse an idle connection for as long as the server's Keep-Alive hint says.
      expect(first.keepAlive).toBe('timeout=65');
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      const second = await get();
      expect(second).toEqual(first); // same connection, still open and answered
    } finally {
      agent.destroy();
    }
  }, 15_000);
});
