import { In, type DataSource } from 'typeorm';
import { defineModule } from '../app/module';
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
  tables: [],
  entities: [ModelEndpoint, ModelPrice],
  resolvers: [CatalogResolver],
  services: ({ db }) => ({ catalog: new CatalogService(db) }),
  loaders: catalogLoaders,
  nodeFetchers: {
    // The catalog is public to every customer; keyed by endpoint id.
    ModelEndpoint: async (ctx, endpointId) => (await ctx.services.catalog.cachedCatalog()).byId.get(endpointId) ?? null,
  },
});
