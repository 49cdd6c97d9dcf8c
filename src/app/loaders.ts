import type { DataSource } from 'typeorm';
import { modules } from './modules';
import type { Loaders, Services } from './scope';

export type { Loaders } from './scope';

/**
 * Per-request DataLoaders of every module, each module's built after those of the modules listed before it (the
 * policies module reads the budgets module's loaders). One set per request: nothing is cached across requests.
 */
export function createLoaders(db: DataSource, services: Services): Loaders {
  const loaders: Record<string, unknown> = {};
  for (const module of modules) {
    if (module.loaders) Object.assign(loaders, module.loaders(db, services, loaders as unknown as Loaders));
  }
  return loaders as unknown as Loaders;
}
