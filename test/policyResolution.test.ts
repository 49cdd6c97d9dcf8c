import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  applyPolicyChange,
  decideModelAccess,
  diffEffectivePolicies,
  effectiveSnapshot,
  mostSpecificRule,
  resolveSetting,
  SETTING_DEFINITIONS,
  SETTING_KEYS,
  SURFACES,
  type CatalogEntry,
  type OrganizationPolicyState,
  type PolicyChange,
  type RuleState,
  type Surface,
  type TeamPolicyState,
} from '../src/policies/resolution';

/**
 * Property tests of the pure resolution module over random catalogs and rule sets. Endpoint ids come from a tiny
 * alphabet so random globs and exact ids actually match them often.
 */
const segment = fc.constantFrom('a', 'b', 'ab', 'x');
const endpointId = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => `p/${parts.join('/')}`);
const catalogArb = fc.uniqueArray(fc.record({ endpointId, enterpriseReady: fc.boolean() }), {
  minLength: 1,
  maxLength: 8,
  selector: (entry) => entry.endpointId,
});
const surfaceArb = fc.constantFrom<Surface>('API', 'PLAYGROUND');
const effectArb = fc.constantFrom<'ALLOWED' | 'BLOCKED'>('ALLOWED', 'BLOCKED');
/** Exact ids, `prefix*` globs (possibly cutting a segment in half) and the catch-all `*`. */
const patternArb = fc.oneof(
  endpointId,
  endpointId.chain((id) => fc.nat({ max: id.length }).map((cut) => `${id.slice(0, cut)}*`)),
);
let ruleCounter = 0;
const ruleArb = (locked: fc.Arbitrary<boolean>) =>
  fc.record({ surface: surfaceArb, pattern: patternArb, effect: effectArb, locked }).map(
    (rule): RuleState => ({ ...rule, id: `r${ruleCounter++}` }),
  );
const orgArb: fc.Arbitrary<OrganizationPolicyState> = fc.record({
  settings: fc.record({
    modelAccessMode: fc.record({ value: fc.constantFrom('ENTERPRISE_READY', 'EXPLICIT_APPROVAL'), locked: fc.boolean() }),
  }, { requiredKeys: [] }),
  rules: fc.array(ruleArb(fc.boolean()), { maxLength: 8 }),
});
const teamArb = (rules = fc.array(ruleArb(fc.constant(false)), { maxLength: 6 })): fc.Arbitrary<TeamPolicyState> =>
  fc.record({ teamId: fc.constant('t1'), archived: fc.constant(false), hardSpendLimitReached: fc.constant(false), overrides: fc.constant({}), rules });
const noTeamRules = teamArb(fc.constant([]));

const everyDecision = (org: OrganizationPolicyState, team: TeamPolicyState, catalog: CatalogEntry[]) =>
  SURFACES.flatMap((surface) => catalog.map((endpoint) => decideModelAccess(org, team, endpoint, surface)));

describe('model access resolution (properties)', () => {
  it('a matching locked organization rule always decides', () => {
    fc.assert(
      fc.property(orgArb, teamArb(), catalogArb, surfaceArb, (org, team, catalog, surface) => {
        for (const endpoint of catalog) {
          const locked = mostSpecificRule(org.rules.filter((r) => r.locked), endpoint.endpointId, surface);
          const decision = decideModelAccess(org, team, endpoint, surface);
          if (locked) {
            expect(decision.rule).toEqual(locked);
            expect(decision.decision).toBe(locked.effect);
            expect(decision.level).toBe('ORGANIZATION');
          }
        }
      }),
    );
  });

  it('with no team rules a team decides exactly as its organization', () => {
    fc.assert(
      fc.property(orgArb, noTeamRules, catalogArb, surfaceArb, (org, team, catalog, surface) => {
        for (const endpoint of catalog) {
          const decision = decideModelAccess(org, team, endpoint, surface);
          // The organization's own decision: its locked rules first (step 2), then all its rules (step 4), then mode.
          const orgRule =
            mostSpecificRule(org.rules.filter((r) => r.locked), endpoint.endpointId, surface) ??
            mostSpecificRule(org.rules, endpoint.endpointId, surface);
          if (orgRule) {
            expect(decision.decision).toBe(orgRule.effect);
            expect(decision.level).toBe('ORGANIZATION');
          } else {
            const mode = org.settings.modelAccessMode?.value ?? 'ENTERPRISE_READY';
            expect(decision.decision).toBe(mode === 'ENTERPRISE_READY' && endpoint.enterpriseReady ? 'ALLOWED' : 'BLOCKED');
            expect(decision.rule).toBeNull();
          }
        }
      }),
    );
  });

  it('adding a team rule never changes a decision made by a locked organization rule', () => {
    fc.assert(
      fc.property(orgArb, teamArb(), ruleArb(fc.constant(false)), catalogArb, (org, team, extra, catalog) => {
        const withExtra = { ...team, rules: [...team.rules, extra] };
        for (const surface of SURFACES) {
          for (const endpoint of catalog) {
            const before = decideModelAccess(org, team, endpoint, surface);
            if (before.reasonCode !== 'LOCKED_ORGANIZATION_RULE') continue;
            const after = decideModelAccess(org, withExtra, endpoint, surface);
            expect({ ...after, reason: '', overriddenTeamRule: null }).toEqual({ ...before, reason: '', overriddenTeamRule: null });
          }
        }
      }),
    );
  });

  it('exact beats any glob, a longer glob beats a shorter one, BLOCKED wins ties', () => {
    fc.assert(
      fc.property(fc.array(ruleArb(fc.constant(false)), { minLength: 1, maxLength: 10 }), endpointId, surfaceArb, (rules, id, surface) => {
        const winner = mostSpecificRule(rules, id, surface);
        const matching = rules.filter((r) => r.surface === surface && (r.pattern.endsWith('*') ? id.startsWith(r.pattern.slice(0, -1)) : r.pattern === id));
        if (!winner) return expect(matching).toHaveLength(0);
        for (const other of matching) {
          const winnerExact = !winner.pattern.endsWith('*');
          const otherExact = !other.pattern.endsWith('*');
          if (otherExact) expect(winnerExact).toBe(true);
          if (!winnerExact && !otherExact) expect(winner.pattern.length).toBeGreaterThanOrEqual(other.pattern.length);
          if (winnerExact === otherExact && winner.pattern.length === other.pattern.length && other.effect === 'BLOCKED') {
            expect(winner.effect).toBe('BLOCKED');
          }
        }
      }),
    );
  });

  it('EXPLICIT_APPROVAL with no ALLOWED rule blocks everything', () => {
    const blockedOnly = fc.array(
      ruleArb(fc.boolean()).map((r) => ({ ...r, effect: 'BLOCKED' as const })),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(blockedOnly, blockedOnly, catalogArb, (orgRules, teamRules, catalog) => {
        const org: OrganizationPolicyState = { settings: { modelAccessMode: { value: 'EXPLICIT_APPROVAL', locked: false } }, rules: orgRules };
        const team: TeamPolicyState = { teamId: 't', archived: false, hardSpendLimitReached: false, overrides: {}, rules: teamRules.map((r) => ({ ...r, locked: false })) };
        for (const decision of everyDecision(org, team, catalog)) expect(decision.decision).toBe('BLOCKED');
      }),
    );
  });

  it('is deterministic under rule reordering', () => {
    fc.assert(
      fc.property(orgArb, teamArb(), catalogArb, fc.nat(), (org, team, catalog, seed) => {
        const shuffle = <T>(items: T[]) => items.map((item, i) => [((i + 1) * (seed + 7919)) % 104729, item] as const).sort((a, b) => a[0] - b[0]).map(([, item]) => item);
        const reordered = { ...org, rules: shuffle([...org.rules].reverse()) };
        const reorderedTeam = { ...team, rules: shuffle(team.rules) };
        expect(everyDecision(reordered, reorderedTeam, catalog)).toEqual(everyDecision(org, team, catalog));
      }),
    );
  });

  it('denies archived teams and teams over their hard spend limit whatever the rules', () => {
    fc.assert(
      fc.property(orgArb, teamArb(), catalogArb, fc.constantFrom('archived', 'hardSpendLimitReached'), (org, team, catalog, flag) => {
        const denied = { ...team, [flag]: true };
        for (const decision of everyDecision(org, denied, catalog)) {
          expect(decision.decision).toBe('BLOCKED');
          expect(decision.reasonCode).toBe(flag === 'archived' ? 'TEAM_ARCHIVED' : 'SPEND_LIMIT_REACHED');
        }
      }),
    );
  });
});

describe('settings resolution and policy changes (properties)', () => {
  const requestVisibility = fc.constantFrom('ALL', 'OWN');
  const changeArb: fc.Arbitrary<PolicyChange> = fc.record({
    settings: fc.record({
      requestVisibility: fc.record({ value: requestVisibility, locked: fc.boolean() }, { requiredKeys: [] }),
      modelAccessMode: fc.record({ value: fc.constantFrom('ENTERPRISE_READY', 'EXPLICIT_APPROVAL'), locked: fc.boolean() }, { requiredKeys: [] }),
    }, { requiredKeys: [] }),
    teamOverrides: fc.array(fc.record({ teamId: fc.constantFrom('t1', 't2'), setting: fc.constant('requestVisibility' as const), value: fc.option(requestVisibility) })),
    addRules: fc.array(
      fc.record({ teamId: fc.constantFrom(null, 't1', 't2'), surface: surfaceArb, pattern: patternArb, effect: effectArb, locked: fc.boolean() }).map((r) => ({ ...r, id: `n${ruleCounter++}` })),
      { maxLength: 4 },
    ),
  });
  const statesArb = fc.record({
    organization: orgArb,
    teams: fc.tuple(teamArb(), teamArb()).map(([a, b]) => [{ ...a, teamId: 't1' }, { ...b, teamId: 't2', overrides: { requestVisibility: 'OWN' } }]),
  });

  it('the preview lists exactly the effective values that applying the change alters', () => {
    fc.assert(
      fc.property(statesArb, changeArb, catalogArb, (before, change, catalog) => {
        const after = applyPolicyChange(before, change);
        const preview = diffEffectivePolicies(before, after, catalog);
        for (const [i, teamBefore] of before.teams.entries()) {
          const teamAfter = after.teams[i];
          const snapshotBefore = effectiveSnapshot(before.organization, teamBefore, catalog);
          const snapshotAfter = effectiveSnapshot(after.organization, teamAfter, catalog);
          const teamPreview = preview.find((p) => p.teamId === teamBefore.teamId);
          // Replaying the preview onto the old values yields the new values, and nothing else changed.
          const replayed = structuredClone(snapshotBefore);
          for (const change of teamPreview?.settings ?? []) replayed.settings[change.setting] = change.after.value;
          for (const flip of teamPreview?.modelAccess ?? []) replayed.modelAccess[`${flip.surface} ${flip.endpointId}`] = flip.after.decision;
          expect(replayed).toEqual(snapshotAfter);
        }
      }),
    );
  });

  it('adding several rules in one change equals adding them one after another (as the stored upserts do)', () => {
    // Few slots, so one change often names the same level, surface and pattern twice.
    const crowdedAdditions = fc.array(
      fc.record({ teamId: fc.constantFrom(null, 't1'), surface: surfaceArb, pattern: fc.constantFrom('p/a', 'p/*', '*'), effect: effectArb, locked: fc.boolean() }).map((r) => ({ ...r, id: `n${ruleCounter++}` })),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(statesArb, changeArb, crowdedAdditions, catalogArb, (before, someChange, addRules, catalog) => {
        const change = { ...someChange, addRules };
        const atOnce = applyPolicyChange(before, change);
        let oneByOne = applyPolicyChange(before, { ...change, addRules: [] });
        for (const addition of change.addRules ?? []) oneByOne = applyPolicyChange(oneByOne, { addRules: [addition] });
        const byId = (rules: RuleState[]) => [...rules].sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(byId(atOnce.organization.rules)).toEqual(byId(oneByOne.organization.rules));
        for (const [i, team] of atOnce.teams.entries()) {
          expect(byId(team.rules)).toEqual(byId(oneByOne.teams[i].rules));
          expect(effectiveSnapshot(atOnce.organization, team, catalog)).toEqual(effectiveSnapshot(oneByOne.organization, oneByOne.teams[i], catalog));
        }
      }),
    );
  });

  it('locking keeps team overrides (inert, visible) and unlocking brings them back', () => {
    fc.assert(
      fc.property(requestVisibility, requestVisibility, (orgValue, teamValue) => {
        const team: TeamPolicyState = { teamId: 't', archived: false, hardSpendLimitReached: false, overrides: { requestVisibility: teamValue }, rules: [] };
        const locked = resolveSetting('requestVisibility', { settings: { requestVisibility: { value: orgValue, locked: true } }, rules: [] }, team);
        expect(locked).toMatchObject({ value: orgValue, level: 'ORGANIZATION', locked: true, teamOverride: teamValue, overriddenByLock: true });
        const unlocked = resolveSetting('requestVisibility', { settings: { requestVisibility: { value: orgValue, locked: false } }, rules: [] }, team);
        expect(unlocked).toMatchObject({ value: teamValue, level: 'TEAM', locked: false, overriddenByLock: false });
      }),
    );
  });

  it('organization-scoped settings ignore team overrides and fall back to their defaults', () => {
    const team: TeamPolicyState = { teamId: 't', archived: false, hardSpendLimitReached: false, overrides: { teamCreation: 'ANY_MEMBER' }, rules: [] };
    for (const setting of SETTING_KEYS) {
      const effective = resolveSetting(setting, { settings: {}, rules: [] }, setting === 'requestVisibility' ? null : team);
      expect(effective).toMatchObject({ value: SETTING_DEFINITIONS[setting].defaultValue, level: 'DEFAULT', overriddenByLock: false });
    }
  });
});

describe('purity', () => {
  it('the resolution module imports nothing (no database, clock or I/O can reach it)', () => {
    const source = fs.readFileSync(path.join(__dirname, '../src/policies/resolution.ts'), 'utf8');
    expect(source).not.toMatch(/^\s*import\s|\brequire\(|\bimport\(/m);
    expect(source).not.toMatch(/\bDate\.now\(|\bnew Date\(|\bprocess\./);
  });
});
