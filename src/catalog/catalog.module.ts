import { In, type DataSource } from 'typeorm';
import { defineModule } from '../app/module';
import { OWNED_TABLES } from './tables';
import { loaderOfGroups } from '../core/loaderUtils';
import { CatalogResolver } from './catalog.resolver';
import { CatalogService } from './catalog.service';
import { ModelEndpoint } from './modelEndpoint.entity';
import { ModelPrice } from './modelPrice.entity';

const catalogLoaders = (db: DataSource) => ({
  pricesByEndpoint: loaderOfGroups<string, ModelPrice>(
    (ids) => db.getRepository(ModelPrice).find({ where: { endpointId: In([...ids]) }, order: { effectiveFrom: 'ASC' } }),
    (p) => p.endpointId,
  ),
});

declare module '../app/scope' {
  interface Services {
    catalog: CatalogService;
  }
  interface Loaders extends ReturnType<typeof catalogLoaders> {}
}

export const catalogModule = defineModule({
  name: 'catalog',
  tables: OWNED_TABLES,
  entities: [ModelEndpoint, ModelPrice],
  resolvers: [CatalogResolver],
  services: ({ db, invalidation }) => {
    const catalog = new CatalogService(db);
    // The cached catalog follows the catalog's change notifications; while not listening, its 10 s lifetime bounds it.
    invalidation.subscribe({
      onInvalidation: (message) => {
        if (message.kind === 'catalog') catalog.forgetCachedCatalog();
      },
      onListeningChanged: () => catalog.forgetCachedCatalog(),
    });
    return { catalog };
  },
  loaders: catalogLoaders,
  nodeFetchers: {
    // The catalog is public to every customer; keyed by endpoint id.
    ModelEndpoint: async (ctx, endpointId) => (await ctx.services.catalog.cachedCatalog()).byId.get(endpointId) ?? null,
  },
});
