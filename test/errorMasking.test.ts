import { Writable } from 'node:stream';
import { createLogger } from '../src/core/logger';
import { createOrganization, signUp } from './support/factories';
import { startTestApp, type TestApp } from './support/testApp';

/**
 * Production mode (NODE_ENV=production): an unexpected failure inside an operation reaches the client only as
 * `Internal server error.` with the request id, while the server's JSON log holds the real error under the same
 * request id. The failure is real: this file's own database loses a column the organization loader selects.
 */
const logLines: Array<Record<string, any>> = [];
const logStream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n')) if (line.trim()) logLines.push(JSON.parse(line));
    done();
  },
});

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp(
    { NODE_ENV: 'production', ENCRYPTION_KEY: 'error-masking-test-encryption-key-0123456789', PUBLIC_URL: 'https://orgraph.test', SIGN_UP_CONFIRMATION: 'false' },
    { logger: createLogger('info', logStream) },
  );
});
afterAll(() => app.close());

async function post(body: unknown, authorization?: string) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text), requestId: response.headers.get('x-request-id') };
}

function linesFor(requestId: string) {
  return logLines.filter((line) => line.requestId === requestId);
}

describe('error masking and request ids in production mode', () => {
  it('every line of a request’s log carries its request id, as JSON', async () => {
    const user = await signUp(app);
    const response = await post({ query: 'query WhoAmI { viewer { email } }' }, `Bearer ${user.token}`);
    expect(response.json).toEqual({ data: { viewer: { email: user.email } } });
    expect(response.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(linesFor(response.requestId!)).toEqual([
      expect.objectContaining({ service: 'orgraph', msg: 'graphql request', operation: 'WhoAmI', outcome: 'ok', sqlStatements: expect.any(Number) }),
    ]);
  });

  it('validation errors carry the request id and no suggestions', async () => {
    const response = await post({ query: '{ viewer { emial } }' });
    expect(response.status).toBe(400);
    expect(response.json.errors[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', requestId: response.requestId });
    expect(response.text).not.toMatch(/Did you mean|stack/i);
    expect(linesFor(response.requestId!)).toEqual([expect.objectContaining({ msg: 'graphql request', outcome: 'error', errorCodes: ['GRAPHQL_VALIDATION_FAILED'] })]);
  });

  it('an internal failure is masked for the client and logged in full under the same request id', async () => {
    const user = await signUp(app);
    const organization = await createOrganization(app, user);
    // Break the schema under the running server: the organization loaders select this column.
    await app.db.query('ALTER TABLE organizations RENAME COLUMN name TO name_gone_in_error_test');
    try {
      const response = await post({ query: '{ organization(slug: "' + organization.slug + '") { name } }' }, `Bearer ${user.token}`);
      expect(response.status).toBe(200);
      expect(response.json.errors).toEqual([
        { message: 'Internal server error.', path: expect.any(Array), extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: response.requestId } },
      ]);
      // Nothing about the cause reaches the client: no SQL, no column, no stack, no file path.
      expect(response.text).not.toMatch(/name_gone_in_error_test|column|select|stack|\.ts:\d+|\.js:\d+|node_modules/i);

      const logged = linesFor(response.requestId!);
      const failure = logged.find((line) => line.msg === 'unexpected error in GraphQL operation');
      expect(failure).toMatchObject({ level: 50, requestId: response.requestId, path: expect.any(Array) });
      expect(JSON.stringify(failure!.err)).toMatch(/name_gone_in_error_test|column .* does not exist/);
      expect(logged).toContainEqual(expect.objectContaining({ msg: 'graphql request', outcome: 'error', errorCodes: ['INTERNAL_SERVER_ERROR'] }));

      // Batched loads fail the same way: the viewer's organizations are an error, never a silently empty list.
      const viewer = await post({ query: '{ viewer { email organizations { name } } }' }, `Bearer ${user.token}`);
      expect(viewer.json).toEqual({
        data: null,
        errors: [{ message: 'Internal server error.', path: ['viewer', 'organizations'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: viewer.requestId } }],
      });
    } finally {
      await app.db.query('ALTER TABLE organizations RENAME COLUMN name_gone_in_error_test TO name');
    }
  });
});
