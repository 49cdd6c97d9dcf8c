import http from 'node:http';
import { getNamedType, isNonNullType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { buildOrgraphSchema } from '../src/app/schema';
import { localIdOf } from '../src/core/relay';
import { freePort } from './support/ports';
import { startTestApp, type Credential, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, createTeam, signUp, unique, type CreatedOrganization, type SignedUpUser, proveMailbox } from './support/factories';
import { CREATE_INVITE, latestInviteToken } from './support/people';
import { loginAtProvider, startOidcProvider, type OidcProviderProcess } from './support/oidcProcess';
import { ADD_DOMAIN, proveDomain, REMOVE_DOMAIN, startDnsTxtServer, VERIFY_DOMAIN, type DnsTxtServer } from './support/dnsTxtServer';
import { documentFor, plausibleValue, rootOperations } from './support/schemaOperations';

/**
 * SSO as a trust boundary (docs/sso.md, docs/security.md; issue 16): the account takeover an outside attacker found, replayed end to end
 * against a real OpenID Connect provider and a real DNS server (both on loopback), refused at each step; domain
 * proof through DNS TXT; and the scope of an SSO session (its organization only), probed for every field of
 * Organization and Team enumerated from the built schema, so a field added later is probed too.
 */
let app: TestApp;
let dns: DnsTxtServer;
let provider: OidcProviderProcess;
const CLIENT = { clientId: 'orgraph-trust-client', clientSecret: 'orgraph-trust-client-secret-0123456789' };
/** The identity provider's accounts. Whoever runs a provider decides what its tokens say: the attacker runs this one. */
const ACCOUNTS = {
  victim: { email: 'victim@victim.test', email_verified: true, name: 'Victim' },
  unclaimed: { email: 'nobody-yet@victim.test', email_verified: true },
  attacker: { email: 'boss@attacker.test', email_verified: true },
  dual: { email: 'dual@beta.test', email_verified: true, name: 'Dual' },
  guard: { email: 'guard@guard.test', email_verified: true },
};

const SET_CONNECTION = `mutation($input: SetSsoConnectionInput!) { setSsoConnection(input: $input) { connection { issuer verifiedDomains } userErrors { field code message } } }`;

async function connect(org: { id: string }, token: string) {
  return (await app.data(SET_CONNECTION, { input: { organizationId: org.id, issuer: provider.issuer, ...CLIENT } }, { token })).setSsoConnection;
}

async function ssoLogin(slug: string, login: string): Promise<{ status: number; body: any }> {
  const start = await fetch(`${app.url}/auth/sso/${slug}/start`, { redirect: 'manual' });
  if (start.status !== 302) throw new Error(`start answered ${start.status}: ${await start.text()}`);
  const callback = await loginAtProvider(start.headers.get('location')!, login, `${app.url}/auth/sso/callback`);
  const response = await fetch(callback);
  return { status: response.status, body: await response.json() };
}

const count = async (sql: string, params: unknown[]) => Number((await app.db.query(sql, params))[0].count);
const orgId = (org: { id: string }) => localIdOf(org.id, 'Organization')!;
const userId = (user: { id: string }) => localIdOf(user.id, 'User')!;

beforeAll(async () => {
  dns = await startDnsTxtServer();
  app = await startTestApp({ DNS_RESOLVER: dns.address });
  provider = await startOidcProvider({ port: await freePort(), ...CLIENT, redirectUri: `${app.url}/auth/sso/callback`, accounts: ACCOUNTS });
}, 60_000);

afterAll(async () => {
  await provider?.stop();
  await dns?.stop();
  await app?.close();
});

describe('the account takeover through a declared domain', () => {
  let victim: SignedUpUser;
  let victimOrg: CreatedOrganization;
  let attacker: SignedUpUser;
  let attackerOrg: CreatedOrganization;

  beforeAll(async () => {
    victim = await signUp(app, { email: ACCOUNTS.victim.email });
    await proveMailbox(app, victim);
    victimOrg = await createOrganization(app, victim);
    attacker = await signUp(app, { email: ACCOUNTS.attacker.email });
    await proveMailbox(app, attacker);
    attackerOrg = await createOrganization(app, attacker);
  });

  it('is refused at each step: declaring, proving, signing in as the victim, pre-claiming', async () => {
    const sessionsOfVictim = () => count(`SELECT count(*) FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = $1)`, [ACCOUNTS.victim.email]);
    const sessionsBefore = await sessionsOfVictim();

    // 1. Declaring the victim's domain on the connection is no longer possible at all.
    const declared = await app.gql(SET_CONNECTION, { input: { organizationId: attackerOrg.id, issuer: provider.issuer, ...CLIENT, verifiedDomains: ['victim.test'] } }, { token: attacker.token });
    expect(declared.body.errors?.[0]?.message).toMatch(/verifiedDomains/);
    expect(declared.body.data ?? null).toBeNull();

    // 2. Claiming it is allowed (pending, with the TXT record to publish) but it cannot be proven without the
    //    victim's DNS: no record, or a record that is not this claim's token, is refused.
    const { addDomain } = await app.data(ADD_DOMAIN, { input: { organizationId: attackerOrg.id, domain: 'Victim.TEST.' } }, { token: attacker.token });
    expect(addDomain.userErrors).toEqual([]);
    expect(addDomain.domain).toMatchObject({ domain: 'victim.test', status: 'PENDING', verifiedAt: null, txtRecordName: '_orgraph-challenge.victim.test' });
    expect(addDomain.domain.txtRecordValue).toMatch(/^orgraph-domain-verification=[\w-]{32,}$/);
    const verifyAsAttacker = async () => (await app.data(VERIFY_DOMAIN, { input: { domainId: addDomain.domain.id } }, { token: attacker.token })).verifyDomain;
    const unpublished = await verifyAsAttacker();
    expect(unpublished).toEqual({ domain: null, userErrors: [expect.objectContaining({ code: 'DOMAIN_NOT_VERIFIED', field: ['input', 'domainId'], message: expect.stringContaining('_orgraph-challenge.victim.test') })] });
    dns.publish('_orgraph-challenge.victim.test', 'orgraph-domain-verification=some-other-token', 'v=spf1 -all');
    expect((await verifyAsAttacker()).userErrors.map((e: any) => e.code)).toEqual(['DOMAIN_NOT_VERIFIED']);
    // Orgraph really asked the DNS server it was pointed at.
    expect(dns.questions).toContain('_orgraph-challenge.victim.test');

    // 3. Pointing the connection at a provider the attacker controls is allowed, and shows no proven domain.
    expect(await connect(attackerOrg, attacker.token)).toEqual({ connection: { issuer: provider.issuer, verifiedDomains: [] }, userErrors: [] });

    // 4. Signing in as the victim through it: refused, and nothing was linked, joined or issued.
    const asVictim = await ssoLogin(attackerOrg.slug, 'victim');
    expect(asVictim).toEqual({ status: 403, body: { error: expect.objectContaining({ code: 'EMAIL_DOMAIN_NOT_ALLOWED' }) } });
    expect(await count(`SELECT count(*) FROM sso_identities i JOIN users u ON u.id = i.user_id WHERE u.email = $1`, [ACCOUNTS.victim.email])).toBe(0);
    expect(await count(`SELECT count(*) FROM organization_memberships WHERE organization_id = $1 AND user_id = $2`, [orgId(attackerOrg), userId(victim)])).toBe(0);
    expect(await sessionsOfVictim()).toBe(sessionsBefore);

    // 5. Pre-claiming an address that has no account yet: refused, no user created.
    expect((await ssoLogin(attackerOrg.slug, 'unclaimed')).body.error.code).toBe('EMAIL_DOMAIN_NOT_ALLOWED');
    expect(await count(`SELECT count(*) FROM users WHERE lower(email) = $1`, [ACCOUNTS.unclaimed.email])).toBe(0);

    // 6. Once the victim's organization proves its domain, the attacker cannot prove it even with the right token
    //    published (a shared or compromised zone): one proven domain, one organization.
    await proveDomain(app, dns, victim.token, victimOrg.id, 'victim.test');
    dns.publish('_orgraph-challenge.victim.test', addDomain.domain.txtRecordValue);
    const owned = await verifyAsAttacker();
    expect(owned.userErrors).toEqual([expect.objectContaining({ code: 'DOMAIN_OWNED_ELSEWHERE', field: ['input', 'domainId'] })]);
    expect((await ssoLogin(attackerOrg.slug, 'victim')).body.error.code).toBe('EMAIL_DOMAIN_NOT_ALLOWED');
    expect(await count(`SELECT count(*) FROM organization_domains WHERE domain = 'victim.test' AND verified_at IS NOT NULL`, [])).toBe(1);

    // 7. The attacker's own proven domain works, and that session reaches nothing of the victim's organization.
    await proveDomain(app, dns, attacker.token, attackerOrg.id, 'attacker.test');
    const own = await ssoLogin(attackerOrg.slug, 'attacker');
    expect(own.status).toBe(200);
    const probe = await app.gql(`query($s: String!) { organization(slug: $s) { id } }`, { s: victimOrg.slug }, { token: own.body.token });
    expect(probe.body.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);

    // The victim's roles are what they were.
    expect(await app.db.query(`SELECT role FROM organization_memberships WHERE user_id = $1`, [userId(victim)])).toEqual([{ role: 'ADMIN' }]);
  });

  it('a proven domain links the existing user (same account, same roles) and provisions new addresses just in time', async () => {
    expect((await connect(victimOrg, victim.token)).connection.verifiedDomains).toEqual(['victim.test']);
    const login = await ssoLogin(victimOrg.slug, 'victim');
    expect(login.status).toBe(200);
    const { viewer } = await app.data(`{ viewer { user { id } email sessionMethod organizations { slug viewerRole } } }`, {}, { token: login.body.token });
    expect(viewer).toEqual({ user: { id: victim.id }, email: ACCOUNTS.victim.email, sessionMethod: 'SSO', organizations: [{ slug: victimOrg.slug, viewerRole: 'ADMIN' }] });
    expect(await count(`SELECT count(*) FROM sso_identities WHERE organization_id = $1 AND user_id = (SELECT id FROM users WHERE email = $2)`, [orgId(victimOrg), ACCOUNTS.victim.email])).toBe(1);
    const fresh = await ssoLogin(victimOrg.slug, 'unclaimed');
    expect(fresh.status).toBe(200);
    expect((await app.data(`{ viewer { organizations { slug viewerRole } } }`, {}, { token: fresh.body.token })).viewer.organizations).toEqual([{ slug: victimOrg.slug, viewerRole: 'MEMBER' }]);
    // The proof is audited, with who did it and how they were signed in.
    const audited = await app.db.query(`SELECT action, auth_method FROM audit_events WHERE organization_id = $1 AND action LIKE 'domain.%' ORDER BY created_at`, [orgId(victimOrg)]);
    expect(audited).toEqual([{ action: 'domain.add', auth_method: 'PASSWORD' }, { action: 'domain.verify', auth_method: 'PASSWORD' }]);
  });
  it('a provider that claims another provider’s issuer and subject still links only by this organization’s proven domain', async () => {
    // The attacker's provider says it is the victim organization's provider (same issuer string, the victim's
    // subject) but must put an address of the attacker's own proven domain in the token to pass the domain check.
    const liar = await startOidcProvider({
      port: await freePort(),
      ...CLIENT,
      redirectUri: `${app.url}/auth/sso/callback`,
      accounts: { victim: { email: ACCOUNTS.attacker.email, email_verified: true } },
      claimedIssuer: provider.issuer,
      keySeed: 'liar',
    });
    try {
      expect(await count(`SELECT count(*) FROM sso_identities WHERE issuer = $1 AND subject = 'victim' AND organization_id = $2`, [provider.issuer, orgId(victimOrg)])).toBe(1);
      const pointed = await app.data(SET_CONNECTION, { input: { organizationId: attackerOrg.id, issuer: liar.issuer, ...CLIENT } }, { token: attacker.token });
      expect(pointed.setSsoConnection.userErrors).toEqual([]);
      const login = await ssoLogin(attackerOrg.slug, 'victim');
      expect(login.status).toBe(200);
      const { viewer } = await app.data(`{ viewer { user { id } email } }`, {}, { token: login.body.token });
      expect(viewer).toEqual({ user: { id: attacker.id }, email: ACCOUNTS.attacker.email });
      expect(await count(`SELECT count(*) FROM organization_memberships WHERE organization_id = $1 AND user_id = $2`, [orgId(attackerOrg), userId(victim)])).toBe(0);
    } finally {
      await liar.stop();
      await connect(attackerOrg, attacker.token);
    }
  });
});

describe('domain proof', () => {
  it('removing a domain stops it linking at once; while SSO is required its last proven domain stays', async () => {
    const owner = await signUp(app, { email: ACCOUNTS.guard.email });
    await proveMailbox(app, owner);
    const org = await createOrganization(app, owner);
    const proven = await proveDomain(app, dns, owner.token, org.id, 'guard.test');
    expect((await connect(org, owner.token)).userErrors).toEqual([]);
    const sso = await ssoLogin(org.slug, 'guard');
    expect(sso.status).toBe(200);
    const POLICY = `mutation($input: UpdateOrganizationPolicyInput!) { updateOrganizationPolicy(input: $input) { userErrors { code } } }`;
    const requireSso = async (value: boolean) =>
      (await app.data(POLICY, { input: { organizationId: org.id, settings: { ssoRequired: { value } } } }, { token: sso.body.token })).updateOrganizationPolicy.userErrors;
    expect(await requireSso(true)).toEqual([]);
    const guarded = await app.data(REMOVE_DOMAIN, { input: { domainId: proven.id } }, { token: sso.body.token });
    expect(guarded.removeDomain).toEqual({ removedDomainId: null, userErrors: [expect.objectContaining({ code: 'SSO_REQUIRED_ACTIVE', field: ['input', 'domainId'] })] });
    expect(await requireSso(false)).toEqual([]);
    expect((await app.data(REMOVE_DOMAIN, { input: { domainId: proven.id } }, { token: sso.body.token })).removeDomain.userErrors).toEqual([]);
    expect((await ssoLogin(org.slug, 'guard')).body.error.code).toBe('EMAIL_DOMAIN_NOT_ALLOWED');
  });


  it('one proven domain belongs to one organization, even when two prove it at the same moment; removal frees it', async () => {
    const domain = `${unique('race')}.test`;
    const owners = await Promise.all([signUp(app), signUp(app)]);
    const orgs = await Promise.all(owners.map((owner) => createOrganization(app, owner)));
    const claims = await Promise.all(
      orgs.map(async (org, i) => (await app.data(ADD_DOMAIN, { input: { organizationId: org.id, domain } }, { token: owners[i].token })).addDomain.domain),
    );
    dns.publish(`_orgraph-challenge.${domain}`, ...claims.map((claim) => claim.txtRecordValue));
    const results = await Promise.all(claims.map(async (claim, i) => (await app.data(VERIFY_DOMAIN, { input: { domainId: claim.id } }, { token: owners[i].token })).verifyDomain));
    const codes = results.map((result) => result.userErrors[0]?.code ?? result.domain.status).sort();
    expect(codes).toEqual(['DOMAIN_OWNED_ELSEWHERE', 'VERIFIED']);
    expect(await count(`SELECT count(*) FROM organization_domains WHERE domain = $1 AND verified_at IS NOT NULL`, [domain])).toBe(1);

    const winner = results.findIndex((result) => result.domain?.status === 'VERIFIED');
    const loser = 1 - winner;
    const DOMAINS = `query($s: String!) { organization(slug: $s) { domains { totalCount edges { node { id domain status } } } } }`;
    expect((await app.data(DOMAINS, { s: orgs[winner].slug }, { token: owners[winner].token })).organization.domains).toEqual({
      totalCount: 1,
      edges: [{ node: { id: claims[winner].id, domain, status: 'VERIFIED' } }],
    });
    // Another organization's admin cannot touch the claim: not found, like an id that does not exist.
    const foreign = await app.gql(REMOVE_DOMAIN, { input: { domainId: claims[winner].id } }, { token: owners[loser].token });
    expect(foreign.body.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect((await app.data(`query($id: ID!) { node(id: $id) { id } }`, { id: claims[winner].id }, { token: owners[loser].token })).node).toBeNull();

    const removed = await app.data(REMOVE_DOMAIN, { input: { domainId: claims[winner].id } }, { token: owners[winner].token });
    expect(removed.removeDomain).toEqual({ removedDomainId: claims[winner].id, userErrors: [] });
    const [audit] = await app.db.query(`SELECT changes FROM audit_events WHERE action = 'domain.remove' AND target_id = $1`, [localIdOf(claims[winner].id, 'OrganizationDomain')]);
    expect(audit.changes.domain).toEqual({ before: domain, after: null });
    expect((await app.data(VERIFY_DOMAIN, { input: { domainId: claims[loser].id } }, { token: owners[loser].token })).verifyDomain.domain.status).toBe('VERIFIED');
  });

  it('answers bad input, a broken zone and callers who are not organization admins with clear errors', async () => {
    const owner = await signUp(app);
    const org = await createOrganization(app, owner);
    for (const domain of ['', 'localhost', 'https://example.com', '*.example.com', 'a@example.com', 'exa mple.com', `${'a'.repeat(250)}.com`]) {
      const { addDomain } = await app.data(ADD_DOMAIN, { input: { organizationId: org.id, domain } }, { token: owner.token });
      expect([domain, addDomain.userErrors.map((e: any) => [e.code, e.field])]).toEqual([domain, [['INVALID', ['input', 'domain']]]]);
    }
    const { addDomain } = await app.data(ADD_DOMAIN, { input: { organizationId: org.id, domain: 'bücher.test' } }, { token: owner.token });
    expect(addDomain.domain.domain).toBe('xn--bcher-kva.test');
    expect((await app.data(ADD_DOMAIN, { input: { organizationId: org.id, domain: 'BÜCHER.test' } }, { token: owner.token })).addDomain.userErrors[0].code).toBe('TAKEN');
    dns.fail('_orgraph-challenge.xn--bcher-kva.test');
    const broken = (await app.data(VERIFY_DOMAIN, { input: { domainId: addDomain.domain.id } }, { token: owner.token })).verifyDomain;
    expect(broken.userErrors).toEqual([expect.objectContaining({ code: 'DNS_UNAVAILABLE' })]);

    const member = await signUp(app);
    await app.db.query(`INSERT INTO organization_memberships (organization_id, user_id, role) VALUES ($1, $2, 'MEMBER')`, [orgId(org), userId(member)]);
    const listed = await app.gql(`query($s: String!) { organization(slug: $s) { domains { totalCount } } }`, { s: org.slug }, { token: member.token });
    expect(listed.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ORGANIZATION_ADMIN_REQUIRED' });
    const added = await app.gql(ADD_DOMAIN, { input: { organizationId: org.id, domain: 'member.test' } }, { token: member.token });
    expect(added.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ORGANIZATION_ADMIN_REQUIRED' });
    const verified = await app.gql(VERIFY_DOMAIN, { input: { domainId: addDomain.domain.id } }, { token: member.token });
    expect(verified.body.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});

/** Arguments for Team fields that require some (a required argument without an entry fails the test). */
const TEAM_FIELD_ARGUMENTS: Record<string, string> = {
  modelAccess: '(surface: API)',
  spend: '(period: MONTH)',
  usageSummary: '(range: { start: "2025-01-01T00:00:00Z", end: "2025-02-01T00:00:00Z" })',
  usage: '(start: "2025-01-10", end: "2025-01-12", expand: [TIME_SERIES, SUMMARY])',
};
/** The same for Organization fields. */
const ORGANIZATION_FIELD_ARGUMENTS: Record<string, string> = {
  invoices: '(month: "2025-01")',
  billingSummary: '(month: "2025-01")',
  usage: TEAM_FIELD_ARGUMENTS.usage,
};

function fieldSelection(field: GraphQLField<unknown, unknown>, table: Record<string, string>): string {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const args = table[field.name];
  if (required.length && !args) throw new Error(`${field.name} takes required arguments: add an entry for it in FIELD_ARGUMENTS of test/ssoTrust.test.ts`);
  const named = getNamedType(field.type);
  const leaf = !('getFields' in named);
  return `${field.name}${args ?? ''}${leaf ? '' : ' { __typename }'}`;
}

describe('an SSO session acts only in its organization', () => {
  let dual: SignedUpUser;
  let alpha: CreatedOrganization;
  let alphaTeam: { id: string; username: string };
  let beta: CreatedOrganization;
  let betaAdmin: SignedUpUser;
  let betaSso: Credential;
  let personal: { id: string; username: string };

  beforeAll(async () => {
    // One person: ADMIN of alpha (their own organization, password login) and, through beta's SSO, ADMIN of beta.
    dual = await signUp(app, { email: ACCOUNTS.dual.email });
    await proveMailbox(app, dual);
    alpha = await createOrganization(app, dual);
    alphaTeam = await createTeam(app, dual, alpha.id);
    await createApiKeyFor(app, alphaTeam.username, 'ADMIN');
    betaAdmin = await signUp(app);
    beta = await createOrganization(app, betaAdmin);
    await createTeam(app, betaAdmin, beta.id);
    await proveDomain(app, dns, betaAdmin.token, beta.id, 'beta.test');
    expect((await connect(beta, betaAdmin.token)).userErrors).toEqual([]);
    const login = await ssoLogin(beta.slug, 'dual');
    expect(login.status).toBe(200);
    await app.db.query(`UPDATE organization_memberships SET role = 'ADMIN' WHERE organization_id = $1 AND user_id = $2`, [orgId(beta), userId(dual)]);
    betaSso = { token: login.body.token };
    personal = (await app.data(`{ viewer { personalAccount { id username } } }`, {}, { token: dual.token })).viewer.personalAccount;
  });

  it('lists only its organization, its teams and no personal account', async () => {
    const { viewer } = await app.data(`{ viewer { sessionMethod organizations { slug } teams { kind organization { slug } } personalAccount { id } } }`, {}, betaSso);
    expect(viewer.sessionMethod).toBe('SSO');
    expect(viewer.organizations).toEqual([{ slug: beta.slug }]);
    expect(viewer.teams.every((team: any) => team.kind === 'TEAM' && team.organization.slug === beta.slug)).toBe(true);
    expect(viewer.personalAccount).toBeNull();
    // The password session of the same person still lists everything.
    const full = (await app.data(`{ viewer { organizations { slug } personalAccount { id } } }`, {}, { token: dual.token })).viewer;
    expect(full.organizations.map((o: any) => o.slug).sort()).toEqual([alpha.slug, beta.slug].sort());
    expect(full.personalAccount).toEqual({ id: personal.id });
  });

  it('gets nothing of the other organization, its teams or the personal account, for every Organization and Team field of the schema', async () => {
    const schema = buildOrgraphSchema();
    const organizationFields = Object.values((schema.getType('Organization') as GraphQLObjectType).getFields());
    const teamFields = Object.values((schema.getType('Team') as GraphQLObjectType).getFields());
    expect(organizationFields.length).toBeGreaterThan(10);
    expect(teamFields.length).toBeGreaterThan(10);
    const failures: string[] = [];
    const refused = async (label: string, query: string, variables: Record<string, unknown>, root: 'organization' | 'team' | 'node') => {
      const response = await app.gql(query, variables, betaSso);
      const value = response.body.data?.[root] ?? null;
      const codes = (response.body.errors ?? []).map((e) => e.extensions?.code);
      if (value !== null) failures.push(`${label}: answered ${JSON.stringify(response.body)}`);
      if (root !== 'node' && (codes.length !== 1 || codes[0] !== 'NOT_FOUND')) failures.push(`${label}: expected one NOT_FOUND, got ${JSON.stringify(response.body.errors)}`);
      if (root === 'node' && codes.length) failures.push(`${label}: node(id:) should answer null like a missing id, got ${JSON.stringify(response.body.errors)}`);
    };
    const allowed = async (label: string, query: string, variables: Record<string, unknown>, credential: Credential) => {
      const response = await app.gql(query, variables, credential);
      const codes = (response.body.errors ?? []).map((e) => e.extensions?.code);
      if (codes.some((code) => ['NOT_FOUND', 'FORBIDDEN', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT'].includes(code))) failures.push(`${label}: control refused: ${JSON.stringify(response.body.errors)}`);
    };
    for (const field of organizationFields) {
      const selection = fieldSelection(field, ORGANIZATION_FIELD_ARGUMENTS);
      const bySlug = `query($s: String!) { organization(slug: $s) { ${selection} } }`;
      await refused(`Organization.${field.name} of alpha by slug`, bySlug, { s: alpha.slug }, 'organization');
      await refused(`Organization.${field.name} of alpha by node`, `query($id: ID!) { node(id: $id) { ... on Organization { ${selection} } } }`, { id: alpha.id }, 'node');
      // Controls: the field is readable by this person's password session in alpha, and by this session in beta.
      await allowed(`Organization.${field.name} of alpha, password session`, bySlug, { s: alpha.slug }, { token: dual.token });
      await allowed(`Organization.${field.name} of beta, SSO session`, bySlug, { s: beta.slug }, betaSso);
    }
    const teams = [
      { name: 'alpha team', username: alphaTeam.username, id: alphaTeam.id },
      { name: 'alpha root team', username: alpha.slug, id: alpha.rootTeamId },
      { name: 'personal account', username: personal.username, id: personal.id },
    ];
    for (const field of teamFields) {
      const selection = fieldSelection(field, TEAM_FIELD_ARGUMENTS);
      const byUsername = `query($u: String!) { team(username: $u) { ${selection} } }`;
      for (const team of teams) {
        await refused(`Team.${field.name} of ${team.name} by username`, byUsername, { u: team.username }, 'team');
        await refused(`Team.${field.name} of ${team.name} by node`, `query($id: ID!) { node(id: $id) { ... on Team { ${selection} } } }`, { id: team.id }, 'node');
      }
      await allowed(`Team.${field.name} of alpha team, password session`, byUsername, { u: alphaTeam.username }, { token: dual.token });
      await allowed(`Team.${field.name} of beta root, SSO session`, byUsername, { u: beta.slug }, betaSso);
    }
    expect(failures).toEqual([]);
  });

  it('cannot act there either: every mutation aimed at the other organization, its team or the personal account changes nothing', async () => {
    const auditOf = () => count(`SELECT count(*) FROM audit_events WHERE organization_id = $1`, [orgId(alpha)]);
    const rowsOf = () =>
      app.db.query(
        `SELECT (SELECT count(*) FROM teams WHERE organization_id = $1) AS teams, (SELECT count(*) FROM api_keys WHERE organization_id = $1 OR team_id = $2) AS keys,
                (SELECT count(*) FROM organization_memberships WHERE organization_id = $1) AS members, (SELECT count(*) FROM invites WHERE organization_id = $1) AS invites,
                (SELECT count(*) FROM organization_domains WHERE organization_id = $1) AS domains, (SELECT count(*) FROM sso_connections WHERE organization_id = $1) AS sso,
                (SELECT count(*) FROM model_access_rules WHERE organization_id = $1) AS rules, (SELECT count(*) FROM team_secrets WHERE team_id IN (SELECT id FROM teams WHERE organization_id = $1) OR team_id = $2) AS secrets,
                (SELECT count(*) FROM organization_policy_settings WHERE organization_id = $1) AS settings, (SELECT count(*) FROM spending_alerts WHERE organization_id = $1) AS alerts`,
        [orgId(alpha), localIdOf(personal.id, 'Team')],
      );
    const [auditBefore, rowsBefore] = [await auditOf(), await rowsOf()];
    const schema = buildOrgraphSchema();
    const targets = [alpha.id, alphaTeam.id, alpha.rootTeamId, personal.id];
    let probed = 0;
    const succeeded: string[] = [];
    for (const op of rootOperations(schema).filter((candidate) => candidate.kind === 'mutation')) {
      // Only operations that name something can aim at alpha (logout would end this very session).
      if (!JSON.stringify(op.field.args.map((arg) => plausibleValue(arg.type, '@@ID@@', arg.name))).includes('@@ID@@')) continue;
      for (const target of targets) {
        const variables = Object.fromEntries(op.field.args.map((arg) => [arg.name, plausibleValue(arg.type, target, arg.name)]));
        const response = await app.gql(documentFor(schema, op, 0), variables, betaSso);
        probed++;
        const payload = response.body.data?.[op.field.name];
        const refusedHere = Boolean(response.body.errors?.length) || payload === null || (payload && Array.isArray(payload.userErrors) && payload.userErrors.length > 0);
        if (!refusedHere) succeeded.push(`${op.field.name} on ${target}: ${JSON.stringify(response.body)}`);
      }
    }
    expect(probed).toBeGreaterThan(40);
    expect(succeeded).toEqual([]);
    expect(await auditOf()).toBe(auditBefore);
    expect(await rowsOf()).toEqual(rowsBefore);
  });

  it('cannot create organizations, accept the other organization’s invites, read its usage or use the REST routes', async () => {
    const created = await app.gql(`mutation { createOrganization(input: { slug: "${unique('sso-made')}", name: "Made by SSO" }) { organization { id } userErrors { code } } }`, {}, betaSso);
    expect(created.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SSO_SESSION_SCOPE' });

    const invited = await signUp(app, { email: `${unique('guest')}@beta.test` });
    await proveMailbox(app, invited);
    await app.data(CREATE_INVITE, { input: { organizationId: alpha.id, email: invited.email, organizationRole: 'ADMIN' } }, { token: dual.token });
    const token = await latestInviteToken(app, invited.email);
    const guestSso = { token: (await app.server.services.users.createSession(app.db.manager, (await app.db.query(`SELECT * FROM users WHERE id = $1`, [userId(invited)]))[0], 'SSO', orgId(beta))).token };
    const accepted = await app.data(`mutation($input: AcceptInviteInput!) { acceptInvite(input: $input) { invite { id } userErrors { code } } }`, { input: { token } }, guestSso);
    expect(accepted.acceptInvite).toEqual({ invite: null, userErrors: [{ code: 'SSO_SESSION_SCOPE' }] });

    const usage = await app.gql(`query($s: String!) { organizationUsage(organizationSlug: $s, expand: [SUMMARY]) { summary { cost } } }`, { s: alpha.slug }, betaSso);
    expect(usage.body.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    const checks = await app.data(`query($c: [ModelAccessCheckInput!]!) { checkModelAccess(checks: $c) { team { id } allowed error { code } } }`, { c: [{ teamId: alphaTeam.id, endpointId: 'fal-ai/flux/dev', surface: 'API' }] }, betaSso);
    expect(checks.checkModelAccess).toEqual([{ team: null, allowed: null, error: { code: 'TEAM_NOT_FOUND' } }]);

    for (const route of ['/v1/organization/usage', '/v1/organization/billing/focus?billing_month=2025-01']) {
      const response = await fetch(`${app.url}${route}`, { headers: { authorization: `Bearer ${(betaSso as { token: string }).token}` } });
      expect([route, response.status]).toEqual([route, 403]);
    }
  });
});

/** GET with a chosen Host header (fetch does not let a test spoof it; a browser's attacker can). */
function getWithHost(url: string, host: string): Promise<{ status: number; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { host } }, (response) => {
      response.resume();
      resolve({ status: response.statusCode!, location: response.headers.location });
    });
    request.on('error', reject);
  });
}

describe('the SSO redirect URI', () => {
  it('comes from PUBLIC_URL in production whatever the Host header says; only development derives it from the request', async () => {
    const owner = await signUp(app);
    const org = await createOrganization(app, owner);
    expect((await connect(org, owner.token)).userErrors).toEqual([]);
    const redirectUriOf = async (base: string) => {
      const started = await getWithHost(`${base}/auth/sso/${org.slug}/start`, 'evil.example');
      expect(started.status).toBe(302);
      return new URL(started.location!).searchParams.get('redirect_uri');
    };
    expect(await redirectUriOf(app.url)).toBe('http://evil.example/auth/sso/callback');

    // With PUBLIC_URL set, the real server sends it whatever the Host header says.
    const { startServer } = await import('../src/app/server');
    const { createLogger } = await import('../src/core/logger');
    const configured = await startServer({ db: app.db, config: { ...app.config, PUBLIC_URL: 'https://orgraph.example.com/' }, logger: createLogger('silent'), port: 0 });
    try {
      expect(await redirectUriOf(configured.url)).toBe('https://orgraph.example.com/auth/sso/callback');
    } finally {
      await configured.close();
    }
    // Production: always PUBLIC_URL, through the function that builds the router's URIs (a production server is not
    // started here: it is meant to refuse loopback identity providers, docs/security.md "Outbound requests").
    const { ssoCallbackUrl } = await import('../src/sso/sso.rest');
    const spoofed = { protocol: 'http', get: (name: string) => (name.toLowerCase() === 'host' ? 'evil.example' : undefined) } as never;
    expect(ssoCallbackUrl({ isProduction: true, PUBLIC_URL: 'https://orgraph.example.com/' })(spoofed)).toBe('https://orgraph.example.com/auth/sso/callback');
    expect(ssoCallbackUrl({ isProduction: false, PUBLIC_URL: undefined })(spoofed)).toBe('http://evil.example/auth/sso/callback');
    // The second lock: even handed a production config without PUBLIC_URL, the SSO routes are not built.
    expect(() => ssoCallbackUrl({ isProduction: true, PUBLIC_URL: undefined })).toThrow(/PUBLIC_URL/);
  });
});
