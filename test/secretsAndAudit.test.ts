import { startTestApp, type TestApp } from './support/testApp';
import { createOrganization, createTeam, signUp } from './support/factories';
import { CREATE_INVITE, addMember, globalId, latestInviteToken, localId } from './support/people';

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
    await expect(app.db.query(`UPDATE audit_events SET action = 'nothing' WHERE organization_id = $1`, [localId(org.id)])).rejects.toThrow(/append-only/);
    const mutationNames = (await app.data(`{ __schema { mutationType { fields { name } } } }`)).__schema.mutationType.fields.map((f: any) => f.name);
    expect(mutationNames.filter((n: string) => /audit/i.test(n))).toEqual([]);
  });
});

describe('audit events of every people-and-keys mutation', () => {
  const q = {
    updateRole: `mutation($i: UpdateMemberRoleInput!) { updateMemberRole(input: $i) { userErrors { code } } }`,
    remove: `mutation($i: RemoveMemberInput!) { removeMember(input: $i) { userErrors { code } } }`,
    leave: `mutation($i: LeaveOrganizationInput!) { leaveOrganization(input: $i) { userErrors { code } } }`,
    assign: `mutation($i: AssignTeamMemberInput!) { assignTeamMember(input: $i) { userErrors { code } } }`,
    unassign: `mutation($i: UnassignTeamMemberInput!) { unassignTeamMember(input: $i) { userErrors { code } } }`,
    invite: `mutation($i: CreateInviteInput!) { createInvite(input: $i) { invite { id } userErrors { code } } }`,
    invites: `mutation($i: CreateInvitesInput!) { createInvites(input: $i) { results { invite { id } userErrors { code } } userErrors { code } } }`,
    accept: `mutation($i: AcceptInviteInput!) { acceptInvite(input: $i) { userErrors { code } } }`,
    revokeInvite: `mutation($i: InviteIdInput!) { revokeInvite(input: $i) { userErrors { code } } }`,
    resendInvite: `mutation($i: InviteIdInput!) { resendInvite(input: $i) { invite { expiresAt } userErrors { code } } }`,
    createKey: `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key apiKey { id } userErrors { code } } }`,
    revokeKey: `mutation($i: RevokeApiKeyInput!) { revokeApiKey(input: $i) { apiKey { revokedAt } userErrors { code } } }`,
    setSecret: SET.replace('secret { id name createdAt updatedAt }', 'secret { id }'),
    deleteSecret: DELETE,
  };

  it('writes exactly one event per change with actor, method, action, target, team, changes, request id and IP; no-ops write none', async () => {
    const admin = await signUp(app);
    const adminId = (await app.data(`{ viewer { user { id } } }`, {}, { token: admin.token })).viewer.user.id;
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    const member = await addMember(app, admin, org.id);
    const memberId = (await app.data(`{ viewer { user { id } } }`, {}, { token: member.token })).viewer.user.id;
    const leaver = await addMember(app, admin, org.id, { role: 'BILLING', teams: [{ teamId: team.id, role: 'DEVELOPER' }] });
    const leaverId = (await app.data(`{ viewer { user { id } } }`, {}, { token: leaver.token })).viewer.user.id;
    const rootKey = (await app.data(q.createKey, { i: { teamId: org.rootTeamId, alias: 'root', scope: 'ADMIN' } }, { token: admin.token })).createApiKey.key as string;
    const rootKeyId = rootKey.split(':')[0];
    const invitee = await signUp(app);

    const user = { actor_type: 'USER', actor_id: localId(adminId), actor_label: `user:${localId(adminId)}`, auth_method: 'PASSWORD' };
    const key = { actor_type: 'API_KEY', actor_id: rootKeyId, actor_label: `key:${rootKeyId}`, auth_method: 'API_KEY_ADMIN' };
    const orgId = localId(org.id);
    const teamId = localId(team.id);

    /** Runs one mutation and returns the events written under its request id, after checking the common fields. */
    const run = async (query: string, variables: Record<string, unknown>, credential: { token: string } | { key: string }) => {
      const response = await app.gql(query, variables, credential);
      expect(response.body.errors).toBeUndefined();
      const payload = Object.values(response.body.data)[0] as { userErrors: unknown[] };
      expect(payload.userErrors).toEqual([]);
      const requestId = response.headers.get('x-request-id');
      const events = await app.db.query(`SELECT * FROM audit_events WHERE request_id = $1 ORDER BY created_at`, [requestId]);
      for (const event of events) {
        expect(event.ip).toMatch(/127\.0\.0\.1/);
        expect(event.organization_id).toBe(orgId);
        expect(JSON.stringify(event)).not.toMatch(/ogsk_|ogi_|hunter2/);
      }
      return { events: events.map(({ action, target_type, target_id, team_id, changes, actor_type, actor_id, actor_label, auth_method }: any) => ({ action, target_type, target_id, team_id, changes, actor_type, actor_id, actor_label, auth_method })), data: payload };
    };

    // Memberships and roles.
    expect((await run(q.updateRole, { i: { memberId: member.memberId, role: 'BILLING' } }, { token: admin.token })).events).toEqual([
      { ...user, action: 'member.updateRole', target_type: 'User', target_id: localId(memberId), team_id: null, changes: { role: { before: 'MEMBER', after: 'BILLING' } } },
    ]);
    expect((await run(q.updateRole, { i: { memberId: member.memberId, role: 'BILLING' } }, { token: admin.token })).events).toEqual([]);
    expect((await run(q.assign, { i: { teamId: team.id, userId: memberId, role: 'DEVELOPER' } }, { key: rootKey })).events).toEqual([
      { ...key, action: 'team.member.assign', target_type: 'User', target_id: localId(memberId), team_id: teamId, changes: { role: { before: null, after: 'DEVELOPER' } } },
    ]);
    expect((await run(q.assign, { i: { teamId: team.id, userId: memberId, role: 'ADMIN' } }, { token: admin.token })).events).toEqual([
      { ...user, action: 'team.member.updateRole', target_type: 'User', target_id: localId(memberId), team_id: teamId, changes: { role: { before: 'DEVELOPER', after: 'ADMIN' } } },
    ]);
    expect((await run(q.assign, { i: { teamId: team.id, userId: memberId, role: 'ADMIN' } }, { token: admin.token })).events).toEqual([]);
    expect((await run(q.unassign, { i: { teamId: team.id, userId: memberId } }, { token: admin.token })).events).toEqual([
      { ...user, action: 'team.member.unassign', target_type: 'User', target_id: localId(memberId), team_id: teamId, changes: { role: { before: 'ADMIN', after: null } } },
    ]);
    const leaverSession = { actor_type: 'USER', actor_id: localId(leaverId), actor_label: `user:${localId(leaverId)}`, auth_method: 'PASSWORD' };
    expect((await run(q.leave, { i: { organizationId: org.id } }, { token: leaver.token })).events).toEqual([
      { ...leaverSession, action: 'member.leave', target_type: 'User', target_id: localId(leaverId), team_id: null, changes: { role: { before: 'BILLING', after: null }, teamIds: { before: [teamId], after: [] } } },
    ]);
    expect((await run(q.remove, { i: { memberId: member.memberId } }, { token: admin.token })).events).toEqual([
      { ...user, action: 'member.remove', target_type: 'User', target_id: localId(memberId), team_id: null, changes: { role: { before: 'BILLING', after: null }, teamIds: { before: [], after: [] } } },
    ]);

    // Invites: one event per invite created (bulk rows that fail write none), accept, resend, revoke.
    const single = await run(q.invite, { i: { organizationId: org.id, email: invitee.email, organizationRole: 'BILLING', teamAssignments: [{ teamId: team.id, role: 'DEVELOPER' }] } }, { token: admin.token });
    const inviteId = localId((single.data as any).invite.id);
    expect(single.events).toEqual([
      {
        ...user,
        action: 'invite.create',
        target_type: 'Invite',
        target_id: inviteId,
        team_id: null,
        changes: {
          email: { before: null, after: invitee.email },
          organizationRole: { before: null, after: 'BILLING' },
          teamRole: { before: null, after: null },
          teamAssignments: { before: null, after: [{ teamId, role: 'DEVELOPER' }] },
        },
      },
    ]);
    const teamInvite = await run(q.invite, { i: { teamId: team.id, email: 'team-invite@example.com', teamRole: 'BILLING' } }, { key: rootKey });
    expect(teamInvite.events).toEqual([
      {
        ...key,
        action: 'invite.create',
        target_type: 'Invite',
        target_id: localId((teamInvite.data as any).invite.id),
        team_id: teamId,
        changes: { email: { before: null, after: 'team-invite@example.com' }, organizationRole: { before: null, after: null }, teamRole: { before: null, after: 'BILLING' }, teamAssignments: { before: null, after: [] } },
      },
    ]);
    const bulk = await run(q.invites, { i: { organizationId: org.id, invitations: [{ email: 'bulk-a@example.com' }, { email: 'broken' }, { email: 'bulk-b@example.com', organizationRole: 'ADMIN' }] } }, { token: admin.token });
    const bulkIds = (bulk.data as any).results.map((r: any) => (r.invite ? localId(r.invite.id) : null));
    expect(bulkIds[1]).toBeNull();
    expect(bulk.events.map((e: any) => [e.action, e.target_id, e.changes.email.after, e.changes.organizationRole.after]).sort()).toEqual(
      [
        ['invite.create', bulkIds[0], 'bulk-a@example.com', 'MEMBER'],
        ['invite.create', bulkIds[2], 'bulk-b@example.com', 'ADMIN'],
      ].sort(),
    );
    const resent = await run(q.resendInvite, { i: { inviteId: (single.data as any).invite.id } }, { token: admin.token });
    expect(resent.events).toEqual([
      { ...user, action: 'invite.resend', target_type: 'Invite', target_id: inviteId, team_id: null, changes: { expiresAt: { before: expect.any(String), after: (resent.data as any).invite.expiresAt } } },
    ]);
    const token = await latestInviteToken(app, invitee.email);
    const inviteeId = localId((await app.data(`{ viewer { user { id } } }`, {}, { token: invitee.token })).viewer.user.id);
    expect((await run(q.accept, { i: { token } }, { token: invitee.token })).events).toEqual([
      { actor_type: 'USER', actor_id: inviteeId, actor_label: `user:${inviteeId}`, auth_method: 'PASSWORD', action: 'invite.accept', target_type: 'Invite', target_id: inviteId, team_id: null, changes: { status: { before: 'PENDING', after: 'ACCEPTED' } } },
    ]);
    expect((await run(q.revokeInvite, { i: { inviteId: globalId('Invite', bulkIds[0]) } }, { key: rootKey })).events).toEqual([
      { ...key, action: 'invite.revoke', target_type: 'Invite', target_id: bulkIds[0], team_id: null, changes: { status: { before: 'PENDING', after: 'REVOKED' } } },
    ]);

    // API keys: the event names the public key id, never the secret; revoking a revoked key writes nothing.
    const created = await run(q.createKey, { i: { teamId: team.id, alias: 'ci', scope: 'API', ownerId: adminId } }, { token: admin.token });
    const createdKey = (created.data as any);
    const apiKeyRowId = localId(createdKey.apiKey.id);
    expect(created.events).toEqual([
      {
        ...user,
        action: 'apiKey.create',
        target_type: 'ApiKey',
        target_id: apiKeyRowId,
        team_id: teamId,
        changes: {
          keyId: { before: null, after: createdKey.key.split(':')[0] },
          alias: { before: null, after: 'ci' },
          scope: { before: null, after: 'API' },
          ownerId: { before: null, after: localId(adminId) },
          expiresAt: { before: null, after: null },
        },
      },
    ]);
    const revokedKey = await run(q.revokeKey, { i: { apiKeyId: createdKey.apiKey.id } }, { key: rootKey });
    expect(revokedKey.events).toEqual([
      { ...key, action: 'apiKey.revoke', target_type: 'ApiKey', target_id: apiKeyRowId, team_id: teamId, changes: { revokedAt: { before: null, after: (revokedKey.data as any).apiKey.revokedAt } } },
    ]);
    expect((await run(q.revokeKey, { i: { apiKeyId: createdKey.apiKey.id } }, { token: admin.token })).events).toEqual([]);

    // Secrets: names and the fact of a change, never values.
    const secret = await run(q.setSecret, { input: { teamId: team.id, name: 'PASSWORD', value: 'hunter2' } }, { token: admin.token });
    const secretId = localId((secret.data as any).secret.id);
    expect(secret.events).toEqual([
      { ...user, action: 'secret.create', target_type: 'TeamSecret', target_id: secretId, team_id: teamId, changes: { name: { before: null, after: 'PASSWORD' } } },
    ]);
    expect((await run(q.setSecret, { input: { teamId: team.id, name: 'PASSWORD', value: 'hunter2hunter2' } }, { key: rootKey })).events).toEqual([
      { ...key, action: 'secret.replace', target_type: 'TeamSecret', target_id: secretId, team_id: teamId, changes: { value: { before: '[redacted]', after: '[redacted]' } } },
    ]);
    expect((await run(q.deleteSecret, { input: { teamId: team.id, name: 'PASSWORD' } }, { token: admin.token })).events).toEqual([
      { ...user, action: 'secret.delete', target_type: 'TeamSecret', target_id: secretId, team_id: teamId, changes: { name: { before: 'PASSWORD', after: null } } },
    ]);
  });

  it('two concurrent revocations of one key write one event', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    const { createApiKey } = await app.data(q.createKey, { i: { teamId: team.id, alias: 'twice', scope: 'API' } }, { token: admin.token });
    const results = await Promise.all(
      Array.from({ length: 4 }, () => app.data(q.revokeKey, { i: { apiKeyId: createApiKey.apiKey.id } }, { token: admin.token })),
    );
    for (const result of results) expect(result.revokeApiKey.userErrors).toEqual([]);
    // Every answer reports the one revocation time that was stored.
    const [row] = await app.db.query(`SELECT revoked_at FROM api_keys WHERE id = $1`, [localId(createApiKey.apiKey.id)]);
    expect(new Set(results.map((r) => r.revokeApiKey.apiKey.revokedAt))).toEqual(new Set([row.revoked_at.toISOString()]));
    const events = await app.db.query(`SELECT 1 FROM audit_events WHERE action = 'apiKey.revoke' AND target_id = $1`, [localId(createApiKey.apiKey.id)]);
    expect(events).toHaveLength(1);
  });
});
