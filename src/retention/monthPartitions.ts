import type { DataSource } from 'typeorm';

/** The month-partitioned raw tables (migration 1735200000000) and their partition key. */
export type RawTable = 'usage_records' | 'request_records';

/**
 * Creates a raw table's monthly partitions on demand. Ingest asks for the months of a batch before inserting; a
 * month this process has already ensured costs nothing, a new one is one function call (idempotent and safe under
 * concurrent callers: the SQL function takes an advisory lock). If retention dropped a partition this process had
 * cached, the insert fails with "no partition" and the caller forgets the cache and retries once.
 */
export class MonthPartitions {
  private readonly known = new Set<string>();

  constructor(private readonly db: DataSource) {}

  /** `instants`: ISO timestamps (UTC `…Z` or with an offset) or Dates of the rows about to be inserted. */
  async ensure(table: RawTable, instants: Iterable<string | Date>): Promise<void> {
    const months = new Set<string>();
    for (const instant of instants) months.add(monthOf(instant));
    for (const month of months) {
      const key = `${table}:${month}`;
      if (this.known.has(key)) continue;
      await this.db.query(`SELECT orgraph_ensure_month_partition($1, $2::timestamptz)`, [table, `${month}-01T00:00:00Z`]);
      this.known.add(key);
    }
  }

  /** Forget what this process believes exists (after retention dropped partitions, or a "no partition" failure). */
  forget(): void {
    this.known.clear();
  }

  /** Runs `insert` with the partitions ensured; one retry when a cached partition was dropped meanwhile. */
  async inserting<T>(table: RawTable, instants: Array<string | Date>, insert: () => Promise<T>): Promise<T> {
    await this.ensure(table, instants);
    try {
      return await insert();
    } catch (error) {
      if (!isNoPartition(error)) throw error;
      this.forget();
      await this.ensure(table, instants);
      return insert();
    }
  }
}

/** 'YYYY-MM' of an instant, in UTC (partitions are UTC calendar months). */
export function monthOf(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return date.toISOString().slice(0, 7);
}

function isNoPartition(error: unknown): boolean {
  return String((error as Error)?.message).includes('no partition of relation');
}
