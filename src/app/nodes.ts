import type { AppContext } from './context';

/**
 * How `node(id:)` fetches each type, with the same visibility rules as the type's own queries: anything the
 * caller may not see comes back as null, exactly like an id that does not exist.
 */
export const nodeFetchers: Record<string, (ctx: AppContext, localId: string) => Promise<object | null>> = {
  Organization: async (ctx, id) => {
    const organization = await ctx.loaders.organizationById.load(id);
    return organization && (await ctx.access.canSeeOrganization(organization)) ? organization : null;
  },
  Team: async (ctx, id) => {
    const team = await ctx.loaders.teamById.load(id);
    return team && (await ctx.access.canSeeTeam(team)) ? team : null;
  },
  ModelAccessRule: async (ctx, id) => {
    const rule = await ctx.loaders.modelAccessRuleById.load(id);
    if (!rule) return null;
    // Rules are as visible as what owns them: the team for team rules, the organization for organization rules.
    if (rule.teamId) {
      const team = await ctx.loaders.teamById.load(rule.teamId);
      return team && (await ctx.access.canSeeTeam(team)) ? rule : null;
    }
    const organization = await ctx.loaders.organizationById.load(rule.organizationId);
    return organization && (await ctx.access.canSeeOrganization(organization)) ? rule : null;
  },
  User: async (ctx, id) => {
    // Users are visible to themselves only, until membership listings exist.
    return ctx.actor.kind === 'USER' && ctx.actor.userId === id ? ctx.loaders.userById.load(id) : null;
  },
};
