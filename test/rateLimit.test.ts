import { limiterPool, MAX_BATCH_MEMBERS, postgresStore, RateLimiter, type TakeResult } from '../src/core/rateLimit';
import { RateLimitStoreUnavailableError } from '../src/core/errors';
import { createAppDataSource } from '../src/app/database';
import { createLogger } from '../src/core/logger';
import { startServer } from '../src/app/server';
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

  it('an operation another check refuses while its budget is being charged leaves no in-flight slot behind', async () => {
    // The string-length check refuses at once while the charge still waits for the shared store; the slot taken
    // after that answer went out used to be held forever, and after four of them (the in-flight cap) every
    // operation of the credential waited out the 5 s queue: the fuzz suite's intermittent timeouts.
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const key = await createApiKeyFor(app, org.slug, 'ADMIN');
    const longSlug = 'x'.repeat(2000);
    for (let i = 0; i < 6; i++) {
      const refused = await post(`query($slug: String!) { organization(slug: $slug) { id } }`, { slug: longSlug }, { key });
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    // Let any charge still in flight settle before probing.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    const probe = await post('{ __typename }', {}, { key });
    expect(probe.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('shared budget window (PostgreSQL store)', () => {
  const budgets = { ANONYMOUS: 60, USER: 60, API_KEY: 60, INGEST: 60, OPERATOR: 60 };
  const quiet = { warn: () => undefined, info: () => undefined };

  it('charges one window per credential in the shared table; two limiters on it see one budget', async () => {
    const pool = (app.db.driver as any).master;
    const a = new RateLimiter(budgets, postgresStore(pool), quiet);
    const b = new RateLimiter(budgets, postgresStore(pool), quiet);
    const subject = { key: `unit:${Date.now()}:${Math.random()}`, limitClass: 'USER' as const };
    expect(await a.peekEmpty(subject)).toEqual({ empty: false });
    expect(await a.take(subject, 40)).toEqual({ allowed: true, remaining: 20 });
    expect(await b.take(subject, 20)).toEqual({ allowed: true, remaining: 0 });
    const refused = await a.take(subject, 1);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    const peek = await b.peekEmpty(subject);
    expect(peek.empty).toBe(true);
    // The row is the library's own layout in the migrated table.
    const [row] = await app.db.query(`SELECT points, expire FROM rate_limit_budgets WHERE key = $1`, [`USER:${subject.key}`]);
    expect(row.points).toBe(61);
    expect(Number(row.expire)).toBeGreaterThan(Date.now() + 55_000);
    // Dearer than the whole budget: charged as the whole budget, so it passes only in a fresh window.
    const other = { key: `unit:big:${Math.random()}`, limitClass: 'USER' as const };
    expect(await a.take(other, 1000)).toEqual({ allowed: true, remaining: 0 });
    expect((await b.take(other, 1000)).allowed).toBe(false);
  });

  it('falls back to memory, visibly, when the store does not answer', async () => {
    const { Pool } = await import('pg');
    // Nothing listens on port 1: every store call fails at once.
    const deadPool = new Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/none', connectionTimeoutMillis: 500 });
    const warnings: string[] = [];
    const limiter = new RateLimiter(budgets, postgresStore(deadPool), { warn: (_o: unknown, msg: string) => void warnings.push(msg), info: () => undefined } as any);
    const subject = { key: 'fallback', limitClass: 'USER' as const };
    expect(await limiter.take(subject, 50)).toEqual({ allowed: true, remaining: 10 });
    expect((await limiter.take(subject, 20)).allowed).toBe(false); // still limited: the in-memory budget holds
    expect(warnings).toHaveLength(1); // logged once per outage, not per request
    expect(await limiter.health()).toMatchObject({ status: 'degraded', store: 'postgres' });
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toMatch(/orgraph_rate_limit_store_fallbacks_total\{store="postgres",mode="memory"\} [1-9]/);
    await deadPool.end();
  });

  it('with RATE_LIMIT_STORE_FAILURE=refuse, refuses what it cannot charge instead of running it unmetered', async () => {
    const { Pool } = await import('pg');
    const deadPool = new Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/none', connectionTimeoutMillis: 500 });
    const limiter = new RateLimiter(budgets, postgresStore(deadPool), quiet, 'refuse');
    const subject = { key: 'refuse', limitClass: 'API_KEY' as const };
    await expect(limiter.take(subject, 1)).rejects.toBeInstanceOf(RateLimitStoreUnavailableError);
    await expect(limiter.peekEmpty(subject)).rejects.toBeInstanceOf(RateLimitStoreUnavailableError);
    expect(await limiter.health()).toMatchObject({ status: 'degraded', store: 'postgres', fallback: 'refuse' });
    await deadPool.end();
  });

  it('a server whose budget table is unreachable answers 503 RATE_LIMIT_STORE_UNAVAILABLE (refuse) and recovers by itself', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const key = await createApiKeyFor(app, org.slug, 'ADMIN');
    const db = createAppDataSource({ url: (app.db.options as { url: string }).url, poolSize: 2 });
    await db.initialize();
    const lines: string[] = [];
    const { Writable } = await import('node:stream');
    const logger = createLogger('warn', new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));
    const server = await startServer({ db, config: { ...app.config, RATE_LIMIT_STORE_FAILURE: 'refuse' }, logger, port: 0 });
    const ask = (headers: Record<string, string>, body = JSON.stringify({ query: '{ __typename }' })) =>
      fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    try {
      expect((await ask({ authorization: `Key ${key}` })).status).toBe(200);
      await app.db.query(`ALTER TABLE rate_limit_budgets RENAME TO rate_limit_budgets_away`);
      try {
        for (const headers of [{ authorization: `Key ${key}` }, { authorization: `Bearer ${admin.token}` }, {}] as Array<Record<string, string>>) {
          const refused = await ask(headers);
          expect(refused.status).toBe(503);
          expect(refused.headers.get('retry-after')).toBe('5');
          const body = (await refused.json());
          expect(body.data).toBeUndefined();
          expect(body.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'RATE_LIMIT_STORE_UNAVAILABLE', retryAfter: 5 });
        }
        // REST is charged by the same limiter: the contract's 503.
        const rest = await fetch(`${server.url}/v1/organization/teams`, { headers: { authorization: `Key ${key}` } });
        expect(rest.status).toBe(503);
        const ready = await fetch(`${server.url}/readyz`);
        expect(ready.status).toBe(503);
        expect((await ready.json()).checks.limiter).toMatchObject({ status: 'degraded', store: 'postgres', fallback: 'refuse' });
        expect(lines.filter((line) => line.includes('rate-limit store unreachable: refusing'))).toHaveLength(1);
        const metrics = await (await fetch(`${server.url}/metrics`)).text();
        expect(metrics).toMatch(/orgraph_rate_limit_store_fallbacks_total\{store="postgres",mode="refuse"\} [1-9]/);
        expect(metrics).toMatch(/orgraph_rate_limit_store_up\{store="postgres"\} 0/);
      } finally {
        await app.db.query(`ALTER TABLE rate_limit_budgets_away RENAME TO rate_limit_budgets`);
      }
      expect((await ask({ authorization: `Key ${key}` })).status).toBe(200);
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect((await ready.json()).checks.limiter).toEqual({ status: 'up', store: 'postgres' });
    } finally {
      await server.close();
      await db.destroy();
    }
  });
});

/**
 * Concurrent charges of one budget are coalesced: at most one store call per budget is in flight in a process, and
 * the takes that arrive meanwhile go to the store together, as one UPSERT of their summed charge. Each is still
 * decided as if charged alone, in arrival order, and every point still reaches the shared row.
 */
describe('coalesced charges (one store call in flight per budget)', () => {
  const budgets = { ANONYMOUS: 30, USER: 30, API_KEY: 30, INGEST: 30, OPERATOR: 30 };
  const quiet = { warn: () => undefined, info: () => undefined };
  const unique = (name: string) => `${name}:${Date.now()}:${Math.random()}`;

  /**
   * The limiter's own pool to this file's database, recording the charge of every budget UPSERT it sends; once
   * `failing.from` upserts have gone out, the following ones fail as a dropped connection would.
   */
  function recordingPool() {
    const pool = limiterPool((app.db.options as { url: string }).url);
    const upserts: number[] = [];
    const reads = { count: 0 };
    const failing = { from: Infinity };
    const query = pool.query.bind(pool) as (q: unknown) => Promise<unknown>;
    (pool as any).query = async (q: { name?: string; values?: unknown[] }) => {
      if (q.name?.includes('rlflx-get')) reads.count += 1;
      if (q.name?.includes('rlflx-upsert')) {
        if (upserts.length >= failing.from) throw new Error('Connection terminated unexpectedly');
        upserts.push(Number(q.values?.[1]));
      }
      return query(q);
    };
    return { pool, upserts, reads, failing };
  }

  async function storedPoints(limitClass: string, key: string): Promise<number> {
    const [row] = await app.db.query(`SELECT points FROM rate_limit_budgets WHERE key = $1`, [`${limitClass}:${key}`]);
    return row.points;
  }

  /** Settles within `ms` or fails the test: a member left without an answer would otherwise hang until jest's timeout. */
  function settledWithin<T>(promises: Array<Promise<T>>, ms: number): Promise<Array<PromiseSettledResult<T>>> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`not every take settled within ${ms} ms`)), ms);
    });
    return Promise.race([Promise.allSettled(promises), timeout]).finally(() => clearTimeout(timer));
  }

  it('fifty concurrent takes of one key make two store calls and are decided exactly, in arrival order', async () => {
    const { pool, upserts } = recordingPool();
    const limiter = new RateLimiter(budgets, postgresStore(pool), quiet);
    try {
      const subject = { key: unique('burst'), limitClass: 'API_KEY' as const };
      const results = await Promise.all(Array.from({ length: 50 }, () => limiter.take(subject, 1)));
      // The first goes alone at once (nothing in flight); the 49 that arrive meanwhile go together behind it.
      expect(upserts).toEqual([1, 49]);
      results.forEach((result, i) => {
        if (i < 30) expect(result).toEqual({ allowed: true, remaining: 29 - i });
        else expect(result).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
      });
      // Refused charges are written too, as when each operation was its own UPSERT.
      expect(await storedPoints('API_KEY', subject.key)).toBe(50);
    } finally {
      await limiter.close();
      await pool.end();
    }
  });

  it('members of a batch with different costs: each decided on the charges before it, refused ones included (as one by one)', async () => {
    const { pool, upserts } = recordingPool();
    const limiter = new RateLimiter(budgets, postgresStore(pool), quiet);
    try {
      const subject = { key: unique('costs'), limitClass: 'API_KEY' as const };
      // 10 alone; then 15 (25), 5 (30: fits exactly), 10 (40: over), 1000 (charged as the budget, 70: over). A
      // refused charge is written too, so it counts against those behind it: the 1 after them is refused (71).
      const results = await Promise.all([10, 15, 5, 10, 1000, 1].map((cost) => limiter.take(subject, cost)));
      expect(upserts).toEqual([10, 15 + 5 + 10 + 30 + 1]);
      expect(results.map((r) => (r.allowed ? r.remaining : 'refused'))).toEqual([20, 5, 0, 'refused', 'refused', 'refused']);
      expect(await storedPoints('API_KEY', subject.key)).toBe(71);
    } finally {
      await limiter.close();
      await pool.end();
    }
  });

  it('does not merge different keys, and two processes on one store still share one budget', async () => {
    const { pool, upserts } = recordingPool();
    const a = new RateLimiter(budgets, postgresStore(pool), quiet);
    const b = new RateLimiter(budgets, postgresStore(pool), quiet);
    try {
      const keys = Array.from({ length: 10 }, (_, i) => unique(`k${i}`));
      const own = await Promise.all(keys.map((key) => a.take({ key, limitClass: 'USER' }, 7)));
      expect(own).toEqual(keys.map(() => ({ allowed: true, remaining: 23 })));
      expect(upserts).toEqual(keys.map(() => 7));
      // The same key in the other class is another budget.
      expect(await a.take({ key: keys[0], limitClass: 'API_KEY' }, 1)).toEqual({ allowed: true, remaining: 29 });

      // Two limiters (two instances) fire 40 takes each at one key with a budget of 30: 30 pass between them.
      const shared = { key: unique('shared'), limitClass: 'USER' as const };
      const both = await Promise.all(Array.from({ length: 40 }, () => [a.take(shared, 1), b.take(shared, 1)]).flat());
      expect(both.filter((r) => r.allowed)).toHaveLength(30);
      const remaining = both.flatMap((r) => (r.allowed ? [r.remaining] : [])).sort((x, y) => x - y);
      expect(remaining).toEqual(Array.from({ length: 30 }, (_, i) => i));
      expect(await storedPoints('USER', shared.key)).toBe(80);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await pool.end();
    }
  });

  it('concurrent peeks of one budget share one read; a later peek reads again', async () => {
    const { pool, reads } = recordingPool();
    const limiter = new RateLimiter(budgets, postgresStore(pool), quiet);
    try {
      const subject = { key: unique('peek'), limitClass: 'API_KEY' as const };
      const other = { key: unique('peek-other'), limitClass: 'API_KEY' as const };
      const peeks = await Promise.all([...Array.from({ length: 20 }, () => limiter.peekEmpty(subject)), limiter.peekEmpty(other)]);
      expect(peeks.every((p) => !p.empty)).toBe(true);
      expect(reads.count).toBe(2);
      // Nothing is kept once the read is answered: the budget spent since is seen by the next peek.
      expect(await limiter.take(subject, 30)).toEqual({ allowed: true, remaining: 0 });
      const after = await limiter.peekEmpty(subject);
      expect(after.empty).toBe(true);
      expect(reads.count).toBe(3);
    } finally {
      await limiter.close();
      await pool.end();
    }
  });

  it('a store that fails mid-burst settles every waiter: the memory fallback decides them', async () => {
    const { pool, upserts, failing } = recordingPool();
    const warnings: string[] = [];
    const limiter = new RateLimiter(budgets, postgresStore(pool), { warn: (_o: unknown, msg: string) => void warnings.push(msg), info: () => undefined } as any);
    try {
      const subject = { key: unique('fails'), limitClass: 'API_KEY' as const };
      failing.from = 1; // the first charge reaches the store; every batch behind it fails
      // More than a batch holds: one alone, then a full batch, then the rest in a batch of their own.
      const takes = Array.from({ length: MAX_BATCH_MEMBERS + 21 }, () => limiter.take(subject, 1));
      const settled = await settledWithin(takes, 10_000);
      expect(upserts).toEqual([1]);
      const results = settled.map((s) => (s.status === 'fulfilled' ? s.value : s.reason)) as TakeResult[];
      expect(results[0]).toEqual({ allowed: true, remaining: 29 });
      // This instance's memory has a budget of its own (30), spent in arrival order.
      results.slice(1).forEach((result, i) => {
        if (i < 30) expect(result).toEqual({ allowed: true, remaining: 29 - i });
        else expect(result).toMatchObject({ allowed: false });
      });
      expect(warnings).toHaveLength(1);

      // Nothing is left in flight: once the store answers again the next take goes to it at once.
      failing.from = Infinity;
      const [after] = await settledWithin([limiter.take(subject, 1)], 5_000);
      expect(after).toEqual({ status: 'fulfilled', value: { allowed: true, remaining: 28 } });
      expect(upserts).toEqual([1, 1]);
    } finally {
      await limiter.close();
      await pool.end();
    }
  });

  it('with RATE_LIMIT_STORE_FAILURE=refuse, every waiter of a failed batch gets RATE_LIMIT_STORE_UNAVAILABLE', async () => {
    const { pool, failing } = recordingPool();
    const limiter = new RateLimiter(budgets, postgresStore(pool), quiet, 'refuse');
    try {
      const subject = { key: unique('refuse'), limitClass: 'API_KEY' as const };
      failing.from = 1;
      const settled = await settledWithin(Array.from({ length: MAX_BATCH_MEMBERS + 21 }, () => limiter.take(subject, 1)), 10_000);
      expect(settled[0]).toEqual({ status: 'fulfilled', value: { allowed: true, remaining: 29 } });
      for (const s of settled.slice(1)) {
        expect(s.status).toBe('rejected');
        if (s.status === 'rejected') expect(s.reason).toBeInstanceOf(RateLimitStoreUnavailableError);
      }
    } finally {
      await limiter.close();
      await pool.end();
    }
  });

  it('a burst of 3N operations of one key at one server: exactly N pass, with remaining N-1 … 0 once each', async () => {
    const N = BUDGET;
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const key = await createApiKeyFor(app, org.slug, 'API');
    // No in-flight cap on this server: its refusals (also RATE_LIMITED) would blur the limiter's count.
    const db = createAppDataSource({ url: (app.db.options as { url: string }).url, poolSize: 4 });
    await db.initialize();
    const server = await startServer({ db, config: { ...app.config, GRAPHQL_MAX_IN_FLIGHT_PER_CREDENTIAL: 0 }, logger: createLogger('silent'), port: 0 });
    try {
      const responses = await Promise.all(
        Array.from({ length: 3 * N }, async () => {
          const response = await fetch(`${server.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Key ${key}` },
            body: JSON.stringify({ query: '{ __typename }' }),
          });
          return { status: response.status, headers: response.headers, body: await response.json() };
        }),
      );
      const passed = responses.filter((r) => r.status === 200);
      const refused = responses.filter((r) => r.status === 429);
      expect(passed).toHaveLength(N);
      expect(refused).toHaveLength(2 * N);
      for (const r of refused) expect(r.body.errors[0].extensions.code).toBe('RATE_LIMITED');
      const remaining = passed.map((r) => Number(r.headers.get('x-ratelimit-remaining'))).sort((x, y) => x - y);
      expect(remaining).toEqual(Array.from({ length: N }, (_, i) => i));
      // Every charged operation's point is in the shared row. Operations that arrived once the budget was already
      // empty may have been refused before their body was parsed (no cost header): those are never charged.
      const charged = responses.filter((r) => r.headers.get('x-orgraph-query-cost') === '1').length;
      expect(charged).toBeGreaterThanOrEqual(N);
      const [row] = await app.db.query(
        `SELECT b.points FROM rate_limit_budgets b JOIN api_keys k ON b.key = 'API_KEY:key:' || k.id WHERE k.key_id = $1`,
        [key.split(':')[0]],
      );
      expect(row.points).toBe(charged);
    } finally {
      await server.close();
      await db.destroy();
    }
  });
});
