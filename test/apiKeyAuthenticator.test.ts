import { startTestApp, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, createTeam, signUp } from './support/factories';
import { ApiKeyAuthenticator } from '../src/apiKeys/apiKeyAuthenticator';

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
