import { Kind, type GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Extensions, Field, FieldResolver, Info, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app/context';
import { mutationPayload } from '../core/mutation';
import { BadUserInputError, ForbiddenError } from '../core/errors';
import { DecimalScalar } from '../core/scalars';
import { Product } from '../catalog/modelEndpoint.entity';
import { Organization } from '../organizations/organization.entity';
import { Team } from '../teams/team.entity';
import { IngestUsageInput, IngestUsagePayload, SpendPeriod, UsageExpand, UsageGroupBy, UsageItem, UsageReport, UsageTimeframe } from './usage.types';
import type { UsageQueryArgs, UsageScope } from './usageQuery.service';
import { graphqlItemsSelection } from './usageItemsJson';
import { operationRoot, responsePath } from '../core/responseSplices';
import { usageCost } from './usageCost';

@ArgsType()
class UsageArgs implements UsageQueryArgs {
  @Field(() => String, { nullable: true, description: 'ISO-8601 date or date-time (in `timezone` unless it has an offset). Default: 24 h before `end`.' })
  start?: string | null;

  @Field(() => String, { nullable: true, description: 'Exclusive end, ISO-8601 date or date-time. Default: now.' })
  end?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone of the buckets, e.g. `America/New_York`. Default `UTC`.' })
  timezone?: string | null;

  @Field(() => UsageTimeframe, { nullable: true, description: 'Bucket size. Default: chosen from the range (< 2 h minute, < 2 d hour, < 64 d day, < 183 d week, else month).' })
  timeframe?: UsageTimeframe | null;

  @Field(() => Boolean, { nullable: true, description: 'Align start down and end up to bucket boundaries in the zone. Default true.' })
  boundToTimeframe?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'Only these teams (usernames); a team you may not read is an error.' })
  teamUsernames?: string[] | null;

  @Field(() => [Product], { nullable: true, description: 'Only these product lines.' })
  products?: Product[] | null;

  @Field(() => [String], { nullable: true, description: 'Only these endpoint ids (1–50).' })
  endpointIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Only usage made with these API keys (public ids, 1–50).' })
  apiKeyIds?: string[] | null;

  @Field(() => [UsageExpand], { nullable: true, description: 'TIME_SERIES and/or SUMMARY, optionally AUTH_METHOD. Default [TIME_SERIES].' })
  expand?: UsageExpand[] | null;

  @Field(() => [UsageGroupBy], { nullable: true, description: 'Grouping of items. Default [TEAM, PRODUCT, ENDPOINT, UNIT].' })
  groupBy?: UsageGroupBy[] | null;

  @Field(() => Int, { nullable: true, description: 'Buckets per page, 1–1000 (default 100).' })
  limit?: number | null;

  @Field(() => String, { nullable: true, description: 'The `nextCursor` of the previous page.' })
  cursor?: string | null;
}

@InputType({ description: 'A time range: ISO-8601 instants, end exclusive.' })
export class UsageRangeInput {
  @Field(() => Date, { description: 'Start (inclusive).' })
  start!: Date;

  @Field(() => Date, { description: 'End (exclusive).' })
  end!: Date;
}

@Resolver(() => Organization)
export class OrganizationUsageResolver {
  @Extensions({ cost: usageCost })
  @FieldResolver(() => UsageReport, { description: 'Usage across the organization’s teams, in buckets of the requested time zone (paginated by buckets).' })
  async usage(@Root() organization: Organization, @Args(() => UsageArgs) args: UsageArgs, @Ctx() ctx: AppContext, @Info() info: GraphQLResolveInfo): Promise<UsageReport> {
    const teamIds = await ctx.access.usageTeams(organization.id);
    return reportWithSplices(ctx, { tenantId: organization.id, teamIds }, args, info);
  }
}

@Resolver(() => Team)
export class TeamUsageResolver {
  @Extensions({ cost: usageCost })
  @FieldResolver(() => UsageReport, { description: 'This team’s usage (same parameters as Organization.usage; `teamUsernames` may only name this team).' })
  async usage(@Root() team: Team, @Args(() => UsageArgs) args: UsageArgs, @Ctx() ctx: AppContext, @Info() info: GraphQLResolveInfo): Promise<UsageReport> {
    await ctx.access.requireTeamUsage(team);
    return reportWithSplices(ctx, { tenantId: team.organizationId ?? team.id, teamIds: [team.id] }, args, info);
  }

  @FieldResolver(() => DecimalScalar, { description: 'Spend of the current UTC day or month so far (batched across teams with `usageSummary`: one SQL statement for all of them).' })
  async spend(@Root() team: Team, @Arg('period', () => SpendPeriod, { description: 'DAY or MONTH.' }) period: SpendPeriod, @Ctx() ctx: AppContext): Promise<string> {
    await ctx.access.requireTeamUsage(team);
    return ctx.loaders.usageDashboards.spend(period, team.id);
  }

  @FieldResolver(() => [UsageItem], { description: 'Cost and quantity per product and unit over a range (batched across teams and ranges with `spend`: one SQL statement for all of them).' })
  async usageSummary(@Root() team: Team, @Arg('range', () => UsageRangeInput, { description: 'The range.' }) range: UsageRangeInput, @Ctx() ctx: AppContext): Promise<UsageItem[]> {
    await ctx.access.requireTeamUsage(team);
    if (range.start >= range.end) throw new BadUserInputError('`range.start` must be before `range.end`.', 'range');
    return ctx.loaders.usageDashboards.summary(range.start, range.end, team.id);
  }
}

@Resolver()
export class UsageRootResolver {
  @Query(() => UsageReport, {
    description: 'Usage of the caller’s organization: with an organization admin key, the key’s organization; with a session, pass `organizationSlug`.',
  })
  async organizationUsage(
    @Args(() => UsageArgs) args: UsageArgs,
    @Arg('organizationSlug', () => String, { nullable: true, description: 'Which organization (sessions); defaults to the admin key’s.' }) organizationSlug: string | null,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<UsageReport> {
    ctx.access.requireCustomer();
    // An organization admin key names its organization itself (organizations are never deleted): loading the row
    // only to read its id back cost every dashboard chart a statement.
    let organizationId: string | null = null;
    if (organizationSlug) organizationId = (await ctx.access.visibleOrganization(await ctx.loaders.organizationBySlug.load(organizationSlug))).id;
    else if (ctx.actor.kind === 'API_KEY' && ctx.actor.organizationId) organizationId = ctx.actor.organizationId;
    if (!organizationId) throw new ForbiddenError('ORGANIZATION_REQUIRED', 'Pass `organizationSlug`, or use an organization admin key.');
    const teamIds = await ctx.access.usageTeams(organizationId);
    return reportWithSplices(ctx, { tenantId: organizationId, teamIds }, args, info);
  }

  @Mutation(() => IngestUsagePayload, {
    description:
      'Metering pipeline only (ingest credential): store 1–10,000 usage records. Each is validated on its own; valid ones are committed before the answer; ids already stored count as duplicates (safe to retry).',
  })
  async ingestUsage(@Arg('input', () => IngestUsageInput) input: IngestUsageInput, @Ctx() ctx: AppContext): Promise<IngestUsagePayload> {
    ctx.access.requireIngest();
    return mutationPayload(async () => ctx.services.usageIngest.ingest(input.records, input.completeThrough));
  }
}

/**
 * A report whose item lists PostgreSQL writes as JSON when the selection allows (usageItemsJson.ts): each bucket's
 * `results` resolves empty here and its JSON text is spliced into the answer at that bucket's path.
 */
async function reportWithSplices(ctx: AppContext, scope: UsageScope, args: UsageArgs, info: GraphQLResolveInfo): Promise<UsageReport> {
  const root = operationRoot(info);
  const selection = root ? graphqlItemsSelection(info) : null;
  const report = await ctx.services.usage.report(scope, args, 'BUCKETS', selection?.shape ?? null, maySelect(info, 'completeThrough'));
  if (root && selection && report.timeSeries) {
    const path = responsePath(info);
    report.timeSeries.forEach((bucket, i) => {
      if (bucket.resultsJson !== undefined) root.splices.push({ path: [...path, selection.timeSeriesKey, i, selection.resultsKey], json: bucket.resultsJson });
    });
  }
  return report;
}

/** Whether the field's selection may include `name`: selected directly, or possibly through a fragment. */
function maySelect(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((node) =>
    (node.selectionSet?.selections ?? []).some((selection) => selection.kind !== Kind.FIELD || selection.name.value === name),
  );
}
