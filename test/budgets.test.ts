import { startTestApp, TEST_INGEST_TOKEN, type TestApp } from './support/testApp';
import { createOrganization, createTeam, signUp, unique, type SignedUpUser } from './support/factories';
import { addMember, globalId, localId } from './support/people';
import { Team } from '../src/teams/team.entity';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ BUDGET_RESERVATION_TTL_SECONDS: '30' });
});
afterAll(() => app.close());

const SET_BUDGET = `mutation($input: SetBudgetInput!) { setBudget(input: $input) {
  budget { id scope period amount currency thresholds hard current { spend reserved remaining exhausted periodStart periodEnd } }
  signingSecret userErrors { field code message } } }`;
const SET_POLICY = `mutation($input: SetBudgetPolicyInput!) { setBudgetPolicy(input: $input) { policy { scope period defaultAmount maxAmount locked } userErrors { field code message } } }`;
const EFFECTIVE = `query($subject: BudgetSubjectInput!) { effectiveBudgets(subject: $subject) {
  key scope period amount hard source capped reason budget { id } current { spend reserved remaining exhausted } } }`;
const RESERVE = `mutation($input: ReserveSpendInput!) { reserveSpend(input: $input) {
  reserved reservation { requestId amount expiresAt } refusedBy { key scope reason current { remaining } }
  budgets { key scope current { spend reserved remaining } } userErrors { field code message } } }`;
const INGEST = `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted rejected { index code message } } }`;
const CHECK = `query($checks: [ModelAccessCheckInput!]!) { checkModelAccess(checks: $checks) {
  allowed access { decision reasonCode reason level } error { code } budgets { key scope amount hard current { spend reserved remaining exhausted } } } }`;

interface Org {
  admin: SignedUpUser;
  id: string;
  slug: string;
  team: { id: string; username: string };
}

async function organization(): Promise<Org> {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const team = await createTeam(app, admin, org.id);
  return { admin, id: org.id, slug: org.slug, team };
}

/** A key on the team, optionally owned by a user; returns its public key id and global id. */
async function key(org: Org, ownerGlobalId: string | null = null): Promise<{ keyId: string; id: string; uuid: string }> {
  const team = await app.db.getRepository(Team).findOneByOrFail({ id: localId(org.team.id) });
  const { apiKey } = await app.server.services.apiKeys.create(
    { actor: { kind: 'OPERATOR' }, requestId: 'test', ip: null },
    team,
    { alias: unique('k'), scope: 'API' as never, ownerId: ownerGlobalId ? localId(ownerGlobalId) : null },
  );
  return { keyId: apiKey.keyId, id: globalId('ApiKey', apiKey.id), uuid: apiKey.id };
}

async function setBudget(org: Org, input: Record<string, unknown>, token = org.admin.token) {
  return (await app.data(SET_BUDGET, { input }, { token })).setBudget;
}

async function ingest(records: Array<Record<string, unknown>>) {
  const { ingestUsage } = await app.data(INGEST, { input: { records } }, { bearer: TEST_INGEST_TOKEN });
  expect(ingestUsage.rejected).toEqual([]);
  // Settlement and thresholds run on the queued evaluation: run it before looking.
  await app.drainEvaluations();
  return ingestUsage;
}

const usage = (org: Org, cost: string, options: { keyId?: string; at?: string; id?: string } = {}) => ({
  id: options.id ?? unique('u'),
  timestamp: options.at ?? new Date().toISOString(),
  teamUsername: org.team.username,
  product: 'MODEL_APIS',
  endpointId: 'fal-ai/flux/dev',
  quantity: '1',
  unitPrice: cost,
  ...(options.keyId ? { auth: { kind: 'API_KEY', keyId: options.keyId } } : {}),
});

describe('budgets: model and CRUD', () => {
  it('sets budgets on an organization, team, member and key, audited, with clear refusals', async () => {
    const org = await organization();
    const member = await addMember(app, org.admin, org.id, { teams: [{ teamId: org.team.id, role: 'DEVELOPER' }] });
    const k = await key(org);
    const before = new Date();
    const orgBudget = await setBudget(org, { subject: { organizationId: org.id, scope: 'ORGANIZATION' }, period: 'MONTH', amount: '1000.50', thresholds: [100, 50, 80, 50], hard: true });
    expect(orgBudget.userErrors).toEqual([]);
    expect(orgBudget.budget).toMatchObject({ scope: 'ORGANIZATION', period: 'MONTH', amount: '1000.5', currency: 'USD', thresholds: [50, 80, 100], hard: true });
    expect(orgBudget.budget.current).toMatchObject({ spend: '0', reserved: '0', remaining: '1000.5', exhausted: false });
    expect(orgBudget.signingSecret).toMatch(/^whsec_/);
    const teamBudget = await setBudget(org, { subject: { organizationId: org.id, scope: 'TEAM', teamId: org.team.id }, period: 'DAY', amount: '20' });
    expect(teamBudget.userErrors).toEqual([]);
    const memberBudget = await setBudget(org, { subject: { organizationId: org.id, scope: 'MEMBER', memberId: member.memberId, teamId: org.team.id }, period: 'WEEK', amount: '5' });
    expect(memberBudget.userErrors).toEqual([]);
    const keyBudget = await setBudget(org, { subject: { organizationId: org.id, scope: 'API_KEY', apiKeyId: k.id }, period: 'LIFETIME', amount: '3' });
    expect(keyBudget.userErrors).toEqual([]);
    expect(keyBudget.budget.current).toMatchObject({ periodStart: null, periodEnd: null });

    // Replacing keeps one budget per subject and period.
    const replaced = await setBudget(org, { subject: { organizationId: org.id, scope: 'TEAM', teamId: org.team.id }, period: 'DAY', amount: '25' });
    expect(replaced.budget.id).toBe(teamBudget.budget.id);

    const audit = await app.db.query(`SELECT action, changes FROM audit_events WHERE organization_id = $1 AND created_at >= $2 AND action LIKE 'budget.%' ORDER BY created_at`, [localId(org.id), before]);
    expect(audit.map((e: any) => e.action)).toEqual(['budget.create', 'budget.create', 'budget.create', 'budget.create', 'budget.update']);
    expect(audit[4].changes).toEqual({ amount: { before: '20', after: '25' } });

    const refusals: Array<[Record<string, unknown>, string]> = [
      [{ amount: '-5' }, 'INVALID_AMOUNT'],
      [{ amount: '0' }, 'INVALID_AMOUNT'],
      [{ amount: '1000000000.01' }, 'AMOUNT_TOO_LARGE'],
      [{ amount: '10', currency: 'EUR' }, 'UNSUPPORTED_CURRENCY'],
      [{ amount: '10', thresholds: [0] }, 'INVALID_THRESHOLDS'],
      [{ amount: '10', webhookUrl: 'ftp://x' }, 'INVALID_URL'],
    ];
    for (const [input, code] of refusals) {
      const result = await setBudget(org, { subject: { organizationId: org.id, scope: 'TEAM', teamId: org.team.id }, period: 'MONTH', ...input });
      expect(result.userErrors.map((e: any) => e.code)).toEqual([code]);
      expect(result.userErrors[0].message.length).toBeGreaterThan(10);
    }
    // A subject that does not fit the scope is a bad input, naming the field.
    const wrong = await app.gql(SET_BUDGET, { input: { subject: { organizationId: org.id, scope: 'TEAM' }, period: 'DAY', amount: '1' } }, { token: org.admin.token });
    expect(wrong.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const otherTeam = await createTeam(app, org.admin, org.id);
    const notInTeam = await app.gql(SET_BUDGET, { input: { subject: { organizationId: org.id, scope: 'MEMBER', memberId: member.memberId, teamId: otherTeam.id }, period: 'DAY', amount: '1' } }, { token: org.admin.token });
    expect(notInTeam.body.errors?.[0]).toMatchObject({ message: 'The member does not belong to this team.', extensions: { code: 'BAD_USER_INPUT' } });
    // Another organization's admin cannot see or touch any of it.
    const other = await organization();
    const foreign = await app.gql(SET_BUDGET, { input: { subject: { organizationId: org.id, scope: 'TEAM', teamId: org.team.id }, period: 'DAY', amount: '1' } }, { token: other.admin.token });
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const foreignKey = await app.gql(SET_BUDGET, { input: { subject: { organizationId: other.id, scope: 'API_KEY', apiKeyId: k.id }, period: 'DAY', amount: '1' } }, { token: other.admin.token });
    expect(foreignKey.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const node = await app.data(`query($id: ID!) { node(id: $id) { id ... on Budget { amount } } }`, { id: teamBudget.budget.id }, { token: other.admin.token });
    expect(node.node).toBeNull();
    const own = await app.data(`query($id: ID!) { node(id: $id) { id ... on Budget { amount team { username } } } }`, { id: teamBudget.budget.id }, { token: org.admin.token });
    expect(own.node).toEqual({ id: teamBudget.budget.id, amount: '25', team: { username: org.team.username } });
    // Deleting: audited, and the budget is gone for good.
    const deleted = await app.data(`mutation($input: DeleteBudgetInput!) { deleteBudget(input: $input) { deletedBudgetId userErrors { code } } }`, { input: { budgetId: memberBudget.budget.id } }, { token: org.admin.token });
    expect(deleted.deleteBudget).toEqual({ deletedBudgetId: memberBudget.budget.id, userErrors: [] });
    const [deletion] = await app.db.query(`SELECT changes FROM audit_events WHERE action = 'budget.delete' AND target_id = $1`, [localId(memberBudget.budget.id)]);
    expect(deletion.changes.amount).toEqual({ before: '5', after: null });
    const again = await app.gql(`mutation($input: DeleteBudgetInput!) { deleteBudget(input: $input) { deletedBudgetId } }`, { input: { budgetId: memberBudget.budget.id } }, { token: org.admin.token });
    expect(again.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // A plain member is not an admin of the organization.
    const byMember = await app.gql(SET_BUDGET, { input: { subject: { organizationId: org.id, scope: 'ORGANIZATION' }, period: 'DAY', amount: '1' } }, { token: member.token });
    expect(byMember.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('inherits organization defaults and locked maxima, with provenance', async () => {
    const org = await organization();
    const member = await addMember(app, org.admin, org.id, { teams: [{ teamId: org.team.id, role: 'DEVELOPER' }] });
    const policy = await app.data(SET_POLICY, { input: { organizationId: org.id, scope: 'TEAM', period: 'MONTH', defaultAmount: '100', maxAmount: '500', hard: true } }, { token: org.admin.token });
    expect(policy.setBudgetPolicy).toEqual({ policy: { scope: 'TEAM', period: 'MONTH', defaultAmount: '100', maxAmount: '500', locked: false }, userErrors: [] });
    const teamSubject = { organizationId: org.id, scope: 'TEAM', teamId: org.team.id };
    let effective = (await app.data(EFFECTIVE, { subject: teamSubject }, { token: org.admin.token })).effectiveBudgets;
    expect(effective).toEqual([expect.objectContaining({ period: 'MONTH', amount: '100', hard: true, source: 'ORGANIZATION_DEFAULT', capped: false, budget: null })]);
    expect(effective[0].reason).toMatch(/default/);

    // Unlocked: a team may go above the maximum; its own budget wins.
    const own = await setBudget(org, { subject: teamSubject, period: 'MONTH', amount: '800' });
    expect(own.userErrors).toEqual([]);
    effective = (await app.data(EFFECTIVE, { subject: teamSubject }, { token: org.admin.token })).effectiveBudgets;
    expect(effective[0]).toMatchObject({ amount: '800', source: 'OWN', capped: false, budget: { id: own.budget.id } });

    // Locked: the older budget is capped at the maximum, and new ones above it are refused.
    await app.data(SET_POLICY, { input: { organizationId: org.id, scope: 'TEAM', period: 'MONTH', defaultAmount: '100', maxAmount: '500', locked: true, hard: true } }, { token: org.admin.token });
    effective = (await app.data(EFFECTIVE, { subject: teamSubject }, { token: org.admin.token })).effectiveBudgets;
    expect(effective[0]).toMatchObject({ amount: '500', source: 'OWN', capped: true });
    expect(effective[0].reason).toMatch(/locked maximum of 500/);
    const above = await setBudget(org, { subject: teamSubject, period: 'MONTH', amount: '500.01' });
    expect(above.userErrors).toEqual([expect.objectContaining({ code: 'ABOVE_LOCKED_MAXIMUM', field: ['input', 'amount'] })]);

    // Member budgets: above a locked member maximum refused, within a team or organization-wide.
    await app.data(SET_POLICY, { input: { organizationId: org.id, scope: 'MEMBER', period: 'DAY', maxAmount: '10', locked: true } }, { token: org.admin.token });
    for (const teamId of [org.team.id, null]) {
      const refused = await setBudget(org, { subject: { organizationId: org.id, scope: 'MEMBER', memberId: member.memberId, teamId }, period: 'DAY', amount: '11' });
      expect(refused.userErrors.map((e: any) => e.code)).toEqual(['ABOVE_LOCKED_MAXIMUM']);
    }
    const fine = await setBudget(org, { subject: { organizationId: org.id, scope: 'MEMBER', memberId: member.memberId }, period: 'DAY', amount: '10' });
    expect(fine.userErrors).toEqual([]);
    const policies = await app.data(`query($slug: String!) { organization(slug: $slug) { budgetPolicies { scope period defaultAmount maxAmount locked hard } } }`, { slug: org.slug }, { token: org.admin.token });
    expect(policies.organization.budgetPolicies).toEqual([
      { scope: 'MEMBER', period: 'DAY', defaultAmount: null, maxAmount: '10', locked: true, hard: false },
      { scope: 'TEAM', period: 'MONTH', defaultAmount: '100', maxAmount: '500', locked: true, hard: true },
    ]);
    const badPolicy = await app.data(SET_POLICY, { input: { organizationId: org.id, scope: 'API_KEY', period: 'DAY', defaultAmount: '20', maxAmount: '10' } }, { token: org.admin.token });
    expect(badPolicy.setBudgetPolicy.userErrors.map((e: any) => e.code)).toEqual(['DEFAULT_ABOVE_MAXIMUM']);

    // Archived teams take no budget.
    await app.data(`mutation($input: ArchiveTeamInput!) { archiveTeam(input: $input) { userErrors { code } } }`, { input: { teamId: org.team.id } }, { token: org.admin.token });
    const archived = await setBudget(org, { subject: teamSubject, period: 'DAY', amount: '1' });
    expect(archived.userErrors.map((e: any) => e.code)).toEqual(['TEAM_ARCHIVED']);
  });
});

describe('spend and periods', () => {
  it('counts ingested usage exactly, late records in the period of their timestamp, per key, member and team', async () => {
    const org = await organization();
    const member = await addMember(app, org.admin, org.id, { teams: [{ teamId: org.team.id, role: 'DEVELOPER' }] });
    const owned = await key(org, member.id);
    const unowned = await key(org);
    await setBudget(org, { subject: { organizationId: org.id, scope: 'TEAM', teamId: org.team.id }, period: 'DAY', amount: '1' });
    const keyBudget = await setBudget(org, { subject: { organizationId: org.id, scope: 'API_KEY', apiKeyId: owned.id }, period: 'MONTH', amount: '1' });
    await setBudget(org, { subject: { organizationId: org.id, scope: 'MEMBER', memberId: member.memberId }, period: 'LIFETIME', amount: '1' });
    const lastYear = new Date(Date.now() - 400 * 86400_000).toISOString();
    await ingest([
      usage(org, '0.1', { keyId: owned.keyId }),
      usage(org, '0.2', { keyId: owned.keyId }),
      usage(org, '0.000000000001', { keyId: unowned.keyId }),
      usage(org, '0.3', { keyId: owned.keyId, at: lastYear }),
    ]);
    const effective = (subject: Record<string, unknown>) => app.data(EFFECTIVE, { subject: { organizationId: org.id, ...subject } }, { token: org.admin.token }).then((d) => d.effectiveBudgets);
    expect((await effective({ scope: 'TEAM', teamId: org.team.id }))[0].current).toMatchObject({ spend: '0.300000000001', remaining: '0.699999999999' });
    expect((await effective({ scope: 'API_KEY', apiKeyId: owned.id }))[0].current).toMatchObject({ spend: '0.3', remaining: '0.7' });
    expect((await effective({ scope: 'MEMBER', memberId: member.memberId }))[0].current).toMatchObject({ spend: '0.6', remaining: '0.4' });
    // A late record for this month arrives: it counts at once.
    await ingest([usage(org, '0.05', { keyId: owned.keyId, at: new Date(Date.now() - 60_000).toISOString() })]);
    expect((await effective({ scope: 'API_KEY', apiKeyId: owned.id }))[0].current.spend).toBe('0.35');

    // History: periods before the current one since the budget existed (backdate it to see two past months).
    await app.db.query(`UPDATE budgets SET created_at = now() - interval '70 days' WHERE id = $1`, [localId(keyBudget.budget.id)]);
    const history = await app.data(`query($id: ID!) { node(id: $id) { ... on Budget { history(first: 2) { totalCount edges { node { periodStart periodEnd spend } } pageInfo { hasNextPage } } } } }`, { id: keyBudget.budget.id }, { token: org.admin.token });
    expect(history.node.history.edges).toHaveLength(2);
    expect(history.node.history.totalCount).toBeGreaterThanOrEqual(2);
    const [latest] = history.node.history.edges;
    expect(new Date(latest.node.periodEnd).getUTCDate()).toBe(1);
  });

  it('lists every budget of an organization with its figures in a constant number of SQL statements', async () => {
    const org = await organization();
    const listing = `query($slug: String!) { organization(slug: $slug) { budgets(first: 100) { totalCount edges { node { id scope amount team { username } apiKey { alias } current { spend reserved remaining } } } } } }`;
    await setBudget(org, { subject: { organizationId: org.id, scope: 'TEAM', teamId: org.team.id }, period: 'DAY', amount: '1' });
    const firstKey = await key(org);
    await setBudget(org, { subject: { organizationId: org.id, scope: 'API_KEY', apiKeyId: firstKey.id }, period: 'DAY', amount: '1' });
    const few = await app.gql(listing, { slug: org.slug }, { token: org.admin.token });
    for (let i = 0; i < 12; i += 1) {
      const k = await key(org);
      await setBudget(org, { subject: { organizationId: org.id, scope: 'API_KEY', apiKeyId: k.id }, period: i % 2 ? 'DAY' : 'MONTH', amount: String(i + 1) });
    }
    const many = await app.gql(listing, { slug: org.slug }, { token: org.admin.token });
    expect(many.body.errors).toBeUndefined();
    expect(many.body.data.organization.budgets.totalCount).toBe(14);
    expect(Number(many.headers.get('x-orgraph-sql-statements'))).toBe(Number(few.headers.get('x-orgraph-sql-statements')));
  });
});

describe('time zones', () => {
  it('periods follow the organization zone; a zone change takes effect from the next period', async () => {
    const org = await organization();
    const budget = await setBudget(org, { subject: { organizationId: org.id, scope: 'TEAM', teamId: org.team.id }, period: 'DAY', amount: '10' });
    const service = app.server.services.budgets;
    const realNow = service.now;
    try {
      const at = Date.parse('2031-03-09T15:00:00Z'); // New York: 10:00 (EST → EDT at 02:00 that day)
      service.now = () => new Date(at);
      const current = async () => (await app.data(`query($id: ID!) { node(id: $id) { ... on Budget { current { periodStart periodEnd } } } }`, { id: budget.budget.id }, { token: org.admin.token })).node.current;
      expect(await current()).toEqual({ periodStart: '2031-03-09T00:00:00.000Z', periodEnd: '2031-03-10T00:00:00.000Z' });
      // The zone is changed now; it was UTC before. The current UTC day keeps its bounds.
      await app.db.query(`INSERT INTO organization_billing (organization_id, timezone) VALUES ($1, 'America/New_York')`, [localId(org.id)]);
      await app.db.query(`UPDATE budget_zone_history SET changed_at = $2 WHERE organization_id = $1`, [localId(org.id), new Date(at)]);
      expect(await current()).toEqual({ periodStart: '2031-03-09T00:00:00.000Z', periodEnd: '2031-03-10T00:00:00.000Z' });
      // After the UTC midnight: from there to the next New York midnight, then New York days (23 h on the DST day).
      service.now = () => new Date(Date.parse('2031-03-10T02:00:00Z'));
      expect(await current()).toEqual({ periodStart: '2031-03-10T00:00:00.000Z', periodEnd: '2031-03-10T04:00:00.000Z' });
      service.now = () => new Date(Date.parse('2031-03-10T12:00:00Z'));
      expect(await current()).toEqual({ periodStart: '2031-03-10T04:00:00.000Z', periodEnd: '2031-03-11T04:00:00.000Z' });
      // The zone set through the API is recorded by the history trigger with the instant of the change.
      await app.data(`mutation($input: UpdateBillingSettingsInput!) { updateBillingSettings(input: $input) { userErrors { code } } }`, { input: { organizationId: org.id, timezone: 'Asia/Kathmandu' } }, { token: org.admin.token });
      const [recorded] = await app.db.query(`SELECT extract(epoch FROM now() - changed_at) AS age FROM budget_zone_history WHERE organization_id = $1 AND timezone = 'Asia/Kathmandu'`, [localId(org.id)]);
      expect(Number(recorded.age)).toBeLessThan(60);
    } finally {
      service.now = realNow;
    }
  });
});

describe('hard budgets and reservations', () => {
  it('checkModelAccess denies with BUDGET_EXHAUSTED naming the budget, and reports every applying budget', async () => {
    const org = await organization();
    const member = await addMember(app, org.admin, org.id, { teams: [{ teamId: org.team.id, role: 'DEVELOPER' }] });
    const k = await key(org, member.id);
    const other = await key(org);
    await setBudget(org, { subject: { organizationId: org.id, scope: 'TEAM', teamId: org.team.id }, period: 'MONTH', amount: '100' });
    await setBudget(org, { subject: { organizationId: org.id, scope: 'MEMBER', memberId: member.memberId }, period: 'DAY', amount: '50' });
    await setBudget(org, { subject: { organizationId: org.id, scope: 'API_KEY', apiKeyId: k.id }, period: 'DAY', amount: '1', hard: true });
    const check = (keyId: string) => ({ teamUsername: org.team.username, endpointId: 'fal-ai/flux/dev', surface: 'API', keyId });
    let [first, second] = (await app.data(CHECK, { checks: [check(k.keyId), check(other.keyId)] }, { bearer: TEST_INGEST_TOKEN })).checkModelAccess;
    expect(first.allowed).toBe(true);
    expect(first.budgets.map((b: any) => b.scope).sort()).toEqual(['API_KEY', 'MEMBER', 'TEAM']);
    expect(second.budgets.map((b: any) => b.scope)).toEqual(['TEAM']);
    await ingest([usage(org, '1', { keyId: k.keyId })]);
    [first, second] = (await app.data(CHECK, { checks: [check(k.keyId), check(other.keyId)] }, { bearer: TEST_INGEST_TOKEN })).checkModelAccess;
    expect(first.allowed).toBe(false);
    expect(first.access).toMatchObject({ decision: 'BLOCKED', reasonCode: 'BUDGET_EXHAUSTED', level: 'TEAM' });
    expect(first.access.reason).toContain(`API_KEY:${k.uuid}:DAY`);
    expect(first.budgets.find((b: any) => b.scope === 'API_KEY').current).toMatchObject({ spend: '1', remaining: '0', exhausted: true });
    expect(first.budgets.find((b: any) => b.scope === 'TEAM').current).toMatchObject({ spend: '1', remaining: '99' });
    expect(second.allowed).toBe(true);
    const unknown = (await app.data(CHECK, { checks: [check('nope')] }, { bearer: TEST_INGEST_TOKEN })).checkModelAccess[0];
    expect(unknown.error).toEqual({ code: 'UNKNOWN_API_KEY' });

    // Playground calls name the person: their member budgets apply, counting their LOGIN usage and their keys'.
    await setBudget(org, { subject: { organizationId: org.id, scope: 'MEMBER', memberId: member.memberId }, period: 'DAY', amount: '3', hard: true });
    const playground = { teamUsername: org.team.username, endpointId: 'fal-ai/flux/dev', surface: 'PLAYGROUND', userId: member.id };
    let [asPerson] = (await app.data(CHECK, { checks: [playground] }, { bearer: TEST_INGEST_TOKEN })).checkModelAccess;
    expect(asPerson.budgets.find((b: any) => b.scope === 'MEMBER').current).toMatchObject({ spend: '1', remaining: '2' });
    await ingest([{ ...usage(org, '2'), auth: { kind: 'LOGIN', userId: member.id } }]);
    [asPerson] = (await app.data(CHECK, { checks: [playground] }, { bearer: TEST_INGEST_TOKEN })).checkModelAccess;
    expect(asPerson.access).toMatchObject({ decision: 'BLOCKED', reasonCode: 'BUDGET_EXHAUSTED' });
    expect(asPerson.access.reason).toContain('member budget');
  });

  it('reserves atomically: of 50 concurrent reservations against room for 10, exactly 10 succeed', async () => {
    const org = await organization();
    const k = await key(org);
    await setBudget(org, { subject: { organizationId: org.id, scope: 'TEAM', teamId: org.team.id }, period: 'DAY', amount: '10', hard: true });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => app.data(RESERVE, { input: { keyId: k.keyId, estimatedCost: '1', requestId: `r-${i}` } }, { bearer: TEST_INGEST_TOKEN }).then((d) => d.reserveSpend)),
    );
    expect(results.filter((r) => r.reserved)).toHaveLength(10);
    const refused = results.filter((r) => !r.reserved);
    expect(refused).toHaveLength(40);
    expect(refused[0].refusedBy).toMatchObject({ scope: 'TEAM', key: `TEAM:${localId(org.team.id)}:DAY` });
    const [held] = await app.db.query(`SELECT sum(amount)::text AS s, count(*)::int AS n FROM budget_reservations WHERE organization_id = $1`, [localId(org.id)]);
    expect(held).toEqual({ s: '10', n: 10 });
  });

  it('settles with the usage record of the same request id (releasing the difference), and expires unsettled holds', async () => {
    const org = await organization();
    const k = await key(org);
    await setBudget(org, { subject: { organizationId: org.id, scope: 'API_KEY', apiKeyId: k.id }, period: 'MONTH', amount: '5', hard: true });
    const reserve = (requestId: string, estimatedCost: string) => app.data(RESERVE, { input: { keyId: k.keyId, estimatedCost, requestId } }, { bearer: TEST_INGEST_TOKEN }).then((d) => d.reserveSpend);
    const a = await reserve('req-a', '3');
    expect(a.reserved).toBe(true);
    expect(a.budgets[0].current).toEqual({ spend: '0', reserved: '3', remaining: '2' });
    expect((await reserve('req-a', '3')).budgets[0].current.reserved).toBe('3'); // idempotent per request id
    const b = await reserve('req-b', '2.5');
    expect(b.reserved).toBe(false);
    expect(b.refusedBy.reason).toMatch(/api key budget/);
    await ingest([usage(org, '1.25', { keyId: k.keyId, id: 'req-a' })]);
    const [settled] = await app.db.query(`SELECT settled_at FROM budget_reservations WHERE request_id = 'req-a' AND organization_id = $1`, [localId(org.id)]);
    expect(settled.settled_at).not.toBeNull();
    const c = await reserve('req-c', '2.5');
    expect(c.reserved).toBe(true);
    expect(c.budgets[0].current).toEqual({ spend: '1.25', reserved: '2.5', remaining: '1.25' });
    // Unsettled: the hold lapses after the configured time (30 s here; the clock is moved past it in the table).
    expect(Date.parse(c.reservation.expiresAt) - Date.now()).toBeGreaterThan(25_000);
    expect(Date.parse(c.reservation.expiresAt) - Date.now()).toBeLessThanOrEqual(30_000);
    await app.db.query(`UPDATE budget_reservations SET expires_at = now() - interval '1 second' WHERE request_id = 'req-c' AND organization_id = $1`, [localId(org.id)]);
    const d = await reserve('req-d', '3.75');
    expect(d.reserved).toBe(true);
    expect(d.budgets[0].current).toEqual({ spend: '1.25', reserved: '3.75', remaining: '0' });
    // The next ingest of the organization ends the expired hold (stamped with its expiry); the open one stays open.
    await ingest([usage(org, '0.01')]);
    const ended = await app.db.query(`SELECT request_id, settled_at = expires_at AS at_expiry, settled_at IS NULL AS open FROM budget_reservations WHERE organization_id = $1 AND request_id IN ('req-c', 'req-d') ORDER BY request_id`, [localId(org.id)]);
    expect(ended).toEqual([{ request_id: 'req-c', at_expiry: true, open: false }, { request_id: 'req-d', at_expiry: null, open: true }]);
    // Bad inputs are clear.
    expect((await reserve('x', '-1')).userErrors.map((e: any) => e.code)).toEqual(['INVALID_AMOUNT']);
    const missing = await app.gql(RESERVE, { input: { keyId: 'nope', estimatedCost: '1', requestId: 'x' } }, { bearer: TEST_INGEST_TOKEN });
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('threshold alerts', () => {
  it('fire once per period each, by email and signed webhook', async () => {
    const org = await organization();
    const email = `${unique('fin')}@example.com`;
    const budget = await setBudget(org, {
      subject: { organizationId: org.id, scope: 'TEAM', teamId: org.team.id },
      period: 'DAY',
      amount: '10',
      thresholds: [50, 80, 100],
      recipients: [email],
      webhookUrl: 'http://127.0.0.1:9/hook',
    });
    await ingest([usage(org, '5')]);
    await ingest([usage(org, '1')]);
    await ingest([usage(org, '2.5'), usage(org, '0.1')]);
    await ingest([usage(org, '0.1')]);
    const mails = await app.db.query(`SELECT subject FROM email_outbox WHERE recipient = $1 ORDER BY created_at`, [email]);
    expect(mails.map((m: any) => /(\d+)%/.exec(m.subject)![1])).toEqual(['50', '80']);
    const events = await app.db.query(`SELECT threshold, trim_scale(spend)::text AS spend FROM budget_threshold_events WHERE budget_id = $1 ORDER BY threshold`, [localId(budget.budget.id)]);
    expect(events).toEqual([{ threshold: 50, spend: '5' }, { threshold: 80, spend: '8.6' }]);
    const deliveries = await app.db.query(`SELECT payload FROM webhook_deliveries d JOIN budget_threshold_events e ON e.id = d.budget_event_id WHERE e.budget_id = $1`, [localId(budget.budget.id)]);
    expect(deliveries).toHaveLength(2);
    expect(deliveries[0].payload).toMatchObject({ type: 'budget.threshold_crossed', alertId: localId(budget.budget.id) });
    expect(app.server.services.alerts.signingSecret(localId(budget.budget.id))).toBe(budget.signingSecret);

    // The next period (the UTC day after, this organization's zone): thresholds fire again, once each.
    const alerts = app.server.services.budgetAlerts;
    const tomorrow = new Date(new Date().setUTCHours(24, 0, 0, 0));
    alerts.now = () => new Date(tomorrow.getTime() + 120_000);
    try {
      await ingest([usage(org, '5', { at: new Date(tomorrow.getTime() + 60_000).toISOString() })]);
      await ingest([usage(org, '0.01', { at: new Date(tomorrow.getTime() + 60_000).toISOString() })]);
    } finally {
      alerts.now = () => new Date();
    }
    const next = await app.db.query(`SELECT threshold, period_start FROM budget_threshold_events WHERE budget_id = $1 AND period_start = $2`, [localId(budget.budget.id), tomorrow]);
    expect(next.map((e: any) => e.threshold)).toEqual([50]);
  });
});
