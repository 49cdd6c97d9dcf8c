import { assertMonthPartition, deletedCount, type RawRecords } from '../retention/rawRecords';

/** Retention's access to raw request records: month partitions detached and dropped, or one organization's rows deleted. */
export const requestRawRecords: RawRecords = {
  table: 'request_records',
  async detachMonth(db, partition, finalize) {
    assertMonthPartition('request_records', partition);
    await db.query(`ALTER TABLE request_records DETACH PARTITION ${partition} ${finalize ? 'FINALIZE' : 'CONCURRENTLY'}`);
  },
  async dropMonth(db, partition) {
    assertMonthPartition('request_records', partition);
    await db.query(`DROP TABLE IF EXISTS ${partition}`);
  },
  deleteBefore(db, organizationId, cutoff) {
    // By team: request_records is indexed by (team, started_at), not by organization.
    return deletedCount(
      organizationId === null
        ? db.query(`DELETE FROM request_records WHERE organization_id IS NULL AND started_at < $1`, [cutoff])
        : db.query(`DELETE FROM request_records WHERE team_id IN (SELECT id FROM teams WHERE organization_id = $2) AND started_at < $1`, [cutoff, organizationId]),
    );
  },
};
