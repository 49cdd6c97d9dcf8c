import { defineModule } from '../app/module';
import { OWNED_TABLES } from './tables';
import { withUuidKeys } from '../node/reachable';
import { ScimGroup } from './scimGroup.entity';
import { MemberScimResolver, OrganizationScimResolver, ScimGroupResolver, ScimMutationsResolver, scimNodeFetchers, ScimTokenResolver, ScimUserResolver } from './scim.resolver';
import { createScimRouter } from './scim.rest';
import { createScimLoaders, type ScimLoaders } from './scim.loaders';
import { createScimServices, type ScimServices } from './scim.service';
import { ScimToken } from './scimToken.entity';
import { ScimUser } from './scimUser.entity';

declare module '../app/scope' {
  interface Services {
    scim: ScimServices;
  }
  interface Loaders extends ScimLoaders {}
}

export const scimModule = defineModule({
  name: 'scim',
  tables: OWNED_TABLES,
  entities: [ScimToken, ScimGroup, ScimUser],
  resolvers: [OrganizationScimResolver, MemberScimResolver, ScimTokenResolver, ScimUserResolver, ScimGroupResolver, ScimMutationsResolver],
  services: ({ db, teams, apiKeyAuthenticator }) => ({ scim: createScimServices(db, teams, apiKeyAuthenticator) }),
  loaders: (_db, { scim }) => createScimLoaders(scim.mappings),
  nodeFetchers: withUuidKeys(scimNodeFetchers),
  restRoutes: ({ services, limiter, logger }) =>
    createScimRouter(services, limiter, (error, requestId) => logger.error({ err: error, requestId }, 'unhandled SCIM error')),
});
