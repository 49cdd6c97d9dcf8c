import { assertMonthPartition, deletedCount, type RawRecords } from '../retention/rawRecords';

/** Retention's access to raw usage records: month partitions detached and dropped, or one organization's rows deleted. */
export const usageRawRecords: RawRecords = {
  table: 'usage_records',
  async detachMonth(db, partition, finalize) {
    assertMonthPartition('usage_records', partition);
    await db.query(`ALTER TABLE usage_records DETACH PARTITION ${partition} ${finalize ? 'FINALIZE' : 'CONCURRENTLY'}`);
  },
  async dropMonth(db, partition) {
    assertMonthPartition('usage_records', partition);
    await db.query(`DROP TABLE IF EXISTS ${partition}`);
  },
  deleteBefore(db, organizationId, cutoff) {
    return deletedCount(
      organizationId === null
        ? db.query(`DELETE FROM usage_records WHERE organization_id IS NULL AND ts < $1`, [cutoff])
        : db.query(`DELETE FROM usage_records WHERE tenant_id = $2 AND ts < $1`, [cutoff, organizationId]),
    );
  },
};
