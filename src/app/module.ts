import type { Router } from 'express';
import type { DataSource } from 'typeorm';
import type { Logger } from '../core/logger';
import type { RateLimiter } from '../core/rateLimit';
import type { NodeFetcher } from './context';
import type { RestDeps } from './rest';
import type { Loaders, Services } from './scope';

export type { NodeFetcher } from './context';

/** What a module's REST router is built from. */
export interface RouteDeps {
  rest: RestDeps;
  services: Services;
  limiter: RateLimiter | null;
  logger: Logger;
  /** Fresh per-request loaders, for routes that answer through the same batching as GraphQL. */
  loadersFor: () => Loaders;
}

/**
 * A module describes itself once: its tables, entities, resolvers, services, per-request loaders, `node(id:)`
 * fetchers and REST routes. `src/app/modules.ts` lists the modules in dependency order; the schema, the
 * DataSource, the services, the loaders, the node fetchers and the routes are all derived from that list.
 */
export interface ModuleDefinition {
  name: string;
  /** The tables only this module writes (others go through its services). */
  tables: readonly string[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM and type-graphql take classes
  entities?: readonly Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers?: readonly Function[];
  /** Builds the module's services from the services of the modules listed before it. */
  services?: (services: Services) => Partial<Services>;
  /** Builds the module's per-request loaders; `loaders` holds those of the modules listed before it. */
  loaders?: (db: DataSource, services: Services, loaders: Loaders) => Partial<Loaders>;
  /** `node(id:)` fetchers by GraphQL type name. */
  nodeFetchers?: Readonly<Record<string, NodeFetcher>>;
  restRoutes?: (deps: RouteDeps) => Router;
}

export function defineModule<const M extends ModuleDefinition>(definition: M): M {
  return definition;
}
