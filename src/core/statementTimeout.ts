import type { DataSource } from 'typeorm';

/**
 * Runs one statement with its own `statement_timeout` (bulk ingest of 10,000 records legitimately takes longer
 * than the pool's default): SET LOCAL inside a transaction, so the connection goes back to the pool unchanged.
 */
export async function queryWithTimeout<T>(db: DataSource, timeoutMs: number, sql: string, parameters: unknown[]): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('statement_timeout', $1, true)`, [String(timeoutMs)]);
    return tx.query<T>(sql, parameters);
  });
}
