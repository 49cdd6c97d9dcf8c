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
): Promise<void> {
  const scope = currentRequestScope();
  const started = performance.now();
  db.logger.logQuery(sql, parameters);
  const driver = db.driver as PostgresDriver;
  let release: ((error?: unknown) => void) | null = null;
  let failure: unknown = null;
  try {
    const [client, releaseClient] = (await driver.obtainMasterConnection()) as [PoolClient, (error?: unknown) => void];
    release = releaseClient;
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
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    if (scope?.stages) scope.sqlMs += performance.now() - started;
    // After a failed statement the connection's protocol state is not worth trusting: the pool drops it.
    release?.(failure instanceof QueryFailedError ? failure : undefined);
  }
}
