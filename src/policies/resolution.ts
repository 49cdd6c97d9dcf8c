/**
 * Policy resolution (docs/policies.md): pure functions from policy state to effective values and model-access decisions.
 * No database, no clock, no I/O: the service loads state (batched through DataLoaders) and feeds it here, so every
 * caller (listing, gateway check, preview, enforcement) gets the same answer for the same state.
 */

export type Level = 'ORGANIZATION' | 'TEAM' | 'DEFAULT';
export type Surface = 'API' | 'PLAYGROUND';
export const SURFACES: readonly Surface[] = ['API', 'PLAYGROUND'];
export type Effect = 'ALLOWED' | 'BLOCKED';
export type SettingValue = string | boolean;

interface SettingDefinition {
  /** ORGANIZATION: only the organization sets it. TEAM: teams may override it while it is not locked. */
  scope: 'ORGANIZATION' | 'TEAM';
  values: readonly SettingValue[];
  defaultValue: SettingValue;
}

/** Every policy setting, its scope, allowed values and default (the settings table of docs/policies.md). Order is the display order. */
export const SETTING_DEFINITIONS = {
  teamCreation: { scope: 'ORGANIZATION', values: ['ORG_ADMINS', 'TEAM_ADMINS', 'ANY_MEMBER'], defaultValue: 'ORG_ADMINS' },
  invitePermission: { scope: 'ORGANIZATION', values: ['ORG_ADMINS', 'TEAM_ADMINS'], defaultValue: 'TEAM_ADMINS' },
  crossTeamVisibility: { scope: 'ORGANIZATION', values: [true, false], defaultValue: false },
  requestVisibility: { scope: 'TEAM', values: ['ALL', 'OWN'], defaultValue: 'ALL' },
  ssoRequired: { scope: 'ORGANIZATION', values: [true, false], defaultValue: false },
  personalAccountAccess: { scope: 'ORGANIZATION', values: ['ALLOWED', 'BLOCKED'], defaultValue: 'ALLOWED' },
  modelAccessMode: { scope: 'ORGANIZATION', values: ['ENTERPRISE_READY', 'EXPLICIT_APPROVAL'], defaultValue: 'ENTERPRISE_READY' },
} as const satisfies Record<string, SettingDefinition>;

export type SettingKey = keyof typeof SETTING_DEFINITIONS;
export const SETTING_KEYS = Object.keys(SETTING_DEFINITIONS) as SettingKey[];

export function isTeamScoped(setting: SettingKey): boolean {
  return SETTING_DEFINITIONS[setting].scope === 'TEAM';
}

export function isAllowedValue(setting: SettingKey, value: unknown): value is SettingValue {
  return (SETTING_DEFINITIONS[setting].values as readonly unknown[]).includes(value);
}

export interface OrganizationSettingState {
  value: SettingValue;
  locked: boolean;
}

export interface RuleState {
  id: string;
  surface: Surface;
  pattern: string;
  effect: Effect;
  /** Only organization rules can be locked. */
  locked: boolean;
}

/** What the organization has set. Absent settings fall back to their defaults. */
export interface OrganizationPolicyState {
  settings: Partial<Record<SettingKey, OrganizationSettingState>>;
  /** Organization-level model access rules (both surfaces). */
  rules: RuleState[];
}

/** What a team has set, plus the facts about the team that deny access regardless of rules. */
export interface TeamPolicyState {
  teamId: string;
  archived: boolean;
  /** Fed by billing when the team's hard spend limit is reached (step 1 of model access resolution). */
  hardSpendLimitReached: boolean;
  /** Overrides of team-scoped settings; stored overrides of locked settings stay here and are reported as inert. */
  overrides: Partial<Record<SettingKey, SettingValue>>;
  rules: RuleState[];
}

export const DEFAULT_ORGANIZATION_POLICY: OrganizationPolicyState = { settings: {}, rules: [] };

// ---------------------------------------------------------------------------------------------------------------
// Settings

export interface EffectiveSetting {
  setting: SettingKey;
  value: SettingValue;
  level: Level;
  locked: boolean;
  /** The team's own override, when it has one (also while a lock makes it inert). */
  teamOverride: SettingValue | null;
  /** True when the team has an override that a locked organization setting makes inert. */
  overriddenByLock: boolean;
}

/** The effective value of one setting for a team (or for the organization itself when `team` is null). */
export function resolveSetting(setting: SettingKey, organization: OrganizationPolicyState, team: TeamPolicyState | null): EffectiveSetting {
  const orgSetting = organization.settings[setting];
  const locked = orgSetting?.locked ?? false;
  const override = team && isTeamScoped(setting) ? team.overrides[setting] : undefined;
  const teamOverride = override ?? null;
  if (teamOverride !== null && !locked) {
    return { setting, value: teamOverride, level: 'TEAM', locked, teamOverride, overriddenByLock: false };
  }
  return {
    setting,
    value: orgSetting ? orgSetting.value : SETTING_DEFINITIONS[setting].defaultValue,
    level: orgSetting ? 'ORGANIZATION' : 'DEFAULT',
    locked,
    teamOverride,
    overriddenByLock: teamOverride !== null && locked,
  };
}

export function resolveSettings(organization: OrganizationPolicyState, team: TeamPolicyState | null): EffectiveSetting[] {
  return SETTING_KEYS.map((setting) => resolveSetting(setting, organization, team));
}

export function settingValue<K extends SettingKey>(organization: OrganizationPolicyState, setting: K): (typeof SETTING_DEFINITIONS)[K]['values'][number] {
  return resolveSetting(setting, organization, null).value as (typeof SETTING_DEFINITIONS)[K]['values'][number];
}

// ---------------------------------------------------------------------------------------------------------------
// Model access

const PATTERN = /^[A-Za-z0-9._~\-/:@]*\*?$/;

/** An exact endpoint id, or a prefix glob ending in `*` (`fal-ai/flux/*`, or `*` for everything). */
export function isValidPattern(pattern: string): boolean {
  return pattern.length > 0 && pattern.length <= 255 && PATTERN.test(pattern);
}

export function isGlob(pattern: string): boolean {
  return pattern.endsWith('*');
}

export function patternMatches(pattern: string, endpointId: string): boolean {
  return isGlob(pattern) ? endpointId.startsWith(pattern.slice(0, -1)) : pattern === endpointId;
}

/**
 * Orders rules most specific first: exact ids before any glob, longer glob prefixes before shorter ones, BLOCKED
 * before ALLOWED at equal specificity. The remaining keys only make the order total, so the result never depends on
 * the order rules were stored or listed in.
 */
export function compareSpecificity(a: RuleState, b: RuleState): number {
  const exact = Number(isGlob(a.pattern)) - Number(isGlob(b.pattern));
  if (exact !== 0) return exact;
  if (a.pattern.length !== b.pattern.length) return b.pattern.length - a.pattern.length;
  if (a.effect !== b.effect) return a.effect === 'BLOCKED' ? -1 : 1;
  if (a.pattern !== b.pattern) return a.pattern < b.pattern ? -1 : 1;
  if (a.locked !== b.locked) return a.locked ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The most specific rule of `rules` matching the endpoint on the surface, or null. */
export function mostSpecificRule(rules: readonly RuleState[], endpointId: string, surface: Surface): RuleState | null {
  let best: RuleState | null = null;
  for (const rule of rules) {
    if (rule.surface !== surface || !patternMatches(rule.pattern, endpointId)) continue;
    if (best === null || compareSpecificity(rule, best) < 0) best = rule;
  }
  return best;
}

export interface CatalogEntry {
  endpointId: string;
  enterpriseReady: boolean;
}

export type DecisionReasonCode =
  | 'TEAM_ARCHIVED'
  | 'SPEND_LIMIT_REACHED'
  | 'BUDGET_EXHAUSTED'
  | 'LOCKED_ORGANIZATION_RULE'
  | 'TEAM_RULE'
  | 'ORGANIZATION_RULE'
  | 'MODE_ENTERPRISE_READY'
  | 'MODE_NOT_ENTERPRISE_READY'
  | 'MODE_EXPLICIT_APPROVAL';

export interface AccessDecision {
  decision: Effect;
  level: Level;
  rule: RuleState | null;
  reasonCode: DecisionReasonCode;
  reason: string;
  /** A team rule that would have decided but is made inert by a locked organization rule. */
  overriddenTeamRule: RuleState | null;
}

function ruleText(rule: RuleState): string {
  return `${rule.effect === 'ALLOWED' ? 'allows' : 'blocks'} \`${rule.pattern}\``;
}

/**
 * Decides `(team, endpoint, surface)` as docs/policies.md states it: (1) archived team or reached hard spend limit → denied;
 * (2) most specific matching locked organization rule; (3) most specific team rule; (4) most specific organization
 * rule; (5) the organization's mode.
 */
export function decideModelAccess(
  organization: OrganizationPolicyState,
  team: TeamPolicyState,
  endpoint: CatalogEntry,
  surface: Surface,
): AccessDecision {
  const { endpointId } = endpoint;
  if (team.archived) {
    return denied('TEAM', 'TEAM_ARCHIVED', 'The team is archived: archived teams cannot call any model.');
  }
  if (team.hardSpendLimitReached) {
    return denied('TEAM', 'SPEND_LIMIT_REACHED', 'The team has reached its hard spend limit: model calls are denied until the limit is raised or the period ends.');
  }
  const teamRule = mostSpecificRule(team.rules, endpointId, surface);
  const lockedRule = mostSpecificRule(
    organization.rules.filter((rule) => rule.locked),
    endpointId,
    surface,
  );
  if (lockedRule) {
    const overridden = teamRule ? `; the team's own rule that ${ruleText(teamRule)} is overridden by this lock` : '';
    return {
      decision: lockedRule.effect,
      level: 'ORGANIZATION',
      rule: lockedRule,
      reasonCode: 'LOCKED_ORGANIZATION_RULE',
      reason: `A locked organization rule ${ruleText(lockedRule)} on ${surface}${overridden}.`,
      overriddenTeamRule: teamRule,
    };
  }
  if (teamRule) {
    return {
      decision: teamRule.effect,
      level: 'TEAM',
      rule: teamRule,
      reasonCode: 'TEAM_RULE',
      reason: `The team's rule ${ruleText(teamRule)} on ${surface}.`,
      overriddenTeamRule: null,
    };
  }
  const orgRule = mostSpecificRule(organization.rules, endpointId, surface);
  if (orgRule) {
    return {
      decision: orgRule.effect,
      level: 'ORGANIZATION',
      rule: orgRule,
      reasonCode: 'ORGANIZATION_RULE',
      reason: `The organization's rule ${ruleText(orgRule)} on ${surface}.`,
      overriddenTeamRule: null,
    };
  }
  const mode = resolveSetting('modelAccessMode', organization, null);
  const modeLevel = mode.level;
  if (mode.value === 'EXPLICIT_APPROVAL') {
    return {
      decision: 'BLOCKED',
      level: modeLevel,
      rule: null,
      reasonCode: 'MODE_EXPLICIT_APPROVAL',
      reason: `No rule allows \`${endpointId}\` on ${surface}, and the organization's mode is EXPLICIT_APPROVAL (everything is blocked unless allowed).`,
      overriddenTeamRule: null,
    };
  }
  if (endpoint.enterpriseReady) {
    return {
      decision: 'ALLOWED',
      level: modeLevel,
      rule: null,
      reasonCode: 'MODE_ENTERPRISE_READY',
      reason: `No rule matches \`${endpointId}\` on ${surface}; it is enterprise-ready and the mode is ENTERPRISE_READY.`,
      overriddenTeamRule: null,
    };
  }
  return {
    decision: 'BLOCKED',
    level: modeLevel,
    rule: null,
    reasonCode: 'MODE_NOT_ENTERPRISE_READY',
    reason: `No rule matches \`${endpointId}\` on ${surface}, and it is not enterprise-ready: the ENTERPRISE_READY mode only allows enterprise-ready models.`,
    overriddenTeamRule: null,
  };
}

function denied(level: Level, reasonCode: DecisionReasonCode, reason: string): AccessDecision {
  return { decision: 'BLOCKED', level, rule: null, reasonCode, reason, overriddenTeamRule: null };
}

// ---------------------------------------------------------------------------------------------------------------
// Policy changes and their dry run

export interface RuleAddition {
  /** null: an organization rule. */
  teamId: string | null;
  surface: Surface;
  pattern: string;
  effect: Effect;
  locked: boolean;
}

/** One policy change, as both the preview and the mutation take it. */
export interface PolicyChange {
  /** Organization settings: `value` absent keeps the value, `locked` absent keeps the lock. */
  settings?: Partial<Record<SettingKey, { value?: SettingValue; locked?: boolean }>>;
  /** Team overrides of team-scoped settings: `value` null removes the override. */
  teamOverrides?: Array<{ teamId: string; setting: SettingKey; value: SettingValue | null }>;
  /**
   * Adding a rule for a pattern that already has one at that level and surface replaces it; when the change itself
   * names the same level, surface and pattern more than once, the last one wins (as if added one after another).
   */
  addRules?: Array<RuleAddition & { id: string }>;
  removeRuleIds?: string[];
}

export interface PolicyStates {
  organization: OrganizationPolicyState;
  teams: TeamPolicyState[];
}

function sameSlot(rule: RuleState, addition: { surface: Surface; pattern: string }): boolean {
  return rule.surface === addition.surface && rule.pattern === addition.pattern;
}

/**
 * The rule additions of a change that take effect: the last one per (level, surface, pattern). The service stores
 * exactly these, so the plan never keeps two rules for one slot while the database keeps one.
 */
export function effectiveRuleAdditions<T extends RuleAddition>(additions: readonly T[]): T[] {
  const slot = (addition: RuleAddition) => JSON.stringify([addition.teamId, addition.surface, addition.pattern]);
  const last = new Map(additions.map((addition, index) => [slot(addition), index]));
  return additions.filter((addition, index) => last.get(slot(addition)) === index);
}

/** The policy state after `change`, without touching the input. The service persists exactly these operations. */
export function applyPolicyChange(states: PolicyStates, change: PolicyChange): PolicyStates {
  const removed = new Set(change.removeRuleIds ?? []);
  const settings = { ...states.organization.settings };
  for (const setting of SETTING_KEYS) {
    const update = change.settings?.[setting];
    if (!update) continue;
    const current = settings[setting];
    settings[setting] = {
      value: update.value ?? current?.value ?? SETTING_DEFINITIONS[setting].defaultValue,
      locked: update.locked ?? current?.locked ?? false,
    };
  }
  const additions = effectiveRuleAdditions(change.addRules ?? []);
  const withAdditions = (rules: RuleState[], teamId: string | null): RuleState[] => {
    const mine = additions.filter((addition) => addition.teamId === teamId);
    const kept = rules.filter((rule) => !removed.has(rule.id) && !mine.some((addition) => sameSlot(rule, addition)));
    return [
      ...kept,
      ...mine.map(({ id, surface, pattern, effect, locked }) => ({ id, surface, pattern, effect, locked: teamId === null && locked })),
    ];
  };
  return {
    organization: { settings, rules: withAdditions(states.organization.rules, null) },
    teams: states.teams.map((team) => {
      const overrides = { ...team.overrides };
      for (const override of change.teamOverrides ?? []) {
        if (override.teamId !== team.teamId) continue;
        if (override.value === null) delete overrides[override.setting];
        else overrides[override.setting] = override.value;
      }
      return { ...team, overrides, rules: withAdditions(team.rules, team.teamId) };
    }),
  };
}

export interface SettingChange {
  setting: SettingKey;
  before: EffectiveSetting;
  after: EffectiveSetting;
}

export interface ModelAccessFlip {
  surface: Surface;
  endpointId: string;
  before: AccessDecision;
  after: AccessDecision;
}

export interface TeamPolicyDiff {
  teamId: string;
  settings: SettingChange[];
  modelAccess: ModelAccessFlip[];
}

/**
 * Which effective values differ between two states, per team: settings whose value changed and catalog endpoints
 * whose decision flipped per surface. Teams with no difference are omitted.
 */
export function diffEffectivePolicies(before: PolicyStates, after: PolicyStates, catalog: readonly CatalogEntry[]): TeamPolicyDiff[] {
  const afterById = new Map(after.teams.map((team) => [team.teamId, team]));
  const result: TeamPolicyDiff[] = [];
  for (const teamBefore of before.teams) {
    const teamAfter = afterById.get(teamBefore.teamId);
    if (!teamAfter) continue;
    const settings: SettingChange[] = [];
    for (const setting of SETTING_KEYS) {
      const was = resolveSetting(setting, before.organization, teamBefore);
      const is = resolveSetting(setting, after.organization, teamAfter);
      if (was.value !== is.value) settings.push({ setting, before: was, after: is });
    }
    const modelAccess: ModelAccessFlip[] = [];
    for (const surface of SURFACES) {
      for (const endpoint of catalog) {
        const was = decideModelAccess(before.organization, teamBefore, endpoint, surface);
        const is = decideModelAccess(after.organization, teamAfter, endpoint, surface);
        if (was.decision !== is.decision) modelAccess.push({ surface, endpointId: endpoint.endpointId, before: was, after: is });
      }
    }
    if (settings.length || modelAccess.length) result.push({ teamId: teamBefore.teamId, settings, modelAccess });
  }
  return result;
}

/** Just the effective values of a team, for comparing a preview with what was applied. */
export function effectiveSnapshot(organization: OrganizationPolicyState, team: TeamPolicyState, catalog: readonly CatalogEntry[]) {
  return {
    settings: Object.fromEntries(resolveSettings(organization, team).map((s) => [s.setting, s.value])),
    modelAccess: Object.fromEntries(
      SURFACES.flatMap((surface) =>
        catalog.map((endpoint) => [`${surface} ${endpoint.endpointId}`, decideModelAccess(organization, team, endpoint, surface).decision]),
      ),
    ),
  };
}
