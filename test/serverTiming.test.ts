import { startTestApp, type TestApp } from './support/testApp';
import { createOrganization, signUp } from './support/factories';

/** SERVER_TIMING=true: every GraphQL answer says where its time went, stage by stage; off by default. */
describe('Server-Timing', () => {
  let app: TestApp;
  afterEach(() => app?.close());

  it('names every stage, with the SQL the request waited for, when enabled', async () => {
    app = await startTestApp({ SERVER_TIMING: 'true' });
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const response = await app.gql(`query($slug: String!) { organization(slug: $slug) { slug teams(first: 5) { edges { node { username } } } } }`, { slug: org.slug }, { token: admin.token });
    expect(response.body.errors).toBeUndefined();
    const header = response.headers.get('server-timing') ?? '';
    const stages = Object.fromEntries(header.split(', ').map((entry) => [entry.split(';dur=')[0], Number(entry.split(';dur=')[1])]));
    expect(Object.keys(stages).sort()).toEqual(['auth', 'execute', 'limits', 'parse', 'serialize', 'sql', 'total', 'validate']);
    expect(stages.sql).toBeGreaterThan(0);
    expect(stages.total).toBeGreaterThanOrEqual(stages.execute + stages.serialize);
  });

  it('is absent by default', async () => {
    app = await startTestApp();
    const response = await app.gql(`{ __typename }`);
    expect(response.status).toBe(200);
    expect(response.headers.get('server-timing')).toBeNull();
  });
});
