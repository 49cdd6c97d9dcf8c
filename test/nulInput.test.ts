import { startTestApp, TEST_INGEST_TOKEN, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, createTeam, signUp, unique } from './support/factories';
import { localId } from './support/people';

// Red-team D4: PostgreSQL refuses U+0000 in text, and nothing refused it before the database, so a NUL in any string
// input was a 500 on every surface. test/inputLimits.test.ts enumerates every GraphQL string input of the schema;
// this file replays the reported requests on GraphQL (inline literals too), REST /v1, the NDJSON ingest and SCIM.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const N = '\u0000';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

it('GraphQL: anonymous and signed-in requests with a NUL get BAD_USER_INPUT, never an internal error', async () => {
  const admin = await signUp(app);
  const o = await createOrganization(app, admin);
  const probes: Array<[string, string, Record<string, unknown>, { token: string }?]> = [
    ['LoginInput.email', `mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: { email: `a${N}@x.com`, password: 'xxxxxxxxxxxx' } }],
    ['SignUpInput.name', `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, { i: { email: `${unique('n')}@x.com`, name: `n${N}`, password: 'xxxxxxxxxxxxxx' } }],
    ['Query.team(username)', `query($u: String!) { team(username: $u) { id } }`, { u: `a${N}b` }, { token: admin.token }],
    ['Query.organization(slug)', `query { organization(slug: "a\\u0000b") { id } }`, {}, { token: admin.token }],
    ['CreateTeamInput.name', `mutation { createTeam(input: {organizationId: "${o.id}", username: "${unique('t')}", name: "x\\u0000y"}) { team { id } } }`, {}, { token: admin.token }],
  ];
  for (const [argument, query, variables, credential] of probes) {
    const response = await app.gql(query, variables, credential);
    expect([argument, response.status, response.body.errors?.[0]?.extensions?.code, response.body.errors?.[0]?.extensions?.argument]).toEqual([argument, 400, 'BAD_USER_INPUT', argument]);
  }
  // Nothing was written.
  expect(await app.db.query(`SELECT 1 FROM teams WHERE name LIKE 'x%y' AND organization_id = $1`, [localId(o.id)])).toEqual([]);
});

it('REST /v1: a %00 in any parameter is a 400 validation_error; the NDJSON ingest rejects such a line', async () => {
  const admin = await signUp(app);
  const o = await createOrganization(app, admin);
  const team = await createTeam(app, admin, o.id);
  const key = await createApiKeyFor(app, o.slug, 'ADMIN');
  for (const path of [
    `/v1/organization/usage?team_username=${team.username}%00`,
    '/v1/organization/usage?endpoint_id=a%00',
    '/v1/organization/usage?api_key_id=a%00',
    '/v1/account/model-access-controls?team_username=a%00',
  ]) {
    const response = await fetch(`${app.url}${path}`, { headers: { authorization: `Key ${key}` } });
    const body = await response.json();
    expect([path, response.status, body.error?.type ?? body.error?.code ?? body.type]).toEqual([path, 400, 'validation_error']);
  }
  // Control: the same routes without the NUL answer.
  expect((await fetch(`${app.url}/v1/organization/usage?team_username=${team.username}`, { headers: { authorization: `Key ${key}` } })).status).toBe(200);

  const line = (id: string, endpointId: string) => JSON.stringify({ id, timestamp: new Date().toISOString(), teamUsername: team.username, product: 'MODEL_APIS', endpointId, quantity: '1', unitPrice: '0.01' });
  const ingest = await fetch(`${app.url}/ingest/usage`, { method: 'POST', headers: { authorization: `Bearer ${TEST_INGEST_TOKEN}`, 'content-type': 'application/x-ndjson' }, body: `${line(unique('ok'), 'fal-ai/flux/dev')}\n${line(unique('bad'), `fal-ai/flux${N}/dev`)}\n` });
  expect(ingest.status).toBe(200);
  const report = await ingest.json();
  expect(report).toMatchObject({ accepted: 1, rejected: 1 });
  expect(JSON.stringify(report)).toContain('NUL');
});

it('SCIM: a NUL in the body or the URL is a 400 invalidValue', async () => {
  const admin = await signUp(app);
  const o = await createOrganization(app, admin);
  const domain = `${unique('corp')}.example`;
  await app.db.query(`INSERT INTO organization_domains (organization_id, domain, verification_token, verified_at) VALUES ($1, $2, md5(random()::text), now())`, [localId(o.id), domain]);
  const { createScimToken } = await app.data(`mutation($input: CreateScimTokenInput!) { createScimToken(input: $input) { token } }`, { input: { organizationId: o.id, description: 'IdP' } }, { token: admin.token });
  const scim = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${app.url}/scim/v2${path}`, { method, headers: { 'content-type': 'application/scim+json', authorization: `Bearer ${createScimToken.token}` }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: r.status, body: await r.json() };
  };
  for (const [method, path, body] of [
    ['POST', '/Users', { schemas: [USER], userName: `a${N}b@${domain}` }],
    ['POST', '/Users', { schemas: [USER], userName: `ok@${domain}`, name: { givenName: `x${N}` } }],
    ['POST', '/Groups', { schemas: [GROUP], displayName: `g${N}` }],
    ['GET', `/Users?filter=${encodeURIComponent(`externalId eq "a${N}"`)}`, undefined],
    ['GET', '/Users/a%00', undefined],
  ] as const) {
    const answer = await scim(method, path, body);
    expect([path, answer.status, answer.body.scimType]).toEqual([path, 400, 'invalidValue']);
  }
  expect((await scim('POST', '/Users', { schemas: [USER], userName: `ok@${domain}`, name: { givenName: 'x' } })).status).toBe(201);
});
