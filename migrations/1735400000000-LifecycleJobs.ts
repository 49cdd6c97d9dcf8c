import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evaluation and retention as queued work (issue 23):
 *
 * - `usage-evaluation`: spending alerts, budget thresholds and reservation settlement for one organization, queued
 *   after an ingest commits. Policy `short` keeps at most one WAITING job per organization (its singleton key), so a
 *   burst of ingests queues one evaluation; one already running does not block the next, which sees the newer usage.
 * - `raw-record-retention`: the daily retention run, sent by pg-boss's cron (one job per scheduled minute, whichever
 *   instance's clock gets there first) and worked by any one instance.
 * - `__pgboss__send-it`: pg-boss's own cron hand-off queue, created here so that no server start runs DDL.
 *
 * `retention_runs` is the operators' record of every run (scheduled or by hand): when, what it prepared and removed,
 * and why it failed. Jobs that keep failing join the dead-letter view.
 */
export class LifecycleJobs1735400000000 implements MigrationInterface {
  name = 'LifecycleJobs1735400000000';

  async up(db: QueryRunner): Promise<void> {
    const queues: Array<[string, Record<string, unknown>]> = [
      ['usage-evaluation-dead', { policy: 'standard', retentionMinutes: 60 * 24 * 30 }],
      ['usage-evaluation', { policy: 'short', retryLimit: 5, retryDelay: 2, retryBackoff: true, expireInSeconds: 300, deadLetter: 'usage-evaluation-dead' }],
      ['raw-record-retention-dead', { policy: 'standard', retentionMinutes: 60 * 24 * 30 }],
      // A failed run waits a minute, then two, then four: a lock or a busy database passes; a broken one dead-letters.
      ['raw-record-retention', { policy: 'short', retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 3 * 3600, deadLetter: 'raw-record-retention-dead' }],
    ];
    for (const [name, options] of queues) await db.query(`SELECT pgboss.create_queue($1, $2)`, [name, JSON.stringify(options)]);
    await db.query(`SELECT pgboss.create_queue('__pgboss__send-it', '{"policy":"standard"}') WHERE NOT EXISTS (SELECT 1 FROM pgboss.queue WHERE name = '__pgboss__send-it')`);

    await db.query(`
      CREATE TABLE retention_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trigger text NOT NULL CHECK (trigger IN ('SCHEDULE', 'OPERATOR')),
        job_id uuid,
        status text NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
        started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        finished_at timestamptz,
        partitions_ready text[] NOT NULL DEFAULT '{}',
        dropped_partitions text[] NOT NULL DEFAULT '{}',
        deleted_usage_records bigint NOT NULL DEFAULT 0,
        deleted_request_records bigint NOT NULL DEFAULT 0,
        error text
      )`);
    await db.query(`CREATE INDEX retention_runs_started_idx ON retention_runs (started_at DESC)`);
    await db.query(`COMMENT ON TABLE retention_runs IS 'Every raw-record retention run (scheduled job or operator mutation) with its outcome.'`);
    await db.query(`DROP VIEW job_dead_letters`);
    await db.query(`
      CREATE VIEW job_dead_letters AS
        SELECT 'WEBHOOK:' || d.id AS id, 'WEBHOOK' AS kind, d.id AS item_id, d.attempts, d.created_at, 'every attempt failed' AS reason
          FROM webhook_deliveries d WHERE d.status = 'FAILED'
        UNION ALL
        SELECT 'EMAIL:' || e.id, 'EMAIL', e.id, e.attempts, e.created_at, coalesce(e.last_error, 'every attempt failed') FROM email_outbox e WHERE e.status = 'FAILED'
        UNION ALL
        SELECT 'JOB:' || j.id,
               CASE j.name WHEN 'webhook-delivery-dead' THEN 'WEBHOOK_JOB' WHEN 'email-delivery-dead' THEN 'EMAIL_JOB'
                           WHEN 'usage-evaluation-dead' THEN 'EVALUATION_JOB' ELSE 'RETENTION_JOB' END,
               -- Evaluations name their organization; a dead retention job names the job of its last failed run
               -- (retentionRuns.jobId), whose error says why.
               coalesce((j.data->>'id')::uuid, (j.data->>'organizationId')::uuid,
                        (SELECT r.job_id FROM retention_runs r WHERE j.name = 'raw-record-retention-dead' AND r.status = 'FAILED' AND r.job_id IS NOT NULL
                            AND r.started_at <= j.created_on ORDER BY r.started_at DESC LIMIT 1),
                        j.id), 0, j.created_on,
               CASE j.name WHEN 'raw-record-retention-dead' THEN 'the retention run kept failing (retention_runs.error says why)'
                           ELSE 'the job itself kept failing (worker crashes or errors)' END
          FROM pgboss.job j
         WHERE j.name IN ('webhook-delivery-dead', 'email-delivery-dead', 'usage-evaluation-dead', 'raw-record-retention-dead')
           AND j.state IN ('created', 'retry')
    `);
    await db.query(`COMMENT ON VIEW job_dead_letters IS 'Background work that gave up: rows out of attempts, and jobs that kept failing (pg-boss dead-letter queues).'`);
  }

  async down(db: QueryRunner): Promise<void> {
    // The view as migration 1735100000000-JobQueue made it.
    await db.query(`DROP VIEW job_dead_letters`);
    await db.query(`
      CREATE VIEW job_dead_letters AS
        SELECT 'WEBHOOK:' || d.id AS id, 'WEBHOOK' AS kind, d.id AS item_id, d.attempts, d.created_at, 'every attempt failed' AS reason
          FROM webhook_deliveries d WHERE d.status = 'FAILED'
        UNION ALL
        SELECT 'EMAIL:' || e.id, 'EMAIL', e.id, e.attempts, e.created_at, coalesce(e.last_error, 'every attempt failed') FROM email_outbox e WHERE e.status = 'FAILED'
        UNION ALL
        SELECT 'JOB:' || j.id, CASE j.name WHEN 'webhook-delivery-dead' THEN 'WEBHOOK_JOB' ELSE 'EMAIL_JOB' END, (j.data->>'id')::uuid, 0, j.created_on,
               'the job itself kept failing (worker crashes or errors)'
          FROM pgboss.job j WHERE j.name IN ('webhook-delivery-dead', 'email-delivery-dead') AND j.state IN ('created', 'retry')
    `);
    await db.query(`COMMENT ON VIEW job_dead_letters IS 'Background deliveries that gave up: rows out of attempts, and jobs that kept crashing (pg-boss dead-letter queues).'`);
    await db.query(`DROP TABLE retention_runs`);
    await db.query(`DELETE FROM pgboss.schedule WHERE name = 'raw-record-retention'`);
    for (const name of ['usage-evaluation', 'usage-evaluation-dead', 'raw-record-retention', 'raw-record-retention-dead']) {
      await db.query(`SELECT pgboss.delete_queue($1)`, [name]);
    }
  }
}
