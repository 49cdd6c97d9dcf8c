import { defineModule } from '../app/module';
import { OWNED_TABLES } from './tables';
import { reachable, withUuidKeys } from '../node/reachable';
import { createAccountPagesRouter } from './accountPages';
import { EmailDeliveryResolver, OrganizationEmailResolver } from './email.resolver';
import { EmailDelivery } from './emailDelivery.entity';

export const emailModule = defineModule({
  name: 'email',
  tables: OWNED_TABLES,
  entities: [EmailDelivery],
  resolvers: [EmailDeliveryResolver, OrganizationEmailResolver],
  nodeFetchers: withUuidKeys({
    EmailDelivery: async (ctx, id) => {
      const email = await ctx.services.db.getRepository(EmailDelivery).findOneBy({ id });
      return email?.organizationId && (await ctx.access.isOrganizationAdmin(email.organizationId)) ? reachable(ctx, email.organizationId, email) : null;
    },
  }),
  // The pages behind the links in emails (reset, verify, invite) talk to GraphQL like any client.
  restRoutes: () => createAccountPagesRouter({ graphqlPath: '/graphql' }),
});
