import type { DataSource } from 'typeorm';
import { defineModule } from '../src/app/module';
import { createServices } from '../src/app/services';
import type { Services } from '../src/app/scope';
import { loadConfig } from '../src/core/config';
import { modules } from '../src/app/modules';

/**
 * Composition from the module list: services are built in list order, a module that reads a service only a later
 * module provides fails at start naming both, and two modules may not provide the same service.
 */
const db = {} as DataSource;
const config = loadConfig({ NODE_ENV: 'test' });

const provider = defineModule({ name: 'provider', tables: [], services: () => ({ catalog: 'the catalog' as unknown as Services['catalog'] }) });
const reader = defineModule({ name: 'reader', tables: [], services: (services) => ({ teams: { uses: services.catalog } as unknown as Services['teams'] }) });

describe('module composition', () => {
  it('builds a module from the services of the modules listed before it', () => {
    const services = createServices(db, config, [provider, reader]);
    expect((services.teams as unknown as { uses: unknown }).uses).toBe('the catalog');
  });

  it('fails at start, naming both, when a module reads a service listed after it', () => {
    expect(() => createServices(db, config, [reader, provider])).toThrow('Module reader needs services.catalog, which no module listed before it in src/app/modules.ts provides.');
  });

  it('refuses a service provided twice', () => {
    expect(() => createServices(db, config, [provider, provider])).toThrow('Module provider builds services.catalog, which another module already provides.');
  });

  it('lists every module once', () => {
    const names = modules.map((module) => module.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
