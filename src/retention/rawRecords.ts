import type { DataSource } from 'typeorm';
import type { RawTable } from './monthPartitions';

/**
 * What retention needs from the owner of a month-partitioned raw table (usage records, request records): the owner
 * runs its own DDL and deletes, retention decides which months and rows have to go.
 */
export interface RawRecords {
  table: RawTable;
  /** Detaches one month's partition; `finalize` completes a concurrent detach an earlier run left pending. */
  detachMonth(db: DataSource, partition: string, finalize: boolean): Promise<void>;
  /** Drops a detached month (no-op when already gone). */
  dropMonth(db: DataSource, partition: string): Promise<void>;
  /** Deletes an organization's records (null: teams outside any organization) from before `cutoff`; answers how many. */
  deleteBefore(db: DataSource, organizationId: string | null, cutoff: Date): Promise<number>;
}

/** A partition name of `table` as `orgraph_ensure_month_partition` makes it; anything else is refused, never run. */
export function assertMonthPartition(table: RawTable, partition: string): void {
  if (!new RegExp(`^${table}_\\d{6}$`).test(partition)) throw new Error(`${partition} is not a monthly partition of ${table}`);
}

/** Runs a DELETE and returns how many rows it removed (TypeORM answers [rows, rowCount] for DELETE). */
export async function deletedCount(result: Promise<unknown>): Promise<number> {
  const [, count] = (await result) as [unknown[], number];
  return count;
}
