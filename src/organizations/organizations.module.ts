import { In, type DataSource } from 'typeorm';
import { defineModule } from '../app/module';
import { OWNED_TABLES } from './tables';
import { loaderByKey, loaderOfGroups } from '../core/loaderUtils';
import { reachable, withUuidKeys } from '../node/reachable';
import { Organization } from './organization.entity';
import { OrganizationMembership } from './organizationMembership.entity';
import { OrganizationResolver } from './organizations.resolver';
import { OrganizationsService } from './organizations.service';

const organizationLoaders = (db: DataSource) => ({
  organizationById: loaderByKey<string, Organization>((ids) => db.getRepository(Organization).findBy({ id: In([...ids]) }), (o) => o.id),
  organizationBySlug: loaderByKey<string, Organization>((slugs) => db.getRepository(Organization).findBy({ slug: In([...slugs]) }), (o) => o.slug),
  organizationMembershipsByUser: loaderOfGroups<string, OrganizationMembership>(
    (ids) => db.getRepository(OrganizationMembership).findBy({ userId: In([...ids]) }),
    (m) => m.userId,
  ),
});

declare module '../app/scope' {
  interface Services {
    organizations: OrganizationsService;
  }
  interface Loaders extends ReturnType<typeof organizationLoaders> {}
}

export const organizationsModule = defineModule({
  name: 'organizations',
  tables: OWNED_TABLES,
  entities: [Organization, OrganizationMembership],
  resolvers: [OrganizationResolver],
  services: ({ db, teams }) => ({ organizations: new OrganizationsService(db, teams) }),
  loaders: organizationLoaders,
  nodeFetchers: withUuidKeys({
    Organization: async (ctx, id) => {
      const organization = await ctx.loaders.organizationById.load(id);
      return organization && (await ctx.access.canSeeOrganization(organization)) ? reachable(ctx, organization.id, organization) : null;
    },
  }),
});
