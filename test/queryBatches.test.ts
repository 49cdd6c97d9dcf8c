import { QueryFailedError, type DataSource } from 'typeorm';
import { createAppDataSource } from '../src/app/database';
import { queryBatches } from '../src/core/queryBatches';
import { isStatementTimeout } from '../src/core/dbErrors';
import { createIsolatedDatabase } from './support/testDatabase';

/**
 * queryBatches hands a statement's rows over a batch at a time as they arrive (src/core/queryBatches.ts): the rows
 * in order, the pool's connection given back whatever happens, database errors as db.query reports them, and the
 * connection's statement_timeout over the whole statement.
 */
let database: { url: string; drop: () => Promise<void> };
let db: DataSource;
beforeAll(async () => {
  database = await createIsolatedDatabase();
  db = createAppDataSource({ url: database.url, poolSize: 2, statementTimeoutMs: 1000 });
  await db.initialize();
});
afterAll(async () => {
  await db.destroy();
  await database.drop();
});

interface Pool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}
const pool = () => (db.driver as unknown as { master: Pool }).master;

describe('queryBatches', () => {
  it('hands every row over in order, in batches of the size asked, as arrays', async () => {
    const batches: unknown[][][] = [];
    await queryBatches(db, 'SELECT g, $1::text || g FROM generate_series(1, $2::int) g ORDER BY g', ['n', 25], (rows) => batches.push(rows), 10);
    expect(batches.map((rows) => rows.length)).toEqual([10, 10, 5]);
    expect(batches.flat()).toEqual(Array.from({ length: 25 }, (_, i) => [i + 1, `n${i + 1}`]));
    await queryBatches(db, 'SELECT g FROM generate_series(1, 20) g', [], (rows) => batches.push(rows), 10);
    expect(batches.slice(3).map((rows) => rows.length)).toEqual([10, 10]);
    expect(pool().idleCount).toBe(pool().totalCount);
  });

  it('fails mid-stream as db.query would, and the pool keeps working', async () => {
    let seen = 0;
    const failed = await queryBatches(db, 'SELECT 1 / (g - 500) FROM generate_series(1, 1000) g', [], (rows) => (seen += rows.length), 50).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(QueryFailedError);
    expect((failed as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('22012');
    expect(seen).toBeGreaterThanOrEqual(450);
    expect(pool().waitingCount).toBe(0);
    expect(pool().idleCount).toBe(pool().totalCount);
    // Every connection of the pool still answers.
    await Promise.all([db.query('SELECT 1'), db.query('SELECT 2')]);
  });

  it('gives the connection back when the consumer throws', async () => {
    const failed = await queryBatches(db, 'SELECT g FROM generate_series(1, 100) g', [], () => {
      throw new Error('consumer failed');
    }, 10).catch((error: unknown) => error);
    expect((failed as Error).message).toBe('consumer failed');
    expect(pool().idleCount).toBe(pool().totalCount);
    expect(await db.query('SELECT 41 + 1 AS n')).toEqual([{ n: 42 }]);
  });

  it('applies planner settings to its own statement only, also when that statement or its consumer fails', async () => {
    const shown: unknown[][] = [];
    const settings = { enable_sort: 'off', enable_bitmapscan: 'off' };
    await queryBatches(db, `SELECT current_setting('enable_sort'), current_setting('enable_bitmapscan')`, [], (rows) => shown.push(...rows), 10, settings);
    expect(shown).toEqual([['off', 'off']]);
    const failed = await queryBatches(db, 'SELECT 1 / (g - 5) FROM generate_series(1, 10) g', [], () => undefined, 1, settings).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(QueryFailedError);
    const thrown = await queryBatches(db, 'SELECT g FROM generate_series(1, 10) g', [], () => {
      throw new Error('consumer failed');
    }, 1, settings).catch((error: unknown) => error);
    expect((thrown as Error).message).toBe('consumer failed');
    // Every connection of the pool (both, held at once) is back on the defaults and outside any transaction.
    const runner = [db.createQueryRunner(), db.createQueryRunner()];
    await Promise.all(runner.map((r) => r.connect()));
    for (const r of runner) {
      expect(await r.query(`SELECT current_setting('enable_sort') AS sort, current_setting('enable_bitmapscan') AS bitmap, now() = statement_timestamp() AS outside`)).toEqual([
        { sort: 'on', bitmap: 'on', outside: true },
      ]);
    }
    await Promise.all(runner.map((r) => r.release()));
  });

  it('applies the statement timeout to the whole statement, not to each batch', async () => {
    const started = Date.now();
    let seen = 0;
    // Each row sleeps 0.2 s: every batch of one row is well within the 1 s timeout, the statement is not.
    const failed = await queryBatches(db, 'SELECT pg_sleep(0.2), g FROM generate_series(1, 20) g', [], (rows) => (seen += rows.length), 1).catch((error: unknown) => error);
    expect(isStatementTimeout(failed)).toBe(true);
    expect(seen).toBeLessThan(6);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await db.query('SELECT 1 AS n')).toEqual([{ n: 1 }]);
  });
});
