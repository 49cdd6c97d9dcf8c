import { startTestApp, type Credential, type TestApp } from './support/testApp';
import { createOrganization, createTeam, signUp, unique } from './support/factories';
import { CREATE_INVITE, addMember } from './support/people';

/**
 * Every row of docs/authorization.md, run for every kind of caller: allowed callers succeed, everyone else gets
 * FORBIDDEN (may see the object) or NOT_FOUND (may not know it exists).
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

type ActorName = 'orgAdmin' | 'orgBilling' | 'teamAdmin' | 'teamDeveloper' | 'teamBilling' | 'outsider' | 'rootAdminKey' | 'teamAdminKey' | 'teamApiKey';
const ACTORS: ActorName[] = ['orgAdmin', 'orgBilling', 'teamAdmin', 'teamDeveloper', 'teamBilling', 'outsider', 'rootAdminKey', 'teamAdminKey', 'teamApiKey'];
/** Callers that cannot see the organization at all (and so get NOT_FOUND on organization operations). */
const BLIND_TO_ORGANIZATION: ActorName[] = ['outsider', 'teamAdminKey', 'teamApiKey'];

let credentials: Record<ActorName, Credential>;
let fixture: { org: { id: string; slug: string; rootTeamId: string }; team: { id: string; username: string }; admin: { token: string; email: string; id: string } };

async function userIdOf(token: string): Promise<string> {
  return (await app.data(`{ viewer { user { id } } }`, {}, { token })).viewer.user.id;
}

const createKey = async (teamId: string, scope: 'API' | 'ADMIN') =>
  (
    await app.data(`mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key apiKey { id } } }`, { i: { teamId, alias: unique('k'), scope } }, { token: fixture.admin.token })
  ).createApiKey as { key: string; apiKey: { id: string } };

const freshMember = async (teams: Array<{ teamId: string; role: 'ADMIN' | 'DEVELOPER' | 'BILLING' }> = []) => {
  const member = await addMember(app, fixture.admin as never, fixture.org.id, { teams });
  return { ...member, userId: await userIdOf(member.token) };
};

interface Operation {
  name: string;
  scope: 'organization' | 'team';
  allowed: ActorName[];
  /** The object is only visible to those allowed to manage it, so everyone else gets NOT_FOUND. */
  visibleOnlyToAllowed?: boolean;
  query: string;
  variables: () => Promise<Record<string, unknown>>;
}

const ORG_ADMINS: ActorName[] = ['orgAdmin', 'rootAdminKey'];
const TEAM_ADMINS: ActorName[] = ['orgAdmin', 'rootAdminKey', 'teamAdmin', 'teamAdminKey'];

const OPERATIONS: Operation[] = [
  { name: 'Organization.members', scope: 'organization', allowed: ORG_ADMINS, query: `query($s: String!) { organization(slug: $s) { members { totalCount } } }`, variables: async () => ({ s: fixture.org.slug }) },
  { name: 'Organization.auditLog', scope: 'organization', allowed: ORG_ADMINS, query: `query($s: String!) { organization(slug: $s) { auditLog { totalCount } } }`, variables: async () => ({ s: fixture.org.slug }) },
  {
    name: 'updateMemberRole',
    scope: 'organization',
    allowed: ORG_ADMINS,
    query: `mutation($i: UpdateMemberRoleInput!) { updateMemberRole(input: $i) { userErrors { code } } }`,
    variables: async () => ({ i: { memberId: (await freshMember()).memberId, role: 'BILLING' } }),
  },
  {
    name: 'removeMember',
    scope: 'organization',
    allowed: ORG_ADMINS,
    query: `mutation($i: RemoveMemberInput!) { removeMember(input: $i) { userErrors { code } } }`,
    variables: async () => ({ i: { memberId: (await freshMember()).memberId } }),
  },
  {
    name: 'createInvite (organization) / createInvites',
    scope: 'organization',
    allowed: ORG_ADMINS,
    query: CREATE_INVITE,
    variables: async () => ({ input: { organizationId: fixture.org.id, email: `${unique('i')}@example.com` } }),
  },
  {
    name: 'revokeInvite / resendInvite (organization invite)',
    scope: 'organization',
    allowed: ORG_ADMINS,
    visibleOnlyToAllowed: true,
    query: `mutation($i: InviteIdInput!) { revokeInvite(input: $i) { userErrors { code } } }`,
    variables: async () => {
      const { createInvite } = await app.data(CREATE_INVITE, { input: { organizationId: fixture.org.id, email: `${unique('r')}@example.com` } }, { token: fixture.admin.token });
      return { i: { inviteId: createInvite.invite.id } };
    },
  },
  {
    name: 'assignTeamMember',
    scope: 'team',
    allowed: TEAM_ADMINS,
    query: `mutation($i: AssignTeamMemberInput!) { assignTeamMember(input: $i) { userErrors { code } } }`,
    variables: async () => ({ i: { teamId: fixture.team.id, userId: (await freshMember()).userId, role: 'DEVELOPER' } }),
  },
  {
    name: 'unassignTeamMember',
    scope: 'team',
    allowed: TEAM_ADMINS,
    query: `mutation($i: UnassignTeamMemberInput!) { unassignTeamMember(input: $i) { userErrors { code } } }`,
    variables: async () => ({ i: { teamId: fixture.team.id, userId: (await freshMember([{ teamId: fixture.team.id, role: 'DEVELOPER' }])).userId } }),
  },
  {
    name: 'createInvite (team)',
    scope: 'team',
    allowed: TEAM_ADMINS,
    query: CREATE_INVITE,
    variables: async () => ({ input: { teamId: fixture.team.id, email: `${unique('t')}@example.com` } }),
  },
  {
    name: 'revokeInvite / resendInvite (team invite)',
    scope: 'team',
    allowed: TEAM_ADMINS,
    visibleOnlyToAllowed: true,
    query: `mutation($i: InviteIdInput!) { resendInvite(input: $i) { userErrors { code } } }`,
    variables: async () => {
      const { createInvite } = await app.data(CREATE_INVITE, { input: { teamId: fixture.team.id, email: `${unique('s')}@example.com` } }, { token: fixture.admin.token });
      return { i: { inviteId: createInvite.invite.id } };
    },
  },
  {
    name: 'createApiKey',
    scope: 'team',
    allowed: TEAM_ADMINS,
    query: `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { userErrors { code } } }`,
    variables: async () => ({ i: { teamId: fixture.team.id, alias: 'matrix', scope: 'API' } }),
  },
  { name: 'Team.apiKeys', scope: 'team', allowed: TEAM_ADMINS, query: `query($u: String!) { team(username: $u) { apiKeys { totalCount } } }`, variables: async () => ({ u: fixture.team.username }) },
  {
    name: 'revokeApiKey',
    scope: 'team',
    allowed: TEAM_ADMINS,
    query: `mutation($i: RevokeApiKeyInput!) { revokeApiKey(input: $i) { userErrors { code } } }`,
    variables: async () => ({ i: { apiKeyId: (await createKey(fixture.team.id, 'API')).apiKey.id } }),
  },
  {
    name: 'setTeamSecret',
    scope: 'team',
    allowed: TEAM_ADMINS,
    query: `mutation($i: SetTeamSecretInput!) { setTeamSecret(input: $i) { userErrors { code } } }`,
    variables: async () => ({ i: { teamId: fixture.team.id, name: 'MATRIX', value: 'x' } }),
  },
  {
    name: 'deleteTeamSecret',
    scope: 'team',
    allowed: TEAM_ADMINS,
    query: `mutation($i: DeleteTeamSecretInput!) { deleteTeamSecret(input: $i) { userErrors { code } } }`,
    variables: async () => {
      const name = unique('S').toUpperCase().replace(/-/g, '_');
      await app.data(`mutation($i: SetTeamSecretInput!) { setTeamSecret(input: $i) { userErrors { code } } }`, { i: { teamId: fixture.team.id, name, value: 'v' } }, { token: fixture.admin.token });
      return { i: { teamId: fixture.team.id, name } };
    },
  },
  {
    name: 'Team.secrets',
    scope: 'team',
    allowed: [...TEAM_ADMINS, 'teamDeveloper'],
    query: `query($u: String!) { team(username: $u) { secrets { edges { node { name } } } } }`,
    variables: async () => ({ u: fixture.team.username }),
  },
];

beforeAll(async () => {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const team = await createTeam(app, admin, org.id);
  fixture = { org, team, admin: { ...admin, id: await userIdOf(admin.token) } };
  const outsider = await signUp(app);
  await createOrganization(app, outsider);
  const person = async (options: Parameters<typeof addMember>[3]) => ({ token: (await addMember(app, admin, org.id, options)).token });
  credentials = {
    orgAdmin: { token: admin.token },
    orgBilling: await person({ role: 'BILLING' }),
    teamAdmin: await person({ teams: [{ teamId: team.id, role: 'ADMIN' }] }),
    teamDeveloper: await person({ teams: [{ teamId: team.id, role: 'DEVELOPER' }] }),
    teamBilling: await person({ teams: [{ teamId: team.id, role: 'BILLING' }] }),
    outsider: { token: outsider.token },
    rootAdminKey: { key: (await createKey(org.rootTeamId, 'ADMIN')).key },
    teamAdminKey: { key: (await createKey(team.id, 'ADMIN')).key },
    teamApiKey: { key: (await createKey(team.id, 'API')).key },
  };
});

describe.each(OPERATIONS)('$name', (operation) => {
  it.each(ACTORS)('%s', async (actor) => {
    const response = await app.gql(operation.query, await operation.variables(), credentials[actor]);
    const error = response.body.errors?.[0]?.extensions?.code;
    if (operation.allowed.includes(actor)) {
      expect(error).toBeUndefined();
      const payload = Object.values(response.body.data ?? {})[0] as { userErrors?: unknown[] };
      expect(payload.userErrors ?? []).toEqual([]);
    } else {
      const hidden =
        operation.visibleOnlyToAllowed ||
        actor === 'outsider' || (operation.scope === 'organization' && BLIND_TO_ORGANIZATION.includes(actor));
      expect(error).toBe(hidden ? 'NOT_FOUND' : 'FORBIDDEN');
    }
  });
});

describe('self-service operations', () => {
  it('leaveOrganization and acceptInvite need a user session; keys are FORBIDDEN, strangers NOT_FOUND', async () => {
    for (const actor of ['rootAdminKey', 'teamAdminKey', 'teamApiKey'] as const) {
      const leave = await app.gql(`mutation($i: LeaveOrganizationInput!) { leaveOrganization(input: $i) { userErrors { code } } }`, { i: { organizationId: fixture.org.id } }, credentials[actor]);
      expect(leave.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'USER_SESSION_REQUIRED' });
      const accept = await app.gql(`mutation { acceptInvite(input: { token: "ogi_x" }) { userErrors { code } } }`, {}, credentials[actor]);
      expect(accept.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const stranger = await app.gql(`mutation($i: LeaveOrganizationInput!) { leaveOrganization(input: $i) { userErrors { code } } }`, { i: { organizationId: fixture.org.id } }, credentials.outsider);
    expect(stranger.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    for (const actor of ['orgBilling', 'teamAdmin', 'teamDeveloper', 'teamBilling'] as const) {
      const leave = await app.data(`mutation($i: LeaveOrganizationInput!) { leaveOrganization(input: $i) { userErrors { code } } }`, { i: { organizationId: fixture.org.id } }, credentials[actor]);
      expect(leave.leaveOrganization.userErrors).toEqual([]);
    }
  });
});
