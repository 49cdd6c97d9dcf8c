import { In, type DataSource } from 'typeorm';
import { UserInputFailure } from '../core/errors';
import { recordAudit, type Caller } from '../audit/audit';
import { paginate, type PageArgs } from '../core/relay';
import { ModelEndpoint, type Product } from './modelEndpoint.entity';
import { ModelPrice } from './modelPrice.entity';
import { ModelEndpointConnection, type ModelEndpointFilter } from './catalog.types';

/**
 * How long the in-process copy of the catalog is trusted. Any committed catalog change drops it on every instance
 * at once (a trigger's NOTIFY, src/core/invalidation.ts); this lifetime bounds staleness only while this instance's
 * listener is down (the catalog is prices and model metadata; access decisions are policies, read per request).
 */
const CATALOG_CACHE_TTL_MS = 10_000;
const ENDPOINT_ID = /^[a-z0-9][a-z0-9._\-/]{0,199}$/;

/** Reads the model catalog and its versioned prices; operators edit it. */
export class CatalogService {
  private cached: { endpoints: ModelEndpoint[]; byId: Map<string, ModelEndpoint>; loadedAt: number } | null = null;

  constructor(private readonly db: DataSource) {}

  /** Drop the in-process copy (a catalog change committed somewhere, or notifications may have been missed). */
  forgetCachedCatalog(): void {
    this.cached = null;
  }

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

  /**
   * The whole catalog from a short-lived in-process cache: the gateway's model-access checks read it on every call,
   * and it changes rarely (operator edits).
   */
  async cachedCatalog(): Promise<{ endpoints: readonly ModelEndpoint[]; byId: ReadonlyMap<string, ModelEndpoint> }> {
    if (!this.cached || Date.now() - this.cached.loadedAt > CATALOG_CACHE_TTL_MS) {
      const loadedAt = Date.now();
      const endpoints = await this.all();
      this.cached = { endpoints, byId: new Map(endpoints.map((e) => [e.endpointId, e])), loadedAt };
    }
    return this.cached;
  }

  /** Price history of many endpoints in one statement, oldest first. */
  pricesOf(endpointIds: readonly string[]): Promise<ModelPrice[]> {
    return this.db.getRepository(ModelPrice).find({
      where: { endpointId: In([...endpointIds]) },
      order: { effectiveFrom: 'ASC' },
    });
  }

  /** Creates or updates a catalog endpoint (operators only; authorization happens before). */
  async upsertEndpoint(
    caller: Caller,
    input: { endpointId: string; displayName: string; product: Product; unit: string; enterpriseReady: boolean },
  ): Promise<ModelEndpoint> {
    if (!ENDPOINT_ID.test(input.endpointId)) {
      throw new UserInputFailure('INVALID', 'Endpoint ids are 1–200 lowercase letters, digits, `.`, `_`, `-` and `/`, e.g. `fal-ai/flux/dev`.', ['input', 'endpointId']);
    }
    const displayName = input.displayName.trim();
    if (!displayName || displayName.length > 200) throw new UserInputFailure('INVALID', 'The display name must be 1–200 characters.', ['input', 'displayName']);
    if (!/^[a-z0-9_]{1,40}$/.test(input.unit)) throw new UserInputFailure('INVALID', 'The unit is 1–40 lowercase letters, digits or `_`, e.g. `megapixel`.', ['input', 'unit']);
    const endpoint = await this.db.transaction(async (tx) => {
      const repository = tx.getRepository(ModelEndpoint);
      const before = await repository.findOne({ where: { endpointId: input.endpointId }, lock: { mode: 'pessimistic_write' } });
      const values = { displayName, product: input.product, unit: input.unit, enterpriseReady: input.enterpriseReady };
      if (before) await repository.update({ endpointId: input.endpointId }, values);
      else await repository.insert({ endpointId: input.endpointId, ...values });
      const changes = Object.fromEntries(
        Object.entries(values)
          .filter(([field, value]) => !before || (before as unknown as Record<string, unknown>)[field] !== value)
          .map(([field, value]) => [field, { before: before ? (before as unknown as Record<string, unknown>)[field] : null, after: value }]),
      );
      await recordAudit(tx, caller, {
        organizationId: null,
        action: before ? 'catalog.endpoint.update' : 'catalog.endpoint.create',
        targetType: 'ModelEndpoint',
        targetId: input.endpointId,
        changes,
      });
      return repository.findOneByOrFail({ endpointId: input.endpointId });
    });
    this.cached = null;
    return endpoint;
  }

  /** Adds a price version; prices are never edited in place, so past usage keeps the price it was rated at. */
  async addPrice(caller: Caller, input: { endpointId: string; effectiveFrom: Date; unitPrice: string; currency: string }): Promise<ModelPrice> {
    if (input.unitPrice.startsWith('-')) throw new UserInputFailure('INVALID', 'Prices cannot be negative.', ['input', 'unitPrice']);
    if (!/^[A-Z]{3}$/.test(input.currency)) throw new UserInputFailure('INVALID', 'The currency is an ISO 4217 code such as USD.', ['input', 'currency']);
    return this.db.transaction(async (tx) => {
      if (!(await tx.getRepository(ModelEndpoint).exists({ where: { endpointId: input.endpointId } }))) {
        throw new UserInputFailure('NOT_FOUND', `No catalog endpoint \`${input.endpointId}\`.`, ['input', 'endpointId']);
      }
      const prices = tx.getRepository(ModelPrice);
      if (await prices.exists({ where: { endpointId: input.endpointId, effectiveFrom: input.effectiveFrom } })) {
        throw new UserInputFailure('TAKEN', 'A price version already starts at this instant.', ['input', 'effectiveFrom']);
      }
      await prices.insert({ endpointId: input.endpointId, effectiveFrom: input.effectiveFrom, unitPrice: input.unitPrice, currency: input.currency });
      await recordAudit(tx, caller, {
        organizationId: null,
        action: 'catalog.price.add',
        targetType: 'ModelEndpoint',
        targetId: input.endpointId,
        changes: {
          price: { before: null, after: { effectiveFrom: input.effectiveFrom.toISOString(), unitPrice: input.unitPrice, currency: input.currency } },
        },
      });
      return prices.findOneByOrFail({ endpointId: input.endpointId, effectiveFrom: input.effectiveFrom });
    });
  }
}
