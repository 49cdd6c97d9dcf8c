import { DataSource, MigrationExecutor, type Logger as TypeormLogger, type EntityManager, type MixedList, type EntitySchema } from 'typeorm';
import { currentRequestScope } from './requestScope';
import { sqlStatementsTotal } from './metrics';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

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

/**
 * SQL time per request (the `sql` stage of stageTimings.ts). TypeORM's logger hears of a statement only before it
 * runs, so the one method every statement passes through (repositories, `db.query`, transactions) is timed instead.
 */
// eslint-disable-next-line @typescript-eslint/unbound-method -- re-bound with apply on every call below
const untimedQuery = PostgresQueryRunner.prototype.query;
PostgresQueryRunner.prototype.query = async function timedQuery(this: PostgresQueryRunner, ...args: Parameters<typeof untimedQuery>): Promise<unknown> {
  const scope = currentRequestScope();
  if (!scope?.stages) return untimedQuery.apply(this, args) as Promise<unknown>;
  const started = performance.now();
  try {
    return (await untimedQuery.apply(this, args)) as unknown;
  } finally {
    scope.sqlMs += performance.now() - started;
  }
} as typeof untimedQuery;

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  /** PostgreSQL `statement_timeout` of every connection, in ms (0 or absent = none). */
  statementTimeoutMs?: number;
}

/** What the application knows and core does not: its entities (from the modules) and its migrations. */
export interface DatabaseSchema {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

export function createDataSource({ url, poolSize = 10, statementTimeoutMs = 0, entities, migrations }: DatabaseOptions & DatabaseSchema): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: ['query'],
    logger: new StatementCountingLogger(),
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
      application_name: 'orgraph',
      // Every statement reads and writes instants in UTC whatever the database's default zone: date arithmetic
      // without an explicit zone (`$1::date` against a timestamptz, month partitions' bounds, invoice months) follows
      // the session's TimeZone, and a database defaulting to New York billed 01:00Z on Feb 1 to January and failed
      // ingest into partition gaps. A start-up option, so it costs no statement.
      options: '-c TimeZone=UTC',
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
