import { graphql } from './support/gql';
import type { PolicyChangeInput, UpsertModelEndpointInput } from './support/gql/graphql';
import fc from 'fast-check';
import { startTestApp, TEST_INGEST_TOKEN, TEST_OPERATOR_TOKEN, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, createTeam, signUp, unique, type SignedUpUser } from './support/factories';
import { localIdOf } from '../src/core/relay';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const ingest = { bearer: TEST_INGEST_TOKEN };
graphql(`fragment PoliciesDecision on ModelAccessDecision { decision level reasonCode reason rule { ruleId pattern effect locked level } overriddenTeamRule { pattern effect } }`);

const APPLY = graphql(`mutation PoliciesApplyPolicyChange($input: PolicyChangeInput!) {
  applyPolicyChange(input: $input) {
    userErrors { code message field }
    rules { id pattern }
    changes { team { username } settings { setting before after beforeLevel afterLevel } modelAccess { surface endpointId before { decision } after { decision } } }
  }
}`);
const PREVIEW = graphql(`query PoliciesPreviewPolicyChange($input: PolicyChangeInput!) {
  previewPolicyChange(input: $input) {
    teams { team { username } settings { setting before after beforeLevel afterLevel } modelAccess { surface endpointId before { decision } after { decision } } }
  }
}`);
const EFFECTIVE = graphql(`query PoliciesTeam($username: String!) { team(username: $username) { effectivePolicy {
  requestVisibility { value level locked teamOverride overriddenByLock }
  teamCreation { value level locked }
  modelAccessMode { value level }
} } }`);
const CHECK = graphql(`query PoliciesCheckModelAccess($checks: [ModelAccessCheckInput!]!) { checkModelAccess(checks: $checks) {
  index allowed team { username } endpointId surface error { code message } access { ...PoliciesDecision }
} }`);

interface Setup {
  admin: SignedUpUser;
  org: { id: string; slug: string };
  team: { id: string; username: string };
}

async function setup(): Promise<Setup> {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const team = await createTeam(app, admin, org.id);
  return { admin, org, team };
}

async function apply(s: Setup, input: Record<string, unknown>) {
  const data = await app.data(APPLY, { input: { organizationId: s.org.id, ...input } }, { token: s.admin.token });
  return data.applyPolicyChange;
}

async function check(s: Setup, endpointId: string, surface = 'API') {
  const data = await app.data(CHECK, { checks: [{ teamUsername: s.team.username, endpointId, surface }] }, ingest);
  return data.checkModelAccess[0];
}

describe('settings inheritance (the settings table of docs/policies.md)', () => {
  it('starts from the defaults, each reported at DEFAULT level', async () => {
    const s = await setup();
    const data = await app.data(
      graphql(`query PoliciesOrganization($slug: String!) { organization(slug: $slug) { policy {
        teamCreation { value locked level } invitePermission { value level } crossTeamVisibility { value level }
        requestVisibility { value level } ssoRequired { value level } personalAccountAccess { value level } modelAccessMode { value level }
      } } }`),
      { slug: s.org.slug },
      { token: s.admin.token },
    );
    expect(data.organization.policy).toEqual({
      teamCreation: { value: 'ORG_ADMINS', locked: false, level: 'DEFAULT' },
      invitePermission: { value: 'TEAM_ADMINS', level: 'DEFAULT' },
      crossTeamVisibility: { value: false, level: 'DEFAULT' },
      requestVisibility: { value: 'ALL', level: 'DEFAULT' },
      ssoRequired: { value: false, level: 'DEFAULT' },
      personalAccountAccess: { value: 'ALLOWED', level: 'DEFAULT' },
      modelAccessMode: { value: 'ENTERPRISE_READY', level: 'DEFAULT' },
    });
  });

  it('organization settings apply to teams; org-wide settings cannot be overridden; changes are audited', async () => {
    const s = await setup();
    const result = await app.data(
      graphql(`mutation PoliciesUpdateOrganizationPolicy($input: UpdateOrganizationPolicyInput!) { updateOrganizationPolicy(input: $input) {
        userErrors { code } policy { crossTeamVisibility { value level } ssoRequired { value locked level } }
      } }`),
      { input: { organizationId: s.org.id, settings: { crossTeamVisibility: { value: true }, ssoRequired: { locked: true } } } },
      { token: s.admin.token },
    );
    expect(result.updateOrganizationPolicy.policy).toEqual({
      crossTeamVisibility: { value: true, level: 'ORGANIZATION' },
      ssoRequired: { value: false, locked: true, level: 'ORGANIZATION' },
    });
    const [audit] = await app.db.query(
      `SELECT changes FROM audit_events WHERE organization_id = $1 AND action = 'policy.settings.update'`,
      [localIdOf(s.org.id, 'Organization')],
    );
    expect(audit.changes).toEqual({
      crossTeamVisibility: { before: null, after: { value: true, locked: false } },
      ssoRequired: { before: null, after: { value: false, locked: true } },
    });
  });

  it('a team override wins while unlocked, is inert but visible under a lock, and returns on unlock', async () => {
    const s = await setup();
    await apply(s, { settings: { requestVisibility: { value: 'ALL' } } });
    expect((await apply(s, { teamOverrides: [{ teamId: s.team.id, requestVisibility: 'OWN' }] })).userErrors).toEqual([]);
    let policy = (await app.data(EFFECTIVE, { username: s.team.username }, { token: s.admin.token })).team.effectivePolicy;
    expect(policy.requestVisibility).toEqual({ value: 'OWN', level: 'TEAM', locked: false, teamOverride: 'OWN', overriddenByLock: false });

    const lock = await apply(s, { settings: { requestVisibility: { locked: true } } });
    expect(lock.changes).toEqual([
      { team: { username: s.team.username }, settings: [{ setting: 'REQUEST_VISIBILITY', before: 'OWN', after: 'ALL', beforeLevel: 'TEAM', afterLevel: 'ORGANIZATION' }], modelAccess: [] },
    ]);
    policy = (await app.data(EFFECTIVE, { username: s.team.username }, { token: s.admin.token })).team.effectivePolicy;
    expect(policy.requestVisibility).toEqual({ value: 'ALL', level: 'ORGANIZATION', locked: true, teamOverride: 'OWN', overriddenByLock: true });

    // While locked, a new override is refused (the existing one is kept).
    const refused = await apply(s, { teamOverrides: [{ teamId: s.team.id, requestVisibility: 'OWN' }] });
    expect(refused.userErrors[0].code).toBe('SETTING_LOCKED');

    await apply(s, { settings: { requestVisibility: { locked: false } } });
    policy = (await app.data(EFFECTIVE, { username: s.team.username }, { token: s.admin.token })).team.effectivePolicy;
    expect(policy.requestVisibility).toEqual({ value: 'OWN', level: 'TEAM', locked: false, teamOverride: 'OWN', overriddenByLock: false });
  });

  it('audits every rule and team override change with before/after; a refused change writes none', async () => {
    const s = await setup();
    const orgId = localIdOf(s.org.id, 'Organization');
    const teamId = localIdOf(s.team.id, 'Team');
    const added = await apply(s, { addRules: [{ surface: 'API', pattern: 'fal-ai/flux/*', effect: 'BLOCKED' }] });
    const ruleId = localIdOf(added.rules![0].id, 'ModelAccessRule');
    await apply(s, { addRules: [{ surface: 'API', pattern: 'fal-ai/flux/*', effect: 'BLOCKED', locked: true }] });
    await apply(s, { addRules: [{ surface: 'API', pattern: 'fal-ai/flux/*', effect: 'BLOCKED', locked: false }] });
    await apply(s, { teamOverrides: [{ teamId: s.team.id, requestVisibility: 'OWN' }] });
    await apply(s, { teamOverrides: [{ teamId: s.team.id, requestVisibility: null }] });
    await apply(s, { removeRuleIds: [added.rules![0].id] });
    // A refused change writes nothing.
    await apply(s, { settings: { requestVisibility: { locked: true } } });
    expect((await apply(s, { teamOverrides: [{ teamId: s.team.id, requestVisibility: 'OWN' }] })).userErrors[0].code).toBe('SETTING_LOCKED');

    const events = await app.db.query(
      `SELECT action, target_id, team_id, changes FROM audit_events WHERE organization_id = $1 AND action LIKE 'policy.%' ORDER BY created_at, id`,
      [orgId],
    );
    const rule = (locked: boolean) => ({ id: ruleId, teamId: null, surface: 'API', pattern: 'fal-ai/flux/*', effect: 'BLOCKED', locked });
    expect(events).toEqual([
      { action: 'policy.rule.add', target_id: ruleId, team_id: null, changes: { rule: { before: null, after: rule(false) } } },
      { action: 'policy.rule.update', target_id: ruleId, team_id: null, changes: { rule: { before: rule(false), after: rule(true) } } },
      { action: 'policy.rule.update', target_id: ruleId, team_id: null, changes: { rule: { before: rule(true), after: rule(false) } } },
      { action: 'policy.team_override.set', target_id: teamId, team_id: teamId, changes: { requestVisibility: { before: null, after: 'OWN' } } },
      { action: 'policy.team_override.remove', target_id: teamId, team_id: teamId, changes: { requestVisibility: { before: 'OWN', after: null } } },
      { action: 'policy.rule.remove', target_id: ruleId, team_id: null, changes: { rule: { before: rule(false), after: null } } },
      { action: 'policy.settings.update', target_id: orgId, team_id: null, changes: { requestVisibility: { before: null, after: { value: 'ALL', locked: true } } } },
    ]);
  });

  it('only organization admins change organization settings', async () => {
    const s = await setup();
    const outsider = await signUp(app);
    const response = await app.gql(APPLY, { input: { organizationId: s.org.id, settings: { ssoRequired: { value: true } } } }, { token: outsider.token });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('model access (the resolution steps of docs/policies.md)', () => {
  it('mode ENTERPRISE_READY allows enterprise-ready models and blocks the rest', async () => {
    const s = await setup();
    const ready = await check(s, 'fal-ai/flux/dev');
    expect(ready.access).toMatchObject({ decision: 'ALLOWED', level: 'DEFAULT', reasonCode: 'MODE_ENTERPRISE_READY', rule: null });
    const notReady = await check(s, 'fal-ai/flux-lora');
    expect(notReady.access).toMatchObject({ decision: 'BLOCKED', reasonCode: 'MODE_NOT_ENTERPRISE_READY' });
  });

  it('EXPLICIT_APPROVAL blocks everything not allowed by a rule', async () => {
    const s = await setup();
    await apply(s, { settings: { modelAccessMode: { value: 'EXPLICIT_APPROVAL' } }, addRules: [{ surface: 'API', pattern: 'fal-ai/veo3', effect: 'ALLOWED' }] });
    expect((await check(s, 'fal-ai/flux/dev')).access).toMatchObject({ decision: 'BLOCKED', level: 'ORGANIZATION', reasonCode: 'MODE_EXPLICIT_APPROVAL' });
    expect((await check(s, 'fal-ai/veo3')).access).toMatchObject({ decision: 'ALLOWED', reasonCode: 'ORGANIZATION_RULE', rule: { pattern: 'fal-ai/veo3', level: 'ORGANIZATION' } });
  });

  it('organization rule, then team rule, then locked organization rule — exact beats glob, per surface', async () => {
    const s = await setup();
    await apply(s, { addRules: [{ surface: 'API', pattern: 'fal-ai/flux/*', effect: 'BLOCKED' }] });
    expect((await check(s, 'fal-ai/flux/dev')).access).toMatchObject({ decision: 'BLOCKED', reasonCode: 'ORGANIZATION_RULE', rule: { pattern: 'fal-ai/flux/*' } });
    // The rule is per surface: the Playground still follows the mode.
    expect((await check(s, 'fal-ai/flux/dev', 'PLAYGROUND')).access!.decision).toBe('ALLOWED');

    await apply(s, { addRules: [{ teamId: s.team.id, surface: 'API', pattern: 'fal-ai/flux/dev', effect: 'ALLOWED' }] });
    expect((await check(s, 'fal-ai/flux/dev')).access).toMatchObject({ decision: 'ALLOWED', level: 'TEAM', reasonCode: 'TEAM_RULE', rule: { pattern: 'fal-ai/flux/dev', level: 'TEAM' } });
    expect((await check(s, 'fal-ai/flux/schnell')).access!.decision).toBe('BLOCKED');

    // Locking the organization glob makes the team's exact rule inert — still visible in the decision.
    await apply(s, { addRules: [{ surface: 'API', pattern: 'fal-ai/flux/*', effect: 'BLOCKED', locked: true }] });
    const locked = await check(s, 'fal-ai/flux/dev');
    expect(locked.access).toMatchObject({
      decision: 'BLOCKED',
      level: 'ORGANIZATION',
      reasonCode: 'LOCKED_ORGANIZATION_RULE',
      rule: { pattern: 'fal-ai/flux/*', locked: true },
      overriddenTeamRule: { pattern: 'fal-ai/flux/dev', effect: 'ALLOWED' },
    });
    expect(locked.access!.reason).toMatch(/overridden by this lock/);

    // Unlocking brings the team rule back.
    await apply(s, { addRules: [{ surface: 'API', pattern: 'fal-ai/flux/*', effect: 'BLOCKED', locked: false }] });
    expect((await check(s, 'fal-ai/flux/dev')).access).toMatchObject({ decision: 'ALLOWED', reasonCode: 'TEAM_RULE' });
  });

  it('archived teams are denied with that reason', async () => {
    const s = await setup();
    await app.data(graphql(`mutation PoliciesArchiveTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { userErrors { code } } }`), { input: { teamId: s.team.id } }, { token: s.admin.token });
    expect((await check(s, 'fal-ai/flux/dev')).access).toMatchObject({ decision: 'BLOCKED', level: 'TEAM', reasonCode: 'TEAM_ARCHIVED' });
    // Whatever the rules: an organization rule allowing everything does not reopen it, and the team takes no new policy.
    await apply(s, { addRules: [{ surface: 'API', pattern: '*', effect: 'ALLOWED', locked: true }] });
    expect((await check(s, 'fal-ai/flux/dev')).access!.reasonCode).toBe('TEAM_ARCHIVED');
    const refused = await apply(s, { addRules: [{ teamId: s.team.id, surface: 'API', pattern: 'fal-ai/*', effect: 'ALLOWED' }] });
    expect(refused.userErrors).toEqual([{ code: 'NOT_FOUND', message: expect.any(String), field: ['input', 'addRules', '0', 'teamId'] }]);
  });

  it('lists every catalog model’s state for a team with provenance', async () => {
    const s = await setup();
    await apply(s, { addRules: [{ teamId: s.team.id, surface: 'PLAYGROUND', pattern: 'fal-ai/*', effect: 'BLOCKED' }] });
    const data = await app.data(
      graphql(`query PoliciesTeam2($u: String!) { team(username: $u) { modelAccess(surface: PLAYGROUND) { endpoint { endpointId enterpriseReady } access { decision reasonCode } } } }`),
      { u: s.team.username },
      { token: s.admin.token },
    );
    const entries = data.team.modelAccess;
    expect(entries.length).toBeGreaterThanOrEqual(30);
    for (const entry of entries) {
      if (entry.endpoint.endpointId.startsWith('fal-ai/')) expect(entry.access).toEqual({ decision: 'BLOCKED', reasonCode: 'TEAM_RULE' });
      else expect(entry.access.decision).toBe(entry.endpoint.enterpriseReady ? 'ALLOWED' : 'BLOCKED');
    }
  });
});

describe('checkModelAccess', () => {
  it('reports unknown teams, endpoints and surfaces per check without failing the batch', async () => {
    const s = await setup();
    const other = await setup();
    const data = await app.data(
      CHECK,
      {
        checks: [
          { teamUsername: 'no-such-team-here', endpointId: 'fal-ai/flux/dev', surface: 'API' },
          { teamUsername: s.team.username, endpointId: 'fal-ai/does-not-exist', surface: 'API' },
          { teamUsername: s.team.username, endpointId: 'fal-ai/flux/dev', surface: 'EMAIL' },
          { teamId: s.team.id, endpointId: 'fal-ai/flux/dev', surface: 'PLAYGROUND' },
          { teamUsername: other.team.username, endpointId: 'fal-ai/flux/dev', surface: 'API' },
        ],
      },
      { token: s.admin.token },
    );
    expect(data.checkModelAccess.map((r) => r.error?.code ?? r.access!.decision)).toEqual([
      'TEAM_NOT_FOUND',
      'UNKNOWN_ENDPOINT',
      'UNKNOWN_SURFACE',
      'ALLOWED',
      // Another organization's team is indistinguishable from a missing one.
      'TEAM_NOT_FOUND',
    ]);
  });

  it('is refused to anonymous callers and API-scoped keys; accepted from organization admin keys', async () => {
    const s = await setup();
    const checks = [{ teamUsername: s.team.username, endpointId: 'fal-ai/flux/dev', surface: 'API' }];
    expect((await app.gql(CHECK, { checks })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const apiKey = await createApiKeyFor(app, s.team.username, 'API');
    expect((await app.gql(CHECK, { checks }, { key: apiKey })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const orgAdminKey = await createApiKeyFor(app, s.org.slug, 'ADMIN');
    expect((await app.data(CHECK, { checks }, { key: orgAdminKey })).checkModelAccess[0].allowed).toBe(true);
  });

  it('answers 1,000 checks in one call with a constant number of SQL statements', async () => {
    const s = await setup();
    const teams = [s.team, ...(await Promise.all(Array.from({ length: 4 }, () => createTeam(app, s.admin, s.org.id))))];
    await apply(s, { addRules: [{ teamId: teams[1].id, surface: 'API', pattern: 'fal-ai/*', effect: 'BLOCKED' }] });
    const endpoints = ['fal-ai/flux/dev', 'fal-ai/veo3', 'fal-ai/flux-lora', 'compute/h100-8x'];
    const checksOf = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ teamUsername: teams[i % teams.length].username, endpointId: endpoints[i % endpoints.length], surface: i % 3 ? 'API' : 'PLAYGROUND' }));
    await app.data(CHECK, { checks: checksOf(1) }, ingest); // warms the catalog cache
    const one = await app.gql(CHECK, { checks: checksOf(1) }, ingest);
    const thousand = await app.gql(CHECK, { checks: checksOf(1000) }, ingest);
    expect(thousand.body.errors).toBeUndefined();
    const results = thousand.body.data!.checkModelAccess;
    expect(results).toHaveLength(1000);
    expect(results.every((r) => r.error === null)).toBe(true);
    expect(results[1].access).toMatchObject({ decision: 'BLOCKED', reasonCode: 'TEAM_RULE' }); // team 1, veo3, API
    expect(Number(thousand.headers.get('x-orgraph-sql-statements'))).toBe(Number(one.headers.get('x-orgraph-sql-statements')));
    // 5 for policy state and the catalog, 2 for hard spend limits (teams' organizations, their limits' state),
    // 1 for budgets (the callers' budgets and their organizations' defaults; figures only when some apply).
    expect(Number(thousand.headers.get('x-orgraph-sql-statements'))).toBeLessThanOrEqual(8);

    const tooMany = await app.gql(CHECK, { checks: checksOf(1001) }, ingest);
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('dry run', () => {
  it('previews exactly what applying the same input changes, without changing anything', async () => {
    const s = await setup();
    const second = await createTeam(app, s.admin, s.org.id);
    await apply(s, { teamOverrides: [{ teamId: second.id, requestVisibility: 'OWN' }] });
    const input: PolicyChangeInput = {
      organizationId: s.org.id,
      settings: { requestVisibility: { value: 'OWN', locked: true }, modelAccessMode: { value: 'EXPLICIT_APPROVAL' } },
      addRules: [
        { surface: 'API', pattern: 'fal-ai/flux/*', effect: 'ALLOWED' },
        { teamId: second.id, surface: 'PLAYGROUND', pattern: 'fal-ai/veo3', effect: 'ALLOWED' },
      ],
    };
    const before = await app.data(EFFECTIVE, { username: s.team.username }, { token: s.admin.token });
    const preview = (await app.data(PREVIEW, { input }, { token: s.admin.token })).previewPolicyChange.teams;
    expect(await app.data(EFFECTIVE, { username: s.team.username }, { token: s.admin.token })).toEqual(before);
    const applied = (await app.data(APPLY, { input }, { token: s.admin.token })).applyPolicyChange;
    expect(applied.userErrors).toEqual([]);
    expect(applied.changes).toEqual(preview);

    const first = preview.find((t) => t.team.username === s.team.username);
    expect(first!.settings.map((c) => c.setting).sort()).toEqual(['MODEL_ACCESS_MODE', 'REQUEST_VISIBILITY']);
    // flux stays allowed on the API (rule), other enterprise-ready models flip to blocked.
    expect(first!.modelAccess.find((f) => f.endpointId === 'fal-ai/flux/dev' && f.surface === 'API')).toBeUndefined();
    expect(first!.modelAccess.find((f) => f.endpointId === 'fal-ai/veo3' && f.surface === 'API')).toMatchObject({ before: { decision: 'ALLOWED' }, after: { decision: 'BLOCKED' } });
    const secondChanges = preview.find((t) => t.team.username === second.username);
    // The second team already saw OWN (its override); the lock keeps the value, so it is not listed as changed.
    expect(secondChanges!.settings.map((c) => c.setting)).toEqual(['MODEL_ACCESS_MODE']);
    expect(secondChanges!.modelAccess.find((f) => f.endpointId === 'fal-ai/veo3' && f.surface === 'PLAYGROUND')).toBeUndefined();
  });

  it('reports an invalid change as bad input', async () => {
    const s = await setup();
    const response = await app.gql(PREVIEW, { input: { organizationId: s.org.id, addRules: [{ surface: 'API', pattern: 'fal-*/x', effect: 'BLOCKED' }] } }, { token: s.admin.token });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('dry run against what is actually stored (property, through the server)', () => {
  const SETTINGS = ['teamCreation', 'invitePermission', 'crossTeamVisibility', 'requestVisibility', 'ssoRequired', 'personalAccountAccess', 'modelAccessMode'];
  const TEAM_FIELDS = `username modelAccessRules(first: 30) { edges { node { id } } }
    effectivePolicy { ${SETTINGS.map((s) => `${s} { value }`).join(' ')} }
    api: modelAccess(surface: API) { endpoint { endpointId } access { decision } }
    playground: modelAccess(surface: PLAYGROUND) { endpoint { endpointId } access { decision } }`;
  const SNAPSHOT = `query($slug: String!) { organization(slug: $slug) {
    policy { modelAccessRules(first: 30) { edges { node { id } } } }
    rootTeam { ${TEAM_FIELDS} }
    teams(first: 5) { edges { node { ${TEAM_FIELDS} } } }
  } }`;
  const CHANGES = `team { username } settings { setting before after } modelAccess { surface endpointId before { decision } after { decision } }`;
  const PREVIEW_ALL = `query($input: PolicyChangeInput!) { previewPolicyChange(input: $input) { teams { ${CHANGES} } } }`;
  const APPLY_ALL = `mutation($input: PolicyChangeInput!) { applyPolicyChange(input: $input) { userErrors { code field } changes { ${CHANGES} } } }`;

  /** Every team's effective values as the API reports them after the fact, flattened to `key -> value`. */
  async function effectiveValues(s: Setup) {
    const { organization } = await app.data(SNAPSHOT, { slug: s.org.slug }, { token: s.admin.token });
    const teams = [organization.rootTeam, ...organization.teams.edges.map((e: any) => e.node)];
    const values = new Map<string, Map<string, string>>();
    for (const team of teams) {
      const flat = new Map<string, string>();
      for (const setting of SETTINGS) flat.set(`setting ${setting}`, String(team.effectivePolicy[setting].value));
      for (const [surface, entries] of [['API', team.api], ['PLAYGROUND', team.playground]] as const) {
        for (const entry of entries) flat.set(`${surface} ${entry.endpoint.endpointId}`, entry.access.decision);
      }
      values.set(team.username, flat);
    }
    const ruleIds = [...organization.policy.modelAccessRules.edges, ...teams.flatMap((t: any) => t.modelAccessRules.edges)].map((e) => e.node.id);
    return { values, ruleIds };
  }

  /** `username: key before->after` lines for every value that differs between two reads, sorted. */
  function actualChanges(before: Map<string, Map<string, string>>, after: Map<string, Map<string, string>>): string[] {
    const lines: string[] = [];
    for (const [username, was] of before) {
      for (const [key, value] of was) if (after.get(username)!.get(key) !== value) lines.push(`${username}: ${key} ${value}->${after.get(username)!.get(key)}`);
    }
    return lines.sort();
  }

  const camel = (setting: string) => setting.toLowerCase().replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
  function reportedChanges(teams: any[]): string[] {
    return teams
      .flatMap((team) => [
        ...team.settings.map((c: any) => `${team.team.username}: setting ${camel(c.setting)} ${c.before}->${c.after}`),
        ...team.modelAccess.map((f: any) => `${team.team.username}: ${f.surface} ${f.endpointId} ${f.before.decision}->${f.after.decision}`),
      ])
      .sort();
  }

  /** Previews `input`, applies it, and checks the preview against the values read back from the database. */
  async function previewThenApply(s: Setup, input: Record<string, unknown>) {
    const before = await effectiveValues(s);
    const preview = await app.gql(PREVIEW_ALL, { input }, { token: s.admin.token });
    const applied = (await app.data(APPLY_ALL, { input }, { token: s.admin.token })).applyPolicyChange;
    const after = await effectiveValues(s);
    if (preview.body.errors) {
      // An invalid change is refused by both, and applying it changes nothing.
      expect(preview.body.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(applied.userErrors.length).toBeGreaterThan(0);
      expect(actualChanges(before.values, after.values)).toEqual([]);
      return false;
    }
    expect(applied.userErrors).toEqual([]);
    expect(reportedChanges(preview.body.data.previewPolicyChange.teams)).toEqual(actualChanges(before.values, after.values));
    expect(reportedChanges(applied.changes)).toEqual(reportedChanges(preview.body.data.previewPolicyChange.teams));
    return true;
  }

  it('the same pattern twice in one change: the preview predicts the rule that is stored', async () => {
    const s = await setup();
    // Found by the property below: the plan kept both additions (BLOCKED won the tie) while the upserts stored the last.
    const twice = (first: Record<string, unknown>, second: Record<string, unknown>) => ({
      organizationId: s.org.id,
      addRules: [{ surface: 'API', pattern: 'fal-ai/flux/*', ...first }, { surface: 'API', pattern: 'fal-ai/flux/*', ...second }],
    });
    expect(await previewThenApply(s, twice({ effect: 'BLOCKED' }, { effect: 'ALLOWED' }))).toBe(true);
    expect((await check(s, 'fal-ai/flux/dev')).access).toMatchObject({ decision: 'ALLOWED', rule: { pattern: 'fal-ai/flux/*', effect: 'ALLOWED' } });
    await apply(s, { addRules: [{ teamId: s.team.id, surface: 'API', pattern: 'fal-ai/flux/dev', effect: 'BLOCKED' }] });
    expect(await previewThenApply(s, twice({ effect: 'ALLOWED', locked: true }, { effect: 'ALLOWED', locked: false }))).toBe(true);
    expect((await check(s, 'fal-ai/flux/dev')).access).toMatchObject({ decision: 'BLOCKED', reasonCode: 'TEAM_RULE' });
  });

  it('over random changes, the preview lists exactly the effective values that applying changed', async () => {
    const s = await setup();
    const teams = [s.team, await createTeam(app, s.admin, s.org.id), await createTeam(app, s.admin, s.org.id)];
    const patterns = ['*', 'fal-ai/*', 'fal-ai/flux/*', 'fal-ai/flux*', 'fal-ai/flux/dev', 'fal-ai/veo3', 'fal-ai/veo3*', 'compute/*', 'serverless/gpu-h100'];
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const changeArb = fc.record({
      settings: fc.record(
        {
          requestVisibility: fc.record({ value: maybe(fc.constantFrom('ALL', 'OWN')), locked: maybe(fc.boolean()) }),
          modelAccessMode: fc.record({ value: maybe(fc.constantFrom('ENTERPRISE_READY', 'EXPLICIT_APPROVAL')), locked: maybe(fc.boolean()) }),
          teamCreation: fc.record({ value: maybe(fc.constantFrom('ORG_ADMINS', 'TEAM_ADMINS', 'ANY_MEMBER')) }),
          crossTeamVisibility: fc.record({ value: maybe(fc.boolean()), locked: maybe(fc.boolean()) }),
        },
        { requiredKeys: [] },
      ),
      teamOverrides: fc.array(fc.record({ team: fc.nat(2), requestVisibility: fc.constantFrom('ALL', 'OWN', null) }), { maxLength: 2 }),
      addRules: fc.array(
        fc.record({ team: fc.option(fc.nat(2), { nil: null }), surface: fc.constantFrom('API', 'PLAYGROUND'), pattern: fc.constantFrom(...patterns), effect: fc.constantFrom('ALLOWED', 'BLOCKED'), locked: fc.boolean() }),
        { maxLength: 4 },
      ),
      removals: fc.array(fc.nat(), { maxLength: 2 }),
    });
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(changeArb, async (change) => {
        const { ruleIds } = await effectiveValues(s);
        const input = {
          organizationId: s.org.id,
          settings: change.settings,
          teamOverrides: change.teamOverrides.map((o) => ({ teamId: teams[o.team].id, requestVisibility: o.requestVisibility })),
          addRules: change.addRules.map((r) => ({
            surface: r.surface,
            pattern: r.pattern,
            effect: r.effect,
            ...(r.team === null ? { locked: r.locked } : { teamId: teams[r.team].id }),
          })),
          removeRuleIds: ruleIds.length ? [...new Set(change.removals.map((i) => ruleIds[i % ruleIds.length]!))] : [],
        };
        if (await previewThenApply(s, input)) applied++;
      }),
      { numRuns: 30 },
    );
    // Most random changes are valid; the property is about applied ones.
    expect(applied).toBeGreaterThan(10);
  }, 180_000); // 30 rounds of four round trips each: generous for a loaded machine
});

describe('team creation policy', () => {
  async function memberOf(s: Setup, orgRole: 'MEMBER' | null, teamAdmin: boolean): Promise<SignedUpUser> {
    const user = await signUp(app);
    const orgId = localIdOf(s.org.id, 'Organization');
    const userId = localIdOf(user.id, 'User');
    if (orgRole) await app.db.query(`INSERT INTO organization_memberships (organization_id, user_id, role) VALUES ($1, $2, $3)`, [orgId, userId, orgRole]);
    if (teamAdmin) {
      await app.db.query(`INSERT INTO team_memberships (team_id, organization_id, user_id, role) VALUES ($1, $2, $3, 'ADMIN')`, [
        localIdOf(s.team.id, 'Team'),
        orgId,
        userId,
      ]);
    }
    return user;
  }
  const CREATE = graphql(`mutation PoliciesCreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { team { username viewerRole } userErrors { code } } }`);
  const create = (s: Setup, user: SignedUpUser) => app.gql(CREATE, { input: { organizationId: s.org.id, username: unique('t'), name: 'T' } }, { token: user.token });

  it('follows ORG_ADMINS, TEAM_ADMINS and ANY_MEMBER', async () => {
    const s = await setup();
    const member = await memberOf(s, 'MEMBER', false);
    const teamAdmin = await memberOf(s, null, true);
    expect((await create(s, member)).body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TEAM_CREATION_POLICY' });
    expect((await create(s, teamAdmin)).body.errors?.[0]?.extensions?.reason).toBe('TEAM_CREATION_POLICY');

    await apply(s, { settings: { teamCreation: { value: 'TEAM_ADMINS' } } });
    expect((await create(s, member)).body.errors?.[0]?.extensions?.reason).toBe('TEAM_CREATION_POLICY');
    const byTeamAdmin = await create(s, teamAdmin);
    expect(byTeamAdmin.body.data!.createTeam.team!.viewerRole).toBe('ADMIN');

    await apply(s, { settings: { teamCreation: { value: 'ANY_MEMBER' } } });
    expect((await create(s, member)).body.data!.createTeam.team!.viewerRole).toBe('ADMIN');
    const outsider = await signUp(app);
    expect((await create(s, outsider)).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('operator catalog editing', () => {
  it('upserts endpoints and adds price versions, audited, operator only', async () => {
    const endpointId = `acme/${unique('model')}`;
    const UPSERT = graphql(`mutation PoliciesUpsertModelEndpoint($input: UpsertModelEndpointInput!) { upsertModelEndpoint(input: $input) { endpoint { endpointId enterpriseReady } userErrors { code } } }`);
    const input: UpsertModelEndpointInput = { endpointId, displayName: 'Acme', product: 'MODEL_APIS', unit: 'image', enterpriseReady: false };
    const user = await signUp(app);
    expect((await app.gql(UPSERT, { input }, { token: user.token })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const operator = { bearer: TEST_OPERATOR_TOKEN };
    expect((await app.data(UPSERT, { input }, operator)).upsertModelEndpoint.endpoint).toEqual({ endpointId, enterpriseReady: false });
    expect((await app.data(UPSERT, { input: { ...input, enterpriseReady: true } }, operator)).upsertModelEndpoint.endpoint!.enterpriseReady).toBe(true);
    const price = await app.data(
      graphql(`mutation PoliciesAddModelPrice($input: AddModelPriceInput!) { addModelPrice(input: $input) { price { unitPrice effectiveFrom } userErrors { code } } }`),
      { input: { endpointId, effectiveFrom: '2025-01-01T00:00:00.000Z', unitPrice: '0.0125' } },
      operator,
    );
    expect(price.addModelPrice.price).toEqual({ unitPrice: '0.0125', effectiveFrom: '2025-01-01T00:00:00.000Z' });
    const audits = await app.db.query(`SELECT action, changes FROM audit_events WHERE target_id = $1 ORDER BY created_at`, [endpointId]);
    expect(audits.map((a: any) => a.action)).toEqual(['catalog.endpoint.create', 'catalog.endpoint.update', 'catalog.price.add']);
    expect(audits[1].changes).toEqual({ enterpriseReady: { before: false, after: true } });
    // The policy cache sees the edit at once: the new endpoint is now allowed under ENTERPRISE_READY.
    const s = await setup();
    expect((await check(s, endpointId)).access!.decision).toBe('ALLOWED');
  });
});

describe('effective policy listing', () => {
  it('costs a constant number of SQL statements whatever the number of teams', async () => {
    const s = await setup();
    const orgId = localIdOf(s.org.id, 'Organization');
    const LIST = graphql(`query PoliciesOrganization2($slug: String!) { organization(slug: $slug) { teams(first: 100) { edges { node { username
      effectivePolicy { requestVisibility { value level overriddenByLock } modelAccessMode { value } }
      modelAccessRules { edges { node { pattern } } }
    } } } } }`);
    const few = await app.gql(LIST, { slug: s.org.slug }, { token: s.admin.token });
    await app.db.query(
      `INSERT INTO teams (organization_id, kind, username, name) SELECT $1, 'TEAM', $2 || '-' || i, 'Bulk ' || i FROM generate_series(1, 199) i`,
      [orgId, unique('bulk')],
    );
    const many = await app.gql(LIST, { slug: s.org.slug }, { token: s.admin.token });
    expect(many.body.data!.organization.teams.edges).toHaveLength(100);
    expect(Number(many.headers.get('x-orgraph-sql-statements'))).toBe(Number(few.headers.get('x-orgraph-sql-statements')));
  });
});
