import { startTestApp, TEST_INGEST_TOKEN, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, createTeam, signUp } from './support/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** orgraph_stage_* values of one request kind, read from /metrics. */
async function stages(kind: string): Promise<{ requests: number; seconds: Record<string, number> }> {
  const text = await (await fetch(`${app.url}/metrics`)).text();
  const requests = Number((new RegExp(`^orgraph_stage_requests_total\\{kind="${kind}"\\} (\\S+)$`, 'm').exec(text))?.[1] ?? 0);
  const seconds: Record<string, number> = {};
  for (const match of text.matchAll(new RegExp(`^orgraph_stage_seconds_total\\{kind="${kind}",stage="(\\w+)"\\} (\\S+)$`, 'gm'))) seconds[match[1]] = Number(match[2]);
  return { requests, seconds };
}

describe('per-stage timings (orgraph_stage_seconds_total)', () => {
  it('a key-authenticated GraphQL request adds its auth, limits, execution, serialization and total', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    const key = await createApiKeyFor(app, team.username, 'API');
    const before = await stages('graphql');
    for (let i = 0; i < 3; i++) expect((await app.gql('{ __typename }', {}, { key })).body).toEqual({ data: { __typename: 'Query' } });
    const after = await stages('graphql');
    // The requests above, and whatever the factories sent earlier on the same kind.
    expect(after.requests - before.requests).toBe(3);
    for (const stage of ['auth', 'limits', 'execute', 'serialize', 'total']) expect([stage, after.seconds[stage] > (before.seconds[stage] ?? 0)]).toEqual([stage, true]);
    expect(after.seconds.total - (before.seconds.total ?? 0)).toBeGreaterThanOrEqual(after.seconds.execute - (before.seconds.execute ?? 0));
  });

  it('an NDJSON ingest adds its parse, validate, store and SQL time; other routes are not timed', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    const body = Array.from({ length: 20 }, (_, i) =>
      JSON.stringify({ id: `stage-${i}`, timestamp: new Date(Date.now() - 3600_000 - i * 1000).toISOString(), teamUsername: team.username, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', quantity: '1' }),
    ).join('\n');
    const before = await stages('ingest');
    const response = await fetch(`${app.url}/ingest/usage`, { method: 'POST', headers: { authorization: `Bearer ${TEST_INGEST_TOKEN}`, 'content-type': 'application/x-ndjson' }, body });
    expect(await response.json()).toMatchObject({ accepted: 20 });
    await fetch(`${app.url}/healthz`);
    const after = await stages('ingest');
    expect(after.requests - before.requests).toBe(1);
    for (const stage of ['auth', 'parse', 'validate', 'store', 'sql', 'total']) expect([stage, after.seconds[stage] > (before.seconds[stage] ?? 0)]).toEqual([stage, true]);
    expect(Object.keys((await stages('other')).seconds)).toEqual([]);
  });
});
