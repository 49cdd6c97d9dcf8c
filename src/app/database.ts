import type { DataSource } from 'typeorm';
import { createDataSource, type DatabaseOptions } from '../core/db';
import { allMigrations } from '../../migrations';
import { allEntities } from '../registry';

/** The application's DataSource: core's pool and statement counting, with every module's entities and all migrations. */
export function createAppDataSource(options: DatabaseOptions): DataSource {
  return createDataSource({ ...options, entities: allEntities, migrations: allMigrations });
}
