import { startTestApp, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, createTeam, signUp } from './support/factories';
import { ApiKeyAuthenticator } from '../src/apiKeys/apiKeyAuthenticator';
import { currentRequestScope, runInRequestScope } from '../src/core/requestScope';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function freshKey(): Promise<string> {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const team = await createTeam(app, admin, org.id);
  return createApiKeyFor(app, team.username, 'API');
}

/** SELECTs of api_keys the authenticator sends while `fn` runs. */
async function keyReads(fn: () => Promise<unknown>): Promise<number> {
  const spy = jest.spyOn(app.db, 'query');
  try {
    await fn();
    return spy.mock.calls.filter(([sql]) => String(sql).includes('FROM api_keys k JOIN teams')).length;
  } finally {
    spy.mockRestore();
  }
}

describe('API-key authenticator cache', () => {
  it('writes lastUsedAt outside the request that started the flush timer (its statements are not that request’s)', async () => {
    const key = await freshKey();
    const authenticator = new ApiKeyAuthenticator(app.db);
    const scope = { requestId: 'starts-the-timer', sqlStatements: 0, sqlMs: 0, startedAt: performance.now() };
    const flushScopes: unknown[] = [];
    const spy = jest.spyOn(app.db, 'query');
    spy.mockImplementation(function (this: unknown, ...args: Parameters<typeof app.db.query>) {
      if (String(args[0]).startsWith('UPDATE api_keys k SET last_used_at')) flushScopes.push(currentRequestScope() ?? null);
      return (jest.requireActual('typeorm').DataSource.prototype.query as typeof app.db.query).apply(app.db, args);
    });
    try {
      await runInRequestScope(scope, () => authenticator.authenticate(key));
      const counted = scope.sqlStatements;
      // The timer fires 5 s after the first use.
      const deadline = Date.now() + 10_000;
      while (flushScopes.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(flushScopes).toEqual([null]);
      expect(scope.sqlStatements).toBe(counted);
    } finally {
      spy.mockRestore();
      await authenticator.close();
    }
  }, 15_000);

  it('requests of a key that is not cached share one read of its row', async () => {
    const key = await freshKey();
    const authenticator = new ApiKeyAuthenticator(app.db);
    let actors: unknown[] = [];
    const reads = await keyReads(async () => {
      actors = await Promise.all(Array.from({ length: 20 }, () => authenticator.authenticate(key)));
    });
    expect(reads).toBe(1);
    expect(actors.every((actor) => (actor as { kind: string } | null)?.kind === 'API_KEY')).toBe(true);
    await authenticator.close();
  });

  it('a request arriving after an invalidation does not share a read that started before it', async () => {
    const key = await freshKey();
    const authenticator = new ApiKeyAuthenticator(app.db);
    const reads = await keyReads(async () => {
      const first = authenticator.authenticate(key);
      authenticator.invalidateKey(key.split(':')[0]);
      await Promise.all([first, authenticator.authenticate(key)]);
    });
    expect(reads).toBe(2);
    await authenticator.close();
  });
});
