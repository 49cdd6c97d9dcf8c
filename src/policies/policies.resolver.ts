import { Arg, Args, Ctx, Extensions, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app/context';
import { BadUserInputError, NotFoundError, UserInputFailure } from '../core/errors';
import { PageArgsType, arrayConnection, localIdOf } from '../core/relay';
import { mutationPayload } from '../core/mutation';
import { NodeIdResolver } from '../core/nodeId';
import { Organization } from '../organizations/organization.entity';
import { organizationByGlobalId } from '../organizations/organizations.lookup';
import { Team } from '../teams/team.entity';
import { teamByGlobalId } from '../teams/teams.lookup';
import { ModelAccessRule } from './modelAccessRule.entity';
import { MAX_CHECKS_PER_CALL, newRuleId } from './policies.service';
import { ModelAccessCheckErrorCode, ModelSurface, PolicyLevel } from './policy.enums';
import {
  AddModelAccessRuleInput,
  EffectivePolicy,
  ModelAccessCheckInput,
  ModelAccessCheckResult,
  ModelAccessEntry,
  ModelAccessRuleConnection,
  OrganizationPolicy,
  PolicyChangeInput,
  PolicyChangePayload,
  PolicyChangePreview,
  RemoveModelAccessRuleInput,
  TeamPolicyChange,
  TeamPolicyOverridesInput,
  UpdateOrganizationPolicyInput,
  type OrganizationPolicySettingsInput,
} from './policies.types';
import { decisionShape, effectivePolicyShape, organizationPolicyShape, PLANNED_RULE_PREFIX, settingChangeShape } from './policyShapes';
import { compareSpecificity, SETTING_KEYS, type PolicyChange, type TeamPolicyDiff } from './resolution';
import { ruleState } from './policyState';

@Resolver(() => ModelAccessRule)
export class ModelAccessRuleResolver extends NodeIdResolver(ModelAccessRule, 'ModelAccessRule') {
  @FieldResolver(() => PolicyLevel, { description: 'ORGANIZATION for organization rules, TEAM for a team’s own rules.' })
  level(@Root() rule: ModelAccessRule): PolicyLevel {
    return rule.teamId ? PolicyLevel.TEAM : PolicyLevel.ORGANIZATION;
  }

  @FieldResolver(() => Team, { nullable: true, description: 'The team owning the rule; null for organization rules.' })
  async team(@Root() rule: ModelAccessRule, @Ctx() ctx: AppContext): Promise<Team | null> {
    return rule.teamId ? ctx.loaders.teamById.load(rule.teamId) : null;
  }
}

/**
 * A check resolves a decision in memory (rules matched against the endpoint, provenance and reason built), about
 * twice the work of loading one object through a DataLoader. At 2 the gateway's full call (1,000 checks with every
 * field of the result) stays under the per-operation limit of 20,000, and 30 aliases of it do not.
 */
const CHECK_WEIGHT = 2;

@Resolver(() => OrganizationPolicy)
export class OrganizationPolicyResolver {
  @FieldResolver(() => ModelAccessRuleConnection, {
    description: 'The organization-level model access rules (at most 500 per level), by surface, most specific first.',
  })
  async modelAccessRules(
    @Root() policy: OrganizationPolicy,
    @Arg('surface', () => ModelSurface, { nullable: true, description: 'Only rules of this surface.' }) surface: ModelSurface | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: AppContext,
  ): Promise<ModelAccessRuleConnection> {
    return ruleConnection(sortedRules(await ctx.services.policies.organizationRules(ctx.loaders, policy.organizationId), surface), page);
  }
}

@Resolver(() => Organization)
export class OrganizationPolicyFieldResolver {
  @FieldResolver(() => OrganizationPolicy, { description: 'The organization’s policy: settings with locks and organization model access rules.' })
  async policy(@Root() organization: Organization, @Ctx() ctx: AppContext): Promise<OrganizationPolicy> {
    return organizationPolicyShape(organization.id, await ctx.services.policies.organizationSettings(ctx.loaders, organization.id));
  }
}

@Resolver(() => Team)
export class TeamPolicyResolver {
  @FieldResolver(() => EffectivePolicy, {
    description: 'Every policy setting as it applies to this team, with the level that set it, its lock, and inert overrides.',
  })
  async effectivePolicy(@Root() team: Team, @Ctx() ctx: AppContext): Promise<EffectivePolicy> {
    return effectivePolicyShape(await ctx.services.policies.effectiveSettings(ctx.loaders, team));
  }

  // One entry per catalog model.
  @Extensions({ cost: { listSize: 100 } })
  @FieldResolver(() => [ModelAccessEntry], {
    description: 'Every catalog model’s resolved access for this team on a surface, with the reason (catalog order, by endpoint id).',
  })
  async modelAccess(
    @Root() team: Team,
    @Arg('surface', () => ModelSurface, { description: 'The surface to resolve for.' }) surface: ModelSurface,
    @Ctx() ctx: AppContext,
  ): Promise<ModelAccessEntry[]> {
    const entries = await ctx.services.policies.modelAccess(ctx.loaders, team, surface);
    return entries.map((entry) => ({ endpoint: entry.endpoint, surface, access: decisionShape(entry.decision) }));
  }

  @FieldResolver(() => ModelAccessRuleConnection, { description: 'The team’s own model access rules, by surface, most specific first.' })
  async modelAccessRules(
    @Root() team: Team,
    @Arg('surface', () => ModelSurface, { nullable: true, description: 'Only rules of this surface.' }) surface: ModelSurface | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: AppContext,
  ): Promise<ModelAccessRuleConnection> {
    return ruleConnection(sortedRules(await ctx.loaders.teamRulesByTeam.load(team.id), surface), page);
  }
}

@Resolver()
export class PolicyOperationsResolver {
  // One result per check, each weighing CHECK_WEIGHT objects: 30 aliases of 1,000 checks are 60,000 points, not 30.
  @Extensions({ cost: { multiplier: (args: Record<string, unknown>) => CHECK_WEIGHT * (Array.isArray(args.checks) ? args.checks.length : 1) } })
  @Query(() => [ModelAccessCheckResult], {
    description: `The gateway’s question, batched: may each team call each endpoint on each surface, and why. Up to ${MAX_CHECKS_PER_CALL} checks per call, answered in input order with a constant number of SQL statements. Accepted from the ingest credential (any team) and organization admins (their organization’s teams). Problems are reported per check in \`error\`.`,
  })
  async checkModelAccess(
    @Arg('checks', () => [ModelAccessCheckInput], { description: `The checks (at most ${MAX_CHECKS_PER_CALL}).` }) checks: ModelAccessCheckInput[],
    @Ctx() ctx: AppContext,
  ): Promise<ModelAccessCheckResult[]> {
    ctx.access.requireModelAccessChecker();
    if (checks.length > MAX_CHECKS_PER_CALL) throw new BadUserInputError(`At most ${MAX_CHECKS_PER_CALL} checks per call.`, 'checks');
    const parsed = checks.map((check) => {
      const byUsername = check.teamUsername ? { username: check.teamUsername } : null;
      const localId = check.teamId ? localIdOf(check.teamId, 'Team') : null;
      const byId = localId ? { id: localId } : null;
      // Exactly one reference; anything else cannot name a team and reports TEAM_NOT_FOUND.
      const team = byUsername && !check.teamId ? byUsername : byId && !check.teamUsername ? byId : null;
      const userId = check.userId ? (localIdOf(check.userId, 'User') ?? '00000000-0000-0000-0000-000000000000') : null;
      return { team, endpointId: check.endpointId, surface: check.surface, keyId: check.keyId?.slice(0, 100) ?? null, userId };
    });
    const results = await ctx.services.policies.checkModelAccess(ctx.loaders, parsed, (team) => ctx.access.mayCheckModelAccess(team));
    return results.map((result, i) => ({
      caller: { keyId: parsed[i].keyId, userId: parsed[i].userId },
      index: result.index,
      team: result.team,
      endpointId: result.endpointId,
      surface: result.surface,
      allowed: result.decision ? result.decision.decision === 'ALLOWED' : null,
      access: result.decision ? decisionShape(result.decision) : null,
      error: result.error ? { code: result.error.code as ModelAccessCheckErrorCode, message: result.error.message } : null,
    }));
  }

  @Query(() => PolicyChangePreview, {
    description: 'Dry run: per team, which effective settings and model access decisions a policy change would alter. Changes nothing; `applyPolicyChange` with the same input changes exactly this. Needs the same rights as applying it.',
  })
  async previewPolicyChange(@Arg('input', () => PolicyChangeInput) input: PolicyChangeInput, @Ctx() ctx: AppContext): Promise<PolicyChangePreview> {
    const { organization, change } = await authorizedChange(ctx, input, PLANNED_RULE_PREFIX);
    try {
      return { teams: await teamChanges(ctx, await ctx.services.policies.preview(organization.id, change)) };
    } catch (error) {
      // A preview has no payload: an invalid change is reported as a bad input, naming the field.
      if (error instanceof UserInputFailure) throw new BadUserInputError(error.message, error.field?.join('.'));
      throw error;
    }
  }

  @Mutation(() => PolicyChangePayload, {
    description: 'Apply a policy change atomically (organization settings need organization ADMIN; a team’s overrides and rules need that team’s ADMIN). Audited with before/after; returns what changed per team.',
  })
  async applyPolicyChange(@Arg('input', () => PolicyChangeInput) input: PolicyChangeInput, @Ctx() ctx: AppContext): Promise<PolicyChangePayload> {
    const { organization, change } = await authorizedChange(ctx, input, '');
    return applyAndShape(ctx, organization, change);
  }

  @Mutation(() => PolicyChangePayload, {
    description: 'Change organization settings (value and lock per setting; organization ADMIN). Team overrides are kept: a lock makes them inert, an unlock brings them back.',
  })
  async updateOrganizationPolicy(
    @Arg('input', () => UpdateOrganizationPolicyInput) input: UpdateOrganizationPolicyInput,
    @Ctx() ctx: AppContext,
  ): Promise<PolicyChangePayload> {
    const { organization, change } = await authorizedChange(ctx, { organizationId: input.organizationId, settings: input.settings }, '');
    return applyAndShape(ctx, organization, change);
  }

  @Mutation(() => PolicyChangePayload, { description: 'Set or remove a team’s overrides of team-scoped settings (team ADMIN; refused while the organization locks the setting).' })
  async updateTeamPolicy(@Arg('input', () => TeamPolicyOverridesInput) input: TeamPolicyOverridesInput, @Ctx() ctx: AppContext): Promise<PolicyChangePayload> {
    const team = await ctx.access.visibleTeam(await teamByGlobalId(ctx, input.teamId));
    if (!team.organizationId) throw new BadUserInputError('Only teams of an organization have policy overrides.', 'teamId');
    const { organization, change } = await authorizedChange(
      ctx,
      { organizationId: '', teamOverrides: [input] },
      '',
      await ctx.loaders.organizationById.load(team.organizationId),
    );
    return applyAndShape(ctx, organization, change);
  }

  @Mutation(() => PolicyChangePayload, {
    description: 'Add a model access rule to the organization (organization ADMIN) or to one of its teams (team ADMIN); an existing rule with the same pattern and surface at that level is replaced.',
  })
  async addModelAccessRule(@Arg('input', () => AddModelAccessRuleInput) input: AddModelAccessRuleInput, @Ctx() ctx: AppContext): Promise<PolicyChangePayload> {
    const { organizationId, ...rule } = input;
    const { organization, change } = await authorizedChange(ctx, { organizationId, addRules: [rule] }, '');
    return applyAndShape(ctx, organization, change);
  }

  @Mutation(() => PolicyChangePayload, { description: 'Remove a model access rule (organization ADMIN for organization rules, team ADMIN for team rules).' })
  async removeModelAccessRule(
    @Arg('input', () => RemoveModelAccessRuleInput) input: RemoveModelAccessRuleInput,
    @Ctx() ctx: AppContext,
  ): Promise<PolicyChangePayload> {
    ctx.access.requireCustomer();
    const localId = localIdOf(input.ruleId, 'ModelAccessRule');
    const rule = localId ? await ctx.loaders.modelAccessRuleById.load(localId) : null;
    const owner = rule ? await ctx.loaders.organizationById.load(rule.organizationId) : null;
    // Another organization's rule must look exactly like a missing rule (found by test/isolation.test.ts: it used
    // to answer "Organization not found", telling the caller the rule id exists elsewhere).
    if (!rule || !owner || !(await ruleVisible(ctx, rule.teamId, owner))) throw new NotFoundError('ModelAccessRule');
    const { organization, change } = await authorizedChange(ctx, { organizationId: '', removeRuleIds: [input.ruleId] }, '', owner);
    return applyAndShape(ctx, organization, change);
  }
}

/** A team rule is visible to whoever sees its team; an organization rule to whoever sees the organization. */
async function ruleVisible(ctx: AppContext, teamId: string | null, organization: Organization): Promise<boolean> {
  if (!teamId) return ctx.access.canSeeOrganization(organization);
  const team = await ctx.loaders.teamById.load(teamId);
  return team !== null && (await ctx.access.canSeeTeam(team));
}

/**
 * Authorizes a policy change and translates it to the resolution module's terms: organization settings and rules
 * need organization ADMIN; a team's overrides and rules need that team's ADMIN. Anything outside the organization
 * is NOT_FOUND. `rulePrefix` marks rule ids a preview only plans.
 */
async function authorizedChange(
  ctx: AppContext,
  input: Omit<PolicyChangeInput, 'organizationId'> & { organizationId: string },
  rulePrefix: string,
  knownOrganization?: Organization | null,
): Promise<{ organization: Organization; change: PolicyChange }> {
  const organization = await ctx.access.visibleOrganization(
    knownOrganization !== undefined ? knownOrganization : await organizationByGlobalId(ctx, input.organizationId),
  );
  const teamOf = async (globalId: string): Promise<Team> => {
    const team = await teamByGlobalId(ctx, globalId);
    if (!team || team.organizationId !== organization.id) throw new NotFoundError('Team');
    return ctx.access.requireTeamAdmin(team);
  };
  const change: PolicyChange = {};
  const settings = settingsChange(input.settings);
  if (settings) {
    await ctx.access.requireOrganizationAdmin(organization);
    change.settings = settings;
  }
  change.teamOverrides = [];
  for (const override of input.teamOverrides ?? []) {
    const team = await teamOf(override.teamId);
    if (override.requestVisibility !== undefined) {
      change.teamOverrides.push({ teamId: team.id, setting: 'requestVisibility', value: override.requestVisibility });
    }
  }
  change.addRules = [];
  for (const rule of input.addRules ?? []) {
    const team = rule.teamId ? await teamOf(rule.teamId) : null;
    if (!team) await ctx.access.requireOrganizationAdmin(organization);
    change.addRules.push({
      id: rulePrefix ? `${rulePrefix}${newRuleId()}` : newRuleId(),
      teamId: team?.id ?? null,
      surface: rule.surface,
      pattern: rule.pattern,
      effect: rule.effect,
      locked: rule.locked ?? false,
    });
  }
  change.removeRuleIds = [];
  for (const globalId of input.removeRuleIds ?? []) {
    const localId = localIdOf(globalId, 'ModelAccessRule');
    const rule = localId ? await ctx.loaders.modelAccessRuleById.load(localId) : null;
    if (!rule || rule.organizationId !== organization.id) throw new NotFoundError('ModelAccessRule');
    if (rule.teamId) await ctx.access.requireTeamAdmin(await ctx.loaders.teamById.load(rule.teamId));
    else await ctx.access.requireOrganizationAdmin(organization);
    change.removeRuleIds.push(rule.id);
  }
  return { organization, change };
}

function settingsChange(input: OrganizationPolicySettingsInput | null | undefined): PolicyChange['settings'] | null {
  if (!input) return null;
  const settings: NonNullable<PolicyChange['settings']> = {};
  for (const setting of SETTING_KEYS) {
    const update = input[setting];
    if (!update) continue;
    settings[setting] = {
      ...(update.value !== undefined && update.value !== null ? { value: update.value } : {}),
      ...(update.locked !== undefined && update.locked !== null ? { locked: update.locked } : {}),
    };
  }
  return Object.keys(settings).length ? settings : null;
}

async function applyAndShape(ctx: AppContext, organization: Organization, change: PolicyChange): Promise<PolicyChangePayload> {
  return mutationPayload<PolicyChangePayload>(async () => {
    const { changes, rules } = await ctx.services.policies.apply(ctx.caller, organization.id, change);
    // The policy after the change: read fresh (the request's loaders may hold the state from before it).
    ctx.loaders.policySettingsByOrganization.clear(organization.id);
    ctx.loaders.organizationRulesByOrganization.clear(organization.id);
    return {
      policy: organizationPolicyShape(organization.id, await ctx.services.policies.organizationSettings(ctx.loaders, organization.id)),
      rules,
      changes: await teamChanges(ctx, changes),
    };
  });
}

async function teamChanges(ctx: AppContext, diffs: TeamPolicyDiff[]): Promise<TeamPolicyChange[]> {
  return Promise.all(
    diffs.map(async (diff) => ({
      team: (await ctx.loaders.teamById.load(diff.teamId))!,
      settings: diff.settings.map(settingChangeShape),
      modelAccess: diff.modelAccess.map((flip) => ({
        surface: flip.surface as ModelSurface,
        endpointId: flip.endpointId,
        before: decisionShape(flip.before),
        after: decisionShape(flip.after),
      })),
    })),
  );
}

/** Rules are ordered by specificity, not by a column: the cursor names the rule, and its position when it is gone. */
function ruleConnection(rules: ModelAccessRule[], page: PageArgsType): ModelAccessRuleConnection {
  return arrayConnection(ModelAccessRuleConnection, rules, page, (rule, index) => [index, rule.id]);
}

function sortedRules(rules: ModelAccessRule[], surface: ModelSurface | null): ModelAccessRule[] {
  return rules
    .filter((rule) => !surface || rule.surface === surface)
    .sort((a, b) => (a.surface !== b.surface ? (a.surface < b.surface ? -1 : 1) : compareSpecificity(ruleState(a), ruleState(b))));
}
