import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app/context';
import { mutationPayload } from '../core/mutation';
import { Organization } from '../organizations/organization.entity';
import { OrganizationRole } from '../organizations/organizationMembership.entity';
import { organizationByGlobalId } from '../organizations/organizations.lookup';
import { OrganizationPayload } from '../organizations/organizations.types';
import { ApplyRawRecordRetentionInput, ApplyRawRecordRetentionPayload, SetOrganizationRawRecordRetentionInput } from './retention.types';

@Resolver(() => Organization)
export class OrganizationRetentionResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Months raw usage and request records are kept (default 13; rollups, invoices, budgets and audit are kept regardless). Null unless you are an organization ADMIN.',
  })
  async rawRecordRetentionMonths(@Root() organization: Organization, @Ctx() ctx: AppContext): Promise<number | null> {
    return (await ctx.access.organizationRole(organization.id)) === OrganizationRole.ADMIN ? organization.rawRetentionMonths : null;
  }
}

@Resolver()
export class RetentionMutationsResolver {
  @Mutation(() => OrganizationPayload, { description: 'Set how long the organization keeps raw usage and request records (organization ADMIN). Audited.' })
  async setOrganizationRawRecordRetention(
    @Arg('input', () => SetOrganizationRawRecordRetentionInput) input: SetOrganizationRawRecordRetentionInput,
    @Ctx() ctx: AppContext,
  ): Promise<OrganizationPayload> {
    const organization = await ctx.access.requireOrganizationAdmin(await organizationByGlobalId(ctx, input.organizationId));
    return mutationPayload(async () => ({
      organization: await ctx.services.retention.setRetention(ctx.caller, organization, input.months),
    }));
  }

  @Mutation(() => ApplyRawRecordRetentionPayload, {
    description: 'Drop raw-record months every organization has let go and delete rows past shorter settings (operator credential). Audited per organization; recorded in `retentionRuns`.',
  })
  async applyRawRecordRetention(
    @Arg('input', () => ApplyRawRecordRetentionInput) input: ApplyRawRecordRetentionInput,
    @Ctx() ctx: AppContext,
  ): Promise<ApplyRawRecordRetentionPayload> {
    ctx.access.requireOperator();
    return mutationPayload(async () => ctx.services.retention.run(ctx.caller, 'OPERATOR', null, { prepareAhead: input.prepareAhead ?? true }));
  }
}
