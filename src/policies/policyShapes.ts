import { toGlobalId } from '../core/relay';
import { ModelAccessEffect, ModelAccessReason, ModelSurface, PolicyLevel, PolicySetting } from './policy.enums';
import type { DecidingRule, EffectivePolicy, ModelAccessDecision, OrganizationPolicy, PolicySettingChange } from './policies.types';
import type { AccessDecision, EffectiveSetting, RuleState, SettingChange } from './resolution';

/** Turns the resolution module's plain results into the GraphQL objects (no I/O). */

/** Ids of rules a preview only plans to add; they have no global id yet. */
export const PLANNED_RULE_PREFIX = 'planned:';

export function decidingRule(rule: RuleState | null, level: PolicyLevel): DecidingRule | null {
  if (!rule) return null;
  return {
    ruleId: rule.id.startsWith(PLANNED_RULE_PREFIX) ? null : toGlobalId('ModelAccessRule', rule.id),
    level,
    surface: rule.surface as ModelSurface,
    pattern: rule.pattern,
    effect: rule.effect as ModelAccessEffect,
    locked: rule.locked,
  };
}

export function decisionShape(decision: AccessDecision): ModelAccessDecision {
  const ruleLevel = decision.reasonCode === 'TEAM_RULE' ? PolicyLevel.TEAM : PolicyLevel.ORGANIZATION;
  return {
    decision: decision.decision as ModelAccessEffect,
    level: decision.level as PolicyLevel,
    reasonCode: decision.reasonCode as ModelAccessReason,
    reason: decision.reason,
    rule: decidingRule(decision.rule, ruleLevel),
    overriddenTeamRule: decidingRule(decision.overriddenTeamRule, PolicyLevel.TEAM),
  };
}

export function organizationPolicyShape(organizationId: string, settings: EffectiveSetting[]): OrganizationPolicy {
  const policy = { organizationId } as Record<string, unknown>;
  for (const setting of settings) policy[setting.setting] = { value: setting.value, locked: setting.locked, level: setting.level };
  return policy as unknown as OrganizationPolicy;
}

export function effectivePolicyShape(settings: EffectiveSetting[]): EffectivePolicy {
  return Object.fromEntries(settings.map((setting) => [setting.setting, { ...setting }])) as unknown as EffectivePolicy;
}

export function settingChangeShape(change: SettingChange): PolicySettingChange {
  return {
    setting: change.setting as PolicySetting,
    before: String(change.before.value),
    after: String(change.after.value),
    beforeLevel: change.before.level as PolicyLevel,
    afterLevel: change.after.level as PolicyLevel,
  };
}
