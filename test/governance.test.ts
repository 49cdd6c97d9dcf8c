import { startTestApp, TEST_INGEST_TOKEN, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, createTeam, signUp, unique, type SignedUpUser } from './support/factories';
import { addMember } from './support/people';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const UPDATE = `mutation($input: UpdateTeamGovernanceInput!) {
  updateTeamGovernance(input: $input) { governance { environment workload workloadCategory owner { email } escalationContact expectedMonthlySpend } userErrors { field code } }
}`;
const FINDINGS = `query($slug: String!) { organization(slug: $slug) {
  findings { kind severity message fix teams { username } apiKeys { keyId } users { email } }
  readiness { team { username } ready items { item ok missing } }
  suggestedStructure { structure explanation differences }
} }`;

interface Org {
  admin: SignedUpUser;
  slug: string;
  id: string;
}

async function organization(): Promise<Org> {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  return { admin, slug: org.slug, id: org.id };
}

async function govern(org: Org, teamId: string, fields: Record<string, unknown>) {
  const { updateTeamGovernance } = await app.data(UPDATE, { input: { teamId, ...fields } }, { token: org.admin.token });
  return updateTeamGovernance;
}

async function state(org: Org) {
  return (await app.data(FINDINGS, { slug: org.slug }, { token: org.admin.token })).organization;
}

const kinds = async (org: Org) => (await state(org)).findings.map((f: any) => f.kind);
const finding = async (org: Org, kind: string) => (await state(org)).findings.find((f: any) => f.kind === kind);

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id keyId } userErrors { code } } }`;
const REVOKE_KEY = `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { userErrors { code } } }`;

/** Creates a key through the API (team ADMIN); returns its global id, key id and full key. */
async function createKey(org: Org, teamId: string, ownerId: string | null = null) {
  const { createApiKey } = await app.data(CREATE_KEY, { input: { teamId, alias: unique('key'), scope: 'API', ownerId } }, { token: org.admin.token });
  expect(createApiKey.userErrors).toEqual([]);
  return { id: createApiKey.apiKey.id as string, keyId: createApiKey.apiKey.keyId as string, key: createApiKey.key as string };
}

async function revokeKey(org: Org, apiKeyId: string) {
  const { revokeApiKey } = await app.data(REVOKE_KEY, { input: { apiKeyId } }, { token: org.admin.token });
  expect(revokeApiKey.userErrors).toEqual([]);
}

describe('team governance metadata', () => {
  it('is edited by team admins, validated, and audited', async () => {
    const org = await organization();
    const team = await createTeam(app, org.admin, org.id);
    const updated = await govern(org, team.id, {
      environment: 'PRODUCTION',
      workload: 'Product photos for the storefront',
      workloadCategory: 'IMAGE_GENERATION',
      ownerId: org.admin.id,
      escalationContact: '@storefront-oncall',
      expectedMonthlySpend: '1250.50',
    });
    expect(updated).toEqual({
      governance: {
        environment: 'PRODUCTION',
        workload: 'Product photos for the storefront',
        workloadCategory: 'IMAGE_GENERATION',
        owner: { email: org.admin.email },
        escalationContact: '@storefront-oncall',
        expectedMonthlySpend: '1250.50',
      },
      userErrors: [],
    });
    const [event] = await app.db.query(`SELECT changes FROM audit_events WHERE action = 'team.governance.update' AND target_id = (SELECT id::text FROM teams WHERE username = $1)`, [team.username]);
    expect(event.changes.environment).toEqual({ before: null, after: 'PRODUCTION' });

    expect((await govern(org, team.id, { expectedMonthlySpend: '-5' })).userErrors).toEqual([{ field: ['input', 'expectedMonthlySpend'], code: 'INVALID' }]);
    expect((await govern(org, team.id, { escalationContact: 'call someone' })).userErrors).toEqual([{ field: ['input', 'escalationContact'], code: 'INVALID' }]);
    const stranger = await signUp(app);
    expect((await govern(org, team.id, { ownerId: stranger.id })).userErrors).toEqual([{ field: ['input', 'ownerId'], code: 'NOT_A_MEMBER' }]);

    // A team ADMIN who is no organization admin edits their own team's metadata; the audit names them.
    const teamAdmin = await addMember(app, org.admin, org.id, { teams: [{ teamId: team.id, role: 'ADMIN' }] });
    const byTeamAdmin = await app.data(UPDATE, { input: { teamId: team.id, workload: 'Storefront and catalog photos' } }, { token: teamAdmin.token });
    expect(byTeamAdmin.updateTeamGovernance).toMatchObject({ governance: { workload: 'Storefront and catalog photos', environment: 'PRODUCTION' }, userErrors: [] });
    const [byTeamAdminEvent] = await app.db.query(
      `SELECT actor_id, changes FROM audit_events WHERE action = 'team.governance.update' AND target_id = (SELECT id::text FROM teams WHERE username = $1) ORDER BY created_at DESC LIMIT 1`,
      [team.username],
    );
    expect(byTeamAdminEvent).toEqual({
      actor_id: Buffer.from(teamAdmin.id, 'base64url').toString('utf8').split(':')[1],
      changes: { workload: { before: 'Product photos for the storefront', after: 'Storefront and catalog photos' } },
    });
    const otherTeam = await createTeam(app, org.admin, org.id);
    const notTheirTeam = await app.gql(UPDATE, { input: { teamId: otherTeam.id, workload: 'x' } }, { token: teamAdmin.token });
    expect(notTheirTeam.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const developer = await addMember(app, org.admin, org.id, { teams: [{ teamId: team.id, role: 'DEVELOPER' }] });
    const denied = await app.gql(UPDATE, { input: { teamId: team.id, workload: 'x' } }, { token: developer.token });
    expect(denied.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TEAM_ADMIN_REQUIRED' });
    const outsider = await app.gql(UPDATE, { input: { teamId: team.id, workload: 'x' } }, { token: stranger.token });
    expect(outsider.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const findingsAsDeveloper = await app.gql(FINDINGS, { slug: org.slug }, { token: developer.token });
    expect(findingsAsDeveloper.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('findings: each appears with its condition and disappears once fixed', () => {
  it('production team without owner or escalation contact', async () => {
    const org = await organization();
    const team = await createTeam(app, org.admin, org.id);
    await govern(org, team.id, { environment: 'PRODUCTION' });
    const found = await finding(org, 'PRODUCTION_TEAM_WITHOUT_OWNER_OR_ESCALATION');
    expect(found).toMatchObject({ severity: 'HIGH', teams: [{ username: team.username }] });
    expect(found.message).toBe(`Production team "${team.username}" is missing an owner and an escalation contact.`);
    // Either one missing is enough.
    await govern(org, team.id, { ownerId: org.admin.id });
    expect((await finding(org, 'PRODUCTION_TEAM_WITHOUT_OWNER_OR_ESCALATION')).message).toMatch(/is missing an escalation contact\.$/);
    await govern(org, team.id, { escalationContact: 'oncall@example.com' });
    expect(await kinds(org)).not.toContain('PRODUCTION_TEAM_WITHOUT_OWNER_OR_ESCALATION');
    await govern(org, team.id, { ownerId: null });
    expect((await finding(org, 'PRODUCTION_TEAM_WITHOUT_OWNER_OR_ESCALATION')).message).toMatch(/is missing an owner\.$/);
    await govern(org, team.id, { ownerId: org.admin.id });
    expect(await kinds(org)).not.toContain('PRODUCTION_TEAM_WITHOUT_OWNER_OR_ESCALATION');
  });

  it('too many organization admins (from the minimum organization size)', async () => {
    const org = await organization();
    const extra = [await addMember(app, org.admin, org.id, { role: 'ADMIN' }), await addMember(app, org.admin, org.id, { role: 'ADMIN' }), await addMember(app, org.admin, org.id)];
    const found = (await state(org)).findings.find((f: any) => f.kind === 'TOO_MANY_ORGANIZATION_ADMINS');
    expect(found.message).toContain('3 of 4 members');
    expect(found.users.map((u: any) => u.email).sort()).toEqual([org.admin.email, extra[0].email, extra[1].email].sort());
    for (const admin of extra.slice(0, 2)) {
      await app.data(`mutation($input: UpdateMemberRoleInput!) { updateMemberRole(input: $input) { userErrors { code } } }`, { input: { memberId: admin.memberId, role: 'MEMBER' } }, { token: org.admin.token });
    }
    expect(await kinds(org)).not.toContain('TOO_MANY_ORGANIZATION_ADMINS');
  });

  it('API keys without an owner', async () => {
    const org = await organization();
    const team = await createTeam(app, org.admin, org.id);
    const shared = await createKey(org, team.id);
    const found = await finding(org, 'KEYS_WITHOUT_OWNER');
    expect(found).toMatchObject({ severity: 'MEDIUM', apiKeys: [{ keyId: shared.keyId }], teams: [{ username: team.username }] });
    const readinessItem = (await state(org)).readiness.find((r: any) => r.team.username === team.username).items.find((i: any) => i.item === 'KEY_OWNERS');
    expect(readinessItem).toEqual({ item: 'KEY_OWNERS', ok: false, missing: expect.stringContaining(shared.keyId) });
    // The fix the finding names: a key owned by the person using it, then the shared key revoked.
    await createKey(org, team.id, org.admin.id);
    await revokeKey(org, shared.id);
    expect(await kinds(org)).not.toContain('KEYS_WITHOUT_OWNER');
    expect((await state(org)).readiness.find((r: any) => r.team.username === team.username).items.find((i: any) => i.item === 'KEY_OWNERS').ok).toBe(true);
  });

  it('keys unused for 90 days (and only those)', async () => {
    const org = await organization();
    const team = await createTeam(app, org.admin, org.id);
    const key = await createKey(org, team.id, org.admin.id);
    expect(await kinds(org)).not.toContain('KEYS_UNUSED_90_DAYS');
    // Created 100 days ago and never used: unused, but younger than the 180-day rotation age.
    await app.db.query(`UPDATE api_keys SET created_at = now() - interval '100 days', last_used_at = NULL WHERE key_id = $1`, [key.keyId]);
    const found = await finding(org, 'KEYS_UNUSED_90_DAYS');
    expect(found).toMatchObject({ severity: 'LOW', apiKeys: [{ keyId: key.keyId }], teams: [{ username: team.username }] });
    expect(await kinds(org)).not.toContain('KEYS_NEVER_ROTATED');
    // Using the key (any authenticated call) clears it once its last use is recorded.
    expect((await app.data(`query($u: String!) { team(username: $u) { username } }`, { u: team.username }, { key: key.key })).team.username).toBe(team.username);
    await app.server.services.apiKeyAuthenticator.flushLastUsed();
    expect(await kinds(org)).not.toContain('KEYS_UNUSED_90_DAYS');
  });

  it('keys older than the rotation age (and only those)', async () => {
    const org = await organization();
    const team = await createTeam(app, org.admin, org.id);
    const old = await createKey(org, team.id, org.admin.id);
    // Created 200 days ago, used yesterday: in use, but never rotated.
    await app.db.query(`UPDATE api_keys SET created_at = now() - interval '200 days', last_used_at = now() - interval '1 day' WHERE key_id = $1`, [old.keyId]);
    const found = await finding(org, 'KEYS_NEVER_ROTATED');
    expect(found).toMatchObject({ severity: 'LOW', apiKeys: [{ keyId: old.keyId }] });
    expect(found.message).toContain('180 days');
    expect(await kinds(org)).not.toContain('KEYS_UNUSED_90_DAYS');
    // Rotation: a replacement key, then the old one revoked.
    await createKey(org, team.id, org.admin.id);
    await revokeKey(org, old.id);
    expect(await kinds(org)).not.toContain('KEYS_NEVER_ROTATED');
  });

  it('keys of archived teams are not reported (they no longer authenticate)', async () => {
    const org = await organization();
    const team = await createTeam(app, org.admin, org.id);
    const key = await createKey(org, team.id);
    await app.db.query(`UPDATE api_keys SET created_at = now() - interval '200 days' WHERE key_id = $1`, [key.keyId]);
    expect(await kinds(org)).toEqual(expect.arrayContaining(['KEYS_WITHOUT_OWNER', 'KEYS_UNUSED_90_DAYS', 'KEYS_NEVER_ROTATED']));
    await app.data(`mutation($input: ArchiveTeamInput!) { archiveTeam(input: $input) { userErrors { code } } }`, { input: { teamId: team.id } }, { token: org.admin.token });
    const after = await kinds(org);
    for (const kind of ['KEYS_WITHOUT_OWNER', 'KEYS_UNUSED_90_DAYS', 'KEYS_NEVER_ROTATED']) expect(after).not.toContain(kind);
  });

  it('development and production traffic in one team', async () => {
    const org = await organization();
    const team = await createTeam(app, org.admin, org.id);
    const devKey = await createApiKeyFor(app, team.username, 'API');
    const prodKey = await createApiKeyFor(app, team.username, 'API');
    const label = async (key: string, environment: string | null) => {
      const [row] = await app.db.query(`SELECT id FROM api_keys WHERE key_id = $1`, [key.split(':')[0]]);
      const { labelApiKeyEnvironment } = await app.data(
        `mutation($input: LabelApiKeyEnvironmentInput!) { labelApiKeyEnvironment(input: $input) { environment userErrors { code } } }`,
        { input: { apiKeyId: Buffer.from(`ApiKey:${row.id}`).toString('base64url'), environment } },
        { token: org.admin.token },
      );
      expect(labelApiKeyEnvironment.userErrors).toEqual([]);
    };
    await label(devKey, 'DEVELOPMENT');
    await label(prodKey, 'PRODUCTION');
    expect(await finding(org, 'MIXED_ENVIRONMENTS_IN_ONE_TEAM')).toMatchObject({ teams: [{ username: team.username }] });
    await label(devKey, null);
    expect(await kinds(org)).not.toContain('MIXED_ENVIRONMENTS_IN_ONE_TEAM');

    // A production team with a key labelled for development carries both too; relabelling the key fixes it.
    await govern(org, team.id, { environment: 'PRODUCTION' });
    await label(devKey, 'DEVELOPMENT');
    expect(await finding(org, 'MIXED_ENVIRONMENTS_IN_ONE_TEAM')).toMatchObject({ teams: [{ username: team.username }] });
    await label(devKey, 'PRODUCTION');
    expect(await kinds(org)).not.toContain('MIXED_ENVIRONMENTS_IN_ONE_TEAM');
  });

  it('spend on pace to exceed the expected monthly spend', async () => {
    const org = await organization();
    const team = await createTeam(app, org.admin, org.id);
    await govern(org, team.id, { expectedMonthlySpend: '10' });
    const now = new Date();
    const hourStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), now.getUTCHours()));
    await app.data(
      `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted } }`,
      { input: { records: [{ id: unique('spend'), timestamp: hourStart.toISOString(), teamUsername: team.username, product: 'COMPUTE', endpointId: 'compute/h100-8x', quantity: '100', unitPrice: '1' }] } },
      { bearer: TEST_INGEST_TOKEN },
    );
    const found = (await state(org)).findings.find((f: any) => f.kind === 'SPEND_ABOVE_EXPECTED');
    expect(found).toMatchObject({ teams: [{ username: team.username }] });
    await govern(org, team.id, { expectedMonthlySpend: '1000000' });
    expect(await kinds(org)).not.toContain('SPEND_ABOVE_EXPECTED');
  });

  it('teams without any owner', async () => {
    const org = await organization();
    const team = await createTeam(app, org.admin, org.id);
    const second = await createTeam(app, org.admin, org.id);
    const found = await finding(org, 'TEAMS_WITHOUT_OWNER');
    expect(found.teams.map((t: any) => t.username).sort()).toEqual([team.username, second.username].sort());
    await govern(org, team.id, { ownerId: org.admin.id });
    expect((await finding(org, 'TEAMS_WITHOUT_OWNER')).teams).toEqual([{ username: second.username }]);
    await govern(org, second.id, { ownerId: org.admin.id });
    expect(await kinds(org)).not.toContain('TEAMS_WITHOUT_OWNER');
  });
});

describe('readiness and suggested structure', () => {
  it('a fully documented team is ready; a bare one lists what is missing', async () => {
    const org = await organization();
    const ready = await createTeam(app, org.admin, org.id);
    const bare = await createTeam(app, org.admin, org.id);
    await govern(org, ready.id, { environment: 'PRODUCTION', workload: 'x', workloadCategory: 'LANGUAGE', ownerId: org.admin.id, escalationContact: '#oncall', expectedMonthlySpend: '5' });
    const { readiness } = await state(org);
    expect(readiness.find((r: any) => r.team.username === ready.username).ready).toBe(true);
    const bareItems = readiness.find((r: any) => r.team.username === bare.username);
    expect(bareItems.ready).toBe(false);
    expect(bareItems.items.filter((i: any) => !i.ok).map((i: any) => i.item)).toEqual(['OWNER', 'ESCALATION_CONTACT', 'ENVIRONMENT', 'WORKLOAD', 'EXPECTED_SPEND']);
    // Each missing item says what to do; items in place say nothing.
    for (const item of [...bareItems.items, ...readiness.find((r: any) => r.team.username === ready.username).items]) {
      if (item.ok) expect(item.missing).toBeNull();
      else expect(item.missing).toMatch(/\S{3,}/);
    }
    expect(bareItems.items.find((i: any) => i.item === 'ESCALATION_CONTACT').missing).toMatch(/escalation contact/i);
    // Filling one item in moves it, and only it, to ok.
    await govern(org, bare.id, { escalationContact: 'pagerduty:PXYZ12' });
    const after = (await state(org)).readiness.find((r: any) => r.team.username === bare.username);
    expect(after.items.filter((i: any) => !i.ok).map((i: any) => i.item)).toEqual(['OWNER', 'ENVIRONMENT', 'WORKLOAD', 'EXPECTED_SPEND']);
  });

  it('recognises each suggested structure', async () => {
    const structureOf = async (teams: Array<Record<string, unknown> & { name?: string }>) => {
      const org = await organization();
      for (const fields of teams) {
        const team = await createTeam(app, org.admin, org.id, unique((fields.name) ?? 'team'));
        const { name: _name, ...governance } = fields;
        if (Object.keys(governance).length) await govern(org, team.id, governance);
      }
      return (await state(org)).suggestedStructure;
    };
    expect((await structureOf([])).structure).toBe('UNDETERMINED');
    const environments = await structureOf([{ environment: 'DEVELOPMENT', workloadCategory: 'IMAGE_GENERATION' }, { environment: 'PRODUCTION', workloadCategory: 'IMAGE_GENERATION' }]);
    expect(environments).toEqual({
      structure: 'ONE_PRODUCT_WITH_ENVIRONMENTS',
      explanation: expect.stringContaining('IMAGE_GENERATION'),
      differences: ['No STAGING team.'],
    });
    const products = await structureOf([{ environment: 'DEVELOPMENT', workloadCategory: 'VIDEO_GENERATION' }, { environment: 'DEVELOPMENT', workloadCategory: 'LANGUAGE' }]);
    expect(products).toEqual({
      structure: 'MULTIPLE_PRODUCT_TEAMS',
      explanation: expect.stringMatching(/VIDEO_GENERATION.*LANGUAGE|LANGUAGE.*VIDEO_GENERATION/),
      differences: ['No team is marked PRODUCTION.'],
    });
    const agency = await structureOf([{ name: 'client-acme' }, { name: 'client-globex' }, { name: 'internal' }]);
    expect(agency.structure).toBe('AGENCY_PER_CLIENT');
    expect(agency.explanation).toMatch(/^2 of 3 teams are named for clients/);
    expect(agency.differences).toEqual([expect.stringMatching(/^Teams without environment or workload category/), expect.stringMatching(/^"internal-[0-9a-f]+" is not a client team\.$/)]);
    const security = await structureOf([{ name: 'restricted-health', workload: 'PII redaction' }, { name: 'marketing' }]);
    expect(security.structure).toBe('SECURITY_SENSITIVE_SPLIT');
    expect(security.explanation).toMatch(/restricted-health/);
    expect(security.differences.join(' ')).toMatch(/has no owner/);
  });

  it('findings, readiness and the structure hint of 200 teams cost the same SQL statements as of 3', async () => {
    const statementsFor = async (org: Org) => {
      const response = await app.gql(FINDINGS, { slug: org.slug }, { token: org.admin.token });
      expect(response.body.errors).toBeUndefined();
      return { statements: Number(response.headers.get('x-orgraph-sql-statements')), organization: response.body.data.organization };
    };
    /** `count` teams, half of them documented, each with one key (some unowned, old or labelled), inserted in bulk. */
    const populate = async (org: Org, count: number) => {
      const orgId = Buffer.from(org.id, 'base64url').toString('utf8').split(':')[1];
      const prefix = unique('bulk');
      await app.db.query(
        `INSERT INTO teams (organization_id, kind, username, name) SELECT $1, 'TEAM', $2 || '-' || i, 'Bulk ' || i FROM generate_series(1, $3::int) i`,
        [orgId, prefix, count],
      );
      await app.db.query(
        `INSERT INTO team_governance (team_id, organization_id, environment, workload_category, owner_id, escalation_contact, expected_monthly_spend)
         SELECT t.id, t.organization_id, CASE WHEN row_number() OVER (ORDER BY t.username) % 3 = 0 THEN 'DEVELOPMENT' ELSE 'PRODUCTION' END,
                'IMAGE_GENERATION', CASE WHEN row_number() OVER (ORDER BY t.username) % 4 = 0 THEN NULL ELSE u.id END, '#oncall', 10
           FROM teams t, users u WHERE t.username LIKE $1 || '-%' AND u.email = $2 AND t.id IN (
             SELECT id FROM teams WHERE username LIKE $1 || '-%' ORDER BY username LIMIT $3::int / 2)`,
        [prefix, org.admin.email, count],
      );
      await app.db.query(
        `INSERT INTO api_keys (key_id, team_id, organization_id, scope, alias, secret_hash, owner_id, created_at)
         SELECT 'bk_' || md5(t.id::text), t.id, t.organization_id, 'API', 'bulk key', '\\x00', CASE WHEN n % 2 = 0 THEN u.id END,
                now() - (n % 300) * interval '1 day'
           FROM (SELECT id, organization_id, row_number() OVER (ORDER BY username) AS n FROM teams WHERE username LIKE $1 || '-%') t, users u
          WHERE u.email = $2`,
        [prefix, org.admin.email],
      );
      await app.db.query(
        `INSERT INTO api_key_environments (api_key_id, environment) SELECT k.id, 'DEVELOPMENT' FROM api_keys k JOIN teams t ON t.id = k.team_id
          WHERE t.username LIKE $1 || '-%' AND right(k.key_id, 1) IN ('0', '1', '2')`,
        [prefix],
      );
    };
    const small = await organization();
    await populate(small, 3);
    const large = await organization();
    await populate(large, 200);

    const few = await statementsFor(small);
    const many = await statementsFor(large);
    // The answer really covers 200 teams and their keys …
    expect(many.organization.readiness).toHaveLength(200);
    const found = new Map(many.organization.findings.map((f: any) => [f.kind, f]));
    for (const kind of ['PRODUCTION_TEAM_WITHOUT_OWNER_OR_ESCALATION', 'KEYS_WITHOUT_OWNER', 'KEYS_UNUSED_90_DAYS', 'KEYS_NEVER_ROTATED', 'MIXED_ENVIRONMENTS_IN_ONE_TEAM', 'TEAMS_WITHOUT_OWNER']) {
      expect(found.has(kind)).toBe(true);
    }
    expect((found.get('KEYS_WITHOUT_OWNER') as any).apiKeys).toHaveLength(100);
    for (const f of many.organization.findings) {
      expect(f).toMatchObject({ severity: expect.stringMatching(/^(HIGH|MEDIUM|LOW)$/), message: expect.stringMatching(/\S/), fix: expect.stringMatching(/\S/) });
      expect(f.teams.length + f.apiKeys.length + f.users.length).toBeGreaterThan(0);
    }
    // … in the same statements as 3 teams.
    expect(many.statements).toBe(few.statements);
    expect(many.statements).toBeLessThanOrEqual(12);
  });
});

describe('configurable thresholds', () => {
  let tuned: TestApp;
  beforeAll(async () => {
    tuned = await startTestApp({
      GOVERNANCE_MAX_ADMIN_SHARE: '0.6',
      GOVERNANCE_MIN_MEMBERS_FOR_ADMIN_SHARE: '2',
      GOVERNANCE_KEY_ROTATION_DAYS: '30',
      GOVERNANCE_SPEND_PACE_FACTOR: '10000',
    });
  });
  afterAll(() => tuned.close());

  /** The same organization built on a server: 3 members (2 admins), a 45-day-old key, spend 10× the expected. */
  async function build(server: TestApp) {
    const admin = await signUp(server);
    const created = await createOrganization(server, admin);
    const org = { admin, slug: created.slug, id: created.id };
    const team = await createTeam(server, admin, org.id);
    await addMember(server, admin, org.id, { role: 'ADMIN' });
    await addMember(server, admin, org.id);
    const key = (await createApiKeyFor(server, team.username, 'API')).split(':')[0];
    await server.db.query(`UPDATE api_keys SET created_at = now() - interval '45 days', last_used_at = now() WHERE key_id = $1`, [key]);
    await server.data(UPDATE, { input: { teamId: team.id, expectedMonthlySpend: '10' } }, { token: admin.token });
    const now = new Date();
    const hourStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), now.getUTCHours()));
    await server.data(
      `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted } }`,
      { input: { records: [{ id: unique('spend'), timestamp: hourStart.toISOString(), teamUsername: team.username, product: 'COMPUTE', endpointId: 'compute/h100-8x', quantity: '100', unitPrice: '1' }] } },
      { bearer: TEST_INGEST_TOKEN },
    );
    const { organization } = await server.data(FINDINGS, { slug: org.slug }, { token: admin.token });
    return organization.findings.map((f: any) => f.kind);
  }

  it('admin share, minimum organization size, rotation age and spend pace factor come from configuration', async () => {
    // Defaults: 3 members are below the 4-member minimum, 45 days are below 180, 10× the expected is above 1.5×.
    const defaults = await build(app);
    expect(defaults).not.toContain('TOO_MANY_ORGANIZATION_ADMINS');
    expect(defaults).not.toContain('KEYS_NEVER_ROTATED');
    expect(defaults).toContain('SPEND_ABOVE_EXPECTED');
    // Tuned: from 2 members, 2 of 3 admins exceed 60%; 45 days exceed 30; nothing is 10,000× the expected.
    const configured = await build(tuned);
    expect(configured).toContain('TOO_MANY_ORGANIZATION_ADMINS');
    expect(configured).toContain('KEYS_NEVER_ROTATED');
    expect(configured).not.toContain('SPEND_ABOVE_EXPECTED');
  });
});
