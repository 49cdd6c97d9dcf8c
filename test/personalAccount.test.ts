import { startTestApp, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, createTeam, signUp, type SignedUpUser } from './support/factories';
import { addMember, localId } from './support/people';
import { User } from '../src/users/user.entity';

/**
 * The personal-account restriction (`personalAccountAccess: BLOCKED`) follows the person: a member of an organization
 * that sets it reaches no personal account in any session — password, an SSO session of that organization, or an SSO
 * session of another organization — and through every path to it (lookup, node, the viewer's own listing, mutations).
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const POLICY = `mutation($i: UpdateOrganizationPolicyInput!) { updateOrganizationPolicy(input: $i) { userErrors { code } } }`;
const TEAM = `query($u: String!) { team(username: $u) { username apiKeys { totalCount } } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on Team { username governance { environment } } } }`;
const PERSONAL_FIELDS = ['requests { totalCount }', 'apiKeys { totalCount }', 'effectivePolicy { requestVisibility { value } }', 'usage(expand: [SUMMARY]) { summary { cost } }'];
const CREATE_KEY = `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { userErrors { code } } }`;

const reason = (response: any) => response.body.errors?.[0]?.extensions?.reason ?? (response.body.errors?.length ? response.body.errors[0].extensions?.code : 'OK');

/** A session of the given kind for a user, issued the way the SSO callback issues one. */
async function session(user: SignedUpUser, method: 'PASSWORD' | 'SSO', ssoOrganizationId: string | null): Promise<string> {
  const entity = await app.db.getRepository(User).findOneByOrFail({ id: localId(user.id) });
  const grant = await app.db.transaction((tx) => app.server.services.users.createSession(tx, entity, method, ssoOrganizationId && localId(ssoOrganizationId)));
  return grant.token;
}

async function setBlocked(organizationId: string, token: string, value: 'BLOCKED' | 'ALLOWED') {
  const { updateOrganizationPolicy } = await app.data(POLICY, { i: { organizationId, settings: { personalAccountAccess: { value } } } }, { token });
  expect(updateOrganizationPolicy.userErrors).toEqual([]);
}

/** Every path to the user's personal account, with what each answered ('OK' or the refusal's reason). */
async function personalPaths(token: string) {
  const { viewer } = await app.data(`{ viewer { personalAccount { id username } teams { username } } }`, {}, { token });
  const personal = viewer.personalAccount;
  const answers: Record<string, string> = {
    lookup: reason(await app.gql(TEAM, { u: personal.username }, { token })),
    node: reason(await app.gql(NODE, { id: personal.id }, { token })),
    createApiKey: reason(await app.gql(CREATE_KEY, { i: { teamId: personal.id, alias: 'mine', scope: 'API' } }, { token })),
  };
  for (const field of PERSONAL_FIELDS) answers[`viewer.personalAccount.${field.split(' ')[0]}`] = reason(await app.gql(`{ viewer { personalAccount { ${field} } } }`, {}, { token }));
  // The viewer's own listings still name the account (identity only), so a dashboard can say why it is closed.
  expect(viewer.teams.map((t: any) => t.username)).toContain(personal.username);
  return answers;
}

const everywhere = (answer: string) => ({
  lookup: answer,
  node: answer,
  createApiKey: answer,
  'viewer.personalAccount.requests': answer,
  'viewer.personalAccount.apiKeys': answer,
  'viewer.personalAccount.effectivePolicy': answer,
  'viewer.personalAccount.usage(expand:': answer,
});

describe('personal-account restriction', () => {
  it('blocks every path in every session of a member, and lifts when the member leaves or the organization allows it', async () => {
    const admin = await signUp(app);
    const strict = await createOrganization(app, admin);
    const member = await addMember(app, admin, strict.id);
    const relaxedAdmin = await signUp(app);
    const relaxedOrg = await createOrganization(app, relaxedAdmin);
    const memberOfRelaxed = await addMember(app, relaxedAdmin, relaxedOrg.id);
    await app.data(`mutation($i: CreateInviteInput!) { createInvite(input: $i) { userErrors { code } } }`, { i: { organizationId: relaxedOrg.id, email: member.email } }, { token: relaxedAdmin.token });
    const token = (await app.db.query(`SELECT body FROM email_outbox WHERE recipient = $1 ORDER BY created_at DESC LIMIT 1`, [member.email]))[0].body.match(/ogi_[A-Za-z0-9_-]+/)[0];
    expect((await app.data(`mutation($i: AcceptInviteInput!) { acceptInvite(input: $i) { userErrors { code } } }`, { i: { token } }, { token: member.token })).acceptInvite.userErrors).toEqual([]);

    // Before the restriction, every session reaches it.
    expect(await personalPaths(member.token)).toEqual(everywhere('OK'));
    await setBlocked(strict.id, admin.token, 'BLOCKED');

    const sessions = {
      'the password session it signed up with': member.token,
      'a new password login': (await app.data(`mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: { email: member.email, password: 'correct horse battery' } })).login.token as string,
    };
    for (const [label, sessionToken] of Object.entries(sessions)) {
      expect([label, await personalPaths(sessionToken)]).toEqual([label, everywhere('PERSONAL_ACCOUNT_BLOCKED')]);
    }
    // SSO sessions act only in their organization (docs/security.md): the personal account is not even named there,
    // and every path to it is refused whatever the restriction says.
    const known = (await app.data(`{ viewer { personalAccount { id username } } }`, {}, { token: member.token })).viewer.personalAccount;
    for (const [label, ssoOrganizationId] of [['an SSO session of the blocking organization', strict.id], ['an SSO session of another organization it belongs to', relaxedOrg.id]] as const) {
      const ssoToken = await session(member, 'SSO', ssoOrganizationId);
      expect([label, (await app.data(`{ viewer { personalAccount { id } } }`, {}, { token: ssoToken })).viewer.personalAccount]).toEqual([label, null]);
      expect([label, reason(await app.gql(TEAM, { u: known.username }, { token: ssoToken }))]).not.toEqual([label, 'OK']);
      const byNode = await app.gql(NODE, { id: known.id }, { token: ssoToken });
      expect([label, byNode.body.data?.node ?? null]).toEqual([label, null]);
    }
    // The organizations themselves stay reachable by password (this one does not require SSO).
    expect(reason(await app.gql(`query($s: String!) { organization(slug: $s) { teams { totalCount } } }`, { s: strict.slug }, { token: member.token }))).toBe('OK');
    expect(reason(await app.gql(`query($s: String!) { organization(slug: $s) { teams { totalCount } } }`, { s: relaxedOrg.slug }, { token: sessions['a new password login'] }))).toBe('OK');
    // Nobody else is affected: a member of an organization that allows personal accounts, and the relaxed org's admin.
    expect(await personalPaths(memberOfRelaxed.token)).toEqual(everywhere('OK'));
    expect(await personalPaths(relaxedAdmin.token)).toEqual(everywhere('OK'));

    // The organization allows it again: reachable again.
    await setBlocked(strict.id, admin.token, 'ALLOWED');
    expect(await personalPaths(member.token)).toEqual(everywhere('OK'));
    // Blocked again, then the member leaves the organization: the restriction no longer applies to them.
    await setBlocked(strict.id, admin.token, 'BLOCKED');
    expect((await personalPaths(member.token)).lookup).toBe('PERSONAL_ACCOUNT_BLOCKED');
    await app.data(`mutation($i: LeaveOrganizationInput!) { leaveOrganization(input: $i) { userErrors { code } } }`, { i: { organizationId: strict.id } }, { token: member.token });
    expect(await personalPaths(member.token)).toEqual(everywhere('OK'));
  });

  it('leaves the organization’s own teams and the admins’ own organizations alone', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    await setBlocked(org.id, admin.token, 'BLOCKED');
    expect(reason(await app.gql(TEAM, { u: team.username }, { token: admin.token }))).toBe('OK');
    // Keys are not sessions: a team key of the organization works as before.
    const key = await createApiKeyFor(app, team.username, 'ADMIN');
    expect(reason(await app.gql(TEAM, { u: team.username }, { key }))).toBe('OK');
    expect((await personalPaths(admin.token)).lookup).toBe('PERSONAL_ACCOUNT_BLOCKED');
  });
});
