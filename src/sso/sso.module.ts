import type { DataSource } from 'typeorm';
import { defineModule } from '../app/module';
import { OWNED_TABLES } from './tables';
import { loaderOfGroups } from '../core/loaderUtils';
import { ssoRequirement } from '../policies/ssoRequirement';
import { SsoResolver } from './sso.resolver';
import { createSsoRouter } from './sso.rest';
import { SsoService } from './sso.service';

const ssoLoaders = (db: DataSource) => ({
  // Organizations whose SSO a user has signed in through (their "personal account access for SSO users" applies).
  ssoOrganizationsByUser: loaderOfGroups<string, { userId: string; organizationId: string }>(
    async (ids) =>
      (await db.query<Array<{ user_id: string; organization_id: string }>>(`SELECT DISTINCT user_id, organization_id FROM sso_identities WHERE user_id = ANY($1::uuid[])`, [[...ids]])).map(
        (row) => ({ userId: row.user_id, organizationId: row.organization_id }),
      ),
    (identity) => identity.userId,
  ),
});

declare module '../app/scope' {
  interface Services {
    sso: SsoService;
  }
  interface Loaders extends ReturnType<typeof ssoLoaders> {}
}

export const ssoModule = defineModule({
  name: 'sso',
  tables: OWNED_TABLES,
  resolvers: [SsoResolver],
  services: ({ db, config, users, teams, outbound, domains }) => ({
    sso: new SsoService(db, config.encryptionKey, users, teams, ssoRequirement, outbound, domains),
  }),
  loaders: ssoLoaders,
  restRoutes: ({ services }) => createSsoRouter(services, services.config),
});
