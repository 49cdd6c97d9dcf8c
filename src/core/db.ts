import { DataSource, MigrationExecutor, type Logger as TypeormLogger, type EntityManager } from 'typeorm';
import { currentRequestScope } from './requestScope';
import { allEntities } from '../registry';
import { allMigrations } from '../../migrations';
import { sqlStatementsTotal } from './metrics';
import { Client as PgClient } from 'pg';
import { recordSqlTime } from './serverTiming';

/**
 * The pool's connections time each statement for a request whose stages are being timed (Server-Timing); for any
 * other request this is one property check per statement.
 */
class TimedPgClient extends PgClient {
  // pg's query has many overloads (callbacks, streams); only promise-returning calls inside a timed request are timed.
  override query(...args: unknown[]): any {
    const result = (PgClient.prototype.query as (...a: unknown[]) => any).apply(this, args);
    const scope = currentRequestScope();
    if (scope?.timing && result && typeof result.then === 'function') {
      const started = process.hrtime.bigint();
      const done = () => recordSqlTime(scope, Number(process.hrtime.bigint() - started) / 1e6);
      result.then(done, done);
    }
    return result;
  }
}

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
  /** PostgreSQL `statement_timeout` of every connection, in ms (0 or absent = none). */
  statementTimeoutMs?: number;
}

export function createDataSource({ url, poolSize = 10, statementTimeoutMs = 0 }: DatabaseOptions): DataSource {
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
      Client: TimedPgClient,
      // Sent at connection start-up, so it holds for every statement on every pooled connection: one heavy request
      // cannot keep a connection (and the pool) busy for longer than this.
      ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
    },
  });
}

/** Applies pending migrations; returns the names applied. Migrations run without the per-statement timeout. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SET statement_timeout = 0');
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    return applied.map((migration) => migration.name);
  } finally {
    // Back to the connection's start-up value before it returns to the pool.
    await runner.query('RESET statement_timeout').catch(() => undefined);
    await runner.release();
  }
}

/** True when every known migration has been applied (used by /readyz). */
export async function migrationsApplied(dataSource: DataSource): Promise<boolean> {
  return !(await dataSource.showMigrations());
}

export type Tx = EntityManager;
