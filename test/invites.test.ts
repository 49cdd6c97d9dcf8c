import { graphql } from './support/gql';
import { startTestApp, type TestApp } from './support/testApp';
import { createOrganization, createTeam, signUp, unique } from './support/factories';
import { ACCEPT_INVITE, CREATE_INVITE, addMember, latestInviteToken, localId } from './support/people';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const CREATE_INVITES = graphql(`mutation InvitesCreateInvites($input: CreateInvitesInput!) {
  createInvites(input: $input) { results { email invite { id email status } userErrors { field code } } userErrors { code } }
}`);
const REVOKE = graphql(`mutation InvitesRevokeInvite($input: InviteIdInput!) { revokeInvite(input: $input) { invite { status } userErrors { field code } } }`);
const RESEND = graphql(`mutation InvitesResendInvite($input: InviteIdInput!) { resendInvite(input: $input) { invite { status expiresAt } userErrors { field code } } }`);

async function setup() {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const team = await createTeam(app, admin, org.id);
  return { admin, org, team };
}

describe('invites', () => {
  it('stores only a hash of the token, mails it through the outbox, expires in 7 days, and is accepted case-insensitively', async () => {
    const { admin, org, team } = await setup();
    const invitee = await signUp(app);
    const { createInvite } = await app.data(
      CREATE_INVITE,
      { input: { organizationId: org.id, email: invitee.email.toUpperCase(), organizationRole: 'BILLING', teamAssignments: [{ teamId: team.id, role: 'DEVELOPER' }] } },
      { token: admin.token },
    );
    expect(createInvite.userErrors).toEqual([]);
    expect(createInvite.invite).toMatchObject({ status: 'PENDING', organizationRole: 'BILLING', teamRole: null });
    const days = (new Date(createInvite.invite.expiresAt).getTime() - Date.now()) / 86400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const token = await latestInviteToken(app, invitee.email);
    const [row] = await app.db.query(`SELECT token_hash FROM invites WHERE id = $1`, [localId(createInvite.invite.id)]);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.token_hash).not.toContain(token);
    // Nothing in the API exposes the token: the invite type has no such field.
    const introspection = await app.data(graphql(`query InvitesType { __type(name: "Invite") { fields { name } } }`));
    expect(introspection.__type!.fields!.map((f) => f.name)).not.toContain('token');

    const accepted = await app.data(ACCEPT_INVITE, { input: { token } }, { token: invitee.token });
    expect(accepted.acceptInvite).toEqual({ invite: { id: createInvite.invite.id, status: 'ACCEPTED' }, userErrors: [] });
    const { organization } = await app.data(
      graphql(`query InvitesOrganization($s: String!) { organization(slug: $s) { viewerRole teams { edges { node { viewerRole } } } } }`),
      { s: org.slug },
      { token: invitee.token },
    );
    expect(organization.viewerRole).toBe('BILLING');
    expect(organization.teams.edges.map((e) => e.node.viewerRole)).toEqual(['DEVELOPER']);

    const reused = await app.data(ACCEPT_INVITE, { input: { token } }, { token: invitee.token });
    expect(reused.acceptInvite.userErrors).toEqual([{ field: ['input', 'token'], code: 'ACCEPTED', message: expect.any(String) }]);
  });

  it('refuses a signed-in user with a different email, expired and revoked invites; resend issues a new link', async () => {
    const { admin, org } = await setup();
    const invitee = await signUp(app);
    const other = await signUp(app);
    const { createInvite } = await app.data(CREATE_INVITE, { input: { organizationId: org.id, email: invitee.email } }, { token: admin.token });
    const token = await latestInviteToken(app, invitee.email);

    const wrongEmail = await app.data(ACCEPT_INVITE, { input: { token } }, { token: other.token });
    expect(wrongEmail.acceptInvite.userErrors.map((e: any) => e.code)).toEqual(['EMAIL_MISMATCH']);
    const garbage = await app.data(ACCEPT_INVITE, { input: { token: 'ogi_nope' } }, { token: invitee.token });
    expect(garbage.acceptInvite.userErrors.map((e: any) => e.code)).toEqual(['INVALID_TOKEN']);
    const anonymous = await app.gql(ACCEPT_INVITE, { input: { token } });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    await app.db.query(`UPDATE invites SET expires_at = now() - interval '1 second' WHERE id = $1`, [localId(createInvite.invite.id)]);
    const expired = await app.data(ACCEPT_INVITE, { input: { token } }, { token: invitee.token });
    expect(expired.acceptInvite.userErrors.map((e: any) => e.code)).toEqual(['EXPIRED']);
    const { node } = await app.data(graphql(`query InvitesNode($id: ID!) { node(id: $id) { ... on Invite { status } } }`), { id: createInvite.invite.id }, { token: admin.token });
    expect(node!.status).toBe('EXPIRED');

    const resent = await app.data(RESEND, { input: { inviteId: createInvite.invite.id } }, { token: admin.token });
    expect(resent.resendInvite.invite!.status).toBe('PENDING');
    const newToken = await latestInviteToken(app, invitee.email);
    expect(newToken).not.toBe(token);
    const oldLink = await app.data(ACCEPT_INVITE, { input: { token } }, { token: invitee.token });
    expect(oldLink.acceptInvite.userErrors.map((e: any) => e.code)).toEqual(['INVALID_TOKEN']);

    const revoked = await app.data(REVOKE, { input: { inviteId: createInvite.invite.id } }, { token: admin.token });
    expect(revoked.revokeInvite).toEqual({ invite: { status: 'REVOKED' }, userErrors: [] });
    const afterRevoke = await app.data(ACCEPT_INVITE, { input: { token: newToken } }, { token: invitee.token });
    expect(afterRevoke.acceptInvite.userErrors.map((e: any) => e.code)).toEqual(['REVOKED']);
    const revokeAgain = await app.data(REVOKE, { input: { inviteId: createInvite.invite.id } }, { token: admin.token });
    expect(revokeAgain.revokeInvite.userErrors).toEqual([{ field: ['input', 'inviteId'], code: 'NOT_PENDING' }]);
  });

  it('bulk invites validate each row on its own and report per-row results', async () => {
    const { admin, org, team } = await setup();
    const existing = await addMember(app, admin, org.id);
    const otherOrg = await createOrganization(app, admin);
    const foreignTeam = await createTeam(app, admin, otherOrg.id);
    await app.data(CREATE_INVITE, { input: { organizationId: org.id, email: 'already@example.com' } }, { token: admin.token });
    const { createInvites } = await app.data(
      CREATE_INVITES,
      {
        input: {
          organizationId: org.id,
          invitations: [
            { email: 'good-one@example.com', teamAssignments: [{ teamId: team.id, role: 'ADMIN' }] },
            { email: 'not an email' },
            { email: 'Good-One@example.com' },
            { email: existing.email.toUpperCase() },
            { email: 'already@example.com' },
            { email: 'foreign@example.com', teamAssignments: [{ teamId: foreignTeam.id, role: 'DEVELOPER' }] },
            { email: 'good-two@example.com', organizationRole: 'ADMIN' },
          ],
        },
      },
      { token: admin.token },
    );
    expect(createInvites.userErrors).toEqual([]);
    expect(createInvites.results.map((r) => [r.invite?.status ?? null, r.userErrors])).toEqual([
      ['PENDING', []],
      [null, [{ field: ['input', 'invitations', '1', 'email'], code: 'INVALID' }]],
      [null, [{ field: ['input', 'invitations', '2', 'email'], code: 'DUPLICATE' }]],
      [null, [{ field: ['input', 'invitations', '3', 'email'], code: 'ALREADY_MEMBER' }]],
      [null, [{ field: ['input', 'invitations', '4', 'email'], code: 'ALREADY_INVITED' }]],
      [null, [{ field: ['input', 'invitations', '5', 'teamAssignments', '0', 'teamId'], code: 'NOT_FOUND' }]],
      ['PENDING', []],
    ]);
    const mails = await app.db.query(`SELECT recipient FROM email_outbox WHERE recipient LIKE 'good-%' ORDER BY created_at`);
    expect(mails.map((m: any) => m.recipient)).toEqual(['good-one@example.com', 'good-two@example.com']);
  });

  it('refuses 0 or 51 invitations and a call naming both or neither target with BAD_USER_INPUT', async () => {
    const { admin, org, team } = await setup();
    const invitations = Array.from({ length: 51 }, (_, i) => ({ email: `bulk${i}@example.com` }));
    for (const input of [
      { organizationId: org.id, invitations },
      { organizationId: org.id, invitations: [] },
      { organizationId: org.id, teamId: team.id, invitations: [{ email: 'x@example.com' }] },
      { invitations: [{ email: 'x@example.com' }] },
    ]) {
      const response = await app.gql(CREATE_INVITES, { input }, { token: admin.token });
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const unknownRole = await app.gql(CREATE_INVITE, { input: { organizationId: org.id, email: 'r@example.com', organizationRole: 'OWNER' } }, { token: admin.token });
    expect(unknownRole.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const invites = await app.db.query(`SELECT 1 FROM invites WHERE organization_id = $1`, [localId(org.id)]);
    expect(invites).toEqual([]);
  });

  it('malformed emails and unknown roles are refused field by field; nothing is stored or mailed', async () => {
    const { admin, org, team } = await setup();
    for (const email of ['plain', 'no-at.example.com', 'two@@example.com', 'spaces in@example.com', 'trailing@example', '@example.com', `${'x'.repeat(250)}@example.com`, '']) {
      const { createInvite } = await app.data(CREATE_INVITE, { input: { organizationId: org.id, email } }, { token: admin.token });
      expect([email, createInvite.invite, createInvite.userErrors.map((e: any) => [e.field, e.code])]).toEqual([email, null, [[['input', 'email'], 'INVALID']]]);
      const { createInvite: toTeam } = await app.data(CREATE_INVITE, { input: { teamId: team.id, email } }, { token: admin.token });
      expect(toTeam.userErrors.map((e: any) => [e.field, e.code])).toEqual([[['input', 'email'], 'INVALID']]);
    }
    for (const input of [
      { teamId: team.id, email: 'r1@example.com', teamRole: 'OWNER' },
      { organizationId: org.id, email: 'r2@example.com', teamAssignments: [{ teamId: team.id, role: 'SUPERUSER' }] },
      { organizationId: org.id, email: 'r3@example.com', organizationRole: 'admin' },
    ]) {
      const response = await app.gql(CREATE_INVITE, { input }, { token: admin.token });
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    // 'ROOT' is not an OrganizationRole: the types refuse it, and the server must answer BAD_USER_INPUT.
    const bulk = await app.gql(CREATE_INVITES, { input: { organizationId: org.id, invitations: [{ email: 'ok@example.com' }, { email: 'x@example.com', organizationRole: 'ROOT' as never }] } }, { token: admin.token });
    expect(bulk.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await app.db.query(`SELECT 1 FROM invites WHERE organization_id = $1`, [localId(org.id)])).toEqual([]);
    expect(await app.db.query(`SELECT 1 FROM email_outbox WHERE recipient LIKE 'r_@example.com' OR recipient = 'ok@example.com'`)).toEqual([]);
  });

  it('the invite token reaches only the recipient’s mailbox: no API answer carries it', async () => {
    const { admin, org, team } = await setup();
    const created = await app.gql(CREATE_INVITE, { input: { organizationId: org.id, email: 'mailbox@example.com' } }, { token: admin.token });
    const token = await latestInviteToken(app, 'mailbox@example.com');
    const bulk = await app.gql(CREATE_INVITES, { input: { teamId: team.id, invitations: [{ email: 'mailbox-2@example.com' }] } }, { token: admin.token });
    const resent = await app.gql(RESEND, { input: { inviteId: created.body.data.createInvite.invite.id } }, { token: admin.token });
    const newToken = await latestInviteToken(app, 'mailbox@example.com');
    const bulkToken = await latestInviteToken(app, 'mailbox-2@example.com');
    const listing = await app.gql(
      graphql(`query InvitesOrganization2($s: String!) { organization(slug: $s) { members { edges { node { email invite { id email status expiresAt } } } } auditLog(first: 100) { edges { node { changes { field before after } } } } } }`),
      { s: org.slug },
      { token: admin.token },
    );
    const everything = JSON.stringify([created.body, bulk.body, resent.body, listing.body]);
    expect(listing.body.errors).toBeUndefined();
    for (const secret of [token, newToken, bulkToken]) expect(everything).not.toContain(secret);
    expect(everything).not.toContain('ogi_');
    // The only way in is the link in the mail, and only for the addressee.
    const mail = await app.db.query(`SELECT recipient, body FROM email_outbox WHERE body LIKE '%' || $1 || '%'`, [newToken]);
    expect(mail).toEqual([{ recipient: 'mailbox@example.com', body: expect.stringContaining(`#token=${newToken}`) }]);
  });

  it('team invites: a team ADMIN invites to their team; the invitee joins the team and the organization as MEMBER', async () => {
    const { admin, org, team } = await setup();
    const teamAdmin = await addMember(app, admin, org.id, { teams: [{ teamId: team.id, role: 'ADMIN' }] });
    const invitee = await signUp(app);
    const { createInvite } = await app.data(CREATE_INVITE, { input: { teamId: team.id, email: invitee.email, teamRole: 'BILLING' } }, { token: teamAdmin.token });
    expect(createInvite.invite).toMatchObject({ teamRole: 'BILLING', organizationRole: null });
    // A team ADMIN may not invite to the whole organization.
    const orgInvite = await app.gql(CREATE_INVITE, { input: { organizationId: org.id, email: 'x@example.com' } }, { token: teamAdmin.token });
    expect(orgInvite.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ORGANIZATION_ADMIN_REQUIRED' });
    const wrongShape = await app.data(CREATE_INVITE, { input: { teamId: team.id, email: 'y@example.com', organizationRole: 'ADMIN' } }, { token: teamAdmin.token });
    expect(wrongShape.createInvite.userErrors.map((e: any) => [e.field, e.code])).toEqual([[['input', 'organizationRole'], 'INVALID']]);

    await app.data(ACCEPT_INVITE, { input: { token: await latestInviteToken(app, invitee.email) } }, { token: invitee.token });
    const { organization } = await app.data(
      graphql(`query InvitesOrganization3($s: String!) { organization(slug: $s) { viewerRole teams { edges { node { username viewerRole } } } } }`),
      { s: org.slug },
      { token: invitee.token },
    );
    expect(organization.viewerRole).toBe('MEMBER');
    expect(organization.teams.edges.map((e) => e.node)).toEqual([{ username: team.username, viewerRole: 'BILLING' }]);
  });
});

describe('invite permission policy', () => {
  it('team admins invite to their team under TEAM_ADMINS, and are refused under ORG_ADMINS', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    const teamAdmin = await addMember(app, admin, org.id, { teams: [{ teamId: team.id, role: 'ADMIN' }] });
    const invite = (email: string) =>
      app.gql(CREATE_INVITE, { input: { teamId: team.id, email, teamRole: 'DEVELOPER' } }, { token: teamAdmin.token });

    const allowed = await invite(`${unique('a')}@example.com`);
    expect(allowed.body.data.createInvite.userErrors).toEqual([]);

    const policy = await app.data(
      graphql(`mutation InvitesUpdateOrganizationPolicy($input: UpdateOrganizationPolicyInput!) { updateOrganizationPolicy(input: $input) { userErrors { code } } }`),
      { input: { organizationId: org.id, settings: { invitePermission: { value: 'ORG_ADMINS' } } } },
      { token: admin.token },
    );
    expect(policy.updateOrganizationPolicy.userErrors).toEqual([]);
    const refused = await invite(`${unique('b')}@example.com`);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'INVITE_POLICY' });
    const byOrgAdmin = await app.data(CREATE_INVITE, { input: { teamId: team.id, email: `${unique('c')}@example.com`, teamRole: 'DEVELOPER' } }, { token: admin.token });
    expect(byOrgAdmin.createInvite.userErrors).toEqual([]);
  });
});
