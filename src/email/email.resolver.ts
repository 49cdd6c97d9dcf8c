import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app/context';
import { NodeIdResolver } from '../core/nodeId';
import { paginate } from '../core/relay';
import { Organization } from '../organizations/organization.entity';
import { EmailDelivery } from './emailDelivery.entity';
import { EmailDeliveriesArgs, EmailDeliveryConnection } from './email.types';

@Resolver(() => EmailDelivery)
export class EmailDeliveryResolver extends NodeIdResolver(EmailDelivery, 'EmailDelivery') {}

@Resolver(() => Organization)
export class OrganizationEmailResolver {
  @FieldResolver(() => EmailDeliveryConnection, {
    description: 'Emails sent for this organization (invites, spending alerts) with their delivery state, newest first (organization ADMIN).',
  })
  async emailDeliveries(@Root() organization: Organization, @Args(() => EmailDeliveriesArgs) args: EmailDeliveriesArgs, @Ctx() ctx: AppContext): Promise<EmailDeliveryConnection> {
    await ctx.access.requireOrganizationAdmin(organization);
    const query = ctx.services.db.getRepository(EmailDelivery).createQueryBuilder('email').where('email.organization_id = :organizationId', { organizationId: organization.id });
    if (args.filter?.status) query.andWhere('email.status = :status', { status: args.filter.status });
    if (args.filter?.kind) query.andWhere('email.kind = :kind', { kind: args.filter.kind });
    return paginate(query, args, {
      connection: EmailDeliveryConnection,
      orderBy: "date_trunc('milliseconds', email.created_at)",
      orderValue: (email) => email.createdAt.toISOString(),
      direction: 'DESC',
    });
  }
}
