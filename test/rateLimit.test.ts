import { TokenBucketLimiter } from '../src/core/rateLimit';
import { authorizationHeader, startTestApp, TEST_INGEST_TOKEN, TEST_OPERATOR_TOKEN, type Credential, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, signUp } from './support/factories';

// Budgets are query-cost points per minute. Small enough that one page of 100 catalog entries (cost 300, charged
// as a full bucket) empties a bucket, large enough for the factories' anonymous sign-ups from 127.0.0.1.
const BUDGET = 100;
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({
    RATE_LIMIT_ENABLED: 'true',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '400',
    RATE_LIMIT_USER_PER_MINUTE: String(BUDGET),
    RATE_LIMIT_API_KEY_PER_MINUTE: String(BUDGET),
    RATE_LIMIT_INGEST_PER_MINUTE: String(BUDGET),
    RATE_LIMIT_OPERATOR_PER_MINUTE: String(BUDGET),
  });
});
afterAll(() => app.close());

const CATALOG_PAGE = `query Page($n: Int) { modelEndpoints(first: $n) { edges { node { endpointId } } } }`;

async function post(query: string, variables: Record<string, unknown>, credential: Credential, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorizationHeader(credential), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) };
}

/** One full-bucket operation passes, the next is refused with 429 + Retry-After, and cheap ones are refused too. */
async function expectExhaustedAfterOneExpensiveCall(credential: Credential, headers: Record<string, string> = {}) {
  const first = await post(CATALOG_PAGE, { n: 100 }, credential, headers);
  expect(first.status).toBe(200);
  expect(first.headers.get('x-orgraph-query-cost')).toBe('300');

  const second = await post(CATALOG_PAGE, { n: 100 }, credential, headers);
  expect(second.status).toBe(429);
  expect(second.body.data).toBeUndefined();
  const error = second.body.errors[0];
  expect(error.extensions.code).toBe('RATE_LIMITED');
  expect(error.extensions.retryAfter).toBeGreaterThanOrEqual(1);
  expect(error.extensions.retryAfter).toBeLessThanOrEqual(60);
  expect(second.headers.get('retry-after')).toBe(String(error.extensions.retryAfter));
  expect(error.extensions.http).toBeUndefined();

  const cheap = await post('{ __typename }', {}, credential, headers);
  expect(cheap.status).toBe(429);
}

describe('cost-based rate limiting per credential', () => {
  it('charges a session by cost: variables count, one session does not drain another', async () => {
    const alice = await signUp(app);
    const bob = await signUp(app);
    // A one-item page costs 3; thirty of them (90 points) fit in the budget of 100.
    for (let i = 0; i < 30; i++) {
      const response = await post(CATALOG_PAGE, { n: 1 }, { token: alice.token });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-orgraph-query-cost')).toBe('3');
    }
    const over = await post(CATALOG_PAGE, { n: 5 }, { token: alice.token });
    expect(over.status).toBe(429);
    await expectExhaustedAfterOneExpensiveCall({ token: bob.token });
  });

  it('limits each API key on its own', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const apiKey = await createApiKeyFor(app, org.slug, 'API');
    const adminKey = await createApiKeyFor(app, org.slug, 'ADMIN');
    await expectExhaustedAfterOneExpensiveCall({ key: apiKey });
    // Same team, same organization, different key: its own (still full) bucket.
    await expectExhaustedAfterOneExpensiveCall({ key: adminKey });
  });

  it('limits the ingest and operator credentials separately', async () => {
    await expectExhaustedAfterOneExpensiveCall({ bearer: TEST_INGEST_TOKEN });
    await expectExhaustedAfterOneExpensiveCall({ bearer: TEST_OPERATOR_TOKEN });
  });

  it('limits anonymous callers by client IP (as forwarded by the loopback proxy)', async () => {
    const fromA = { 'x-forwarded-for': '203.0.113.7' };
    const fromB = { 'x-forwarded-for': '203.0.113.8' };
    // Budget 400: the first page (300) passes the limiter (and fails authentication), the second does not fit.
    const pageA = await post(CATALOG_PAGE, { n: 100 }, undefined, fromA); // UNAUTHENTICATED, but charged
    expect(pageA.headers.get('x-orgraph-query-cost')).toBe('300');
    const againA = await post(CATALOG_PAGE, { n: 100 }, undefined, fromA);
    expect(againA.status).toBe(429);
    expect(againA.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(againA.headers.get('retry-after'))).toBe(againA.body.errors[0].extensions.retryAfter);
    expect((await post('{ __typename }', {}, undefined, fromB)).status).toBe(200);
  });

  it('charges rejected credentials to the sender’s IP: guessing keys ends in 429', async () => {
    const from = { 'x-forwarded-for': '198.51.100.23' };
    const statuses: number[] = [];
    // Budget 400, 10 per rejected credential: forty 401s, then 429s.
    for (let i = 0; i < 42; i++) {
      statuses.push((await post('{ __typename }', {}, { key: `ogk_guess${i}:not-a-secret` }, from)).status);
    }
    expect(statuses.slice(0, 40).every((status) => status === 401)).toBe(true);
    const blocked = await post('{ __typename }', {}, { key: 'ogk_guess:not-a-secret' }, from);
    expect(blocked.status).toBe(429);
    expect(blocked.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(blocked.headers.get('retry-after')).toBe(String(blocked.body.errors[0].extensions.retryAfter));
    // The same IP is throttled as an anonymous caller too; another IP is not. The probe costs 300 (a fresh IP's
    // budget of 400 covers it): a 1-point probe would pass on the few points refilled while the loop ran slowly.
    expect((await post(CATALOG_PAGE, { n: 100 }, undefined, from)).status).toBe(429);
    expect((await post('{ __typename }', {}, { key: 'ogk_guess:not-a-secret' }, { 'x-forwarded-for': '198.51.100.24' })).status).toBe(401);
  });

  it('charges each member of a batch', async () => {
    const carol = await signUp(app);
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${carol.token}` },
      body: JSON.stringify([
        { query: CATALOG_PAGE, variables: { n: 100 } },
        { query: '{ __typename }' },
      ]),
    });
    const body = (await response.json()) as any[];
    expect(body[0].errors).toBeUndefined();
    expect(body[1].errors[0].extensions.code).toBe('RATE_LIMITED');
  });
});

describe('token bucket arithmetic', () => {
  it('refills continuously at the per-minute rate and forgets idle buckets', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ ANONYMOUS: 60, USER: 60, API_KEY: 60, INGEST: 60, OPERATOR: 60 }, () => now);
    const subject = { key: 'k', limitClass: 'USER' as const };
    expect(limiter.take(subject, 60)).toEqual({ allowed: true, remaining: 0 });
    expect(limiter.take(subject, 5)).toEqual({ allowed: false, retryAfterSeconds: 5 });
    now += 5_000;
    expect(limiter.take(subject, 5)).toEqual({ allowed: true, remaining: 0 });
    // Dearer than the whole budget: passes only with a full bucket.
    expect(limiter.take(subject, 1000)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    now += 120_000;
    limiter.take({ key: 'other', limitClass: 'USER' }, 1);
    expect(limiter.size).toBe(1);
  });
});
