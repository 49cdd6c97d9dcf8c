import { graphql } from './support/gql';
import { startTestApp, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, createTeam, signUp, unique, type SignedUpUser } from './support/factories';
import { CREATE_INVITE, addMember, localId } from './support/people';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const TEAM_PEOPLE = graphql(`query TeamAdminTeamPeople($u: String!, $filter: TeamMemberFilterInput, $first: Int, $after: String) { team(username: $u) {
  members(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id role user { email name } } } }
} }`);
const TEAM_INVITES = graphql(`query TeamAdminTeamInvites($u: String!, $status: InviteStatus) { team(username: $u) { invites(status: $status, first: 50) { totalCount edges { node { email status teamRole } } } } }`);
const ASSIGN = graphql(`mutation TeamAdminAssign($i: AssignTeamMemberInput!) { assignTeamMember(input: $i) { role userErrors { field code } } }`);
const UNASSIGN = graphql(`mutation TeamAdminUnassign($i: UnassignTeamMemberInput!) { unassignTeamMember(input: $i) { role userErrors { field code } } }`);
const UPDATE_ROLE = graphql(`mutation TeamAdminUpdateRole($i: UpdateMemberRoleInput!) { updateMemberRole(input: $i) { member { role } userErrors { code } } }`);
const GOVERNANCE = graphql(`mutation TeamAdminGovernance($i: UpdateTeamGovernanceInput!) { updateTeamGovernance(input: $i) { userErrors { field code } } }`);
const ORG_MEMBERS = graphql(`query TeamAdminOrgMembers($s: String!, $filter: MemberFilterInput, $first: Int, $after: String) { organization(slug: $s) {
  members(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { email status } } }
} }`);
const ARCHIVE = graphql(`mutation TeamAdminArchive($i: ArchiveTeamInput!) { archiveTeam(input: $i) { team { archivedAt } userErrors { code } } }`);
const UNARCHIVE = graphql(`mutation TeamAdminUnarchive($i: UnarchiveTeamInput!) { unarchiveTeam(input: $i) { team { archivedAt } userErrors { field code } } }`);
const AUDIT = graphql(`query TeamAdminAudit($s: String!, $filter: AuditLogFilterInput) { organization(slug: $s) { auditLog(filter: $filter, first: 100) {
  edges { node { action actorLabel targetType targetId } } } } }`);

const code = (response: { body: { errors?: Array<{ extensions?: Record<string, any> }> } }) => response.body.errors?.[0]?.extensions?.code;
const reason = (response: { body: { errors?: Array<{ extensions?: Record<string, any> }> } }) => response.body.errors?.[0]?.extensions?.reason;

/** An organization with two teams; `lead` is ADMIN of team A only (an organization MEMBER). */
async function setup() {
  const admin = await signUp(app, { name: 'Org Admin' });
  const org = await createOrganization(app, admin);
  const teamA = await createTeam(app, admin, org.id);
  const teamB = await createTeam(app, admin, org.id);
  const lead = await addMember(app, admin, org.id, { teams: [{ teamId: teamA.id, role: 'ADMIN' }] });
  const dev = await addMember(app, admin, org.id, { teams: [{ teamId: teamA.id, role: 'DEVELOPER' }] });
  const other = await addMember(app, admin, org.id, { teams: [{ teamId: teamB.id, role: 'DEVELOPER' }] });
  return { admin, org, teamA, teamB, lead, dev, other };
}

async function teamMembers(team: string, who: SignedUpUser, variables: Record<string, unknown> = {}) {
  const { team: result } = await app.data(TEAM_PEOPLE, { u: team, ...variables }, { token: who.token });
  return result.members;
}

describe('team admins manage their own team', () => {
  it('list, invite, re-role and remove the team’s members, and see the team’s invites', async () => {
    const { admin, org, teamA, lead, dev, other } = await setup();
    const members = await teamMembers(teamA.username, lead);
    expect(members.edges.map((e) => [e.node.user.email, e.node.role])).toEqual([
      [lead.email, 'ADMIN'],
      [dev.email, 'DEVELOPER'],
    ]);

    // Invite into the team; the team's invites list shows it (and nothing of other teams).
    const invitee = `${unique('hire')}@example.com`;
    const invited = await app.data(CREATE_INVITE, { input: { teamId: teamA.id, email: invitee, teamRole: 'DEVELOPER' } }, { token: lead.token });
    expect(invited.createInvite.userErrors).toEqual([]);
    const { team } = await app.data(TEAM_INVITES, { u: teamA.username, status: 'PENDING' }, { token: lead.token });
    expect(team.invites.edges.map((e) => e.node)).toEqual([{ email: invitee, status: 'PENDING', teamRole: 'DEVELOPER' }]);

    // Re-role a teammate, put another organization member on the team, take one off.
    expect((await app.data(ASSIGN, { i: { teamId: teamA.id, userId: dev.id, role: 'BILLING' } }, { token: lead.token })).assignTeamMember).toEqual({ role: 'BILLING', userErrors: [] });
    expect((await app.data(ASSIGN, { i: { teamId: teamA.id, userId: other.id, role: 'DEVELOPER' } }, { token: lead.token })).assignTeamMember.userErrors).toEqual([]);
    expect((await app.data(UNASSIGN, { i: { teamId: teamA.id, userId: dev.id } }, { token: lead.token })).unassignTeamMember.userErrors).toEqual([]);
    expect((await teamMembers(teamA.username, lead)).edges.map((e) => [e.node.user.email, e.node.role])).toEqual([
      [lead.email, 'ADMIN'],
      [other.email, 'DEVELOPER'],
    ]);
    // Organization admins see the same list; the team's ADMIN key too.
    expect((await teamMembers(teamA.username, admin)).totalCount).toBe(2);
    const teamKey = await createApiKeyFor(app, teamA.username, 'ADMIN');
    expect((await app.data(TEAM_PEOPLE, { u: teamA.username }, { key: teamKey })).team.members.totalCount).toBe(2);
    expect(org.slug).toBeTruthy();
  });

  it('never beyond the team and never above their own power', async () => {
    const { org, teamA, teamB, lead, dev, other } = await setup();
    // Another team: not even visible to the lead.
    expect(code(await app.gql(TEAM_PEOPLE, { u: teamB.username }, { token: lead.token }))).toBe('NOT_FOUND');
    expect(code(await app.gql(ASSIGN, { i: { teamId: teamB.id, userId: lead.id, role: 'ADMIN' } }, { token: lead.token }))).toBe('NOT_FOUND');
    expect(code(await app.gql(TEAM_INVITES, { u: teamB.username }, { token: lead.token }))).toBe('NOT_FOUND');
    // Organization roles and organization invites are organization administration.
    const { organization } = await app.data(graphql(`query TeamAdminOrganizationId($s: String!) { organization(slug: $s) { id } }`), { s: org.slug }, { token: lead.token });
    expect(organization.id).toBe(org.id);
    expect(reason(await app.gql(ORG_MEMBERS, { s: org.slug }, { token: lead.token }))).toBe('ORGANIZATION_ADMIN_REQUIRED');
    expect(code(await app.gql(UPDATE_ROLE, { i: { memberId: lead.memberId, role: 'ADMIN' } }, { token: lead.token }))).toBe('FORBIDDEN');
    expect(code(await app.gql(UPDATE_ROLE, { i: { memberId: dev.memberId, role: 'ADMIN' } }, { token: lead.token }))).toBe('FORBIDDEN');
    const orgInvite = await app.gql(CREATE_INVITE, { input: { organizationId: org.id, email: `${unique('x')}@example.com`, organizationRole: 'ADMIN' } }, { token: lead.token });
    expect(reason(orgInvite)).toBe('ORGANIZATION_ADMIN_REQUIRED');
    // People outside the organization cannot be pulled onto the team.
    const stranger = await signUp(app);
    const pulled = await app.data(ASSIGN, { i: { teamId: teamA.id, userId: stranger.id, role: 'DEVELOPER' } }, { token: lead.token });
    expect(pulled.assignTeamMember.userErrors).toEqual([{ field: ['input', 'userId'], code: 'NOT_A_MEMBER' }]);
    // Developers and billing members of the team see the team but not its member list or invites.
    expect(reason(await app.gql(TEAM_PEOPLE, { u: teamA.username }, { token: dev.token }))).toBe('TEAM_ADMIN_REQUIRED');
    expect(reason(await app.gql(TEAM_INVITES, { u: teamA.username }, { token: dev.token }))).toBe('TEAM_ADMIN_REQUIRED');
    expect(code(await app.gql(TEAM_PEOPLE, { u: teamA.username }, { token: other.token }))).toBe('NOT_FOUND');
    // The team's API-scoped key does nothing administrative.
    const apiKey = await createApiKeyFor(app, teamA.username, 'API');
    expect(reason(await app.gql(TEAM_PEOPLE, { u: teamA.username }, { key: apiKey }))).toBe('API_KEY_SCOPE');
  });

  it('search the team by name or email, keyset-paged', async () => {
    const { admin, org, teamA, lead } = await setup();
    const named = await signUp(app, { name: 'Zelda Quartermaine' });
    await app.data(CREATE_INVITE, { input: { organizationId: org.id, email: named.email, teamAssignments: [{ teamId: teamA.id, role: 'DEVELOPER' }] } }, { token: admin.token });
    const token = (await app.db.query(`SELECT body FROM email_outbox WHERE recipient = $1`, [named.email]))[0].body.match(/ogi_[A-Za-z0-9_-]+/)[0];
    await app.data(graphql(`mutation TeamAdminAcceptInvite($i: AcceptInviteInput!) { acceptInvite(input: $i) { userErrors { code } } }`), { i: { token } }, { token: named.token });
    const byName = await teamMembers(teamA.username, lead, { filter: { search: 'quarterMAINE' } });
    expect(byName.edges.map((e) => e.node.user.email)).toEqual([named.email]);
    const byEmail = await teamMembers(teamA.username, lead, { filter: { search: lead.email.slice(0, 12).toUpperCase() } });
    expect(byEmail.edges.map((e) => e.node.user.email)).toEqual([lead.email]);
    expect((await teamMembers(teamA.username, lead, { filter: { search: '%' } })).totalCount).toBe(0);
    expect((await teamMembers(teamA.username, lead, { filter: { role: 'DEVELOPER' } })).totalCount).toBe(2);
    const page1 = await teamMembers(teamA.username, lead, { first: 2 });
    const page2 = await teamMembers(teamA.username, lead, { first: 2, after: page1.pageInfo.endCursor });
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect([...page1.edges, ...page2.edges].map((e) => e.node.user.email).sort()).toEqual((await teamMembers(teamA.username, lead)).edges.map((e) => e.node.user.email).sort());
    const tooLong = await app.gql(TEAM_PEOPLE, { u: teamA.username, filter: { search: 'x'.repeat(101) } }, { token: lead.token });
    expect(code(tooLong)).toBe('BAD_USER_INPUT');
  });
});

describe('the governance owner of a team', () => {
  it('sees the team, its governance and its spend, changes nothing, and loses sight of it on leaving the organization', async () => {
    const { admin, org, teamA, lead } = await setup();
    const owner = await addMember(app, admin, org.id);
    expect(code(await app.gql(graphql(`query TeamAdminTeamName($u: String!) { team(username: $u) { name } }`), { u: teamA.username }, { token: owner.token }))).toBe('NOT_FOUND');
    // A team admin names the owner (an organization member).
    expect((await app.data(GOVERNANCE, { i: { teamId: teamA.id, ownerId: owner.id } }, { token: lead.token })).updateTeamGovernance.userErrors).toEqual([]);

    const seen = await app.data(
      graphql(`query TeamAdminOwnerView($u: String!) { team(username: $u) { name viewerRole governance { owner { email } } spend(period: MONTH) } }`),
      { u: teamA.username },
      { token: owner.token },
    );
    expect(seen.team).toMatchObject({ viewerRole: null, governance: { owner: { email: owner.email } } });
    // Oversight, not administration: no member list, invites, roles, keys or governance edits.
    expect(reason(await app.gql(TEAM_PEOPLE, { u: teamA.username }, { token: owner.token }))).toBe('TEAM_ADMIN_REQUIRED');
    expect(reason(await app.gql(TEAM_INVITES, { u: teamA.username }, { token: owner.token }))).toBe('TEAM_ADMIN_REQUIRED');
    expect(reason(await app.gql(ASSIGN, { i: { teamId: teamA.id, userId: owner.id, role: 'ADMIN' } }, { token: owner.token }))).toBe('TEAM_ADMIN_REQUIRED');
    expect(reason(await app.gql(CREATE_INVITE, { input: { teamId: teamA.id, email: `${unique('o')}@example.com` } }, { token: owner.token }))).toBe('TEAM_ADMIN_REQUIRED');
    expect(reason(await app.gql(GOVERNANCE, { i: { teamId: teamA.id, workload: 'mine now' } }, { token: owner.token }))).toBe('TEAM_ADMIN_REQUIRED');
    expect(reason(await app.gql(graphql(`mutation TeamAdminCreateApiKey($i: CreateApiKeyInput!) { createApiKey(input: $i) { userErrors { code } } }`), { i: { teamId: teamA.id, alias: 'owner key', scope: 'ADMIN' } }, { token: owner.token }))).toBe('TEAM_ADMIN_REQUIRED');

    // Ownership counts only while the owner is in the organization.
    await app.data(graphql(`mutation TeamAdminLeave($i: LeaveOrganizationInput!) { leaveOrganization(input: $i) { userErrors { code } } }`), { i: { organizationId: org.id } }, { token: owner.token });
    expect(code(await app.gql(graphql(`query TeamAdminSpend($u: String!) { team(username: $u) { spend(period: MONTH) } }`), { u: teamA.username }, { token: owner.token }))).toBe('NOT_FOUND');
  });
});

describe('organization members page', () => {
  it('searches by name or email (open invites by email), keyset-paged', async () => {
    const admin = await signUp(app, { name: 'Page Admin' });
    const org = await createOrganization(app, admin);
    const people = [];
    for (const name of ['Ada Lovelace', 'Grace Hopper', 'Ada Yonath']) people.push(await signUp(app, { name }));
    for (const person of people) {
      await app.data(CREATE_INVITE, { input: { organizationId: org.id, email: person.email } }, { token: admin.token });
      const token = (await app.db.query(`SELECT body FROM email_outbox WHERE recipient = $1`, [person.email]))[0].body.match(/ogi_[A-Za-z0-9_-]+/)[0];
      await app.data(graphql(`mutation TeamAdminAcceptInvite($i: AcceptInviteInput!) { acceptInvite(input: $i) { userErrors { code } } }`), { i: { token } }, { token: person.token });
    }
    const pending = `ada.pending.${unique('p')}@example.com`;
    await app.data(CREATE_INVITE, { input: { organizationId: org.id, email: pending } }, { token: admin.token });

    const search = async (text: string, extra: Record<string, unknown> = {}) =>
      (await app.data(ORG_MEMBERS, { s: org.slug, filter: { search: text, ...extra } }, { token: admin.token })).organization.members;
    const ada = await search('ada');
    expect(ada.edges.map((e) => e.node.email).sort()).toEqual([people[0].email, people[2].email, pending].sort());
    expect((await search('ada', { status: 'PENDING' })).edges.map((e) => e.node.email)).toEqual([pending]);
    expect((await search(people[1].email.toUpperCase())).edges.map((e) => e.node.email)).toEqual([people[1].email]);
    expect((await search('_')).totalCount).toBe(0);
    const page1 = (await app.data(ORG_MEMBERS, { s: org.slug, filter: { search: 'ada' }, first: 2 }, { token: admin.token })).organization.members;
    const page2 = (await app.data(ORG_MEMBERS, { s: org.slug, filter: { search: 'ada' }, first: 2, after: page1.pageInfo.endCursor }, { token: admin.token })).organization.members;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect([...page1.edges, ...page2.edges].map((e) => e.node.email).sort()).toEqual(ada.edges.map((e) => e.node.email).sort());
    expect(code(await app.gql(ORG_MEMBERS, { s: org.slug, filter: { search: 'y'.repeat(101) } }, { token: admin.token }))).toBe('BAD_USER_INPUT');
  });
});

describe('unarchiving a team', () => {
  it('is for organization admins, audited, brings the keys back, and the archived history stays readable', async () => {
    const { admin, org, teamA, lead, other } = await setup();
    const key = await createApiKeyFor(app, teamA.username, 'ADMIN');
    const viaKey = () => app.gql(graphql(`query TeamAdminTeamName($u: String!) { team(username: $u) { name } }`), { u: teamA.username }, { key });
    expect(code(await viaKey())).toBeUndefined();
    expect((await app.data(ARCHIVE, { i: { teamId: teamA.id } }, { token: lead.token })).archiveTeam.userErrors).toEqual([]);
    expect(code(await viaKey())).toBe('UNAUTHENTICATED');

    // Team admins may archive, not unarchive; outsiders do not see the team.
    expect(reason(await app.gql(UNARCHIVE, { i: { teamId: teamA.id } }, { token: lead.token }))).toBe('ORGANIZATION_ADMIN_REQUIRED');
    expect(code(await app.gql(UNARCHIVE, { i: { teamId: teamA.id } }, { token: other.token }))).toBe('NOT_FOUND');
    const outsider = await signUp(app);
    expect(code(await app.gql(UNARCHIVE, { i: { teamId: teamA.id } }, { token: outsider.token }))).toBe('NOT_FOUND');

    const { unarchiveTeam } = await app.data(UNARCHIVE, { i: { teamId: teamA.id } }, { token: admin.token });
    expect(unarchiveTeam).toEqual({ team: { archivedAt: null }, userErrors: [] });
    expect(code(await viaKey())).toBeUndefined();
    expect((await app.data(UNARCHIVE, { i: { teamId: teamA.id } }, { token: admin.token })).unarchiveTeam.userErrors).toEqual([{ field: ['input', 'teamId'], code: 'NOT_ARCHIVED' }]);
    const rootTeam = (await app.data(graphql(`query TeamAdminRootTeam($s: String!) { organization(slug: $s) { rootTeam { id } } }`), { s: org.slug }, { token: admin.token })).organization.rootTeam.id;
    expect((await app.data(UNARCHIVE, { i: { teamId: rootTeam } }, { token: admin.token })).unarchiveTeam.userErrors.map((e) => e.code)).toEqual(['NOT_ARCHIVABLE']);

    const { organization } = await app.data(AUDIT, { s: org.slug, filter: { target: teamA.id } }, { token: admin.token });
    expect(organization.auditLog.edges.map((e) => [e.node.action, e.node.actorLabel])).toEqual(
      expect.arrayContaining([
        ['team.unarchive', admin.email],
        ['team.archive', lead.email],
      ]),
    );
    const [row] = await app.db.query(`SELECT changes FROM audit_events WHERE action = 'team.unarchive' AND target_id = $1`, [localId(teamA.id)]);
    expect(row.changes.archivedAt.after).toBeNull();
  });
});

describe('audit events name their actor readably', () => {
  it('by email for people and by name for keys, and filter by actor (id, email or key id) and target', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const rootKey = await createApiKeyFor(app, org.slug, 'ADMIN');
    const keyId = rootKey.split(':')[0];
    const teamByKey = await app.data(
      graphql(`mutation TeamAdminCreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { team { id } userErrors { code } } }`),
      { input: { organizationId: org.id, username: unique('kt'), name: 'Made by key' } },
      { key: rootKey },
    );
    const teamByAdmin = await createTeam(app, admin, org.id);

    const events = async (filter: Record<string, unknown>) =>
      (await app.data(AUDIT, { s: org.slug, filter }, { token: admin.token })).organization.auditLog.edges.map((e) => e.node);
    const keyEvents = await events({ actor: keyId });
    expect(keyEvents.map((e) => [e.action, e.actorLabel])).toEqual([['team.create', `test ADMIN key (${keyId})`]]);
    const adminEvents = await events({ actor: admin.email.toUpperCase(), action: 'team.' });
    expect(adminEvents.map((e) => [e.action, e.actorLabel])).toEqual([['team.create', admin.email]]);
    expect(await events({ actor: admin.id, action: 'team.' })).toEqual(adminEvents);
    expect(await events({ actor: 'nobody@example.com' })).toEqual([]);
    const targeted = await events({ target: teamByKey.createTeam.team!.id });
    expect(targeted.map((e) => e.targetId)).toEqual([teamByKey.createTeam.team!.id]);
    expect((await events({ target: teamByAdmin.id })).map((e) => e.actorLabel)).toEqual([admin.email]);
  });
});
