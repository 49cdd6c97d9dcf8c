import Cursor from 'pg-cursor';
import type { PoolClient } from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { currentRequestScope } from './requestScope';

/** Rows per round trip of queryBatches (~2,000 usage items are ~350 KB of JSON); tests lower it to span batches. */
export const queryBatchesDefaults = { rows: 2000 };

/**
 * Runs one statement and hands its rows to `onBatch` a batch at a time (a portal read `batchRows` rows per round
 * trip, rows as arrays of column values), instead of materializing every row at once as `db.query` does: a page of
 * 48,000 rows held as objects until the statement ends outlives the young generation and waits for a major GC, so
 * each batch is consumed (and can die) before the next is read.
 *
 * Keeps the accounting of `db.query`: the ORM logger hears of the statement (the request's statement count,
 * bench/usage.ts's capture), the wait for the connection and the rows counts as the request's `sql` stage, the
 * connection comes from the app's pool with its `statement_timeout` (which runs from the first read to the last:
 * the portal stays one statement), and database errors arrive as TypeORM's QueryFailedError. A connection whose
 * statement failed or whose reading stopped early is closed rather than returned to the pool.
 */
export async function queryBatches(
  db: DataSource,
  sql: string,
  parameters: unknown[],
  onBatch: (rows: unknown[][]) => void,
  batchRows = queryBatchesDefaults.rows,
): Promise<void> {
  const scope = currentRequestScope();
  const timed = scope?.stages !== undefined;
  let started = timed ? performance.now() : 0;
  const stopClock = () => {
    if (timed && scope) scope.sqlMs += performance.now() - started;
  };
  db.logger.logQuery(sql, parameters);
  const driver = db.driver as PostgresDriver;
  let client: PoolClient;
  let release: (error?: unknown) => void;
  try {
    [client, release] = (await driver.obtainMasterConnection()) as [PoolClient, (error?: unknown) => void];
  } finally {
    stopClock();
  }
  let failure: unknown = null;
  try {
    const cursor = client.query(new Cursor<unknown[]>(sql, parameters, { rowMode: 'array' }));
    for (;;) {
      if (timed) started = performance.now();
      let rows: unknown[][];
      try {
        rows = await cursor.read(batchRows);
      } catch (error) {
        throw new QueryFailedError(sql, parameters, error as Error);
      } finally {
        stopClock();
      }
      if (rows.length === 0) break;
      onBatch(rows);
      // A short batch is the last: the portal is complete (and closed), no need for another round trip.
      if (rows.length < batchRows) break;
    }
    await cursor.close();
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    // After a failure the connection's protocol state is not worth trusting: the pool drops it and opens another.
    release(failure ?? undefined);
  }
}
