import { graphql } from './support/gql';
import { Client } from 'pg';
import { startTestApp, type TestApp } from './support/testApp';
import { createOrganization, createTeam, signUp } from './support/factories';
import { addMember, globalId, latestInviteToken, localId } from './support/people';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const MEMBERS = graphql(`query MembersOrganization($slug: String!, $filter: MemberFilterInput, $first: Int, $after: String) {
  organization(slug: $slug) {
    members(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id email role status user { email } invite { email } teams { team { username } role } } }
    }
  }
}`);
const UPDATE_ROLE = graphql(`mutation MembersUpdateMemberRole($input: UpdateMemberRoleInput!) { updateMemberRole(input: $input) { member { id role } userErrors { field code } } }`);
const REMOVE = graphql(`mutation MembersRemoveMember($input: RemoveMemberInput!) { removeMember(input: $input) { removedMemberId userErrors { field code } } }`);
const LEAVE = graphql(`mutation MembersLeaveOrganization($input: LeaveOrganizationInput!) { leaveOrganization(input: $input) { organization { slug } userErrors { field code } } }`);
const ASSIGN = graphql(`mutation MembersAssignTeamMember($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { team { username } user { email } role userErrors { field code } } }`);
const UNASSIGN = graphql(`mutation MembersUnassignTeamMember($input: UnassignTeamMemberInput!) { unassignTeamMember(input: $input) { role userErrors { field code } } }`);

async function orgWithAdmin() {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const [row] = await app.db.query(`SELECT id FROM organization_memberships WHERE organization_id = $1`, [localId(org.id)]);
  return { admin, org, adminMemberId: globalId('Member', row.id) };
}

describe('organization members', () => {
  it('lists members and pending invites, filterable by team, role and status, paginated', async () => {
    const { admin, org } = await orgWithAdmin();
    const team = await createTeam(app, admin, org.id);
    const dev = await addMember(app, admin, org.id, { teams: [{ teamId: team.id, role: 'DEVELOPER' }] });
    const billing = await addMember(app, admin, org.id, { role: 'BILLING' });
    await app.data(
      graphql(`mutation MembersCreateInvite($input: CreateInviteInput!) { createInvite(input: $input) { userErrors { code } } }`),
      { input: { organizationId: org.id, email: 'pending@example.com', teamAssignments: [{ teamId: team.id, role: 'ADMIN' }] } },
      { token: admin.token },
    );
    const all = await app.data(MEMBERS, { slug: org.slug }, { token: admin.token });
    const nodes = all.organization.members.edges.map((e) => e.node);
    expect(nodes.map((n) => [n.email, n.role, n.status])).toEqual([
      [admin.email, 'ADMIN', 'UNASSIGNED'],
      [dev.email, 'MEMBER', 'ACTIVE'],
      [billing.email, 'BILLING', 'UNASSIGNED'],
      ['pending@example.com', 'MEMBER', 'PENDING'],
    ]);
    expect(nodes[1].teams).toEqual([{ team: { username: team.username }, role: 'DEVELOPER' }]);
    expect(nodes[3]).toMatchObject({ user: null, invite: { email: 'pending@example.com' }, teams: [{ team: { username: team.username }, role: 'ADMIN' }] });

    const onTeam = await app.data(MEMBERS, { slug: org.slug, filter: { teamId: team.id } }, { token: admin.token });
    expect(onTeam.organization.members.edges.map((e) => e.node.email)).toEqual([dev.email, 'pending@example.com']);
    const billingOnly = await app.data(MEMBERS, { slug: org.slug, filter: { role: 'BILLING' } }, { token: admin.token });
    expect(billingOnly.organization.members.edges.map((e) => e.node.email)).toEqual([billing.email]);
    const unassigned = await app.data(MEMBERS, { slug: org.slug, filter: { status: 'UNASSIGNED' } }, { token: admin.token });
    expect(unassigned.organization.members.totalCount).toBe(2);

    const page1 = await app.data(MEMBERS, { slug: org.slug, first: 3 }, { token: admin.token });
    const page2 = await app.data(MEMBERS, { slug: org.slug, first: 3, after: page1.organization.members.pageInfo.endCursor }, { token: admin.token });
    expect(page1.organization.members.pageInfo.hasNextPage).toBe(true);
    expect(page2.organization.members.edges.map((e) => e.node.email)).toEqual(['pending@example.com']);

    // viewer lists the organization and team for the new member.
    const { viewer } = await app.data(graphql(`query MembersViewer { viewer { organizations { slug } teams { username } } }`), {}, { token: dev.token });
    expect(viewer.organizations).toEqual([{ slug: org.slug }]);
    expect(viewer.teams.map((t) => t.username)).toContain(team.username);
  });

  it('a user in several organizations and teams sees them all in viewer', async () => {
    const first = await orgWithAdmin();
    const second = await orgWithAdmin();
    const teamA = await createTeam(app, first.admin, first.org.id);
    const teamB = await createTeam(app, first.admin, first.org.id);
    const teamC = await createTeam(app, second.admin, second.org.id);
    const person = await addMember(app, first.admin, first.org.id, { role: 'BILLING', teams: [{ teamId: teamA.id, role: 'DEVELOPER' }, { teamId: teamB.id, role: 'ADMIN' }] });
    const { createInvite } = await app.data(
      graphql(`mutation MembersCreateInvite2($input: CreateInviteInput!) { createInvite(input: $input) { userErrors { code } } }`),
      { input: { teamId: teamC.id, email: person.email, teamRole: 'BILLING' } },
      { token: second.admin.token },
    );
    expect(createInvite.userErrors).toEqual([]);
    const { acceptInvite } = await app.data(graphql(`mutation MembersAcceptInvite($input: AcceptInviteInput!) { acceptInvite(input: $input) { userErrors { code } } }`), { input: { token: await latestInviteToken(app, person.email) } }, { token: person.token });
    expect(acceptInvite.userErrors).toEqual([]);

    const { viewer } = await app.data(graphql(`query MembersViewer2 { viewer { organizations { slug viewerRole } teams { username viewerRole } personalAccount { username } } }`), {}, { token: person.token });
    expect(viewer.organizations).toEqual([
      { slug: first.org.slug, viewerRole: 'BILLING' },
      { slug: second.org.slug, viewerRole: 'MEMBER' },
    ]);
    expect(viewer.teams).toEqual([
      { username: viewer.personalAccount!.username, viewerRole: 'ADMIN' },
      { username: teamA.username, viewerRole: 'DEVELOPER' },
      { username: teamB.username, viewerRole: 'ADMIN' },
      { username: teamC.username, viewerRole: 'BILLING' },
    ]);
  });

  it('changes roles, assigns and unassigns teams, removes members', async () => {
    const { admin, org } = await orgWithAdmin();
    const team = await createTeam(app, admin, org.id);
    const member = await addMember(app, admin, org.id);
    const userId = (await app.data(graphql(`query MembersViewer3 { viewer { user { id } } }`), {}, { token: member.token })).viewer.user.id;

    const promoted = await app.data(UPDATE_ROLE, { input: { memberId: member.memberId, role: 'BILLING' } }, { token: admin.token });
    expect(promoted.updateMemberRole).toEqual({ member: { id: member.memberId, role: 'BILLING' }, userErrors: [] });

    const assigned = await app.data(ASSIGN, { input: { teamId: team.id, userId, role: 'DEVELOPER' } }, { token: admin.token });
    expect(assigned.assignTeamMember).toEqual({ team: { username: team.username }, user: { email: member.email }, role: 'DEVELOPER', userErrors: [] });
    const changed = await app.data(ASSIGN, { input: { teamId: team.id, userId, role: 'ADMIN' } }, { token: admin.token });
    expect(changed.assignTeamMember.role).toBe('ADMIN');
    const { team: seen } = await app.data(graphql(`query MembersTeam($u: String!) { team(username: $u) { viewerRole } }`), { u: team.username }, { token: member.token });
    expect(seen.viewerRole).toBe('ADMIN');

    const unassigned = await app.data(UNASSIGN, { input: { teamId: team.id, userId } }, { token: admin.token });
    expect(unassigned.unassignTeamMember).toEqual({ role: null, userErrors: [] });
    const again = await app.data(UNASSIGN, { input: { teamId: team.id, userId } }, { token: admin.token });
    expect(again.unassignTeamMember.userErrors).toEqual([{ field: ['input', 'userId'], code: 'NOT_A_MEMBER' }]);

    await app.data(ASSIGN, { input: { teamId: team.id, userId, role: 'DEVELOPER' } }, { token: admin.token });
    const removed = await app.data(REMOVE, { input: { memberId: member.memberId } }, { token: admin.token });
    expect(removed.removeMember).toEqual({ removedMemberId: member.memberId, userErrors: [] });
    const memberships = await app.db.query(`SELECT 1 FROM team_memberships WHERE user_id = $1`, [localId(userId)]);
    expect(memberships).toEqual([]);
    const gone = await app.gql(graphql(`query MembersTeam2($u: String!) { team(username: $u) { id } }`), { u: team.username }, { token: member.token });
    expect(gone.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('only assigns members of the organization; outsiders look like unknown ids', async () => {
    const { admin, org } = await orgWithAdmin();
    const team = await createTeam(app, admin, org.id);
    const outsider = await signUp(app);
    const outsiderId = (await app.data(graphql(`query MembersViewer4 { viewer { user { id } } }`), {}, { token: outsider.token })).viewer.user.id;
    const result = await app.data(ASSIGN, { input: { teamId: team.id, userId: outsiderId, role: 'DEVELOPER' } }, { token: admin.token });
    expect(result.assignTeamMember.userErrors).toEqual([{ field: ['input', 'userId'], code: 'NOT_A_MEMBER' }]);
    const bogus = await app.data(ASSIGN, { input: { teamId: team.id, userId: 'bm9wZQ', role: 'DEVELOPER' } }, { token: admin.token });
    expect(bogus.assignTeamMember.userErrors).toEqual(result.assignTeamMember.userErrors);
  });

  it('lets a member leave; unknown roles are BAD_USER_INPUT', async () => {
    const { admin, org } = await orgWithAdmin();
    const member = await addMember(app, admin, org.id);
    const left = await app.data(LEAVE, { input: { organizationId: org.id } }, { token: member.token });
    expect(left.leaveOrganization).toEqual({ organization: { slug: org.slug }, userErrors: [] });
    const after = await app.gql(graphql(`query MembersOrganization2($s: String!) { organization(slug: $s) { id } }`), { s: org.slug }, { token: member.token });
    expect(after.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // Roles the schema does not have: the types refuse them, and so must the server.
    const badRole = await app.gql(UPDATE_ROLE, { input: { memberId: member.memberId, role: 'OWNER' as never } }, { token: admin.token });
    expect(badRole.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const team = await createTeam(app, admin, org.id);
    const adminUserId = (await app.data(graphql(`query MembersViewer5 { viewer { user { id } } }`), {}, { token: admin.token })).viewer.user.id;
    for (const role of ['OWNER', 'developer', 'MEMBER']) {
      const badTeamRole = await app.gql(ASSIGN, { input: { teamId: team.id, userId: adminUserId, role: role as never } }, { token: admin.token });
      expect([role, badTeamRole.body.errors?.[0]?.extensions?.code]).toEqual([role, 'BAD_USER_INPUT']);
    }
    expect(await app.db.query(`SELECT 1 FROM team_memberships WHERE team_id = $1`, [localId(team.id)])).toEqual([]);
  });
});

describe('the last ADMIN rule', () => {
  it('refuses demoting, removing or the leaving of the only ADMIN', async () => {
    const { admin, org, adminMemberId } = await orgWithAdmin();
    const demote = await app.data(UPDATE_ROLE, { input: { memberId: adminMemberId, role: 'MEMBER' } }, { token: admin.token });
    expect(demote.updateMemberRole).toEqual({ member: null, userErrors: [{ field: ['input', 'role'], code: 'LAST_ADMIN' }] });
    const remove = await app.data(REMOVE, { input: { memberId: adminMemberId } }, { token: admin.token });
    expect(remove.removeMember.userErrors).toEqual([{ field: ['input', 'memberId'], code: 'LAST_ADMIN' }]);
    const leave = await app.data(LEAVE, { input: { organizationId: org.id } }, { token: admin.token });
    expect(leave.leaveOrganization.userErrors).toEqual([{ field: ['input', 'organizationId'], code: 'LAST_ADMIN' }]);
    const [row] = await app.db.query(`SELECT role FROM organization_memberships WHERE organization_id = $1`, [localId(org.id)]);
    expect(row.role).toBe('ADMIN');

    // With a second ADMIN, the first may step down.
    const second = await addMember(app, admin, org.id, { role: 'ADMIN' });
    const ok = await app.data(UPDATE_ROLE, { input: { memberId: adminMemberId, role: 'MEMBER' } }, { token: second.token });
    expect(ok.updateMemberRole.userErrors).toEqual([]);
  });

  /**
   * The last-ADMIN races: A and B are the only ADMINs and each starts a change that would be fine alone but leaves
   * no ADMIN together. A blocker transaction holds the organization row until both changes are provably waiting on
   * the organization lock inside their own transactions; then it lets go. Exactly one change may win.
   */
  type Side = 'a' | 'b';
  const RACES: Array<{ name: string; ops: Array<{ by: Side; run: 'demote' | 'remove' | 'leave'; target: Side }> }> = [
    { name: 'A demotes B while B demotes A', ops: [{ by: 'a', run: 'demote', target: 'b' }, { by: 'b', run: 'demote', target: 'a' }] },
    { name: 'A removes B while B removes A', ops: [{ by: 'a', run: 'remove', target: 'b' }, { by: 'b', run: 'remove', target: 'a' }] },
    { name: 'A removes B while B demotes A', ops: [{ by: 'a', run: 'remove', target: 'b' }, { by: 'b', run: 'demote', target: 'a' }] },
    { name: 'A and B both leave', ops: [{ by: 'a', run: 'leave', target: 'a' }, { by: 'b', run: 'leave', target: 'b' }] },
    { name: 'A leaves while B steps down', ops: [{ by: 'a', run: 'leave', target: 'a' }, { by: 'b', run: 'demote', target: 'b' }] },
  ];

  it.each(RACES)('$name at the same instant: exactly one wins, one ADMIN remains', async ({ ops }) => {
    const { admin: a, org, adminMemberId: aMember } = await orgWithAdmin();
    const b = await addMember(app, a, org.id, { role: 'ADMIN' });
    const people = { a: { token: a.token, memberId: aMember }, b: { token: b.token, memberId: b.memberId } };
    const blocker = new Client({ connectionString: (app.db.options as { url: string }).url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(`SELECT id FROM organizations WHERE id = $1 FOR UPDATE`, [localId(org.id)]);
    const inFlight = Promise.all(
      ops.map(async ({ by, run, target }) => {
        const credential = { token: people[by].token };
        if (run === 'demote') return (await app.data(UPDATE_ROLE, { input: { memberId: people[target].memberId, role: 'MEMBER' } }, credential)).updateMemberRole;
        if (run === 'remove') return (await app.data(REMOVE, { input: { memberId: people[target].memberId } }, credential)).removeMember;
        return (await app.data(LEAVE, { input: { organizationId: org.id } }, credential)).leaveOrganization;
      }),
    );
    try {
      for (let waiting = 0, polls = 0; waiting < 2; polls++) {
        if (polls > 1500) throw new Error('the two changes never queued on the organization lock'); // 30 s: a loaded 2-core machine is slow to get there
        await new Promise((resolve) => setTimeout(resolve, 20));
        // Poll outside the blocker's transaction (pg_stat_activity is a snapshot taken once per transaction): backends
        // stuck behind the blocker, directly or behind each other in the row's lock queue.
        const [row] = await app.db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND cardinality(pg_blocking_pids(pid)) > 0`,
        );
        waiting = row.n;
      }
    } finally {
      await blocker.query('COMMIT');
      await blocker.end();
    }
    const outcomes = (await inFlight).map((payload) => payload.userErrors.map((e) => e.code));
    expect(outcomes.sort()).toEqual([[], ['LAST_ADMIN']]);
    const admins = await app.db.query(`SELECT 1 FROM organization_memberships WHERE organization_id = $1 AND role = 'ADMIN'`, [localId(org.id)]);
    expect(admins).toHaveLength(1);
    // The loser's change was rolled back with its audit event: one event for the one change that happened.
    const events = await app.db.query(
      `SELECT action FROM audit_events WHERE organization_id = $1 AND action IN ('member.updateRole', 'member.remove', 'member.leave')`,
      [localId(org.id)],
    );
    expect(events).toHaveLength(1);
  });
});
