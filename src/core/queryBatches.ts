import { Query, type PoolClient, type QueryArrayConfig } from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { currentRequestScope } from './requestScope';

/** Rows per batch of queryBatches (~2,000 usage items are ~350 KB of JSON); tests lower it to span batches. */
export const queryBatchesDefaults = { rows: 2000 };

/**
 * Runs one statement and hands its rows to `onBatch` a batch of `batchRows` at a time (rows as arrays of column
 * values) while they arrive, instead of materializing every row at once as `db.query` does: a page of 48,000 rows
 * held as objects until the statement ends outlives the young generation and waits for a major GC, so each batch is
 * consumed (and can die) before the next has arrived.
 *
 * One plain execution (node-postgres's row events, rows not accumulated), not a cursor: a portal read N rows at a
 * time costs a round trip per batch and, being resumable, never runs a parallel plan.
 *
 * Keeps the accounting of `db.query`: the ORM logger hears of the statement (the request's statement count,
 * bench/usage.ts's capture), the wait for the connection and the statement count as the request's `sql` stage, the
 * connection comes from the app's pool with its `statement_timeout`, and database errors arrive as TypeORM's
 * QueryFailedError. A connection whose statement failed is closed rather than returned to the pool.
 */
export async function queryBatches(
  db: DataSource,
  sql: string,
  parameters: unknown[],
  onBatch: (rows: unknown[][]) => void,
  batchRows = queryBatchesDefaults.rows,
  /** Planner settings for this statement alone (SET LOCAL in a transaction of its own), e.g. `enable_sort: 'off'`. */
  settings: Readonly<Record<string, string>> = {},
): Promise<void> {
  const scope = currentRequestScope();
  const started = performance.now();
  db.logger.logQuery(sql, parameters);
  const driver = db.driver as PostgresDriver;
  let release: ((error?: unknown) => void) | null = null;
  let failure: unknown = null;
  // A transaction this call began and did not end: its connection must not go back to the pool.
  let open = false;
  try {
    const [client, releaseClient] = (await driver.obtainMasterConnection()) as [PoolClient, (error?: unknown) => void];
    release = releaseClient;
    const names = Object.keys(settings);
    if (names.length) {
      await client.query('BEGIN');
      open = true;
      await client.query(`SELECT ${names.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`, names.flatMap((name) => [name, settings[name]]));
    }
    await new Promise<void>((resolve, reject) => {
      let batch: unknown[][] = [];
      // A consumer that throws stops the hand-over; the statement still runs to its end (or its timeout).
      let consumerFailure: unknown = null;
      const flush = () => {
        if (!batch.length || consumerFailure) return;
        const rows = batch;
        batch = [];
        try {
          onBatch(rows);
        } catch (error) {
          consumerFailure = error;
        }
      };
      const config: QueryArrayConfig = { text: sql, values: parameters, rowMode: 'array' };
      const query = client.query(new Query<unknown[]>(config));
      query.on('row', (row: unknown[]) => {
        batch.push(row);
        if (batch.length >= batchRows) flush();
      });
      query.once('error', (error: Error) => reject(new QueryFailedError(sql, parameters, error)));
      query.once('end', () => {
        flush();
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the consumer's own error, unchanged
        if (consumerFailure) reject(consumerFailure);
        else resolve();
      });
    });
    if (open) {
      await client.query('COMMIT');
      open = false;
    }
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    if (scope?.stages) scope.sqlMs += performance.now() - started;
    // After a failed statement the connection's protocol state is not worth trusting: the pool drops it.
    release?.(failure instanceof QueryFailedError ? failure : open ? new Error('queryBatches: transaction left open') : undefined);
  }
}
