import type { ModelAccessRule } from './modelAccessRule.entity';
import type { OrganizationPolicySetting } from './organizationPolicySetting.entity';
import type { TeamPolicyOverride } from './teamPolicyOverride.entity';
import type { OrganizationPolicyState, RuleState, TeamPolicyState } from './resolution';

/** Translates stored rows into the resolution module's input (no I/O: callers load the rows in batches). */

export function ruleState(rule: ModelAccessRule): RuleState {
  return { id: rule.id, surface: rule.surface, pattern: rule.pattern, effect: rule.effect, locked: rule.locked };
}

export function organizationPolicyState(settings: readonly OrganizationPolicySetting[], rules: readonly ModelAccessRule[]): OrganizationPolicyState {
  return {
    settings: Object.fromEntries(settings.map((row) => [row.setting, { value: row.value, locked: row.locked }])),
    rules: rules.filter((rule) => rule.teamId === null).map(ruleState),
  };
}

export function teamPolicyState(
  team: { id: string; archivedAt: Date | null },
  overrides: readonly TeamPolicyOverride[],
  rules: readonly ModelAccessRule[],
  hardSpendLimitReached: boolean,
): TeamPolicyState {
  return {
    teamId: team.id,
    archived: team.archivedAt !== null,
    hardSpendLimitReached,
    overrides: Object.fromEntries(overrides.map((row) => [row.setting, row.value])),
    rules: rules.filter((rule) => rule.teamId === team.id).map(ruleState),
  };
}
