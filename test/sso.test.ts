import crypto from 'node:crypto';
import { freePort } from './support/ports';
import { startTestApp, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, createTeam, signUp, unique, type SignedUpUser, proveMailbox } from './support/factories';
import { ACCEPT_INVITE, CREATE_INVITE, latestInviteToken } from './support/people';
import { loginAtProvider, startOidcProvider, type OidcProviderProcess } from './support/oidcProcess';
import { SecretCipher } from '../src/secrets/secretCipher';
import { proveDomain, startDnsTxtServer, type DnsTxtServer } from './support/dnsTxtServer';

/**
 * SSO against a real OpenID Connect provider (`oidc-provider`) on loopback, driven over HTTP: start → provider
 * login → consent → callback → session, the failure cases, and the SSO-required / personal-account rules.
 */
let app: TestApp;
let provider: OidcProviderProcess;
let providerPort: number;
const CLIENT = { clientId: 'orgraph-test-client', clientSecret: 'orgraph-test-client-secret-0123456789' };
const ACCOUNTS = {
  admin: { email: 'sso-admin@example.com', email_verified: true, name: 'SSO Admin' },
  newbie: { email: 'newbie@example.com', email_verified: true, name: 'New Bie' },
  unverified: { email: 'unverified@example.com', email_verified: false },
  outsider: { email: 'bob@other.org', email_verified: true },
  invitee: { email: 'invitee@example.com', email_verified: true },
  teamed: { email: 'teamed@teamed.test', email_verified: true, name: 'Teamed Newcomer' },
  boss: { email: 'boss@second.test', email_verified: true, name: 'Second Boss' },
  locker: { email: 'locker@lock.test', email_verified: true },
};
let dns: DnsTxtServer;
let admin: SignedUpUser;
let organization: { id: string; slug: string };
let callbackPrefix: string;


const startProvider = (port: number, extra: { keySeed?: string; clockOffsetMs?: number } = {}) =>
  startOidcProvider({ port, ...CLIENT, redirectUri: `${app.url}/auth/sso/callback`, accounts: ACCOUNTS, ...extra });

async function connect(org: { id: string }, issuer: string, token = admin.token, extra: Record<string, unknown> = {}) {
  const { setSsoConnection } = await app.data(
    `mutation($input: SetSsoConnectionInput!) { setSsoConnection(input: $input) { connection { issuer verifiedDomains } userErrors { field code message } } }`,
    { input: { organizationId: org.id, issuer, ...CLIENT, ...extra } },
    { token },
  );
  return setSsoConnection;
}

/** Runs the login up to the callback URL the provider sends the browser back to. */
async function callbackUrlFor(slug: string, login: string, prompts: string[] = []): Promise<string> {
  const start = await fetch(`${app.url}/auth/sso/${slug}/start`, { redirect: 'manual' });
  if (start.status !== 302) throw new Error(`start answered ${start.status}: ${await start.text()}`);
  return loginAtProvider(start.headers.get('location')!, login, callbackPrefix, prompts);
}

async function ssoLogin(slug: string, login: string) {
  const response = await fetch(await callbackUrlFor(slug, login));
  return { status: response.status, body: (await response.json()) };
}

beforeAll(async () => {
  dns = await startDnsTxtServer();
  app = await startTestApp({ DNS_RESOLVER: dns.address });
  callbackPrefix = `${app.url}/auth/sso/callback`;
  providerPort = await freePort();
  provider = await startProvider(providerPort);
  admin = await signUp(app, { email: ACCOUNTS.admin.email });
  await proveMailbox(app, admin);
  organization = await createOrganization(app, admin);
  await proveDomain(app, dns, admin.token, organization.id, 'example.com');
  expect((await connect(organization, provider.issuer)).userErrors).toEqual([]);
}, 60_000);

afterAll(async () => {
  await provider?.stop();
  await dns?.stop();
  await app?.close();
});

describe('OIDC connection', () => {
  it('stores the secret encrypted, never returns it, tests discovery and JWKS, and is audited', async () => {
    const [row] = await app.db.query(
      `SELECT c.*, to_jsonb(c)::text AS whole FROM sso_connections c WHERE organization_id = (SELECT id FROM organizations WHERE slug = $1)`,
      [organization.slug],
    );
    expect(row.whole).not.toContain(CLIENT.clientSecret);
    expect(row.client_secret_ciphertext.toString('utf8')).not.toContain(CLIENT.clientSecret);
    // It is the secret, sealed (AES-256-GCM bound to the organization) with the server's key: it opens only there.
    const sealed = { ciphertext: row.client_secret_ciphertext, iv: row.client_secret_iv, authTag: row.client_secret_tag };
    expect(new SecretCipher(app.config.encryptionKey, 'orgraph/sso-client-secrets/v1').open(sealed, row.organization_id)).toBe(CLIENT.clientSecret);
    expect(() => new SecretCipher(app.config.encryptionKey, 'orgraph/sso-client-secrets/v1').open(sealed, crypto.randomUUID())).toThrow();
    const fields = (await app.data(`{ __type(name: "SsoConfiguration") { fields { name } } }`)).__type.fields.map((f: any) => f.name);
    expect(fields.filter((name: string) => /secret/i.test(name))).toEqual([]);
    const read = await app.gql(`query($slug: String!) { organization(slug: $slug) { ssoConnection { issuer clientId verifiedDomains } } }`, { slug: organization.slug }, { token: admin.token });
    expect(read.body.data.organization.ssoConnection).toEqual({ issuer: provider.issuer, clientId: CLIENT.clientId, verifiedDomains: ['example.com'] });
    expect(JSON.stringify(read.body)).not.toContain(CLIENT.clientSecret);
    const { testSsoConnection } = await app.data(`mutation($input: SsoOrganizationInput!) { testSsoConnection(input: $input) { ok message } }`, { input: { organizationId: organization.id } }, { token: admin.token });
    expect(testSsoConnection).toMatchObject({ ok: true });
    const [tested] = await app.db.query(`SELECT auth_method, changes FROM audit_events WHERE action = 'sso.testConnection' AND target_id = $1`, [row.organization_id]);
    expect(tested).toEqual({ auth_method: 'PASSWORD', changes: { result: { before: null, after: 'ok' } } });
    const audits = await app.db.query(`SELECT changes::text FROM audit_events WHERE action = 'sso.setConnection'`);
    expect(audits.length).toBeGreaterThan(0);
    expect(audits.map((a: any) => a.changes).join()).not.toContain(CLIENT.clientSecret);
    const bad = await connect(organization, 'ftp://idp.example.com');
    expect(bad.userErrors[0]).toMatchObject({ field: ['input', 'issuer'], code: 'INVALID_URL' });
  });

  it('removes a connection (audited), after which logins answer SSO_NOT_CONFIGURED', async () => {
    const owner = await signUp(app);
    const other = await createOrganization(app, owner);
    await connect(other, provider.issuer, owner.token);
    const REMOVE = `mutation($input: SsoOrganizationInput!) { removeSsoConnection(input: $input) { connection { issuer } userErrors { code } } }`;
    expect((await app.data(REMOVE, { input: { organizationId: other.id } }, { token: owner.token })).removeSsoConnection).toEqual({ connection: null, userErrors: [] });
    const [{ count }] = await app.db.query(`SELECT count(*)::int AS count FROM audit_events e JOIN organizations o ON o.id = e.organization_id WHERE o.slug = $1 AND action = 'sso.removeConnection'`, [other.slug]);
    expect(count).toBe(1);
    const start = await fetch(`${app.url}/auth/sso/${other.slug}/start`, { redirect: 'manual' });
    expect([start.status, ((await start.json())).error.code]).toEqual([404, 'SSO_NOT_CONFIGURED']);
    expect((await app.data(REMOVE, { input: { organizationId: other.id } }, { token: owner.token })).removeSsoConnection.userErrors).toEqual([{ code: 'NOT_FOUND' }]);
  });
});

describe('login flow', () => {
  it('provisions a new user just in time as organization MEMBER with an SSO session', async () => {
    // start → the provider (authorization code + PKCE S256, state, nonce) → its login and consent pages → callback.
    const start = await fetch(`${app.url}/auth/sso/${organization.slug}/start`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(provider.issuer);
    for (const parameter of ['state', 'nonce', 'code_challenge']) expect(authorize.searchParams.get(parameter)).toMatch(/^[\w-]{20,}$/);
    expect(Object.fromEntries(['response_type', 'code_challenge_method', 'client_id', 'redirect_uri'].map((p) => [p, authorize.searchParams.get(p)]))).toEqual({
      response_type: 'code',
      code_challenge_method: 'S256',
      client_id: CLIENT.clientId,
      redirect_uri: callbackPrefix,
    });
    const prompts: string[] = [];
    const callback = await loginAtProvider(authorize.toString(), 'newbie', callbackPrefix, prompts);
    expect(prompts).toEqual(['login', 'consent']);
    const response = await fetch(callback);
    const { status, body } = { status: response.status, body: (await response.json()) };
    expect([status, body]).toEqual([200, expect.objectContaining({ method: 'SSO' })]);
    const { viewer } = await app.data(`{ viewer { email sessionMethod organizations { slug viewerRole } } }`, {}, { token: body.token });
    expect(viewer).toEqual({ email: 'newbie@example.com', sessionMethod: 'SSO', organizations: [{ slug: organization.slug, viewerRole: 'MEMBER' }] });
  });

  it('provisions just-in-time users into the connection’s default team too (as DEVELOPER), without a password', async () => {
    const owner = await signUp(app);
    const org = await createOrganization(app, owner);
    const team = await createTeam(app, owner, org.id);
    await proveDomain(app, dns, owner.token, org.id, 'teamed.test');
    expect((await connect(org, provider.issuer, owner.token, { defaultTeamId: team.id })).userErrors).toEqual([]);
    const { status, body } = await ssoLogin(org.slug, 'teamed');
    expect(status).toBe(200);
    const { viewer } = await app.data(`{ viewer { name organizations { slug viewerRole } teams { username kind viewerRole } } }`, {}, { token: body.token });
    expect(viewer.name).toBe('Teamed Newcomer');
    expect(viewer.organizations).toEqual([{ slug: org.slug, viewerRole: 'MEMBER' }]);
    // The SSO session acts only in its organization: its teams are listed, the personal account is not.
    expect(viewer.teams).toEqual([{ username: team.username, kind: 'TEAM', viewerRole: 'DEVELOPER' }]);
    const [audit] = await app.db.query(`SELECT auth_method FROM audit_events WHERE action = 'member.provisionBySso' AND target_id = (SELECT id::text FROM users WHERE email = $1)`, [ACCOUNTS.teamed.email]);
    expect(audit).toEqual({ auth_method: 'SSO' });
    const password = await app.data(`mutation($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`, { input: { email: ACCOUNTS.teamed.email, password: 'correct horse battery' } });
    expect(password.login).toEqual({ token: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
  });

  it('answers SSO_NOT_CONFIGURED (not a 500) when the connection was removed while the user was at the provider', async () => {
    const owner = await signUp(app);
    const org = await createOrganization(app, owner);
    await connect(org, provider.issuer, owner.token);
    const callback = await callbackUrlFor(org.slug, 'newbie');
    await app.data(`mutation($input: SsoOrganizationInput!) { removeSsoConnection(input: $input) { userErrors { code } } }`, { input: { organizationId: org.id } }, { token: owner.token });
    const response = await fetch(callback);
    expect([response.status, ((await response.json())).error.code]).toEqual([404, 'SSO_NOT_CONFIGURED']);
  });

  it('links an existing user by verified email', async () => {
    const { body } = await ssoLogin(organization.slug, 'admin');
    const { viewer } = await app.data(`{ viewer { email sessionMethod organizations { viewerRole } } }`, {}, { token: body.token });
    expect(viewer).toEqual({ email: ACCOUNTS.admin.email, sessionMethod: 'SSO', organizations: [{ viewerRole: 'ADMIN' }] });
  });

  it('refuses a bad state and a replayed code with clean errors', async () => {
    const bogus = await fetch(`${app.url}/auth/sso/callback?code=abc&state=not-a-state`);
    expect(bogus.status).toBe(400);
    expect((await bogus.json()).error.code).toBe('INVALID_STATE');
    const callback = await callbackUrlFor(organization.slug, 'newbie');
    expect((await fetch(callback)).status).toBe(200);
    const replay = await fetch(callback);
    expect(replay.status).toBe(400);
    expect((await replay.json()).error.code).toBe('INVALID_STATE');
    // The used code under a fresh, valid state: the provider refuses it (single use, bound to its PKCE challenge).
    const fresh = new URL(await callbackUrlFor(organization.slug, 'newbie'));
    fresh.searchParams.set('code', new URL(callback).searchParams.get('code')!);
    const replayedCode = await fetch(fresh);
    expect([replayedCode.status, ((await replayedCode.json())).error.code]).toEqual([400, 'CODE_REJECTED']);
  });

  it('refuses an ID token whose nonce does not match', async () => {
    const callback = await callbackUrlFor(organization.slug, 'newbie');
    await app.db.query(`UPDATE sso_login_states SET nonce = 'tampered-nonce' WHERE state = $1`, [new URL(callback).searchParams.get('state')]);
    const response = await fetch(callback);
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatchObject({ code: 'ID_TOKEN_INVALID', message: expect.stringMatching(/nonce/i) });
  });

  it('refuses unverified emails and emails outside the verified domains', async () => {
    expect(await ssoLogin(organization.slug, 'unverified')).toMatchObject({ status: 403, body: { error: { code: 'EMAIL_NOT_VERIFIED' } } });
    expect(await ssoLogin(organization.slug, 'outsider')).toMatchObject({ status: 403, body: { error: { code: 'EMAIL_DOMAIN_NOT_ALLOWED' } } });
  });

  it('refuses an expired ID token', async () => {
    const port = await freePort();
    const skewed = await startProvider(port, { clockOffsetMs: -3 * 3600_000 });
    try {
      const otherAdmin = await signUp(app);
      const org = await createOrganization(app, otherAdmin);
      expect((await connect(org, skewed.issuer, otherAdmin.token)).userErrors).toEqual([]);
      const response = await fetch(await callbackUrlFor(org.slug, 'newbie'));
      expect(response.status).toBe(401);
      expect((await response.json()).error).toMatchObject({ code: 'ID_TOKEN_INVALID', message: expect.stringMatching(/expired|exp|iat/i) });
    } finally {
      await skewed.stop();
    }
  });

  it('answers a clean 502 when the provider is down, and keeps working after it rotates its signing key', async () => {
    const signingKid = async () => {
      const { jwks_uri } = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as { jwks_uri: string };
      return ((await (await fetch(jwks_uri)).json()) as { keys: Array<{ kid: string }> }).keys.map((key) => key.kid);
    };
    expect(await signingKid()).toEqual(['key-one']);
    const callback = await callbackUrlFor(organization.slug, 'newbie');
    await provider.stop();
    const down = await fetch(callback);
    expect(down.status).toBe(502);
    expect((await down.json()).error.code).toBe('PROVIDER_UNAVAILABLE');
    const startDown = await fetch(`${app.url}/auth/sso/${organization.slug}/start`, { redirect: 'manual' });
    expect([startDown.status, ((await startDown.json())).error.code]).toEqual([502, 'PROVIDER_UNAVAILABLE']);
    const { testSsoConnection } = await app.data(`mutation($input: SsoOrganizationInput!) { testSsoConnection(input: $input) { ok message } }`, { input: { organizationId: organization.id } }, { token: admin.token });
    expect(testSsoConnection).toMatchObject({ ok: false, message: expect.stringMatching(/did not answer/) });
    provider = await startProvider(providerPort, { keySeed: 'rotated' });
    expect(await signingKid()).toEqual(['key-rotated']);
    const { status, body } = await ssoLogin(organization.slug, 'newbie');
    expect([status, body]).toEqual([200, expect.objectContaining({ token: expect.stringMatching(/^ogs_/) })]);
  });
});

describe('SSO required and personal-account restriction', () => {
  const ENABLE = `mutation($input: UpdateOrganizationPolicyInput!) { updateOrganizationPolicy(input: $input) { userErrors { code message } } }`;

  it('cannot be turned on until an admin can sign in through SSO (no lock-out)', async () => {
    const other = await signUp(app);
    const org = await createOrganization(app, other);
    const withoutConnection = await app.data(ENABLE, { input: { organizationId: org.id, settings: { ssoRequired: { value: true } } } }, { token: other.token });
    expect(withoutConnection.updateOrganizationPolicy.userErrors[0].code).toBe('SSO_CONNECTION_REQUIRED');
    await connect(org, provider.issuer, other.token);
    const noSsoAdmin = await app.data(ENABLE, { input: { organizationId: org.id, settings: { ssoRequired: { value: true } } } }, { token: other.token });
    expect(noSsoAdmin.updateOrganizationPolicy.userErrors[0].code).toBe('SSO_LOCKOUT');
  });

  it('counts SSO identities per organization, so a second organization on the same identity provider can require SSO once its own admin signed in through it', async () => {
    const boss = await signUp(app, { email: ACCOUNTS.boss.email });
    await proveMailbox(app, boss);
    const second = await createOrganization(app, boss);
    await proveDomain(app, dns, boss.token, second.id, 'second.test');
    expect((await connect(second, provider.issuer, boss.token)).userErrors).toEqual([]);
    const enable = async (token: string, value: boolean) =>
      (await app.data(ENABLE, { input: { organizationId: second.id, settings: { ssoRequired: { value } } } }, { token })).updateOrganizationPolicy.userErrors;
    // The first organization's admins signed in through the same provider, but not through this organization.
    expect((await enable(boss.token, true)).map((e: any) => e.code)).toEqual(['SSO_LOCKOUT']);
    const viaSecond = await ssoLogin(second.slug, 'boss');
    expect(viaSecond.status).toBe(200);
    expect(await enable(viaSecond.body.token, true)).toEqual([]);
    const rows = await app.db.query(`SELECT o.slug FROM sso_identities i JOIN organizations o ON o.id = i.organization_id JOIN users u ON u.id = i.user_id WHERE u.email = $1 ORDER BY i.created_at`, [ACCOUNTS.boss.email]);
    expect(rows.map((r: any) => r.slug)).toEqual([second.slug]);
    const { viewer } = await app.data(`{ viewer { email sessionMethod } }`, {}, { token: viaSecond.body.token });
    expect(viewer).toEqual({ email: ACCOUNTS.boss.email, sessionMethod: 'SSO' });
    expect(await enable(viaSecond.body.token, false)).toEqual([]);
  });

  it('notices a connection removed while SSO was being turned on (checked again under the organization lock)', async () => {
    const locker = await signUp(app, { email: ACCOUNTS.locker.email });
    await proveMailbox(app, locker);
    const org = await createOrganization(app, locker);
    await proveDomain(app, dns, locker.token, org.id, 'lock.test');
    expect((await connect(org, provider.issuer, locker.token)).userErrors).toEqual([]);
    const ssoAdmin = (await ssoLogin(org.slug, 'locker')).body.token;
    const organizationId = (await app.db.query(`SELECT id FROM organizations WHERE slug = $1`, [org.slug]))[0].id;
    // Hold the organization's lock, as a concurrent removal does, until the policy change waits for it.
    const removal = app.db.createQueryRunner();
    await removal.connect();
    await removal.startTransaction();
    try {
      await removal.query(`SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE`, [organizationId]);
      const enabling = app.data(ENABLE, { input: { organizationId: org.id, settings: { ssoRequired: { value: true } } } }, { token: ssoAdmin });
      let sawWait = false;
      for (let waited = 0; !sawWait && waited < 10_000; waited += 25) {
        const [waiting] = await app.db.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FROM organizations WHERE id = $1 FOR UPDATE%' AND pid <> pg_backend_pid()`);
        sawWait = Boolean(waiting);
        if (!sawWait) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(sawWait).toBe(true);
      await removal.query(`DELETE FROM sso_connections WHERE organization_id = $1`, [organizationId]);
      await removal.commitTransaction();
      expect((await enabling).updateOrganizationPolicy.userErrors.map((e: any) => e.code)).toEqual(['SSO_CONNECTION_REQUIRED']);
    } finally {
      if (removal.isTransactionActive) await removal.rollbackTransaction();
      await removal.release();
    }
    const [setting] = await app.db.query(`SELECT value FROM organization_policy_settings WHERE organization_id = $1 AND setting = 'ssoRequired'`, [organizationId]);
    expect(setting?.value ?? false).toBe(false);
  });

  it('refuses password sessions (SSO_REQUIRED), accepts SSO sessions and API keys, and gates invites', async () => {
    const team = await createTeam(app, admin, organization.id);
    const key = await createApiKeyFor(app, organization.slug, 'ADMIN');
    const ssoAdmin = (await ssoLogin(organization.slug, 'admin')).body.token;
    const enabled = await app.data(ENABLE, { input: { organizationId: organization.id, settings: { ssoRequired: { value: true } } } }, { token: ssoAdmin });
    expect(enabled.updateOrganizationPolicy.userErrors).toEqual([]);

    const ORG = `query($slug: String!) { organization(slug: $slug) { slug } }`;
    const asPassword = await app.gql(ORG, { slug: organization.slug }, { token: admin.token });
    expect(asPassword.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SSO_REQUIRED' });
    // A fresh password login of this verified-domain user (example.com) gets a session that is refused the same way.
    const { login } = await app.data(`mutation($input: LoginInput!) { login(input: $input) { token } }`, { input: { email: ACCOUNTS.admin.email, password: 'correct horse battery' } });
    const freshPassword = await app.gql(ORG, { slug: organization.slug }, { token: login.token });
    expect(freshPassword.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SSO_REQUIRED' });
    const teamAsPassword = await app.gql(`query($u: String!) { team(username: $u) { username } }`, { u: team.username }, { token: admin.token });
    expect(teamAsPassword.body.errors?.[0]?.extensions?.reason).toBe('SSO_REQUIRED');
    expect((await app.data(ORG, { slug: organization.slug }, { token: ssoAdmin })).organization.slug).toBe(organization.slug);
    expect((await app.data(ORG, { slug: organization.slug }, { key })).organization.slug).toBe(organization.slug);

    // An invite to the SSO-required organization: accepting with a password session is refused, after SSO it works.
    const invitee = await signUp(app, { email: ACCOUNTS.invitee.email });
    await proveMailbox(app, invitee);
    await app.data(CREATE_INVITE, { input: { organizationId: organization.id, email: invitee.email, organizationRole: 'MEMBER' } }, { token: ssoAdmin });
    const token = await latestInviteToken(app, invitee.email);
    const refused = await app.data(ACCEPT_INVITE, { input: { token } }, { token: invitee.token });
    expect(refused.acceptInvite.userErrors[0].code).toBe('SSO_REQUIRED');
    const inviteeSso = (await ssoLogin(organization.slug, 'invitee')).body.token;
    const accepted = await app.data(ACCEPT_INVITE, { input: { token } }, { token: inviteeSso });
    expect(accepted.acceptInvite.userErrors).toEqual([]);

    await app.data(ENABLE, { input: { organizationId: organization.id, settings: { ssoRequired: { value: false } } } }, { token: ssoAdmin });
    expect((await app.data(ORG, { slug: organization.slug }, { token: admin.token })).organization.slug).toBe(organization.slug);
  });

  it('while SSO is required, its connection can be neither removed nor replaced by one that does not work (no lock-out)', async () => {
    const ssoAdmin = (await ssoLogin(organization.slug, 'admin')).body.token;
    expect((await app.data(ENABLE, { input: { organizationId: organization.id, settings: { ssoRequired: { value: true } } } }, { token: ssoAdmin })).updateOrganizationPolicy.userErrors).toEqual([]);
    try {
      const removed = await app.data(`mutation($input: SsoOrganizationInput!) { removeSsoConnection(input: $input) { userErrors { code field } } }`, { input: { organizationId: organization.id } }, { token: ssoAdmin });
      expect(removed.removeSsoConnection.userErrors).toEqual([{ code: 'SSO_REQUIRED_ACTIVE', field: ['input', 'organizationId'] }]);
      const dead = `http://127.0.0.1:${await freePort()}`;
      expect((await connect(organization, dead, ssoAdmin)).userErrors).toEqual([expect.objectContaining({ code: 'SSO_CONNECTION_UNREACHABLE', field: ['input', 'issuer'] })]);
      const [row] = await app.db.query(`SELECT issuer FROM sso_connections WHERE organization_id = (SELECT id FROM organizations WHERE slug = $1)`, [organization.slug]);
      expect(row.issuer).toBe(provider.issuer);
      expect((await ssoLogin(organization.slug, 'admin')).status).toBe(200);
      // A working replacement is fine.
      expect((await connect(organization, provider.issuer, ssoAdmin)).userErrors).toEqual([]);
    } finally {
      await app.data(ENABLE, { input: { organizationId: organization.id, settings: { ssoRequired: { value: false } } } }, { token: ssoAdmin });
    }
  });

  it('refuses password sessions on every other path to the organization too: node(id:), and data under the viewer’s listings', async () => {
    const ssoAdmin = (await ssoLogin(organization.slug, 'admin')).body.token;
    const { organization: org } = await app.data(
      `query($slug: String!) { organization(slug: $slug) { id rootTeam { id } auditLog(first: 1) { edges { node { id } } } } }`,
      { slug: organization.slug },
      { token: ssoAdmin },
    );
    const auditEventId = org.auditLog.edges[0].node.id;
    expect((await app.data(ENABLE, { input: { organizationId: organization.id, settings: { ssoRequired: { value: true } } } }, { token: ssoAdmin })).updateOrganizationPolicy.userErrors).toEqual([]);
    try {
      const reasonOf = async (query: string, variables: Record<string, unknown> = {}) => {
        const response = await app.gql(query, variables, { token: admin.token });
        return response.body.errors?.map((error) => `${error.extensions?.code}/${error.extensions?.reason}`);
      };
      const NODE = `query($id: ID!) { node(id: $id) { id } }`;
      for (const id of [organization.id, org.rootTeam.id, auditEventId]) expect(await reasonOf(NODE, { id })).toEqual(['FORBIDDEN/SSO_REQUIRED']);
      const beneath = [
        `{ viewer { organizations { teams { totalCount } } } }`,
        `{ viewer { organizations { policy { ssoRequired { value } } } } }`,
        `{ viewer { organizations { usage(expand: [SUMMARY]) { summary { cost } } } } }`,
        `{ viewer { organizations { rootTeam { requests { totalCount } } } } }`,
        `{ viewer { organizations { rootTeam { governance { environment } } } } }`,
        `{ viewer { organizations { rootTeam { effectivePolicy { ssoRequired { value } } } } } }`,
        `{ viewer { organizations { rootTeam { modelAccessRules { totalCount } } } } }`,
        `{ viewer { organizations { rootTeam { modelAccess(surface: API) { endpoint { endpointId } } } } } }`,
      ];
      for (const query of beneath) expect([query, await reasonOf(query)]).toEqual([query, ['FORBIDDEN/SSO_REQUIRED']]);
      // The listings themselves still name the organization, so a dashboard can offer "sign in with SSO".
      expect((await app.data(`{ viewer { organizations { slug } } }`, {}, { token: admin.token })).viewer.organizations.map((o: any) => o.slug)).toContain(organization.slug);
      // The organization's own SSO session reaches all of it.
      expect((await app.data(NODE, { id: auditEventId }, { token: ssoAdmin })).node).toEqual({ id: auditEventId });
      for (const query of beneath) expect([query, (await app.gql(query, {}, { token: ssoAdmin })).body.errors]).toEqual([query, undefined]);
    } finally {
      await app.data(ENABLE, { input: { organizationId: organization.id, settings: { ssoRequired: { value: false } } } }, { token: ssoAdmin });
    }
  });

  it('SSO sessions never reach the personal account or other organizations; BLOCKED keeps SSO users out of their personal account in every session', async () => {
    const ssoSession = (await ssoLogin(organization.slug, 'admin')).body.token;
    const PERSONAL = `{ viewer { personalAccount { id username } } }`;
    const personalAccount = (await app.data(PERSONAL, {}, { token: admin.token })).viewer.personalAccount;
    const TEAM = `query($u: String!) { team(username: $u) { username } }`;
    const NODE = `query($id: ID!) { node(id: $id) { id } }`;
    const otherOrg = await createOrganization(app, admin, unique('elsewhere'));
    const ORG = `query($slug: String!) { organization(slug: $slug) { slug } }`;
    // Scoped whatever the setting: like objects that do not exist.
    expect((await app.data(PERSONAL, {}, { token: ssoSession })).viewer.personalAccount).toBeNull();
    for (const [query, variables] of [[TEAM, { u: personalAccount.username }], [ORG, { slug: otherOrg.slug }]] as const) {
      const answer = await app.gql(query, variables, { token: ssoSession });
      expect([query, answer.body.errors?.map((error) => error.extensions?.code)]).toEqual([query, ['NOT_FOUND']]);
    }
    // node(id:) answers null, as for an id that does not exist.
    for (const id of [personalAccount.id, otherOrg.id]) expect(await app.data(NODE, { id }, { token: ssoSession })).toEqual({ node: null });
    expect((await app.data(TEAM, { u: personalAccount.username }, { token: admin.token })).team.username).toBe(personalAccount.username);

    const blocked = await app.data(
      `mutation($input: UpdateOrganizationPolicyInput!) { updateOrganizationPolicy(input: $input) { userErrors { code } } }`,
      { input: { organizationId: organization.id, settings: { personalAccountAccess: { value: 'BLOCKED' } } } },
      { token: ssoSession },
    );
    expect(blocked.updateOrganizationPolicy.userErrors).toEqual([]);
    try {
      // The admin signed in through this organization's SSO: their personal account is closed to their password
      // sessions too (by every path), while their other organization stays theirs.
      const inPassword = await app.gql(TEAM, { u: personalAccount.username }, { token: admin.token });
      expect(inPassword.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PERSONAL_ACCOUNT_BLOCKED' });
      const byNode = await app.gql(NODE, { id: personalAccount.id }, { token: admin.token });
      expect(byNode.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PERSONAL_ACCOUNT_BLOCKED' });
      for (const field of ['requests { totalCount }', 'effectivePolicy { requestVisibility { value } }', 'usage(expand: [SUMMARY]) { summary { cost } }']) {
        const listed = await app.gql(`{ viewer { personalAccount { ${field} } } }`, {}, { token: admin.token });
        expect([field, listed.body.errors?.map((error) => error.extensions?.reason)]).toEqual([field, ['PERSONAL_ACCOUNT_BLOCKED']]);
      }
      expect((await app.data(ORG, { slug: otherOrg.slug }, { token: admin.token })).organization.slug).toBe(otherOrg.slug);
      // Someone who never signed in through that SSO keeps their personal account.
      const stranger = await signUp(app);
      const own = (await app.data(PERSONAL, {}, { token: stranger.token })).viewer.personalAccount;
      expect((await app.data(TEAM, { u: own.username }, { token: stranger.token })).team.username).toBe(own.username);
    } finally {
      await app.data(
        `mutation($input: UpdateOrganizationPolicyInput!) { updateOrganizationPolicy(input: $input) { userErrors { code } } }`,
        { input: { organizationId: organization.id, settings: { personalAccountAccess: { value: 'ALLOWED' } } } },
        { token: ssoSession },
      );
    }
    expect((await app.data(TEAM, { u: personalAccount.username }, { token: admin.token })).team.username).toBe(personalAccount.username);
  });
});
