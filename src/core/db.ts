import { DataSource, type Logger as TypeormLogger, type EntityManager } from 'typeorm';
import { currentRequestScope } from './requestScope';
import { allEntities } from '../registry';
import { allMigrations } from '../../migrations';
import { sqlStatementsTotal } from './metrics';

/** Counts statements per request (used by tests and benchmarks to prove batching) and logs nothing else. */
class StatementCountingLogger implements TypeormLogger {
  logQuery(): void {
    const scope = currentRequestScope();
    if (scope) scope.sqlStatements += 1;
    sqlStatementsTotal.inc();
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
}

export function createDataSource({ url, poolSize = 10 }: DatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: allEntities,
    migrations: allMigrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: ['query'],
    logger: new StatementCountingLogger(),
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
      application_name: 'orgraph',
    },
  });
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}

/** True when every known migration has been applied (used by /readyz). */
export async function migrationsApplied(dataSource: DataSource): Promise<boolean> {
  return !(await dataSource.showMigrations());
}

export type Tx = EntityManager;
