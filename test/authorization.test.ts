import { startTestApp, TEST_INGEST_TOKEN, TEST_OPERATOR_TOKEN, type Credential, type TestApp } from './support/testApp';
import { createOrganization, createTeam, signUp, unique, type SignedUpUser } from './support/factories';
import { ACCEPT_INVITE, CREATE_INVITE, addMember, latestInviteToken, localId } from './support/people';

/**
 * Every row of the authorization matrix (docs/authorization.md), run for every kind of caller: allowed callers succeed and write
 * exactly the audit events of the change; everyone else gets UNAUTHENTICATED (no credential), FORBIDDEN with a
 * reason (may see the object) or NOT_FOUND (may not know it exists), and nothing is written.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const ACTORS = [
  'orgAdmin',
  'orgBilling',
  'orgMember',
  'teamAdmin',
  'teamDeveloper',
  'teamBilling',
  'otherTeamAdmin',
  'outsider',
  'rootAdminKey',
  'rootApiKey',
  'teamAdminKey',
  'teamApiKey',
  'outsiderAdminKey',
  'anonymous',
  'ingest',
  'operator',
] as const;
type ActorName = (typeof ACTORS)[number];

/** Callers that are not customers at all. */
const NOT_CUSTOMERS: ActorName[] = ['ingest', 'operator'];
/** Customers that cannot see the organization (and so get NOT_FOUND on organization operations). */
const BLIND_TO_ORGANIZATION: ActorName[] = ['outsider', 'rootApiKey', 'teamAdminKey', 'teamApiKey', 'outsiderAdminKey'];
/** Customers that cannot see the team (org members without a role on it, other teams' admins, other keys). */
const BLIND_TO_TEAM: ActorName[] = ['orgMember', 'otherTeamAdmin', 'outsider', 'rootApiKey', 'outsiderAdminKey'];
const KEYS: ActorName[] = ['rootAdminKey', 'rootApiKey', 'teamAdminKey', 'teamApiKey', 'outsiderAdminKey'];

let credentials: Record<ActorName, Credential>;
let fixture: {
  org: { id: string; slug: string; rootTeamId: string };
  team: { id: string; username: string };
  admin: SignedUpUser;
};

async function userIdOf(token: string): Promise<string> {
  return (await app.data(`{ viewer { user { id } } }`, {}, { token })).viewer.user.id;
}

const createKey = async (teamId: string, scope: 'API' | 'ADMIN', token = fixture.admin.token) =>
  (await app.data(`mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key apiKey { id } } }`, { i: { teamId, alias: unique('k'), scope } }, { token }))
    .createApiKey as { key: string; apiKey: { id: string } };

const freshMember = async (options: Parameters<typeof addMember>[3] = {}) => {
  const member = await addMember(app, fixture.admin, fixture.org.id, options);
  return { ...member, userId: await userIdOf(member.token) };
};

const secretName = () => unique('S').toUpperCase().replace(/-/g, '_');

interface Operation {
  name: string;
  scope: 'organization' | 'team';
  allowed: ActorName[];
  /** The object is only visible to those allowed to manage it, so every other customer gets NOT_FOUND. */
  visibleOnlyToAllowed?: boolean;
  /** FORBIDDEN reason for callers who see the object but may not do this (API-scoped keys: API_KEY_SCOPE). */
  reason: string;
  /** The audit event an allowed call writes (`[action, targetType]`); none for reads. */
  audit?: [string, string];
  query: string;
  variables: () => Promise<Record<string, unknown>>;
}

const ORG_ADMINS: ActorName[] = ['orgAdmin', 'rootAdminKey'];
const TEAM_ADMINS: ActorName[] = ['orgAdmin', 'rootAdminKey', 'teamAdmin', 'teamAdminKey'];

const orgInvite = async () => {
  const { createInvite } = await app.data(CREATE_INVITE, { input: { organizationId: fixture.org.id, email: `${unique('oi')}@example.com` } }, { token: fixture.admin.token });
  return { i: { inviteId: createInvite.invite.id } };
};
const teamInvite = async () => {
  const { createInvite } = await app.data(CREATE_INVITE, { input: { teamId: fixture.team.id, email: `${unique('ti')}@example.com` } }, { token: fixture.admin.token });
  return { i: { inviteId: createInvite.invite.id } };
};
const CREATE_INVITES = `mutation($i: CreateInvitesInput!) { createInvites(input: $i) { results { userErrors { code } } userErrors { code } } }`;

const OPERATIONS: Operation[] = [
  {
    name: 'Organization.members',
    scope: 'organization',
    allowed: ORG_ADMINS,
    reason: 'ORGANIZATION_ADMIN_REQUIRED',
    query: `query($s: String!) { organization(slug: $s) { members { totalCount } } }`,
    variables: async () => ({ s: fixture.org.slug }),
  },
  {
    name: 'Organization.auditLog',
    scope: 'organization',
    allowed: ORG_ADMINS,
    reason: 'ORGANIZATION_ADMIN_REQUIRED',
    query: `query($s: String!) { organization(slug: $s) { auditLog { totalCount } } }`,
    variables: async () => ({ s: fixture.org.slug }),
  },
  {
    name: 'Organization.domains',
    scope: 'organization',
    allowed: ORG_ADMINS,
    reason: 'ORGANIZATION_ADMIN_REQUIRED',
    query: `query($s: String!) { organization(slug: $s) { domains { totalCount } } }`,
    variables: async () => ({ s: fixture.org.slug }),
  },
  {
    name: 'addDomain',
    scope: 'organization',
    allowed: ORG_ADMINS,
    reason: 'ORGANIZATION_ADMIN_REQUIRED',
    audit: ['domain.add', 'OrganizationDomain'],
    query: `mutation($i: AddDomainInput!) { addDomain(input: $i) { userErrors { code } } }`,
    variables: async () => ({ i: { organizationId: fixture.org.id, domain: `${unique('auth')}.test` } }),
  },
  {
    name: 'removeDomain',
    scope: 'organization',
    allowed: ORG_ADMINS,
    visibleOnlyToAllowed: true,
    reason: 'ORGANIZATION_ADMIN_REQUIRED',
    audit: ['domain.remove', 'OrganizationDomain'],
    query: `mutation($i: DomainIdInput!) { removeDomain(input: $i) { userErrors { code } } }`,
    variables: async () => {
      const { addDomain } = await app.data(`mutation($i: AddDomainInput!) { addDomain(input: $i) { domain { id } } }`, { i: { organizationId: fixture.org.id, domain: `${unique('gone')}.test` } }, { token: fixture.admin.token });
      return { i: { domainId: addDomain.domain.id } };
    },
  },
  {
    name: 'updateMemberRole',
    scope: 'organization',
    allowed: ORG_ADMINS,
    reason: 'ORGANIZATION_ADMIN_REQUIRED',
    audit: ['member.updateRole', 'User'],
    query: `mutation($i: UpdateMemberRoleInput!) { updateMemberRole(input: $i) { userErrors { code } } }`,
    variables: async () => ({ i: { memberId: (await freshMember()).memberId, role: 'BILLING' } }),
  },
  {
    name: 'removeMember',
    scope: 'organization',
    allowed: ORG_ADMINS,
    reason: 'ORGANIZATION_ADMIN_REQUIRED',
    audit: ['member.remove', 'User'],
    query: `mutation($i: RemoveMemberInput!) { removeMember(input: $i) { userErrors { code } } }`,
    variables: async () => ({ i: { memberId: (await freshMember()).memberId } }),
  },
  {
    name: 'createInvite (organization)',
    scope: 'organization',
    allowed: ORG_ADMINS,
    reason: 'ORGANIZATION_ADMIN_REQUIRED',
    audit: ['invite.create', 'Invite'],
    query: CREATE_INVITE,
    variables: async () => ({ input: { organizationId: fixture.org.id, email: `${unique('i')}@example.com` } }),
  },
  {
    name: 'createInvites (organization)',
    scope: 'organization',
    allowed: ORG_ADMINS,
    reason: 'ORGANIZATION_ADMIN_REQUIRED',
    audit: ['invite.create', 'Invite'],
    query: CREATE_INVITES,
    variables: async () => ({ i: { organizationId: fixture.org.id, invitations: [{ email: `${unique('bi')}@example.com`, teamAssignments: [{ teamId: fixture.team.id, role: 'DEVELOPER' }] }] } }),
  },
  {
    name: 'revokeInvite (organization invite)',
    scope: 'organization',
    allowed: ORG_ADMINS,
    visibleOnlyToAllowed: true,
    reason: 'ORGANIZATION_ADMIN_REQUIRED',
    audit: ['invite.revoke', 'Invite'],
    query: `mutation($i: InviteIdInput!) { revokeInvite(input: $i) { userErrors { code } } }`,
    variables: orgInvite,
  },
  {
    name: 'resendInvite (organization invite)',
    scope: 'organization',
    allowed: ORG_ADMINS,
    visibleOnlyToAllowed: true,
    reason: 'ORGANIZATION_ADMIN_REQUIRED',
    audit: ['invite.resend', 'Invite'],
    query: `mutation($i: InviteIdInput!) { resendInvite(input: $i) { userErrors { code } } }`,
    variables: orgInvite,
  },
  {
    name: 'createInvite (team)',
    scope: 'team',
    allowed: TEAM_ADMINS,
    reason: 'TEAM_ADMIN_REQUIRED',
    audit: ['invite.create', 'Invite'],
    query: CREATE_INVITE,
    variables: async () => ({ input: { teamId: fixture.team.id, email: `${unique('t')}@example.com` } }),
  },
  {
    name: 'createInvites (team)',
    scope: 'team',
    allowed: TEAM_ADMINS,
    reason: 'TEAM_ADMIN_REQUIRED',
    audit: ['invite.create', 'Invite'],
    query: CREATE_INVITES,
    variables: async () => ({ i: { teamId: fixture.team.id, invitations: [{ email: `${unique('bt')}@example.com`, teamRole: 'BILLING' }] } }),
  },
  {
    name: 'revokeInvite (team invite)',
    scope: 'team',
    allowed: TEAM_ADMINS,
    visibleOnlyToAllowed: true,
    reason: 'TEAM_ADMIN_REQUIRED',
    audit: ['invite.revoke', 'Invite'],
    query: `mutation($i: InviteIdInput!) { revokeInvite(input: $i) { userErrors { code } } }`,
    variables: teamInvite,
  },
  {
    name: 'resendInvite (team invite)',
    scope: 'team',
    allowed: TEAM_ADMINS,
    visibleOnlyToAllowed: true,
    reason: 'TEAM_ADMIN_REQUIRED',
    audit: ['invite.resend', 'Invite'],
    query: `mutation($i: InviteIdInput!) { resendInvite(input: $i) { userErrors { code } } }`,
    variables: teamInvite,
  },
  {
    name: 'assignTeamMember',
    scope: 'team',
    allowed: TEAM_ADMINS,
    reason: 'TEAM_ADMIN_REQUIRED',
    audit: ['team.member.assign', 'User'],
    query: `mutation($i: AssignTeamMemberInput!) { assignTeamMember(input: $i) { userErrors { code } } }`,
    variables: async () => ({ i: { teamId: fixture.team.id, userId: (await freshMember()).userId, role: 'DEVELOPER' } }),
  },
  {
    name: 'assignTeamMember (change of team role)',
    scope: 'team',
    allowed: TEAM_ADMINS,
    reason: 'TEAM_ADMIN_REQUIRED',
    audit: ['team.member.updateRole', 'User'],
    query: `mutation($i: AssignTeamMemberInput!) { assignTeamMember(input: $i) { userErrors { code } } }`,
    variables: async () => ({ i: { teamId: fixture.team.id, userId: (await freshMember({ teams: [{ teamId: fixture.team.id, role: 'DEVELOPER' }] })).userId, role: 'BILLING' } }),
  },
  {
    name: 'unassignTeamMember',
    scope: 'team',
    allowed: TEAM_ADMINS,
    reason: 'TEAM_ADMIN_REQUIRED',
    audit: ['team.member.unassign', 'User'],
    query: `mutation($i: UnassignTeamMemberInput!) { unassignTeamMember(input: $i) { userErrors { code } } }`,
    variables: async () => ({ i: { teamId: fixture.team.id, userId: (await freshMember({ teams: [{ teamId: fixture.team.id, role: 'DEVELOPER' }] })).userId } }),
  },
  {
    name: 'createApiKey',
    scope: 'team',
    allowed: TEAM_ADMINS,
    reason: 'TEAM_ADMIN_REQUIRED',
    audit: ['apiKey.create', 'ApiKey'],
    query: `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { userErrors { code } } }`,
    variables: async () => ({ i: { teamId: fixture.team.id, alias: 'matrix', scope: 'API' } }),
  },
  {
    name: 'revokeApiKey',
    scope: 'team',
    allowed: TEAM_ADMINS,
    reason: 'TEAM_ADMIN_REQUIRED',
    audit: ['apiKey.revoke', 'ApiKey'],
    query: `mutation($i: RevokeApiKeyInput!) { revokeApiKey(input: $i) { userErrors { code } } }`,
    variables: async () => ({ i: { apiKeyId: (await createKey(fixture.team.id, 'API')).apiKey.id } }),
  },
  {
    name: 'Team.apiKeys',
    scope: 'team',
    allowed: TEAM_ADMINS,
    reason: 'TEAM_ADMIN_REQUIRED',
    query: `query($u: String!) { team(username: $u) { apiKeys { totalCount } } }`,
    variables: async () => ({ u: fixture.team.username }),
  },
  {
    name: 'setTeamSecret',
    scope: 'team',
    allowed: TEAM_ADMINS,
    reason: 'TEAM_ADMIN_REQUIRED',
    audit: ['secret.create', 'TeamSecret'],
    query: `mutation($i: SetTeamSecretInput!) { setTeamSecret(input: $i) { userErrors { code } } }`,
    variables: async () => ({ i: { teamId: fixture.team.id, name: secretName(), value: 'x' } }),
  },
  {
    name: 'setTeamSecret (replace)',
    scope: 'team',
    allowed: TEAM_ADMINS,
    reason: 'TEAM_ADMIN_REQUIRED',
    audit: ['secret.replace', 'TeamSecret'],
    query: `mutation($i: SetTeamSecretInput!) { setTeamSecret(input: $i) { userErrors { code } } }`,
    variables: async () => {
      const name = secretName();
      await app.data(`mutation($i: SetTeamSecretInput!) { setTeamSecret(input: $i) { userErrors { code } } }`, { i: { teamId: fixture.team.id, name, value: 'v1' } }, { token: fixture.admin.token });
      return { i: { teamId: fixture.team.id, name, value: 'v2' } };
    },
  },
  {
    name: 'deleteTeamSecret',
    scope: 'team',
    allowed: TEAM_ADMINS,
    reason: 'TEAM_ADMIN_REQUIRED',
    audit: ['secret.delete', 'TeamSecret'],
    query: `mutation($i: DeleteTeamSecretInput!) { deleteTeamSecret(input: $i) { userErrors { code } } }`,
    variables: async () => {
      const name = secretName();
      await app.data(`mutation($i: SetTeamSecretInput!) { setTeamSecret(input: $i) { userErrors { code } } }`, { i: { teamId: fixture.team.id, name, value: 'v' } }, { token: fixture.admin.token });
      return { i: { teamId: fixture.team.id, name } };
    },
  },
  {
    name: 'Team.secrets',
    scope: 'team',
    allowed: [...TEAM_ADMINS, 'teamDeveloper'],
    reason: 'TEAM_DEVELOPER_REQUIRED',
    query: `query($u: String!) { team(username: $u) { secrets { edges { node { name } } } } }`,
    variables: async () => ({ u: fixture.team.username }),
  },
];

beforeAll(async () => {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const team = await createTeam(app, admin, org.id);
  const otherTeam = await createTeam(app, admin, org.id);
  fixture = { org, team, admin };
  const outsider = await signUp(app);
  const outsiderOrg = await createOrganization(app, outsider);
  const person = async (options: Parameters<typeof addMember>[3]) => ({ token: (await addMember(app, admin, org.id, options)).token });
  credentials = {
    orgAdmin: { token: admin.token },
    orgBilling: await person({ role: 'BILLING' }),
    orgMember: await person({ role: 'MEMBER' }),
    teamAdmin: await person({ teams: [{ teamId: team.id, role: 'ADMIN' }] }),
    teamDeveloper: await person({ teams: [{ teamId: team.id, role: 'DEVELOPER' }] }),
    teamBilling: await person({ teams: [{ teamId: team.id, role: 'BILLING' }] }),
    otherTeamAdmin: await person({ teams: [{ teamId: otherTeam.id, role: 'ADMIN' }] }),
    outsider: { token: outsider.token },
    rootAdminKey: { key: (await createKey(org.rootTeamId, 'ADMIN')).key },
    rootApiKey: { key: (await createKey(org.rootTeamId, 'API')).key },
    teamAdminKey: { key: (await createKey(team.id, 'ADMIN')).key },
    teamApiKey: { key: (await createKey(team.id, 'API')).key },
    outsiderAdminKey: { key: (await createKey(outsiderOrg.rootTeamId, 'ADMIN', outsider.token)).key },
    anonymous: undefined,
    ingest: { bearer: TEST_INGEST_TOKEN },
    operator: { bearer: TEST_OPERATOR_TOKEN },
  };
});

/** The audit events one HTTP request wrote (by its request id). */
const eventsOf = (requestId: string | null) =>
  app.db.query(`SELECT action, target_type, target_id, actor_type, auth_method, organization_id FROM audit_events WHERE request_id = $1`, [requestId]);

const expectedAuthMethod = (actor: ActorName) => (KEYS.includes(actor) ? 'API_KEY_ADMIN' : 'PASSWORD');

/** What a caller that is not allowed gets. */
function expectedDenial(operation: Operation, actor: ActorName): { code: string; reason?: string } {
  if (actor === 'anonymous') return { code: 'UNAUTHENTICATED' };
  if (NOT_CUSTOMERS.includes(actor)) return { code: 'FORBIDDEN', reason: 'CUSTOMER_CREDENTIAL_REQUIRED' };
  const blind = operation.scope === 'organization' ? BLIND_TO_ORGANIZATION : BLIND_TO_TEAM;
  if (operation.visibleOnlyToAllowed || blind.includes(actor)) return { code: 'NOT_FOUND' };
  return { code: 'FORBIDDEN', reason: actor === 'teamApiKey' ? 'API_KEY_SCOPE' : operation.reason };
}

describe.each(OPERATIONS)('$name', (operation) => {
  it.each([...ACTORS])('%s', async (actor) => {
    const response = await app.gql(operation.query, await operation.variables(), credentials[actor]);
    const events = await eventsOf(response.headers.get('x-request-id'));
    if (operation.allowed.includes(actor)) {
      expect(response.body.errors).toBeUndefined();
      const payload = Object.values(response.body.data ?? {})[0] as { userErrors?: unknown[]; results?: Array<{ userErrors: unknown[] }> };
      expect(payload.userErrors ?? []).toEqual([]);
      for (const row of payload.results ?? []) expect(row.userErrors).toEqual([]);
      if (operation.audit) {
        const [action, targetType] = operation.audit;
        expect(events).toEqual([
          {
            action,
            target_type: targetType,
            target_id: expect.any(String),
            actor_type: KEYS.includes(actor) ? 'API_KEY' : 'USER',
            auth_method: expectedAuthMethod(actor),
            organization_id: localId(fixture.org.id),
          },
        ]);
      } else {
        expect(events).toEqual([]);
      }
    } else {
      const { code, reason } = expectedDenial(operation, actor);
      expect(response.body.errors?.[0]?.extensions).toMatchObject(reason ? { code, reason } : { code });
      // A denied call changes nothing, so it writes no audit event.
      expect(events).toEqual([]);
    }
  });
});

describe('leaveOrganization: any member with a user session (not the last ADMIN)', () => {
  const LEAVE = `mutation($i: LeaveOrganizationInput!) { leaveOrganization(input: $i) { userErrors { code } } }`;
  const roles: Partial<Record<ActorName, Parameters<typeof addMember>[3]>> = {
    orgBilling: { role: 'BILLING' },
    orgMember: { role: 'MEMBER' },
    teamAdmin: { teams: [{ teamId: '', role: 'ADMIN' }] },
    teamDeveloper: { teams: [{ teamId: '', role: 'DEVELOPER' }] },
    teamBilling: { teams: [{ teamId: '', role: 'BILLING' }] },
  };

  it.each(Object.keys(roles) as ActorName[])('%s (a fresh one) leaves, with one member.leave event', async (actor) => {
    const options = roles[actor]!;
    const member = await freshMember({ ...options, teams: options.teams?.map((t) => ({ ...t, teamId: fixture.team.id })) });
    const response = await app.gql(LEAVE, { i: { organizationId: fixture.org.id } }, { token: member.token });
    expect(response.body.data.leaveOrganization.userErrors).toEqual([]);
    expect(await eventsOf(response.headers.get('x-request-id'))).toEqual([
      expect.objectContaining({ action: 'member.leave', target_type: 'User', target_id: localId(member.userId), actor_type: 'USER' }),
    ]);
  });

  it('orgAdmin: the only ADMIN is refused (LAST_ADMIN); a second ADMIN may leave', async () => {
    const alone = await app.gql(LEAVE, { i: { organizationId: fixture.org.id } }, credentials.orgAdmin);
    expect(alone.body.data.leaveOrganization.userErrors).toEqual([{ code: 'LAST_ADMIN' }]);
    expect(await eventsOf(alone.headers.get('x-request-id'))).toEqual([]);
    const second = await freshMember({ role: 'ADMIN' });
    const left = await app.gql(LEAVE, { i: { organizationId: fixture.org.id } }, { token: second.token });
    expect(left.body.data.leaveOrganization.userErrors).toEqual([]);
  });

  it.each([...KEYS, 'ingest', 'operator'] as ActorName[])('%s: FORBIDDEN USER_SESSION_REQUIRED', async (actor) => {
    const response = await app.gql(LEAVE, { i: { organizationId: fixture.org.id } }, credentials[actor]);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'USER_SESSION_REQUIRED' });
  });

  it('outsider: NOT_FOUND; anonymous: UNAUTHENTICATED', async () => {
    const stranger = await app.gql(LEAVE, { i: { organizationId: fixture.org.id } }, credentials.outsider);
    expect(stranger.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const anonymous = await app.gql(LEAVE, { i: { organizationId: fixture.org.id } });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('acceptInvite: the signed-in user whose email matches', () => {
  const sessions: ActorName[] = ['orgAdmin', 'orgBilling', 'orgMember', 'teamAdmin', 'teamDeveloper', 'teamBilling', 'otherTeamAdmin', 'outsider'];

  it('every other session gets EMAIL_MISMATCH, keys and internal credentials FORBIDDEN, anonymous UNAUTHENTICATED; the invitee joins', async () => {
    const invitee = await signUp(app);
    await app.data(CREATE_INVITE, { input: { organizationId: fixture.org.id, email: invitee.email } }, { token: fixture.admin.token });
    const token = await latestInviteToken(app, invitee.email);
    for (const actor of sessions) {
      const response = await app.gql(ACCEPT_INVITE, { input: { token } }, credentials[actor]);
      expect([actor, response.body.data.acceptInvite.userErrors.map((e: any) => e.code)]).toEqual([actor, ['EMAIL_MISMATCH']]);
      expect(await eventsOf(response.headers.get('x-request-id'))).toEqual([]);
    }
    for (const actor of [...KEYS, 'ingest', 'operator'] as ActorName[]) {
      const response = await app.gql(ACCEPT_INVITE, { input: { token } }, credentials[actor]);
      expect([actor, response.body.errors?.[0]?.extensions]).toEqual([actor, expect.objectContaining({ code: 'FORBIDDEN', reason: 'USER_SESSION_REQUIRED' })]);
    }
    expect((await app.gql(ACCEPT_INVITE, { input: { token } })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const accepted = await app.gql(ACCEPT_INVITE, { input: { token } }, { token: invitee.token });
    expect(accepted.body.data.acceptInvite.userErrors).toEqual([]);
    expect(await eventsOf(accepted.headers.get('x-request-id'))).toEqual([expect.objectContaining({ action: 'invite.accept', target_type: 'Invite', actor_type: 'USER' })]);
  });
});

describe('node(id:) for Member, Invite, ApiKey, TeamSecret, AuditEvent', () => {
  const NODE = `query($id: ID!) { node(id: $id) { id } }`;
  let ids: Record<string, string>;
  const VISIBLE_TO: Record<string, ActorName[]> = {
    'Member (someone else)': ORG_ADMINS,
    'Invite (organization)': ORG_ADMINS,
    'Invite (team)': TEAM_ADMINS,
    ApiKey: TEAM_ADMINS,
    TeamSecret: [...TEAM_ADMINS, 'teamDeveloper'],
    AuditEvent: ORG_ADMINS,
  };

  beforeAll(async () => {
    const member = await freshMember();
    const name = secretName();
    const { setTeamSecret } = await app.data(
      `mutation($i: SetTeamSecretInput!) { setTeamSecret(input: $i) { secret { id } } }`,
      { i: { teamId: fixture.team.id, name, value: 'v' } },
      { token: fixture.admin.token },
    );
    const { organization } = await app.data(`query($s: String!) { organization(slug: $s) { auditLog(first: 1) { edges { node { id } } } } }`, { s: fixture.org.slug }, { token: fixture.admin.token });
    ids = {
      'Member (someone else)': member.memberId,
      'Invite (organization)': (await orgInvite()).i.inviteId,
      'Invite (team)': (await teamInvite()).i.inviteId,
      ApiKey: (await createKey(fixture.team.id, 'API')).apiKey.id,
      TeamSecret: setTeamSecret.secret.id,
      AuditEvent: organization.auditLog.edges[0].node.id,
    };
  });

  it.each(Object.keys(VISIBLE_TO))('%s: visible to exactly the allowed callers, null for every other customer', async (type) => {
    for (const actor of ACTORS) {
      const response = await app.gql(NODE, { id: ids[type] }, credentials[actor]);
      if (actor === 'anonymous') expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      else if (NOT_CUSTOMERS.includes(actor)) expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CUSTOMER_CREDENTIAL_REQUIRED' });
      else expect([actor, response.body.data.node]).toEqual([actor, VISIBLE_TO[type].includes(actor) ? { id: ids[type] } : null]);
    }
  });

  it('a member sees their own Member entry', async () => {
    const member = await freshMember();
    const { node } = await app.data(NODE, { id: member.memberId }, { token: member.token });
    expect(node).toEqual({ id: member.memberId });
  });
});
