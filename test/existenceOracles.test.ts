import crypto from 'node:crypto';
import { startTestApp, type TestApp } from './support/testApp';
import { createOrganization, createTeam, signUp, type SignedUpUser } from './support/factories';
import { addMember, globalId } from './support/people';

/**
 * Issue 16, "Existence oracles": for every operation taking an id, an id the caller cannot see (another
 * organization's, or a team of their own organization outside their view) must be answered exactly like an id that
 * does not exist at all: same HTTP status, same error code and message, same payload. Only the request id differs.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

interface World {
  admin: SignedUpUser; // organization ADMIN of A
  teamAdmin: SignedUpUser; // team ADMIN of A's team `mine`, not on `hidden`
  a: { id: string; slug: string; mine: string; hidden: string; hiddenAlert: string; hiddenKey: { id: string; keyId: string } };
  b: { id: string; slug: string; team: string; teamUsername: string; alert: string; key: { id: string; keyId: string }; member: string; rule: string };
}

async function organizationWithThings(admin: SignedUpUser) {
  const org = await createOrganization(app, admin);
  const team = await createTeam(app, admin, org.id);
  const alert = await app.data(
    `mutation($input: CreateSpendingAlertInput!) { createSpendingAlert(input: $input) { alert { id } userErrors { code message } } }`,
    { input: { organizationId: org.id, teamId: team.id, period: 'MONTH', threshold: '100' } },
    { token: admin.token },
  );
  expect(alert.createSpendingAlert.userErrors).toEqual([]);
  const key = await app.data(
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id keyId } userErrors { code } } }`,
    { input: { teamId: team.id, alias: 'k', scope: 'API' } },
    { token: admin.token },
  );
  const rule = await app.data(
    `mutation($input: AddModelAccessRuleInput!) { addModelAccessRule(input: $input) { rules { id } userErrors { code message } } }`,
    { input: { organizationId: org.id, pattern: 'fal-ai/secret/*', effect: 'BLOCKED', surface: 'API' } },
    { token: admin.token },
  );
  expect(rule.addModelAccessRule.userErrors).toEqual([]);
  return { org, team, alert: alert.createSpendingAlert.alert.id as string, key: key.createApiKey.apiKey as { id: string; keyId: string }, rule: rule.addModelAccessRule.rules[0].id as string };
}

let world: World;
beforeAll(async () => {
  const admin = await signUp(app);
  const a = await organizationWithThings(admin);
  const mine = await createTeam(app, admin, a.org.id);
  const teamAdmin = await addMember(app, admin, a.org.id, { teams: [{ teamId: mine.id, role: 'ADMIN' }] });
  const bAdmin = await signUp(app);
  const b = await organizationWithThings(bAdmin);
  const bMember = await addMember(app, bAdmin, b.org.id);
  world = {
    admin,
    teamAdmin,
    a: { id: a.org.id, slug: a.org.slug, mine: mine.id, hidden: a.team.id, hiddenAlert: a.alert, hiddenKey: a.key },
    b: { id: b.org.id, slug: b.org.slug, team: b.team.id, teamUsername: b.team.username, alert: b.alert, key: b.key, member: bMember.memberId, rule: b.rule },
  };
});

const randomId = (type: string) => globalId(type, crypto.randomUUID());

/** The whole answer minus what is unique to a request. */
async function answer(query: string, variables: Record<string, unknown>, token: string) {
  const response = await app.gql(query, variables, { token });
  const body = JSON.parse(JSON.stringify(response.body), (key, value) => (key === 'requestId' ? undefined : value));
  return { status: response.status, body };
}

interface Case {
  name: string;
  caller: () => SignedUpUser;
  query: string;
  variables: (id: string) => Record<string, unknown>;
  /** The id the caller cannot see, and a made-up one of the same kind. */
  hidden: () => string;
  random: () => string;
}

const cases: Case[] = [
  {
    name: 'updateSpendingAlert: another organization’s alert',
    caller: () => world.admin,
    query: `mutation($input: UpdateSpendingAlertInput!) { updateSpendingAlert(input: $input) { alert { id } userErrors { code message } } }`,
    variables: (alertId) => ({ input: { alertId, threshold: '5' } }),
    hidden: () => world.b.alert,
    random: () => randomId('SpendingAlert'),
  },
  {
    name: 'updateSpendingAlert: an alert of a team of my organization I cannot see',
    caller: () => world.teamAdmin,
    query: `mutation($input: UpdateSpendingAlertInput!) { updateSpendingAlert(input: $input) { alert { id } userErrors { code message } } }`,
    variables: (alertId) => ({ input: { alertId, threshold: '5' } }),
    hidden: () => world.a.hiddenAlert,
    random: () => randomId('SpendingAlert'),
  },
  {
    name: 'applyPolicyChange: a team override on another organization’s team',
    caller: () => world.admin,
    query: `mutation($input: PolicyChangeInput!) { applyPolicyChange(input: $input) { userErrors { field code message } } }`,
    variables: (teamId) => ({ input: { organizationId: world.a.id, teamOverrides: [{ teamId, requestVisibility: 'OWN' }] } }),
    hidden: () => world.b.team,
    random: () => randomId('Team'),
  },
  {
    name: 'applyPolicyChange: a team override on a team of my organization I cannot see',
    caller: () => world.teamAdmin,
    query: `mutation($input: PolicyChangeInput!) { applyPolicyChange(input: $input) { userErrors { field code message } } }`,
    variables: (teamId) => ({ input: { organizationId: world.a.id, teamOverrides: [{ teamId, requestVisibility: 'OWN' }] } }),
    hidden: () => world.a.hidden,
    random: () => randomId('Team'),
  },
  {
    name: 'applyPolicyChange: another organization',
    caller: () => world.admin,
    query: `mutation($input: PolicyChangeInput!) { applyPolicyChange(input: $input) { userErrors { field code message } } }`,
    variables: (organizationId) => ({ input: { organizationId, settings: { crossTeamVisibility: { value: true } } } }),
    hidden: () => world.b.id,
    random: () => randomId('Organization'),
  },
  {
    name: 'createSpendingAlert: another organization’s team under my organization',
    caller: () => world.admin,
    query: `mutation($input: CreateSpendingAlertInput!) { createSpendingAlert(input: $input) { alert { id } userErrors { code message } } }`,
    variables: (teamId) => ({ input: { organizationId: world.a.id, teamId, period: 'MONTH', threshold: '1' } }),
    hidden: () => world.b.team,
    random: () => randomId('Team'),
  },
  {
    name: 'createApiKey: another organization’s team',
    caller: () => world.admin,
    query: `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key userErrors { code message } } }`,
    variables: (teamId) => ({ input: { teamId, alias: 'x', scope: 'ADMIN' } }),
    hidden: () => world.b.team,
    random: () => randomId('Team'),
  },
  {
    name: 'revokeApiKey: another organization’s key',
    caller: () => world.admin,
    query: `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id } userErrors { code message } } }`,
    variables: (apiKeyId) => ({ input: { apiKeyId } }),
    hidden: () => world.b.key.id,
    random: () => randomId('ApiKey'),
  },
  {
    name: 'revokeApiKey: a key of a team of my organization I cannot see',
    caller: () => world.teamAdmin,
    query: `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id } userErrors { code message } } }`,
    variables: (apiKeyId) => ({ input: { apiKeyId } }),
    hidden: () => world.a.hiddenKey.id,
    random: () => randomId('ApiKey'),
  },
  {
    name: 'removeMember: another organization’s member',
    caller: () => world.admin,
    query: `mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedMemberId userErrors { code message } } }`,
    variables: (memberId) => ({ input: { memberId, apiKeys: { action: 'REVOKE' } } }),
    hidden: () => world.b.member,
    random: () => randomId('Member'),
  },
  {
    name: 'removeModelAccessRule: another organization’s rule',
    caller: () => world.admin,
    query: `mutation($input: RemoveModelAccessRuleInput!) { removeModelAccessRule(input: $input) { userErrors { code message } } }`,
    variables: (ruleId) => ({ input: { ruleId } }),
    hidden: () => world.b.rule,
    random: () => randomId('ModelAccessRule'),
  },
  {
    name: 'assignTeamMember: another organization’s team',
    caller: () => world.admin,
    query: `mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { role userErrors { code message } } }`,
    variables: (teamId) => ({ input: { teamId, userId: world.admin.id, role: 'ADMIN' } }),
    hidden: () => world.b.team,
    random: () => randomId('Team'),
  },
  {
    name: 'node: another organization’s team',
    caller: () => world.admin,
    query: `query($id: ID!) { node(id: $id) { id } }`,
    variables: (id) => ({ id }),
    hidden: () => world.b.team,
    random: () => randomId('Team'),
  },
  {
    name: 'node: another organization’s spending alert',
    caller: () => world.admin,
    query: `query($id: ID!) { node(id: $id) { id } }`,
    variables: (id) => ({ id }),
    hidden: () => world.b.alert,
    random: () => randomId('SpendingAlert'),
  },
  {
    name: 'usage apiKeyIds: another organization’s key',
    caller: () => world.admin,
    query: `query($slug: String!, $keys: [String!]) { organization(slug: $slug) { usage(apiKeyIds: $keys) { totalBuckets } } }`,
    variables: (keyId) => ({ slug: world.a.slug, keys: [keyId] }),
    hidden: () => world.b.key.keyId,
    random: () => `ogk_${crypto.randomBytes(12).toString('hex')}`,
  },
  {
    name: 'usage apiKeyIds: a key of a team of my organization I cannot see',
    caller: () => world.teamAdmin,
    query: `query($id: ID!, $keys: [String!]) { node(id: $id) { ... on Team { usage(apiKeyIds: $keys) { totalBuckets } } } }`,
    variables: (keyId) => ({ id: world.a.mine, keys: [keyId] }),
    hidden: () => world.a.hiddenKey.keyId,
    random: () => `ogk_${crypto.randomBytes(12).toString('hex')}`,
  },
  {
    name: 'usage teamUsernames: another organization’s team',
    caller: () => world.admin,
    query: `query($slug: String!, $teams: [String!]) { organization(slug: $slug) { usage(teamUsernames: $teams) { totalBuckets } } }`,
    variables: (username) => ({ slug: world.a.slug, teams: [username] }),
    hidden: () => world.b.teamUsername,
    random: () => `team-${crypto.randomBytes(4).toString('hex')}`,
  },
];

describe('ids the caller cannot see are answered like ids that do not exist', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const token = c.caller().token;
    const hiddenId = c.hidden();
    const randomOne = c.random();
    const hidden = await answer(c.query, c.variables(hiddenId), token);
    const made = await answer(c.query, c.variables(randomOne), token);
    // The refusal itself is real: something was refused or came back empty, never the object.
    const refused = JSON.stringify(hidden.body);
    expect(refused).toMatch(/NOT_FOUND|BAD_USER_INPUT|NOT_A_MEMBER|"node":null|FORBIDDEN/);
    // Identical but for the ids the caller sent (echoed in some messages).
    expect(JSON.stringify(hidden).split(hiddenId).join('<id>')).toBe(JSON.stringify(made).split(randomOne).join('<id>'));
  });

  it('says the same thing for every not-found, whatever the type', async () => {
    const team = await answer(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`, { input: { teamId: randomId('Team'), alias: 'x', scope: 'API' } }, world.admin.token);
    const alert = await answer(`mutation($input: UpdateSpendingAlertInput!) { updateSpendingAlert(input: $input) { alert { id } } }`, { input: { alertId: randomId('SpendingAlert'), threshold: '1' } }, world.admin.token);
    expect(team.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(team.body.errors[0].message).toBe(alert.body.errors[0].message);
  });
});
