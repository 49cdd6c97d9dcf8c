import type { DataSource } from 'typeorm';
import type { ModuleDefinition } from './module';
import { modules } from './modules';
import type { Loaders, Services } from './scope';

export type { Loaders } from './scope';

const DB = Symbol('db');
const SERVICES = Symbol('services');

interface LazyScope {
  [DB]: DataSource;
  [SERVICES]: Services;
}

type LazyLoadersClass = new (db: DataSource, services: Services) => LazyScope;

/** Learnt from the first eager build: which module's manifest builds which loaders (manifests return plain objects). */
let lazyLoaders: LazyLoadersClass | null = null;

/**
 * Per-request DataLoaders of every module, each module's built after those of the modules listed before it (the
 * policies module reads the budgets module's loaders). One set per request: nothing is cached across requests.
 *
 * A module's loaders are built on the first read of one of them: a request touches a handful of the modules
 * (`{ __typename }` none), and building every DataLoader (its cache map, its batch function) for every request
 * showed in profiles.
 */
export function createLoaders(db: DataSource, services: Services): Loaders {
  if (lazyLoaders) return new lazyLoaders(db, services) as unknown as Loaders;
  const loaders: Record<string, unknown> = {};
  const built: Array<[ModuleDefinition, string[]]> = [];
  for (const module of modules) {
    if (!module.loaders) continue;
    const own = module.loaders(db, services, loaders as unknown as Loaders);
    built.push([module, Object.keys(own)]);
    Object.assign(loaders, own);
  }
  lazyLoaders = lazyLoadersClass(built);
  return loaders as unknown as Loaders;
}

function lazyLoadersClass(owners: ReadonlyArray<[ModuleDefinition, string[]]>): LazyLoadersClass {
  class LazyLoaders implements LazyScope {
    [DB]: DataSource;
    [SERVICES]: Services;
    constructor(db: DataSource, services: Services) {
      this[DB] = db;
      this[SERVICES] = services;
    }
  }
  for (const [module, names] of owners) {
    for (const name of names) {
      Object.defineProperty(LazyLoaders.prototype, name, {
        get(this: LazyLoaders): unknown {
          const own = module.loaders!(this[DB], this[SERVICES], this as unknown as Loaders) as Record<string, unknown>;
          // From now on own properties: later reads of this module's loaders do not come back here.
          for (const [ownName, loader] of Object.entries(own)) Object.defineProperty(this, ownName, { value: loader, enumerable: true });
          return own[name];
        },
      });
    }
  }
  return LazyLoaders;
}
