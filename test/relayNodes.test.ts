import { buildSchema, isObjectType, type GraphQLObjectType } from 'graphql';
import fs from 'node:fs';
import path from 'node:path';
import { startTestApp, TEST_INGEST_TOKEN, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, createTeam, signUp, unique } from './support/factories';
import { addMember, CREATE_INVITE } from './support/people';

/**
 * Global object identification as Relay and Apollo rely on it: every type with an `id` implements Node, and
 * `node(id:)` hands back each of them (as what it is, with the same id) to who may see it, and null to outsiders.
 * Walks the printed schema, so a new type with an `id` fails here until it is a Node with a fetcher.
 */
const schema = buildSchema(fs.readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8'));
const typesWithId = Object.values(schema.getTypeMap()).filter(
  (type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__') && 'id' in type.getFields(),
);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ WEBHOOK_POLL_MS: '20', WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_MAX_ATTEMPTS: '1', WEBHOOK_TIMEOUT_MS: '500' });
});
afterAll(() => app.close());

it('every type with an id implements Node, with a non-null ID', () => {
  expect(typesWithId.length).toBeGreaterThan(10);
  const offenders = typesWithId.filter((type) => !type.getInterfaces().some((i) => i.name === 'Node') || String(type.getFields().id.type) !== 'ID!');
  expect(offenders.map((type) => type.name)).toEqual([]);
});

it('no type named *Connection is anything but a connection (edges, pageInfo)', () => {
  const named = Object.values(schema.getTypeMap()).filter((type) => isObjectType(type) && type.name.endsWith('Connection'));
  const notConnections = named.filter((type) => !('edges' in (type as GraphQLObjectType).getFields() && 'pageInfo' in (type as GraphQLObjectType).getFields()));
  expect(notConnections.map((type) => type.name)).toEqual([]);
});

it('node(id:) returns an object of every Node type to who may see it, and null to another organization', async () => {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const team = await createTeam(app, admin, org.id);
  const keyId = (await createApiKeyFor(app, team.username, 'API')).split(':')[0];
  const invite = await app.data(CREATE_INVITE, { input: { email: `${unique('invitee')}@example.com`, organizationId: org.id, organizationRole: 'MEMBER' } }, { token: admin.token });
  await app.data(`mutation($input: SetTeamSecretInput!) { setTeamSecret(input: $input) { userErrors { code } } }`, { input: { teamId: team.id, name: 'NODE_WALK', value: 'v' } }, { token: admin.token });
  await app.data(
    `mutation($input: AddModelAccessRuleInput!) { addModelAccessRule(input: $input) { userErrors { code } } }`,
    { input: { organizationId: org.id, teamId: team.id, surface: 'API', pattern: 'fal-ai/flux/*', effect: 'ALLOWED' } },
    { token: admin.token },
  );
  // An alert with a webhook (nobody listens: the delivery fails, and exists), then usage that fires it.
  await app.data(
    `mutation($input: CreateSpendingAlertInput!) { createSpendingAlert(input: $input) { userErrors { code } } }`,
    { input: { organizationId: org.id, teamId: team.id, threshold: '1', period: 'DAY', webhookUrl: 'http://127.0.0.1:9/hook' } },
    { token: admin.token },
  );
  const now = new Date();
  await app.data(
    `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted } }`,
    { input: { records: [{ id: unique('u'), timestamp: now.toISOString(), teamUsername: team.username, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', quantity: '2', unitPrice: '1' }] } },
    { bearer: TEST_INGEST_TOKEN },
  );
  await app.data(
    `mutation($input: IngestRequestsInput!) { ingestRequests(input: $input) { accepted } }`,
    { input: { records: [{ id: unique('r'), teamUsername: team.username, endpointId: 'fal-ai/flux/dev', status: 'SUCCEEDED', startedAt: new Date(now.getTime() - 60_000).toISOString(), auth: { kind: 'API_KEY', keyId } }] } },
    { bearer: TEST_INGEST_TOKEN },
  );

  await addMember(app, admin, org.id, { teams: [{ teamId: team.id, role: 'DEVELOPER' }] });
  // Budgets, proven domains and SCIM-provisioned people and groups have global ids too.
  await app.data(
    `mutation($input: SetBudgetInput!) { setBudget(input: $input) { userErrors { code } } }`,
    { input: { subject: { organizationId: org.id, scope: 'TEAM', teamId: team.id }, amount: '100', period: 'MONTH' } },
    { token: admin.token },
  );
  const domainName = `${unique('walk')}.example`;
  const added = await app.data(`mutation($input: AddDomainInput!) { addDomain(input: $input) { domain { id } userErrors { code } } }`, { input: { organizationId: org.id, domain: domainName } }, { token: admin.token });
  await app.db.query(`UPDATE organization_domains SET verified_at = now() WHERE domain = $1`, [domainName]);
  const scimToken = (await app.data(`mutation($input: CreateScimTokenInput!) { createScimToken(input: $input) { token scimToken { id } } }`, { input: { organizationId: org.id, description: 'walk' } }, { token: admin.token })).createScimToken;
  const scimPost = async (resource: string, body: unknown) =>
    (await fetch(`${app.url}/scim/v2/${resource}`, { method: 'POST', headers: { 'content-type': 'application/scim+json', authorization: `Bearer ${scimToken.token}` }, body: JSON.stringify(body) })).status;
  expect(await scimPost('Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: `walker@${domainName}`, active: true })).toBe(201);
  expect(await scimPost('Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Walkers' })).toBe(201);

  const SAMPLES = `query($slug: String!, $u: String!) {
    viewer { user { id } }
    organization(slug: $slug) {
      id
      members(first: 1) { edges { node { id } } }
      auditLog(first: 1) { edges { node { id } } }
      spendingAlerts(first: 1) { edges { node { id deliveries { id } } } }
      budgets(first: 1) { edges { node { id } } }
      emailDeliveries(first: 1) { edges { node { id } } }
      domains(first: 1) { edges { node { id } } }
      scimTokens(first: 1) { edges { node { id } } }
      scimUsers(first: 1) { edges { node { id } } }
      scimGroups(first: 1) { edges { node { id } } }
    }
    team(username: $u) {
      id
      apiKeys(first: 1) { edges { node { id } } }
      secrets(first: 1) { edges { node { id } } }
      requests(first: 1) { edges { node { id } } }
      modelAccessRules(first: 1) { edges { node { id } } }
      members(first: 1) { edges { node { id } } }
      invoices(first: 1) { edges { node { id status } } }
    }
    modelEndpoints(first: 1) { edges { node { id } } }
  }`;
  let samples: any;
  // The webhook is delivered (and fails) in the background.
  for (let waited = 0; waited < 10_000; waited += 50) {
    samples = await app.data(SAMPLES, { slug: org.slug, u: team.username }, { token: admin.token });
    if (samples.organization.spendingAlerts.edges[0]?.node.deliveries.length) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const o = samples.organization;
  const t = samples.team;
  const ids: Record<string, string> = {
    User: samples.viewer.user.id,
    Organization: o.id,
    Member: o.members.edges[0].node.id,
    Invite: invite.createInvite.invite.id,
    AuditEvent: o.auditLog.edges[0].node.id,
    SpendingAlert: o.spendingAlerts.edges[0].node.id,
    WebhookDelivery: o.spendingAlerts.edges[0].node.deliveries[0]?.id,
    Team: t.id,
    ApiKey: t.apiKeys.edges[0].node.id,
    TeamSecret: t.secrets.edges[0].node.id,
    RequestRecord: t.requests.edges[0].node.id,
    ModelAccessRule: t.modelAccessRules.edges[0].node.id,
    Invoice: t.invoices.edges[0].node.id,
    ModelEndpoint: samples.modelEndpoints.edges[0].node.id,
    Budget: o.budgets.edges[0]?.node.id,
    EmailDelivery: o.emailDeliveries.edges[0]?.node.id,
    OrganizationDomain: added.addDomain.domain.id,
    ScimToken: scimToken.scimToken.id,
    ScimUser: o.scimUsers.edges[0]?.node.id,
    ScimGroup: o.scimGroups.edges[0]?.node.id,
    TeamMember: t.members.edges[0]?.node.id,
  };
  expect(Object.entries(ids).filter(([, id]) => !id).map(([typeName]) => typeName)).toEqual([]);
  expect(o.domains.edges[0]?.node.id).toBe(added.addDomain.domain.id);
  expect(o.scimTokens.edges[0]?.node.id).toBe(scimToken.scimToken.id);
  // The running month's invoice is a draft: it has a global id all the same.
  expect(t.invoices.edges[0].node.status).toBe('DRAFT');
  // Every Node type of the schema has a sample here: a new one must be added (and given a node(id:) fetcher).
  expect(typesWithId.map((type) => type.name).sort()).toEqual(Object.keys(ids).sort());
  expect(new Set(Object.values(ids)).size).toBe(Object.keys(ids).length);

  const NODE = `query($id: ID!) { node(id: $id) { __typename id } }`;
  const outsider = await signUp(app);
  await createOrganization(app, outsider);
  for (const [typeName, id] of Object.entries(ids)) {
    expect([typeName, (await app.data(NODE, { id }, { token: admin.token })).node]).toEqual([typeName, { __typename: typeName, id }]);
    // The catalog is everybody's; every other object is invisible to another organization's admin.
    const seen = (await app.data(NODE, { id }, { token: outsider.token })).node;
    expect([typeName, seen]).toEqual([typeName, typeName === 'ModelEndpoint' ? { __typename: typeName, id } : null]);
  }
});
