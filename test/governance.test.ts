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
    const found = (await state(org)).findings.find((f: any) => f.kind === 'PRODUCTION_TEAM_WITHOUT_OWNER_OR_ESCALATION');
    expect(found).toMatchObject({ severity: 'HIGH', teams: [{ username: team.username }] });
    await govern(org, team.id, { ownerId: org.admin.id, escalationContact: 'oncall@example.com' });
    expect(await kinds(org)).not.toContain('PRODUCTION_TEAM_WITHOUT_OWNER_OR_ESCALATION');
  });

  it('too many organization admins (from the minimum organization size)', async () => {
    const org = await organization();
    const extra = [await addMember(app, org.admin, org.id, { role: 'ADMIN' }), await addMember(app, org.admin, org.id, { role: 'ADMIN' }), await addMember(app, org.admin, org.id)];
    const found = (await state(org)).findings.find((f: any) => f.kind === 'TOO_MANY_ORGANIZATION_ADMINS');
    expect(found.message).toContain('3 of 4 members');
    expect(found.users.map((u: any) => u.email).sort()).toEqual([org.admin.email, extra[0]!.email, extra[1]!.email].sort());
    for (const admin of extra.slice(0, 2)) {
      await app.data(`mutation($input: UpdateMemberRoleInput!) { updateMemberRole(input: $input) { userErrors { code } } }`, { input: { memberId: admin.memberId, role: 'MEMBER' } }, { token: org.admin.token });
    }
    expect(await kinds(org)).not.toContain('TOO_MANY_ORGANIZATION_ADMINS');
  });

  it('API keys without an owner', async () => {
    const org = await organization();
    const team = await createTeam(app, org.admin, org.id);
    const key = await createApiKeyFor(app, team.username, 'API');
    const found = (await state(org)).findings.find((f: any) => f.kind === 'KEYS_WITHOUT_OWNER');
    expect(found.apiKeys.map((k: any) => k.keyId)).toContain(key.split(':')[0]);
    const readinessItem = (await state(org)).readiness.find((r: any) => r.team.username === team.username).items.find((i: any) => i.item === 'KEY_OWNERS');
    expect(readinessItem.ok).toBe(false);
    // Every unowned key of the organization (including the root team's) gets an owner.
    await app.db.query(`UPDATE api_keys SET owner_id = (SELECT id FROM users WHERE email = $1) WHERE organization_id = (SELECT id FROM organizations WHERE slug = $2)`, [org.admin.email, org.slug]);
    expect(await kinds(org)).not.toContain('KEYS_WITHOUT_OWNER');
  });

  it('keys unused for 90 days and keys never rotated', async () => {
    const org = await organization();
    const team = await createTeam(app, org.admin, org.id);
    const key = (await createApiKeyFor(app, team.username, 'API')).split(':')[0]!;
    expect(await kinds(org)).not.toContain('KEYS_UNUSED_90_DAYS');
    await app.db.query(`UPDATE api_keys SET created_at = now() - interval '200 days', last_used_at = now() - interval '100 days' WHERE key_id = $1`, [key]);
    const found = await kinds(org);
    expect(found).toContain('KEYS_UNUSED_90_DAYS');
    expect(found).toContain('KEYS_NEVER_ROTATED');
    await app.db.query(`UPDATE api_keys SET revoked_at = now() WHERE key_id = $1`, [key]);
    const after = await kinds(org);
    expect(after).not.toContain('KEYS_UNUSED_90_DAYS');
    expect(after).not.toContain('KEYS_NEVER_ROTATED');
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
    expect(await kinds(org)).toContain('MIXED_ENVIRONMENTS_IN_ONE_TEAM');
    await label(devKey, null);
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
    expect(await kinds(org)).toContain('TEAMS_WITHOUT_OWNER');
    await govern(org, team.id, { ownerId: org.admin.id });
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
  });

  it('recognises each suggested structure', async () => {
    const structureOf = async (teams: Array<Record<string, unknown> & { name?: string }>) => {
      const org = await organization();
      for (const fields of teams) {
        const team = await createTeam(app, org.admin, org.id, unique((fields.name as string | undefined) ?? 'team'));
        const { name: _name, ...governance } = fields;
        if (Object.keys(governance).length) await govern(org, team.id, governance);
      }
      return (await state(org)).suggestedStructure;
    };
    expect((await structureOf([])).structure).toBe('UNDETERMINED');
    expect(
      (await structureOf([{ environment: 'DEVELOPMENT', workloadCategory: 'IMAGE_GENERATION' }, { environment: 'PRODUCTION', workloadCategory: 'IMAGE_GENERATION' }])).structure,
    ).toBe('ONE_PRODUCT_WITH_ENVIRONMENTS');
    const products = await structureOf([{ environment: 'PRODUCTION', workloadCategory: 'VIDEO_GENERATION' }, { environment: 'PRODUCTION', workloadCategory: 'LANGUAGE' }]);
    expect(products.structure).toBe('MULTIPLE_PRODUCT_TEAMS');
    expect((await structureOf([{ name: 'client-acme' }, { name: 'client-globex' }, { name: 'internal' }])).structure).toBe('AGENCY_PER_CLIENT');
    const security = await structureOf([{ name: 'restricted-health', workload: 'PII redaction' }, { name: 'marketing' }]);
    expect(security.structure).toBe('SECURITY_SENSITIVE_SPLIT');
    expect(security.differences.join(' ')).toMatch(/has no owner/);
  });

  it('costs a constant number of SQL statements whatever the number of teams', async () => {
    const statementsFor = async (org: Org) => {
      const response = await app.gql(FINDINGS, { slug: org.slug }, { token: org.admin.token });
      expect(response.body.errors).toBeUndefined();
      return Number(response.headers.get('x-orgraph-sql-statements'));
    };
    const small = await organization();
    for (let i = 0; i < 3; i++) {
      const team = await createTeam(app, small.admin, small.id);
      await createApiKeyFor(app, team.username, 'API');
    }
    const large = await organization();
    for (let i = 0; i < 40; i++) {
      const team = await createTeam(app, large.admin, large.id);
      await createApiKeyFor(app, team.username, 'API');
    }
    expect(await statementsFor(large)).toBe(await statementsFor(small));
  });
});
