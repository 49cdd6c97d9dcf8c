import type { DataSource } from 'typeorm';
import type { Config } from '../core/config';
import type { OutboundClient } from '../core/outbound';
import type { PublicUrl } from '../core/publicUrl';
import type { InvalidationBus } from '../core/invalidation';

/**
 * The process-wide services: the platform's own below, and each module's merged in by its manifest
 * (`declare module '../app/scope' { interface Services { … } }` next to its `defineModule`), the way GraphQL Modules
 * lets each module extend the global context. Open interfaces keep the composition one-way: modules extend this
 * file, the app composes the modules, and nothing here imports a module.
 */
export interface Services {
  db: DataSource;
  config: Config;
  /** Every request to a customer-supplied URL goes through this guard (docs/security.md "Outbound requests"). */
  outbound: OutboundClient;
  /** Links in emails; the server fills in its listening address when PUBLIC_URL is unset. */
  publicUrl: PublicUrl;
  /** Cross-instance cache invalidation (LISTEN/NOTIFY); the server starts listening, until then caches are bypassed. */
  invalidation: InvalidationBus;
}

/**
 * Per-request DataLoaders, merged in by each module's manifest like `Services`: every object fetched by id in a
 * request costs one statement per kind, not per object.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the modules' declarations
export interface Loaders {}
