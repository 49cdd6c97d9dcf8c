import DataLoader from 'dataloader';
import { In, IsNull, type DataSource } from 'typeorm';
import { loaderByKey, loaderOfGroups } from '../core/loaderUtils';
import type { Team } from '../teams/team.entity';
import { ModelAccessRule } from './modelAccessRule.entity';
import { OrganizationPolicySetting } from './organizationPolicySetting.entity';
import { TeamPolicyOverride } from './teamPolicyOverride.entity';

/** Billing answers this (step 1 of model access): which of these teams have reached their hard spend limit. */
export interface HardSpendLimitSource {
  teamsAtHardLimit(teamIds: readonly string[]): Promise<ReadonlySet<string>>;
}

/**
 * The budgets module answers this per request (batched through its own loaders): a used-up hard budget of the team,
 * the key or the key's owner denies the call (BUDGET_EXHAUSTED), naming the budget.
 */
export interface BudgetAccessCheck {
  check(team: Team, caller: { keyId: string | null; userId: string | null }): Promise<{ exhausted: { level: 'ORGANIZATION' | 'TEAM'; reason: string } | null; unknownKey: boolean }>;
}

/**
 * Per-request loaders of the policies module: an organization's settings and rules and its teams' overrides, rules
 * and hard-limit flags, one statement per kind whatever the number of teams (listings and gateway checks cost a
 * constant number of statements).
 */
export function createPolicyLoaders(db: DataSource, sources: { hardSpendLimits: HardSpendLimitSource; budgetAccess: BudgetAccessCheck }) {
  return {
    policySettingsByOrganization: loaderOfGroups<string, OrganizationPolicySetting>(
      (ids) => db.getRepository(OrganizationPolicySetting).findBy({ organizationId: In([...ids]) }),
      (s) => s.organizationId,
    ),
    organizationRulesByOrganization: loaderOfGroups<string, ModelAccessRule>(
      (ids) => db.getRepository(ModelAccessRule).findBy({ organizationId: In([...ids]), teamId: IsNull() }),
      (r) => r.organizationId,
    ),
    teamRulesByTeam: loaderOfGroups<string, ModelAccessRule>(
      (ids) => db.getRepository(ModelAccessRule).findBy({ teamId: In([...ids]) }),
      (r) => r.teamId!,
    ),
    policyOverridesByTeam: loaderOfGroups<string, TeamPolicyOverride>(
      (ids) => db.getRepository(TeamPolicyOverride).findBy({ teamId: In([...ids]) }),
      (o) => o.teamId,
    ),
    modelAccessRuleById: loaderByKey<string, ModelAccessRule>(
      (ids) => db.getRepository(ModelAccessRule).findBy({ id: In([...ids]) }),
      (r) => r.id,
    ),
    hardSpendLimitByTeam: new DataLoader<string, boolean>(async (teamIds) => {
      const reached = await sources.hardSpendLimits.teamsAtHardLimit(teamIds);
      return teamIds.map((id) => reached.has(id));
    }),
    budgetAccess: sources.budgetAccess,
  };
}

export type PolicyLoaders = ReturnType<typeof createPolicyLoaders>;

/** What policy reads need from the request: its policy loaders and the team lookups checks resolve references with. */
export type PolicyReadLoaders = PolicyLoaders & {
  teamById: DataLoader<string, Team | null>;
  teamByUsername: DataLoader<string, Team | null>;
};
