import { In, type DataSource } from 'typeorm';
import { paginate, type PageArgs } from '../core/relay';
import { ModelEndpoint } from './modelEndpoint.entity';
import { ModelPrice } from './modelPrice.entity';
import { ModelEndpointConnection, type ModelEndpointFilter } from './catalog.types';

/** Reads the model catalog and its versioned prices. */
export class CatalogService {
  constructor(private readonly db: DataSource) {}

  connection(filter: ModelEndpointFilter | null | undefined, args: PageArgs): Promise<ModelEndpointConnection> {
    const query = this.db.getRepository(ModelEndpoint).createQueryBuilder('endpoint');
    if (filter?.product) query.andWhere('endpoint.product = :product', { product: filter.product });
    if (filter?.enterpriseReady !== undefined && filter?.enterpriseReady !== null) {
      query.andWhere('endpoint.enterprise_ready = :enterpriseReady', { enterpriseReady: filter.enterpriseReady });
    }
    if (filter?.endpointIdPrefix) {
      query.andWhere("starts_with(endpoint.endpoint_id, :prefix)", { prefix: filter.endpointIdPrefix });
    }
    return paginate(query, args, {
      connection: ModelEndpointConnection,
      orderBy: 'endpoint.endpoint_id',
      orderValue: (endpoint) => endpoint.endpointId,
      idColumn: 'endpoint_id',
      rowId: (endpoint) => endpoint.endpointId,
    });
  }

  /** Every endpoint (the catalog is small: tens to a few thousand rows). */
  all(): Promise<ModelEndpoint[]> {
    return this.db.getRepository(ModelEndpoint).find({ order: { endpointId: 'ASC' } });
  }

  /** Price history of many endpoints in one statement, oldest first. */
  pricesOf(endpointIds: readonly string[]): Promise<ModelPrice[]> {
    return this.db.getRepository(ModelPrice).find({
      where: { endpointId: In([...endpointIds]) },
      order: { effectiveFrom: 'ASC' },
    });
  }
}
