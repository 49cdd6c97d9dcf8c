import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app/context';
import { BadUserInputError, NotFoundError, UserInputFailure } from '../core/errors';
import { mutationPayload } from '../core/mutation';
import { NodeIdResolver } from '../core/nodeId';
import { localIdOf, toGlobalId, type PageInfo } from '../core/relay';
import { ApiKey } from '../apiKeys/apiKey.entity';
import { Member } from '../members/member.entity';
import { Organization } from '../organizations/organization.entity';
import { organizationByGlobalId } from '../organizations/organizations.lookup';
import { ModelAccessCheckResult } from '../policies/policies.types';
import { Team } from '../teams/team.entity';
import { teamByGlobalId } from '../teams/teams.lookup';
import type { BudgetStatus } from './budgets.service';
import type { BudgetRow, BudgetSubject, EffectiveBudget as EffectiveBudgetRow } from './inheritance';
import { budgetKey } from './inheritance';
import {
  Budget,
  BudgetConnection,
  BudgetPeriodConnection,
  BudgetPeriodFigures,
  BudgetPolicy,
  BudgetScope,
  BudgetSubjectInput,
  DeleteBudgetInput,
  DeleteBudgetPayload,
  EffectiveBudget,
  ReserveSpendInput,
  ReserveSpendPayload,
  SetBudgetInput,
  SetBudgetPayload,
  SetBudgetPolicyInput,
  SetBudgetPolicyPayload,
} from './budgets.types';

const MAX_PAGE = 100;

export const figures = (status: BudgetStatus): BudgetPeriodFigures => ({
  periodStart: status.window.start === null ? null : new Date(status.window.start),
  periodEnd: status.window.end === null ? null : new Date(status.window.end),
  amount: status.amount,
  spend: status.spend,
  reserved: status.reserved,
  remaining: status.remaining,
  exhausted: status.exhausted,
});

export const effectiveShape = (budget: EffectiveBudgetRow, status: BudgetStatus): EffectiveBudget => ({
  budgetRow: budget.budget as Budget | null,
  key: budget.key,
  scope: budget.subject.scope as BudgetScope,
  period: budget.period as EffectiveBudget['period'],
  amount: budget.amount,
  hard: budget.hard,
  source: budget.source as EffectiveBudget['source'],
  capped: budget.capped,
  reason: budget.reason,
  current: figures(status),
});

function pageSize(first: number | null): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw new BadUserInputError(`\`first\` must be between 1 and ${MAX_PAGE}.`, 'first');
  return size;
}

function decodeAfter(after: string | null | undefined): string | null {
  if (after == null) return null;
  const text = after.length <= 200 ? Buffer.from(after, 'base64url').toString('utf8') : '';
  if (!text) throw new BadUserInputError('Malformed cursor.', 'after');
  return text;
}

const cursorOf = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/**
 * The subject an input names, checked to belong to the organization, and the right to change its budget:
 * organization ADMIN for the organization's and organization-wide member budgets; team ADMIN (and organization
 * ADMIN, who acts as admin of every team) for a team's, a member's within the team, and the team's keys'.
 */
async function subjectOf(ctx: AppContext, input: BudgetSubjectInput, forWrite: boolean): Promise<{ organization: Organization; subject: BudgetSubject }> {
  const organization = await ctx.access.visibleOrganization(await organizationByGlobalId(ctx, input.organizationId));
  const base: BudgetSubject = { organizationId: organization.id, scope: input.scope, teamId: null, userId: null, apiKeyId: null };
  const teamOf = async (globalId: string) => {
    const team = await teamByGlobalId(ctx, globalId);
    if (!team || team.organizationId !== organization.id || !(await ctx.access.canSeeTeam(team))) throw new NotFoundError('Team');
    return team;
  };
  const extra = (name: string) => {
    throw new BadUserInputError(`\`${name}\` does not apply to a ${input.scope} budget.`, `subject.${name}`);
  };
  let team: Team | null = null;
  switch (input.scope) {
    case BudgetScope.ORGANIZATION:
      if (input.teamId) extra('teamId');
      if (input.memberId) extra('memberId');
      if (input.apiKeyId) extra('apiKeyId');
      break;
    case BudgetScope.TEAM:
      if (!input.teamId) throw new BadUserInputError('A TEAM budget needs `teamId`.', 'subject.teamId');
      if (input.memberId) extra('memberId');
      if (input.apiKeyId) extra('apiKeyId');
      team = await teamOf(input.teamId);
      base.teamId = team.id;
      break;
    case BudgetScope.MEMBER: {
      if (!input.memberId) throw new BadUserInputError('A MEMBER budget needs `memberId`.', 'subject.memberId');
      if (input.apiKeyId) extra('apiKeyId');
      const localId = localIdOf(input.memberId, 'Member');
      const member = localId ? await ctx.loaders.memberById.load(localId) : null;
      if (!member || member.organizationId !== organization.id || !member.userId || !(await ctx.access.canSeeMember(member))) throw new NotFoundError('Member');
      base.userId = member.userId;
      if (input.teamId) {
        team = await teamOf(input.teamId);
        base.teamId = team.id;
        const memberships = await ctx.loaders.teamMembershipsByUser.load(member.userId);
        if (!memberships.some((m) => m.teamId === team!.id)) throw new BadUserInputError('The member does not belong to this team.', 'subject.teamId');
      }
      break;
    }
    case BudgetScope.API_KEY: {
      if (!input.apiKeyId) throw new BadUserInputError('An API_KEY budget needs `apiKeyId`.', 'subject.apiKeyId');
      if (input.memberId) extra('memberId');
      const localId = localIdOf(input.apiKeyId, 'ApiKey');
      const key = localId ? await ctx.loaders.apiKeyById.load(localId) : null;
      const keyTeam = key ? await ctx.loaders.teamById.load(key.teamId) : null;
      if (!key || !keyTeam || keyTeam.organizationId !== organization.id || !(await ctx.access.isTeamAdmin(keyTeam))) throw new NotFoundError('ApiKey');
      if (input.teamId && (await teamOf(input.teamId)).id !== keyTeam.id) throw new BadUserInputError('`teamId` is not the key’s team.', 'subject.teamId');
      team = keyTeam;
      base.teamId = keyTeam.id;
      base.apiKeyId = key.id;
      break;
    }
  }
  if (forWrite) {
    if (team) await ctx.access.requireTeamAdmin(team);
    else await ctx.access.requireOrganizationAdmin(organization);
  } else if (team) {
    await ctx.access.requireTeamUsage(team);
  } else {
    await ctx.access.requireOrganizationOversight(organization);
  }
  return { organization, subject: base };
}

/** A budget the caller may change (NOT_FOUND when they cannot see it). */
async function writableBudget(ctx: AppContext, globalId: string): Promise<BudgetRow> {
  ctx.access.requireCustomer();
  const localId = localIdOf(globalId, 'Budget');
  const budget = localId ? await ctx.loaders.budgets.budgetById.load(localId) : null;
  if (!budget || !(await canSeeBudget(ctx, budget))) throw new NotFoundError('Budget');
  const team = budget.teamId ? await ctx.loaders.teamById.load(budget.teamId) : null;
  if (team) await ctx.access.requireTeamAdmin(team);
  else await ctx.access.requireOrganizationAdmin(await ctx.loaders.organizationById.load(budget.organizationId));
  return budget;
}

/** Who sees a budget: organization ADMIN and BILLING; for a team's budgets, whoever sees the team's usage. */
export async function canSeeBudget(ctx: AppContext, budget: BudgetRow): Promise<boolean> {
  const organization = await ctx.loaders.organizationById.load(budget.organizationId);
  if (!organization || !(await ctx.access.canSeeOrganization(organization))) return false;
  try {
    if (budget.teamId) await ctx.access.requireTeamUsage(await ctx.loaders.teamById.load(budget.teamId));
    else await ctx.access.requireOrganizationOversight(organization);
    return true;
  } catch {
    return false;
  }
}

@Resolver(() => Budget)
export class BudgetResolver extends NodeIdResolver(Budget, 'Budget') {
  @FieldResolver(() => Team, { nullable: true, description: 'The team (TEAM and API_KEY budgets, and MEMBER budgets within a team).' })
  async team(@Root() budget: Budget, @Ctx() ctx: AppContext): Promise<Team | null> {
    return budget.teamId ? ctx.loaders.teamById.load(budget.teamId) : null;
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The member (MEMBER budgets).' })
  async member(@Root() budget: Budget, @Ctx() ctx: AppContext): Promise<Member | null> {
    return budget.userId ? ctx.loaders.budgets.memberByOrganizationUser.load(`${budget.organizationId}/${budget.userId}`) : null;
  }

  @FieldResolver(() => ApiKey, { nullable: true, description: 'The key (API_KEY budgets).' })
  async apiKey(@Root() budget: Budget, @Ctx() ctx: AppContext): Promise<ApiKey | null> {
    return budget.apiKeyId ? ctx.loaders.apiKeyById.load(budget.apiKeyId) : null;
  }

  @FieldResolver(() => BudgetPeriodFigures, { description: 'Spend, holds and what remains in the current period (batched across a listing).' })
  async current(@Root() budget: Budget, @Ctx() ctx: AppContext): Promise<BudgetPeriodFigures> {
    return figures(await ctx.loaders.budgets.currentOfBudget.load(budget));
  }

  @FieldResolver(() => BudgetPeriodConnection, { description: 'Past periods since the budget was created, newest first, with their spend.' })
  async history(
    @Root() budget: Budget,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<BudgetPeriodConnection> {
    const size = pageSize(first);
    const skip = after == null ? 0 : Number(decodeAfter(after));
    if (!Number.isSafeInteger(skip) || skip < 0 || skip > 100_000) throw new BadUserInputError('Malformed cursor.', 'after');
    const row = budget as unknown as BudgetRow;
    const periods = await ctx.services.budgets.history({ key: budgetKey(row, row.period), subject: row, period: row.period, amount: row.amount }, skip + size + 1, row.createdAt);
    const page = periods.slice(skip, skip + size);
    const connection = new BudgetPeriodConnection();
    connection.edges = page.map((status, i) => ({ cursor: cursorOf(String(skip + i + 1)), node: figures(status) }));
    connection.pageInfo = { hasNextPage: periods.length > skip + size } as PageInfo;
    connection.countItems = () => ctx.services.budgets.historyLength({ subject: row, period: row.period }, row.createdAt);
    return connection;
  }
}

@Resolver(() => EffectiveBudget)
export class EffectiveBudgetResolver {
  @FieldResolver(() => Budget, { nullable: true, description: 'The own budget in force (null for an organization default).' })
  budget(@Root() effective: EffectiveBudget): Budget | null {
    return effective.budgetRow;
  }
}

@Resolver(() => Organization)
export class OrganizationBudgetsResolver {
  @FieldResolver(() => BudgetConnection, { description: 'Every budget set in the organization, oldest first (organization ADMIN and BILLING). Their figures are batched: a page costs a constant number of SQL statements.' })
  async budgets(
    @Root() organization: Organization,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<BudgetConnection> {
    await ctx.access.requireOrganizationOversight(organization);
    const size = pageSize(first);
    const decoded = decodeAfter(after);
    let position: { createdAt: string; id: string } | null = null;
    if (decoded !== null) {
      const [createdAt, id] = decoded.split('|');
      if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/.test(id)) throw new BadUserInputError('Malformed cursor.', 'after');
      position = { createdAt, id };
    }
    const { rows, hasNextPage } = await ctx.services.budgets.page(organization.id, size, position);
    const connection = new BudgetConnection();
    connection.edges = rows.map((row) => ({ cursor: cursorOf(`${row.createdAt.toISOString()}|${row.id}`), node: row as unknown as Budget }));
    connection.pageInfo = { hasNextPage } as PageInfo;
    connection.countItems = () => ctx.services.budgets.count(organization.id);
    return connection;
  }

  @FieldResolver(() => [BudgetPolicy], { description: 'The organization’s budget defaults and maxima (at most one per scope and period; organization ADMIN and BILLING).' })
  async budgetPolicies(@Root() organization: Organization, @Ctx() ctx: AppContext): Promise<BudgetPolicy[]> {
    await ctx.access.requireOrganizationOversight(organization);
    return (await ctx.services.budgets.policies([organization.id])) as unknown as BudgetPolicy[];
  }
}

@Resolver(() => ModelAccessCheckResult)
export class ModelAccessCheckBudgetsResolver {
  @FieldResolver(() => [EffectiveBudget], { description: 'Every budget applying to this call (organization, team, the key’s owner, the key) with what remains; batched across the checks of the call.' })
  async budgets(@Root() result: ModelAccessCheckResult, @Ctx() ctx: AppContext): Promise<EffectiveBudget[]> {
    if (!result.team?.organizationId || result.error) return [];
    const answer = await ctx.loaders.budgets.callerBudgets.load({
      teamId: result.team.id,
      organizationId: result.team.organizationId,
      keyId: result.caller?.keyId ?? null,
      userId: result.caller?.userId ?? null,
    });
    return answer.budgets.map((b) => effectiveShape(b.budget, b.status));
  }
}

@Resolver()
export class BudgetOperationsResolver {
  @Query(() => [EffectiveBudget], { description: 'The budgets in force for a subject (one per period that has any), with provenance and current figures. Organization ADMIN and BILLING; for a team’s subjects, whoever sees the team’s usage.' })
  async effectiveBudgets(@Arg('subject', () => BudgetSubjectInput, { description: 'Whose budgets.' }) input: BudgetSubjectInput, @Ctx() ctx: AppContext): Promise<EffectiveBudget[]> {
    ctx.access.requireCustomer();
    const { subject } = await subjectOf(ctx, input, false);
    const effective = await ctx.services.budgets.effectiveFor(subject);
    const statuses = await ctx.services.budgets.statuses(effective);
    return effective.map((budget, i) => effectiveShape(budget, statuses[i]));
  }

  @Mutation(() => SetBudgetPayload, { description: 'Create or replace the budget of a subject for a period. Audited.' })
  async setBudget(@Arg('input', () => SetBudgetInput) input: SetBudgetInput, @Ctx() ctx: AppContext): Promise<SetBudgetPayload> {
    ctx.access.requireCustomer();
    ctx.access.rejectApiScopedKey();
    const { subject } = await subjectOf(ctx, input.subject, true);
    if ((input.currency?.length ?? 0) > 10) throw new BadUserInputError('`currency` is at most 10 characters.', 'input.currency');
    return mutationPayload(async () => {
      const budget = await ctx.services.budgets.setBudget(ctx.caller, subject, input);
      return { budget: budget as unknown as Budget, signingSecret: ctx.services.alerts.signingSecret(budget.id) };
    });
  }

  @Mutation(() => DeleteBudgetPayload, { description: 'Remove a budget; the subject falls back to the organization’s default. Audited.' })
  async deleteBudget(@Arg('input', () => DeleteBudgetInput) input: DeleteBudgetInput, @Ctx() ctx: AppContext): Promise<DeleteBudgetPayload> {
    ctx.access.rejectApiScopedKey();
    const budget = await writableBudget(ctx, input.budgetId);
    return mutationPayload(async () => {
      await ctx.services.budgets.deleteBudget(ctx.caller, budget);
      return { deletedBudgetId: toGlobalId('Budget', budget.id) };
    });
  }

  @Mutation(() => SetBudgetPolicyPayload, { description: 'Set the organization’s default and maximum budget for every team, member or key, for a period (organization ADMIN). Audited.' })
  async setBudgetPolicy(@Arg('input', () => SetBudgetPolicyInput) input: SetBudgetPolicyInput, @Ctx() ctx: AppContext): Promise<SetBudgetPolicyPayload> {
    const organization = await ctx.access.requireOrganizationAdmin(await organizationByGlobalId(ctx, input.organizationId));
    if ((input.currency?.length ?? 0) > 10) throw new BadUserInputError('`currency` is at most 10 characters.', 'input.currency');
    return mutationPayload(async () => ({ policy: (await ctx.services.budgets.setPolicy(ctx.caller, organization.id, input)) as unknown as BudgetPolicy | null }));
  }

  @Mutation(() => ReserveSpendPayload, {
    description: 'The gateway, before a model call: hold an estimated cost against every budget that applies to the key (organization, team, the key’s owner, the key), atomically, or refuse when a hard budget lacks room. The usage record with the same request id settles it; unsettled holds expire. Idempotent per request id. Accepted from the ingest credential and organization admins.',
  })
  async reserveSpend(@Arg('input', () => ReserveSpendInput) input: ReserveSpendInput, @Ctx() ctx: AppContext): Promise<ReserveSpendPayload> {
    ctx.access.requireModelAccessChecker();
    if (Boolean(input.apiKeyId) === Boolean(input.keyId)) throw new BadUserInputError('Give exactly one of `apiKeyId` or `keyId`.', 'input');
    if ((input.keyId?.length ?? 0) > 100) throw new NotFoundError('ApiKey');
    const localId = input.apiKeyId ? localIdOf(input.apiKeyId, 'ApiKey') : null;
    if (input.apiKeyId && !localId) throw new NotFoundError('ApiKey');
    const caller = await ctx.services.budgetReservations.keyCaller(localId ? { id: localId } : { keyId: input.keyId! });
    const team = caller ? await ctx.loaders.teamById.load(caller.teamId) : null;
    if (!caller || !team || !(await ctx.access.mayCheckModelAccess(team))) throw new NotFoundError('ApiKey');
    const refused = { reserved: false, reservation: null, budgets: [], refusedBy: null };
    if (caller.teamArchived) {
      return { ...refused, userErrors: [new UserInputFailure('TEAM_ARCHIVED', 'The key’s team is archived.', ['input']).toUserError()] };
    }
    const payload = await mutationPayload<ReserveSpendPayload>(async () => {
      const result = await ctx.services.budgetReservations.reserve(caller, input.estimatedCost, input.requestId);
      return {
        reserved: result.reserved,
        reservation: result.reserved ? { requestId: result.requestId, amount: result.amount, expiresAt: result.expiresAt! } : null,
        budgets: result.budgets.map((b) => effectiveShape(b.budget, b.status)),
        refusedBy: result.refusedBy ? effectiveShape(result.refusedBy.budget, result.refusedBy.status) : null,
      };
    });
    // An invalid input comes back as userErrors alone: the rest of the payload says nothing was held.
    return { ...refused, ...payload };
  }
}

