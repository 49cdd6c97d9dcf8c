import type { DataSource } from 'typeorm';
import { recordAudit, recordAuditBatch, type Caller } from '../audit/audit';
import { UserInputFailure } from '../core/errors';
import type { Organization } from '../organizations/organization.entity';
import type { MonthPartitions, RawTable } from './monthPartitions';

/** Raw-record retention when an organization has not chosen one, and for standalone and personal teams (months). */
export const DEFAULT_RAW_RETENTION_MONTHS = 13;
export const MIN_RAW_RETENTION_MONTHS = 1;
export const MAX_RAW_RETENTION_MONTHS = 120;
/** Months of partitions kept ready ahead of the current one, so the month change never waits on DDL. */
const MONTHS_AHEAD = 2;

export interface RetentionRun {
  droppedPartitions: string[];
  deletedUsageRecords: number;
  deletedRequestRecords: number;
}

const TABLES: Array<{ table: RawTable; time: string }> = [
  { table: 'usage_records', time: 'ts' },
  { table: 'request_records', time: 'started_at' },
];

/**
 * Raw usage and request records are kept per organization for `raw_retention_months` whole UTC months: a record
 * leaves once the calendar month it belongs to ended more than that many months ago (so it is kept at least N and
 * less than N+1 months). Partitions are shared by every tenant, hence two mechanisms:
 *
 * - a month every organization (and the default, for teams without one) has let go is detached (CONCURRENTLY, so
 *   ingest is not blocked) and dropped — no row is deleted;
 * - inside months that must stay for someone, an organization with a shorter setting has its own rows deleted.
 *
 * Rollups, invoices, budgets (which read the 15-minute rollup) and audit are separate tables and never touched; the
 * id ledgers (`usage_record_ids`, `request_record_ids`) are kept too, so a record re-sent after its raw row left is
 * still a duplicate and is not counted twice. A late record for a dropped month recreates that month's partition
 * (it lands and is counted once) and leaves on the next run.
 */
export class RetentionService {
  constructor(
    private readonly db: DataSource,
    private readonly partitions: MonthPartitions,
  ) {}

  async setRetention(caller: Caller, organization: Organization, months: number): Promise<Organization> {
    if (!Number.isInteger(months) || months < MIN_RAW_RETENTION_MONTHS || months > MAX_RAW_RETENTION_MONTHS) {
      throw new UserInputFailure(
        'OUT_OF_RANGE',
        `Retention is ${MIN_RAW_RETENTION_MONTHS}–${MAX_RAW_RETENTION_MONTHS} whole months (default ${DEFAULT_RAW_RETENTION_MONTHS}).`,
        ['input', 'months'],
      );
    }
    return this.db.transaction(async (tx) => {
      const [before] = await tx.query<Array<{ raw_retention_months: number | null }>>(`SELECT raw_retention_months FROM organizations WHERE id = $1 FOR UPDATE`, [organization.id]);
      await tx.query(`UPDATE organizations SET raw_retention_months = $2 WHERE id = $1`, [organization.id, months]);
      await recordAudit(tx, caller, {
        organizationId: organization.id,
        action: 'organization.rawRecordRetention',
        targetType: 'Organization',
        targetId: organization.id,
        changes: { rawRecordRetentionMonths: { before: before.raw_retention_months, after: months } },
      });
      return { ...organization, rawRetentionMonths: months };
    });
  }

  /**
   * Creates the months ahead and applies every organization's retention. Safe to run repeatedly and from several
   * instances (each step is idempotent; two runs at once at worst both try a drop, and one finds it gone). Meant to
   * be scheduled daily by the job queue; operators can run it with `applyRawRecordRetention`.
   */
  async apply(caller: Caller, options: { prepareAhead: boolean } = { prepareAhead: true }, now = new Date()): Promise<RetentionRun> {
    const run: RetentionRun = { droppedPartitions: [], deletedUsageRecords: 0, deletedRequestRecords: 0 };
    const currentMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    for (const { table } of options.prepareAhead ? TABLES : []) {
      for (let ahead = 0; ahead <= MONTHS_AHEAD; ahead++) {
        await this.db.query(`SELECT orgraph_ensure_month_partition($1, $2::timestamptz)`, [table, new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + ahead, 1))]);
      }
    }
    const cutoffOf = (months: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
    const organizations: Array<{ id: string; months: number }> = await this.db.query(
      `SELECT id, raw_retention_months AS months FROM organizations ORDER BY id`,
    );
    // The earliest cutoff anyone has: months wholly before it are let go by all.
    const longest = organizations.reduce((max, o) => Math.max(max, o.months), DEFAULT_RAW_RETENTION_MONTHS);
    const sharedCutoff = cutoffOf(longest);

    for (const { table } of TABLES) {
      for (const partition of await this.monthPartitions(table)) {
        if (partition.until.getTime() > sharedCutoff.getTime() || partition.from.getTime() >= currentMonth) continue;
        await this.db.query(`ALTER TABLE ${table} DETACH PARTITION ${partition.name} CONCURRENTLY`).catch(async (error: unknown) => {
          const message = String((error as Error).message);
          // An earlier run was interrupted between the two transactions of a concurrent detach: finish it.
          if (message.includes('pending detach')) return this.db.query<unknown>(`ALTER TABLE ${table} DETACH PARTITION ${partition.name} FINALIZE`);
          // Another run detached (or dropped) it first.
          if (!/is not a partition|does not exist/.test(message)) throw error;
        });
        await this.db.query(`DROP TABLE IF EXISTS ${partition.name}`);
        run.droppedPartitions.push(partition.name);
      }
    }
    if (run.droppedPartitions.length > 0) this.partitions.forget();

    // Row-level deletion for organizations (and teams without one) whose retention is shorter than the longest.
    const deletions: Array<{ organizationId: string | null; cutoff: Date }> = [
      ...organizations.filter((o) => o.months < longest).map((o) => ({ organizationId: o.id, cutoff: cutoffOf(o.months) })),
      ...(DEFAULT_RAW_RETENTION_MONTHS < longest ? [{ organizationId: null, cutoff: cutoffOf(DEFAULT_RAW_RETENTION_MONTHS) }] : []),
    ];
    const audited: Array<{ organizationId: string; usage: number; requests: number }> = [];
    for (const { organizationId, cutoff } of deletions) {
      const usage = await this.deleteRows(
        organizationId === null
          ? `DELETE FROM usage_records WHERE organization_id IS NULL AND ts < $1`
          : `DELETE FROM usage_records WHERE tenant_id = $2 AND ts < $1`,
        organizationId === null ? [cutoff] : [cutoff, organizationId],
      );
      // By team: request_records is indexed by (team, started_at), not by organization.
      const requests = await this.deleteRows(
        organizationId === null
          ? `DELETE FROM request_records WHERE organization_id IS NULL AND started_at < $1`
          : `DELETE FROM request_records WHERE team_id IN (SELECT id FROM teams WHERE organization_id = $2) AND started_at < $1`,
        organizationId === null ? [cutoff] : [cutoff, organizationId],
      );
      run.deletedUsageRecords += usage;
      run.deletedRequestRecords += requests;
      if (organizationId !== null && usage + requests > 0) audited.push({ organizationId, usage, requests });
    }
    await recordAuditBatch(
      this.db.manager,
      caller,
      audited.map((entry) => ({
        organizationId: entry.organizationId,
        action: 'organization.rawRecordRetentionApplied',
        targetType: 'Organization',
        targetId: entry.organizationId,
        changes: { deletedUsageRecords: { before: null, after: entry.usage }, deletedRequestRecords: { before: null, after: entry.requests } },
      })),
    );
    return run;
  }

  /** Runs a DELETE and returns how many rows it removed (TypeORM answers [rows, rowCount] for DELETE). */
  private async deleteRows(sql: string, parameters: unknown[]): Promise<number> {
    const [, count]: [unknown[], number] = await this.db.query(sql, parameters);
    return count;
  }

  /** A raw table's monthly partitions with their bounds (read from the names the SQL function gives them). */
  private async monthPartitions(table: RawTable): Promise<Array<{ name: string; from: Date; until: Date }>> {
    const rows: Array<{ name: string }> = await this.db.query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass ORDER BY 1`,
      [table],
    );
    return rows.flatMap(({ name }) => {
      const match = /_(\d{4})(\d{2})$/.exec(name);
      if (!match) return [];
      const year = Number(match[1]);
      const month = Number(match[2]) - 1;
      return [{ name, from: new Date(Date.UTC(year, month, 1)), until: new Date(Date.UTC(year, month + 1, 1)) }];
    });
  }
}
