import { defineModule } from '../app/module';
import { OWNED_TABLES } from './tables';
import { budgetAccessCheck } from '../budgets/budgets.loaders';
import { reachable, withUuidKeys } from '../node/reachable';
import { ModelAccessRule } from './modelAccessRule.entity';
import { OrganizationPolicySetting } from './organizationPolicySetting.entity';
import { createPolicyLoaders, type PolicyLoaders } from './policies.loaders';
import {
  ModelAccessRuleResolver,
  OrganizationPolicyFieldResolver,
  OrganizationPolicyResolver,
  PolicyOperationsResolver,
  TeamPolicyResolver,
} from './policies.resolver';
import { createPoliciesRouter } from './policies.rest';
import { PoliciesService } from './policies.service';
import { TeamPolicyOverride } from './teamPolicyOverride.entity';

declare module '../app/scope' {
  interface Services {
    policies: PoliciesService;
  }
  interface Loaders extends PolicyLoaders {}
}

export const policiesModule = defineModule({
  name: 'policies',
  tables: OWNED_TABLES,
  entities: [OrganizationPolicySetting, TeamPolicyOverride, ModelAccessRule],
  resolvers: [ModelAccessRuleResolver, OrganizationPolicyResolver, OrganizationPolicyFieldResolver, TeamPolicyResolver, PolicyOperationsResolver],
  // Billing's hard spend limits and SSO's lock-out guard feed model access and the `ssoRequired` setting.
  services: ({ db, catalog, alerts, sso }) => ({
    policies: new PoliciesService(db, catalog, alerts, {
      beforeChange: (organizationId) => sso.assertCanRequireSso(organizationId),
      inTransaction: (tx, organizationId) => sso.assertStillCanRequireSso(tx, organizationId),
    }),
  }),
  loaders: (db, { alerts }, { budgets }) => createPolicyLoaders(db, { hardSpendLimits: alerts, budgetAccess: budgetAccessCheck(budgets) }),
  nodeFetchers: withUuidKeys({
    ModelAccessRule: async (ctx, id) => {
      const rule = await ctx.loaders.modelAccessRuleById.load(id);
      if (!rule) return null;
      // Rules are as visible as what owns them: the team for team rules, the organization for organization rules.
      if (rule.teamId) {
        const team = await ctx.loaders.teamById.load(rule.teamId);
        return team && (await ctx.access.canSeeTeam(team)) ? reachable(ctx, rule.organizationId, rule) : null;
      }
      const organization = await ctx.loaders.organizationById.load(rule.organizationId);
      return organization && (await ctx.access.canSeeOrganization(organization)) ? reachable(ctx, rule.organizationId, rule) : null;
    },
  }),
  restRoutes: ({ rest, loadersFor }) => createPoliciesRouter(rest, loadersFor),
});
