import { freePort } from './support/ports';
import { startTestApp, type TestApp } from './support/testApp';
import { createOrganization, signUp, unique } from './support/factories';
import { localId } from './support/people';
import { loginAtProvider, startOidcProvider, type OidcProviderProcess } from './support/oidcProcess';
import { proveDomain, startDnsTxtServer, type DnsTxtServer } from './support/dnsTxtServer';
import { linkIn, startSmtpReceiver, type SmtpReceiver } from './support/smtpReceiver';

// Red-team D2: someone registers a password account for another person's address before that person's organization
// provisions them (SCIM) or they first sign in through SSO. Sign-up here is immediate (SIGN_UP_CONFIRMATION off), so
// nothing proved the mailbox; linking/adoption must strip the password, sessions and reset tokens.
let app: TestApp;
let dns: DnsTxtServer;
let smtp: SmtpReceiver;
let provider: OidcProviderProcess;
const CLIENT = { clientId: 'pat-client', clientSecret: 'pat-client-secret-0123456789abcdef' };
const ACCOUNTS = {
  ceo: { email: 'ceo@corp.test', email_verified: true, name: 'CEO' },
  cfo: { email: 'cfo@corp.test', email_verified: true, name: 'CFO' },
};
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`;
const ORG = `query($slug: String!) { organization(slug: $slug) { id viewerRole } }`;

beforeAll(async () => {
  dns = await startDnsTxtServer();
  smtp = await startSmtpReceiver();
  app = await startTestApp({ DNS_RESOLVER: dns.address, SMTP_URL: smtp.url, EMAIL_POLL_MS: '600000' });
  provider = await startOidcProvider({ port: await freePort(), ...CLIENT, redirectUri: `${app.url}/auth/sso/callback`, accounts: ACCOUNTS });
}, 60_000);
afterAll(async () => {
  await provider?.stop();
  await dns?.stop();
  await app?.close();
  await smtp?.close();
});

async function login(email: string, password: string): Promise<string | null> {
  return (await app.data(LOGIN, { input: { email, password } })).login.token;
}

async function signedIn(token: string): Promise<boolean> {
  return Boolean((await app.gql(`{ viewer { email } }`, {}, { token })).body.data?.viewer);
}

async function scim(token: string, method: string, path: string, body?: unknown) {
  const r = await fetch(`${app.url}/scim/v2${path}`, { method, headers: { 'content-type': 'application/scim+json', authorization: `Bearer ${token}` }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: r.status, body: await r.json().catch(() => null) };
}

async function scimOrg() {
  const admin = await signUp(app);
  const o = await createOrganization(app, admin);
  const domain = `${unique('corp')}.example`;
  await app.db.query(`INSERT INTO organization_domains (organization_id, domain, verification_token, verified_at) VALUES ($1, $2, md5(random()::text), now())`, [localId(o.id), domain]);
  const { createScimToken } = await app.data(`mutation($input: CreateScimTokenInput!) { createScimToken(input: $input) { token userErrors { code } } }`, { input: { organizationId: o.id, description: 'IdP' } }, { token: admin.token });
  return { admin, o, domain, token: createScimToken.token as string };
}

/** The real owner takes the account back with a reset link sent to the mailbox. */
async function resetThroughMailbox(email: string, password: string): Promise<void> {
  const requested = await app.data(`mutation($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) { accepted } }`, { i: { email } });
  expect(requested.requestPasswordReset.accepted).toBe(true);
  await app.server.emails.runOnce();
  const mails = await smtp.waitFor(email, 1);
  const token = new URLSearchParams(linkIn(mails[mails.length - 1].text).hash.slice(1)).get('token');
  const { resetPassword } = await app.data(`mutation($i: ResetPasswordInput!) { resetPassword(input: $i) { passwordReset userErrors { code } } }`, { i: { token, newPassword: password } });
  expect(resetPassword).toEqual({ passwordReset: true, userErrors: [] });
}

describe('SCIM adoption of an account nobody proved the mailbox of', () => {
  it('strips the pre-registered password, sessions and reset tokens; the owner gets in through a reset', async () => {
    const s = await scimOrg();
    const victim = `ceo@${s.domain}`;
    const attacker = await signUp(app, { email: victim, password: 'attacker password 123' });
    // A reset token issued before adoption (e.g. requested by the attacker hoping to intercept it) must die too.
    await app.db.query(`INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, md5(random()::text), now() + interval '1 hour')`, [localId(attacker.id)]);
    const created = await scim(s.token, 'POST', '/Users', { schemas: [USER], userName: victim, name: { givenName: 'C', familyName: 'EO' }, active: true });
    expect(created.status).toBe(201);

    expect(await signedIn(attacker.token)).toBe(false);
    expect(await login(victim, 'attacker password 123')).toBeNull();
    const [{ password_hash, open_resets }] = await app.db.query(
      `SELECT password_hash, (SELECT count(*)::int FROM password_resets WHERE user_id = u.id AND used_at IS NULL) AS open_resets FROM users u WHERE id = $1`,
      [localId(attacker.id)],
    );
    expect(password_hash).toBeNull();
    expect(open_resets).toBe(0);
    const audit = await app.db.query(`SELECT actor_type, changes FROM audit_events WHERE action = 'user.unproven_account_secured' AND target_id = $1`, [localId(attacker.id)]);
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_type).toBe('SCIM_TOKEN');
    expect(audit[0].changes.sessionsEnded.after).toBe(1);

    // The real owner proves the mailbox and signs in as the member the IdP made them.
    await resetThroughMailbox(victim, 'owner password 456');
    const owner = await login(victim, 'owner password 456');
    expect((await app.data(ORG, { slug: s.o.slug }, { token: owner! })).organization.viewerRole).toBe('MEMBER');
    // Proven now: re-adoption (after a SCIM delete) keeps the owner's password.
    const id = created.body.id as string;
    expect((await scim(s.token, 'DELETE', `/Users/${id}`)).status).toBe(204);
    expect((await scim(s.token, 'POST', '/Users', { schemas: [USER], userName: victim, active: true })).status).toBe(201);
    expect(await login(victim, 'owner password 456')).not.toBeNull();
  });

  it('keeps the password and session of an account whose mailbox was proven (invite link accepted)', async () => {
    const s = await scimOrg();
    const person = await signUp(app, { email: `dev@${s.domain}`, password: 'person password 1' });
    // Proof through an emailed invite link: the invite's token reaches the person only through their mailbox.
    const invited = await app.data(`mutation($input: CreateInviteInput!) { createInvite(input: $input) { userErrors { code message } } }`, { input: { organizationId: s.o.id, email: person.email } }, { token: s.admin.token });
    expect(invited.createInvite.userErrors).toEqual([]);
    await app.server.emails.runOnce();
    const mails = await smtp.waitFor(person.email, 1);
    const token = new URLSearchParams(linkIn(mails[mails.length - 1].text).hash.slice(1)).get('token');
    const accepted = await app.data(`mutation($i: AcceptInviteInput!) { acceptInvite(input: $i) { userErrors { code } } }`, { i: { token } }, { token: person.token });
    expect(accepted.acceptInvite.userErrors).toEqual([]);
    const session = (await login(person.email, 'person password 1'))!;
    expect((await scim(s.token, 'POST', '/Users', { schemas: [USER], userName: person.email, active: true })).status).toBe(201);
    expect(await signedIn(session)).toBe(true);
    expect(await login(person.email, 'person password 1')).not.toBeNull();
  });
});

describe('SSO linking of an account nobody proved the mailbox of', () => {
  it('the real CEO signs in through the IdP; the attacker’s password and session stop working', async () => {
    const attacker = await signUp(app, { email: 'ceo@corp.test', password: 'attacker password 123' });
    const itAdmin = await signUp(app);
    const org = await createOrganization(app, itAdmin);
    await proveDomain(app, dns, itAdmin.token, org.id, 'corp.test');
    const set = await app.data(`mutation($input: SetSsoConnectionInput!) { setSsoConnection(input: $input) { userErrors { code message } } }`, { input: { organizationId: org.id, issuer: provider.issuer, ...CLIENT } }, { token: itAdmin.token });
    expect(set.setSsoConnection.userErrors).toEqual([]);

    const start = await fetch(`${app.url}/auth/sso/${org.slug}/start`, { redirect: 'manual' });
    const callback = await loginAtProvider(start.headers.get('location')!, 'ceo', `${app.url}/auth/sso/callback`);
    const response = await fetch(callback);
    expect(response.status).toBe(200);
    const ceo = (await response.json()) as { token: string };
    expect((await app.data(ORG, { slug: org.slug }, { token: ceo.token })).organization.viewerRole).toBe('MEMBER');

    expect(await signedIn(attacker.token)).toBe(false);
    expect(await login('ceo@corp.test', 'attacker password 123')).toBeNull();
    const audit = await app.db.query(`SELECT organization_id, changes FROM audit_events WHERE action = 'user.unproven_account_secured' AND target_id = $1`, [localId(attacker.id)]);
    expect(audit).toEqual([{ organization_id: localId(org.id), changes: expect.objectContaining({ via: { before: null, after: 'SSO' } }) }]);

    // A second SSO sign-in does not end the CEO's first session (nothing left to strip).
    const again = await fetch(await loginAtProvider((await fetch(`${app.url}/auth/sso/${org.slug}/start`, { redirect: 'manual' })).headers.get('location')!, 'ceo', `${app.url}/auth/sso/callback`));
    expect(again.status).toBe(200);
    expect(await signedIn(ceo.token)).toBe(true);
  });

  it('a proven password account keeps its password session when SSO links it', async () => {
    const cfo = await signUp(app, { email: 'cfo@corp.test', password: 'cfo password 123' });
    await resetThroughMailbox('cfo@corp.test', 'cfo password 456');
    const session = (await login('cfo@corp.test', 'cfo password 456'))!;
    const org = await app.db.query(`SELECT o.slug FROM organizations o JOIN sso_connections c ON c.organization_id = o.id LIMIT 1`);
    const start = await fetch(`${app.url}/auth/sso/${org[0].slug}/start`, { redirect: 'manual' });
    const response = await fetch(await loginAtProvider(start.headers.get('location')!, 'cfo', `${app.url}/auth/sso/callback`));
    expect(response.status).toBe(200);
    expect(await signedIn(session)).toBe(true);
    expect(await login('cfo@corp.test', 'cfo password 456')).not.toBeNull();
    expect(cfo.id).toBeTruthy();
  });
});
