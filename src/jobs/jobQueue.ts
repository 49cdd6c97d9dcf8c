import PgBoss from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '../core/logger';
import { returnedRows } from '../core/dbErrors';

/** The queues the migrations create (JobQueue, LifecycleJobs); each has a `<name>-dead` dead-letter queue. */
export const QUEUES = {
  webhook: 'webhook-delivery',
  email: 'email-delivery',
  evaluation: 'usage-evaluation',
  retention: 'raw-record-retention',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobQueueOptions {
  /** How often one instance (whichever gets there first) expires jobs whose worker died, at least 1 s. */
  maintenanceSeconds: number;
  /**
   * How often each instance looks whether a cron schedule is due (1–45 s). One instance per interval wins the look
   * (a timestamp in pgboss.version), and a schedule sends at most one job per minute, so N instances still send once.
   */
  cronCheckSeconds: number;
}

export interface QueueHealth {
  /** Whether the queue schema answered. */
  up: boolean;
  /** Jobs waiting or running, per queue. */
  queued: Record<string, number>;
  /** Deliveries that gave up (`job_dead_letters`), which an operator should look at. */
  deadLetters: number;
}

/** A pg-boss executor over a TypeORM transaction, so a job is sent or completed atomically with the rows it records. */
export function inTransaction(tx: EntityManager): PgBoss.Db {
  return { executeSql: async (text, values) => ({ rows: returnedRows(await tx.query(text, values)) }) };
}

/**
 * The PostgreSQL job queue (pg-boss) every instance works from (docs/jobs.md). Jobs are fetched with
 * `FOR UPDATE SKIP LOCKED`, so any number of workers share a queue without taking the same job twice; a job whose
 * worker died (SIGKILL, lost host) expires after its queue's `expire_seconds` and runs again elsewhere, and after its
 * retries it moves to the queue's dead-letter queue. The schema is installed by a migration, never at start-up.
 *
 * pg-boss runs over the application's own pg pool, so it adds no connections of its own.
 */
export class JobQueue {
  readonly boss: PgBoss;

  constructor(
    private readonly db: DataSource,
    options: JobQueueOptions,
    private readonly logger: Logger,
  ) {
    const pool = (db.driver as unknown as { master: { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> } }).master;
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => pool.query(text, values) },
      schema: 'pgboss',
      migrate: false,
      supervise: true,
      schedule: true,
      cronMonitorIntervalSeconds: options.cronCheckSeconds,
      cronWorkerIntervalSeconds: options.cronCheckSeconds,
      maintenanceIntervalSeconds: options.maintenanceSeconds,
    });
    this.boss.on('error', (error) => this.logger.warn({ err: error }, 'job queue maintenance failed; will retry'));
  }

  async start(): Promise<void> {
    await this.boss.start();
  }

  async stop(): Promise<void> {
    // Running jobs are left to the dispatchers' own stop(); pg-boss only stops its maintenance timers here.
    await this.boss.stop({ graceful: false, close: false, wait: true });
  }

  /** A job's expiry must outlast one attempt, or a slow but live worker would have its job run again elsewhere. */
  async setExpiry(queue: QueueName, seconds: number): Promise<void> {
    await this.db.query(`UPDATE pgboss.queue SET expire_seconds = $2, updated_on = now() WHERE name = $1 AND expire_seconds IS DISTINCT FROM $2`, [queue, seconds]);
  }

  /**
   * Queues one evaluation per organization whose usage grew. The queue keeps at most one waiting job per
   * organization (policy `short`, singleton key = organization id): a burst of ingests adds nothing while one waits.
   */
  async enqueueEvaluations(organizationIds: readonly string[]): Promise<void> {
    if (organizationIds.length === 0) return;
    await this.boss.insert(organizationIds.map((organizationId) => ({ name: QUEUES.evaluation, data: { organizationId }, singletonKey: organizationId })));
  }

  /**
   * Sets (or, with null, removes) the retention run's cron schedule, in UTC. Every instance writes the same row at
   * start-up; the last one started wins if their settings differ. A job sent twice for one minute (pg-boss's hand-off
   * retried) is dropped by its singleton key and minute.
   */
  async scheduleRetention(cron: string | null): Promise<void> {
    if (cron === null) {
      await this.boss.unschedule(QUEUES.retention);
      return;
    }
    await this.boss.schedule(QUEUES.retention, cron, {}, { tz: 'UTC', singletonKey: QUEUES.retention, singletonSeconds: 60 });
  }

  /** Fails every job whose worker stopped answering, so it runs again (maintenance does this on its own timer). */
  async expireStalled(): Promise<void> {
    await this.boss.expire();
  }

  async health(): Promise<QueueHealth> {
    try {
      const rows: { name: string; queued: number }[] = await this.db.query(
        `SELECT q.name, count(j.id)::int AS queued FROM pgboss.queue q
           LEFT JOIN pgboss.job j ON j.name = q.name AND j.state IN ('created', 'retry', 'active')
          WHERE q.name = ANY($1) GROUP BY q.name`,
        [Object.values(QUEUES)],
      );
      const [dead] = await this.db.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM job_dead_letters`);
      return { up: true, queued: Object.fromEntries(rows.map((row) => [row.name, row.queued])), deadLetters: dead.n };
    } catch (error) {
      this.logger.warn({ err: error }, 'job queue health check failed');
      return { up: false, queued: {}, deadLetters: 0 };
    }
  }
}
