import type { DataSource } from 'typeorm';
import { recordAudit, recordAuditBatch, type Caller } from '../audit/audit';
import { UserInputFailure } from '../core/errors';
import type { Organization } from '../organizations/organization.entity';
import type { MonthPartitions, RawTable } from './monthPartitions';
import type { RawRecords } from './rawRecords';
import { setRawRetentionMonths } from '../organizations/rawRetention';
import { usageRawRecords } from '../usage/rawRecordRetention';
import { requestRawRecords } from '../requests/rawRecordRetention';

/** Raw-record retention when an organization has not chosen one, and for standalone and personal teams (months). */
export const DEFAULT_RAW_RETENTION_MONTHS = 13;
export const MIN_RAW_RETENTION_MONTHS = 1;
export const MAX_RAW_RETENTION_MONTHS = 120;
/** Months of partitions kept ready ahead of the current one, so the month change never waits on DDL. */
const MONTHS_AHEAD = 2;

export interface RetentionRun {
  /** The current and next months' partitions, ready before ingest needs them. */
  partitionsReady: string[];
  droppedPartitions: string[];
  deletedUsageRecords: number;
  deletedRequestRecords: number;
}

/** The raw tables, each written only by its owner's functions (usage, requests). */
const TABLES: RawRecords[] = [usageRawRecords, requestRawRecords];

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
      const before = await setRawRetentionMonths(tx, organization.id, months);
      await recordAudit(tx, caller, {
        organizationId: organization.id,
        action: 'organization.rawRecordRetention',
        targetType: 'Organization',
        targetId: organization.id,
        changes: { rawRecordRetentionMonths: { before, after: months } },
      });
      return { ...organization, rawRetentionMonths: months };
    });
  }

  /**
   * Creates the months ahead and applies every organization's retention. Safe to run repeatedly and from several
   * instances (each step is idempotent; two runs at once at worst both try a drop, and one finds it gone). It runs
   * scheduled (`RETENTION_SCHEDULE`, daily by default) on the job queue; operators can run it with
   * `applyRawRecordRetention`. `run` records each run in `retention_runs`.
   */
  async apply(caller: Caller, options: { prepareAhead: boolean } = { prepareAhead: true }, now = new Date()): Promise<RetentionRun> {
    const run: RetentionRun = { partitionsReady: [], droppedPartitions: [], deletedUsageRecords: 0, deletedRequestRecords: 0 };
    const currentMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    for (const { table } of options.prepareAhead ? TABLES : []) {
      for (let ahead = 0; ahead <= MONTHS_AHEAD; ahead++) {
        const [ready] = await this.db.query<Array<{ name: string }>>(`SELECT orgraph_ensure_month_partition($1, $2::timestamptz) AS name`, [
          table,
          new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + ahead, 1)),
        ]);
        run.partitionsReady.push(ready.name);
      }
    }
    const cutoffOf = (months: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
    const organizations: Array<{ id: string; months: number }> = await this.db.query(
      `SELECT id, raw_retention_months AS months FROM organizations ORDER BY id`,
    );
    // The earliest cutoff anyone has: months wholly before it are let go by all.
    const longest = organizations.reduce((max, o) => Math.max(max, o.months), DEFAULT_RAW_RETENTION_MONTHS);
    const sharedCutoff = cutoffOf(longest);

    for (const raw of TABLES) {
      for (const partition of await this.monthPartitions(raw.table)) {
        if (partition.until.getTime() > sharedCutoff.getTime() || partition.from.getTime() >= currentMonth) continue;
        const detach = partition.attached ? raw.detachMonth(this.db, partition.name, false) : Promise.resolve();
        await detach.catch(async (error: unknown) => {
          const message = String((error as Error).message);
          // An earlier run was interrupted between the two transactions of a concurrent detach: finish it.
          if (message.includes('pending detach')) return raw.detachMonth(this.db, partition.name, true);
          // Another run detached (or dropped) it first.
          if (!/is not a partition|does not exist/.test(message)) throw error;
        });
        await raw.dropMonth(this.db, partition.name);
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
      const usage = await usageRawRecords.deleteBefore(this.db, organizationId, cutoff);
      const requests = await requestRawRecords.deleteBefore(this.db, organizationId, cutoff);
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

  /**
   * One recorded run: a `retention_runs` row says it started, then what it prepared and removed, or why it failed
   * (the error is re-thrown, so a queued run is retried and, out of retries, dead-lettered).
   */
  async run(caller: Caller, trigger: 'SCHEDULE' | 'OPERATOR', jobId: string | null, options: { prepareAhead: boolean } = { prepareAhead: true }): Promise<RetentionRun & { runId: string }> {
    const [inserted] = await this.db.query<Array<{ id: string }>>(`INSERT INTO retention_runs (trigger, job_id, status) VALUES ($1, $2, 'RUNNING') RETURNING id`, [trigger, jobId]);
    const row = inserted;
    try {
      const run = await this.apply(caller, options);
      await this.db.query(
        `UPDATE retention_runs SET status = 'SUCCEEDED', finished_at = clock_timestamp(), partitions_ready = $2, dropped_partitions = $3,
                deleted_usage_records = $4, deleted_request_records = $5 WHERE id = $1`,
        [row.id, run.partitionsReady, run.droppedPartitions, run.deletedUsageRecords, run.deletedRequestRecords],
      );
      return { ...run, runId: row.id };
    } catch (error) {
      await this.db
        .query(`UPDATE retention_runs SET status = 'FAILED', finished_at = clock_timestamp(), error = $2 WHERE id = $1`, [row.id, String((error as Error)?.message ?? error).slice(0, 1000)])
        .catch(() => undefined);
      throw error;
    }
  }


  /**
   * A raw table's monthly partitions with their bounds (read from the names the SQL function gives them), and
   * month tables left detached by a run that failed between detach and drop: those are dropped by the next run (left
   * alone, such a table would also stop its month's partition from being created again).
   */
  private async monthPartitions(table: RawTable): Promise<Array<{ name: string; attached: boolean; from: Date; until: Date }>> {
    const rows: Array<{ name: string; attached: boolean }> = await this.db.query(
      `SELECT c.relname AS name, true AS attached FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass
       UNION ALL
       SELECT c.relname, false FROM pg_class c
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND NOT c.relispartition AND c.relname ~ ('^' || $1 || '_[0-9]{6}$')
       ORDER BY 1`,
      [table],
    );
    return rows.flatMap(({ name, attached }) => {
      const match = /_(\d{4})(\d{2})$/.exec(name);
      if (!match) return [];
      const year = Number(match[1]);
      const month = Number(match[2]) - 1;
      return [{ name, attached, from: new Date(Date.UTC(year, month, 1)), until: new Date(Date.UTC(year, month + 1, 1)) }];
    });
  }
}
