import { startTestApp, type TestApp } from './support/testApp';
import { createOrganization, createTeam, signUp } from './support/factories';
import { CREATE_INVITE, addMember, localId } from './support/people';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const SET = `mutation($input: SetTeamSecretInput!) { setTeamSecret(input: $input) { secret { id name createdAt updatedAt } userErrors { field code } } }`;
const DELETE = `mutation($input: DeleteTeamSecretInput!) { deleteTeamSecret(input: $input) { deletedName userErrors { field code } } }`;
const LIST = `query($u: String!) { team(username: $u) { secrets { edges { node { name } } } } }`;
const AUDIT = `query($s: String!, $filter: AuditLogFilterInput, $first: Int, $after: String) {
  organization(slug: $s) { auditLog(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id actorType actorLabel actorKeyId actorUser { email } authMethod action targetType targetId requestId ip createdAt team { username } changes { field before after } } }
  } }
}`;

describe('team secrets', () => {
  it('encrypts values at rest, lists names only, replaces and deletes', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    const value = 'sk-live-very-secret-value';
    const created = await app.data(SET, { input: { teamId: team.id, name: 'OPENAI_KEY', value } }, { token: admin.token });
    expect(created.setTeamSecret.userErrors).toEqual([]);
    const [row] = await app.db.query(`SELECT * FROM team_secrets WHERE team_id = $1`, [localId(team.id)]);
    expect(row.ciphertext.toString('utf8')).not.toContain(value);
    expect(row.iv).toHaveLength(12);
    expect(row.auth_tag).toHaveLength(16);
    expect(await app.server.services.secrets.reveal(localId(team.id), 'OPENAI_KEY')).toBe(value);

    const replaced = await app.data(SET, { input: { teamId: team.id, name: 'OPENAI_KEY', value: 'v2' } }, { token: admin.token });
    expect(replaced.setTeamSecret.secret.id).toBe(created.setTeamSecret.secret.id);
    expect(await app.server.services.secrets.reveal(localId(team.id), 'OPENAI_KEY')).toBe('v2');
    const listed = await app.gql(LIST, { u: team.username }, { token: admin.token });
    expect(listed.body.data.team.secrets.edges).toEqual([{ node: { name: 'OPENAI_KEY' } }]);
    expect(JSON.stringify(listed.body)).not.toContain('v2');

    const badName = await app.data(SET, { input: { teamId: team.id, name: 'lower-case', value: 'x' } }, { token: admin.token });
    expect(badName.setTeamSecret.userErrors).toEqual([{ field: ['input', 'name'], code: 'INVALID' }]);
    const empty = await app.data(SET, { input: { teamId: team.id, name: 'EMPTY', value: '' } }, { token: admin.token });
    expect(empty.setTeamSecret.userErrors).toEqual([{ field: ['input', 'value'], code: 'INVALID' }]);

    const deleted = await app.data(DELETE, { input: { teamId: team.id, name: 'OPENAI_KEY' } }, { token: admin.token });
    expect(deleted.deleteTeamSecret).toEqual({ deletedName: 'OPENAI_KEY', userErrors: [] });
    const again = await app.data(DELETE, { input: { teamId: team.id, name: 'OPENAI_KEY' } }, { token: admin.token });
    expect(again.deleteTeamSecret.userErrors).toEqual([{ field: ['input', 'name'], code: 'NOT_FOUND' }]);

    // No audit event carries a secret value.
    const events = await app.db.query(`SELECT changes::text AS changes FROM audit_events WHERE team_id = $1`, [localId(team.id)]);
    expect(events.map((e: any) => e.changes).join()).not.toMatch(/sk-live|v2"/);
  });
});

describe('audit log', () => {
  it('each mutation writes exactly one event with actor, method, action, target, changes, request id and IP', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    const member = await addMember(app, admin, org.id);
    const memberUserId = (await app.data(`{ viewer { user { id } } }`, {}, { token: member.token })).viewer.user.id;
    const rootKey = await app.data(
      `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key } }`,
      { i: { teamId: org.rootTeamId, alias: 'root admin', scope: 'ADMIN' } },
      { token: admin.token },
    );
    const key = rootKey.createApiKey.key as string;
    const keyId = key.split(':')[0];

    const mutations: Array<[string, Record<string, unknown>, { token: string } | { key: string }, string, string]> = [
      [`mutation($i: UpdateMemberRoleInput!) { updateMemberRole(input: $i) { userErrors { code } } }`, { i: { memberId: member.memberId, role: 'BILLING' } }, { token: admin.token }, 'member.updateRole', 'User'],
      [`mutation($i: AssignTeamMemberInput!) { assignTeamMember(input: $i) { userErrors { code } } }`, { i: { teamId: team.id, userId: memberUserId, role: 'DEVELOPER' } }, { key }, 'team.member.assign', 'User'],
      [`mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { userErrors { code } } }`, { i: { teamId: team.id, alias: 'k', scope: 'API' } }, { token: admin.token }, 'apiKey.create', 'ApiKey'],
      [`mutation($i: SetTeamSecretInput!) { setTeamSecret(input: $i) { userErrors { code } } }`, { i: { teamId: team.id, name: 'TOKEN', value: 'hunter2hunter2' } }, { token: admin.token }, 'secret.create', 'TeamSecret'],
      [CREATE_INVITE, { input: { organizationId: org.id, email: 'audit-invite@example.com' } }, { key }, 'invite.create', 'Invite'],
      [`mutation($i: UnassignTeamMemberInput!) { unassignTeamMember(input: $i) { userErrors { code } } }`, { i: { teamId: team.id, userId: memberUserId } }, { token: admin.token }, 'team.member.unassign', 'User'],
      [`mutation($i: RemoveMemberInput!) { removeMember(input: $i) { userErrors { code } } }`, { i: { memberId: member.memberId } }, { token: admin.token }, 'member.remove', 'User'],
    ];
    for (const [query, variables, credential, action, targetType] of mutations) {
      const before = (await app.db.query(`SELECT count(*)::int AS n FROM audit_events`))[0].n;
      const response = await app.gql(query, variables, credential);
      const payload = Object.values(response.body.data ?? {})[0] as { userErrors: unknown[] };
      expect([action, payload.userErrors]).toEqual([action, []]);
      const events = await app.db.query(`SELECT * FROM audit_events ORDER BY created_at DESC LIMIT 2`);
      expect((await app.db.query(`SELECT count(*)::int AS n FROM audit_events`))[0].n - before).toBe(1);
      const event = events[0];
      expect(event).toMatchObject({ action, target_type: targetType, organization_id: localId(org.id), request_id: response.headers.get('x-request-id') });
      expect(event.ip).toMatch(/127\.0\.0\.1/);
      if ('key' in credential) expect(event).toMatchObject({ actor_type: 'API_KEY', actor_id: keyId, auth_method: 'API_KEY_ADMIN' });
      else expect(event).toMatchObject({ actor_type: 'USER', auth_method: 'PASSWORD' });
    }

    const all = await app.data(AUDIT, { s: org.slug, first: 100 }, { token: admin.token });
    const actions = all.organization.auditLog.edges.map((e: any) => e.node.action);
    expect(actions.slice(0, 7)).toEqual(mutations.map((m) => m[3]).reverse());
    const roleChange = all.organization.auditLog.edges.find((e: any) => e.node.action === 'member.updateRole').node;
    expect(roleChange).toMatchObject({
      actorType: 'USER',
      actorUser: { email: admin.email },
      authMethod: 'PASSWORD',
      targetType: 'User',
      targetId: memberUserId,
      changes: [{ field: 'role', before: '"MEMBER"', after: '"BILLING"' }],
    });
    expect(JSON.stringify(all)).not.toContain('hunter2');

    const byKey = await app.data(AUDIT, { s: org.slug, filter: { actor: keyId } }, { token: admin.token });
    expect(byKey.organization.auditLog.edges.map((e: any) => e.node.action)).toEqual(['invite.create', 'team.member.assign']);
    expect(byKey.organization.auditLog.edges[0].node).toMatchObject({ actorKeyId: keyId, actorUser: null, authMethod: 'API_KEY_ADMIN' });
    const byAdmin = await app.data(AUDIT, { s: org.slug, filter: { actor: (await app.data(`{ viewer { user { id } } }`, {}, { token: admin.token })).viewer.user.id, action: 'team.' } }, { token: admin.token });
    expect(byAdmin.organization.auditLog.edges.map((e: any) => e.node.action)).toEqual(['team.member.unassign', 'team.create']);
    const byTarget = await app.data(AUDIT, { s: org.slug, filter: { target: memberUserId } }, { token: admin.token });
    expect(byTarget.organization.auditLog.totalCount).toBe(4);
    const future = await app.data(AUDIT, { s: org.slug, filter: { from: new Date(Date.now() + 60_000).toISOString() } }, { token: admin.token });
    expect(future.organization.auditLog.totalCount).toBe(0);
    const past = await app.data(AUDIT, { s: org.slug, filter: { to: new Date(Date.now() - 3600_000).toISOString() } }, { token: admin.token });
    expect(past.organization.auditLog.totalCount).toBe(0);

    const page1 = await app.data(AUDIT, { s: org.slug, first: 2 }, { token: admin.token });
    const page2 = await app.data(AUDIT, { s: org.slug, first: 2, after: page1.organization.auditLog.pageInfo.endCursor }, { token: admin.token });
    expect(page2.organization.auditLog.edges.map((e: any) => e.node.action)).toEqual(actions.slice(2, 4));

    // Node fetch works for admins; the database refuses edits.
    const eventId = page1.organization.auditLog.edges[0].node.id;
    const { node } = await app.data(`query($id: ID!) { node(id: $id) { ... on AuditEvent { action } } }`, { id: eventId }, { token: admin.token });
    expect(node.action).toBe(actions[0]);
    await expect(app.db.query(`DELETE FROM audit_events WHERE organization_id = $1`, [localId(org.id)])).rejects.toThrow(/append-only/);
    const mutationNames = (await app.data(`{ __schema { mutationType { fields { name } } } }`)).__schema.mutationType.fields.map((f: any) => f.name);
    expect(mutationNames.filter((n: string) => /audit/i.test(n))).toEqual([]);
  });
});
