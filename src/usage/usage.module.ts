import { defineModule } from '../app/module';
import { OWNED_TABLES } from './tables';
import { Access } from '../authz/access';
import { OrganizationUsageResolver, TeamUsageResolver, UsageRootResolver } from './usage.resolver';
import { createUsageRouter } from './usage.rest';
import { UsageService } from './usage.service';
import { createUsageDashboardLoaders } from './usageDashboards';
import { UsageIngestService } from './usageIngest.service';
import { UsageQueryService } from './usageQuery.service';

declare module '../app/scope' {
  interface Services {
    usageIngest: UsageIngestService;
    usage: UsageService;
  }
  interface Loaders {
    usageDashboards: ReturnType<typeof createUsageDashboardLoaders>;
  }
}

export const usageModule = defineModule({
  name: 'usage',
  tables: OWNED_TABLES,
  resolvers: [OrganizationUsageResolver, TeamUsageResolver, UsageRootResolver],
  services: ({ db, config, monthPartitions, invalidation }) => {
    const usageIngest = new UsageIngestService(db, monthPartitions, { bulkStatementTimeoutMs: config.DATABASE_BULK_STATEMENT_TIMEOUT_MS });
    // Ingest prices records from its own catalog copy: it follows the catalog's change notifications like the catalog.
    invalidation.subscribe({
      onInvalidation: (message) => {
        if (message.kind === 'catalog') usageIngest.forgetCatalog();
      },
      onListeningChanged: () => usageIngest.forgetCatalog(),
    });
    return { usageIngest, usage: new UsageService(new UsageQueryService(db), usageIngest) };
  },
  loaders: (db) => ({ usageDashboards: createUsageDashboardLoaders(db) }),
  restRoutes: ({ rest, loadersFor }) =>
    createUsageRouter(rest, (actor, organizationId) => new Access(actor, loadersFor()).usageTeams(organizationId)),
});
