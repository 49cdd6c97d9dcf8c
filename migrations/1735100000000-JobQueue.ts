import type { MigrationInterface, QueryRunner } from 'typeorm';
import PgBoss from 'pg-boss';

/**
 * Background work on a PostgreSQL job queue safe under many workers (docs/jobs.md, issue 23): pg-boss's schema
 * (`pgboss`, pinned to the exact pg-boss version in package.json, so the servers start it with `migrate: false`),
 * one queue per kind of work plus its dead-letter queue, and triggers that enqueue a job in the same transaction as
 * the row it delivers: an alert that commits always gets its webhook job, a rolled-back one never does, whatever code
 * path inserted it (spending alerts, budget thresholds, every email).
 *
 * The rows stay the record of what was delivered (`webhook_deliveries` with its attempts, `email_outbox`); a job only
 * says "deliver row X". `job_dead_letters` is the operators' view of everything that gave up.
 */
export class JobQueue1735100000000 implements MigrationInterface {
  name = 'JobQueue1735100000000';

  async up(db: QueryRunner): Promise<void> {
    // The construction plan carries its own BEGIN/COMMIT; inside the migration's transaction they would commit early.
    const install = PgBoss.getConstructionPlans('pgboss').replace(/^\s*BEGIN;/m, '').replace(/COMMIT;\s*$/m, '');
    await db.query(install);
    // Crash retries (a worker killed mid-job): the job expires and runs again; a job that still cannot finish after
    // that many tries (the database refusing the record, a poison row) lands in the dead-letter queue.
    for (const kind of ['webhook-delivery', 'email-delivery']) {
      await db.query(`SELECT pgboss.create_queue($1, $2)`, [`${kind}-dead`, JSON.stringify({ policy: 'standard', retentionMinutes: 60 * 24 * 30 })]);
      await db.query(`SELECT pgboss.create_queue($1, $2)`, [
        kind,
        JSON.stringify({ policy: 'standard', retryLimit: 5, retryDelay: 1, retryBackoff: true, expireInSeconds: 60, deadLetter: `${kind}-dead` }),
      ]);
    }
    await db.query(`
      CREATE FUNCTION orgraph_enqueue_delivery() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE q pgboss.queue%ROWTYPE;
      BEGIN
        SELECT * INTO STRICT q FROM pgboss.queue WHERE name = TG_ARGV[0];
        INSERT INTO pgboss.job (name, data, retry_limit, retry_delay, retry_backoff, expire_in, dead_letter, policy, start_after, keep_until)
        -- pg-boss's own defaults where a queue setting is unset: an alert's insert must never fail on a queue detail.
        VALUES (q.name, jsonb_build_object('id', NEW.id), coalesce(q.retry_limit, 2), coalesce(q.retry_delay, 0), coalesce(q.retry_backoff, false),
                make_interval(secs => coalesce(q.expire_seconds, 900)), q.dead_letter, q.policy, NEW.next_attempt_at,
                NEW.next_attempt_at + interval '14 days');
        RETURN NEW;
      END $$;
      CREATE TRIGGER webhook_deliveries_enqueue AFTER INSERT ON webhook_deliveries
        FOR EACH ROW WHEN (NEW.status = 'PENDING') EXECUTE FUNCTION orgraph_enqueue_delivery('webhook-delivery');
      CREATE TRIGGER email_outbox_enqueue AFTER INSERT ON email_outbox
        FOR EACH ROW WHEN (NEW.status = 'PENDING') EXECUTE FUNCTION orgraph_enqueue_delivery('email-delivery');
    `);
    // What was pending before the queue existed gets its job now.
    await db.query(`
      INSERT INTO pgboss.job (name, data, retry_limit, retry_delay, retry_backoff, expire_in, dead_letter, policy, start_after)
      SELECT q.name, jsonb_build_object('id', r.id), q.retry_limit, q.retry_delay, q.retry_backoff, make_interval(secs => q.expire_seconds),
             q.dead_letter, q.policy, r.next_attempt_at
        FROM (SELECT 'webhook-delivery' AS queue, id, next_attempt_at FROM webhook_deliveries WHERE status = 'PENDING'
              UNION ALL SELECT 'email-delivery', id, next_attempt_at FROM email_outbox WHERE status = 'PENDING') r
        JOIN pgboss.queue q ON q.name = r.queue
    `);
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
    // /readyz counts dead letters on every probe: the FAILED rows are few, so partial indexes keep that count small.
    await db.query(`CREATE INDEX webhook_deliveries_failed_idx ON webhook_deliveries (created_at) WHERE status = 'FAILED'`);
    await db.query(`CREATE INDEX email_outbox_failed_idx ON email_outbox (created_at) WHERE status = 'FAILED'`);
    await db.query(`COMMENT ON VIEW job_dead_letters IS 'Background deliveries that gave up: rows out of attempts, and jobs that kept crashing (pg-boss dead-letter queues).'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP VIEW job_dead_letters`);
    await db.query(`DROP INDEX email_outbox_failed_idx, webhook_deliveries_failed_idx`);
    await db.query(`DROP TRIGGER email_outbox_enqueue ON email_outbox`);
    await db.query(`DROP TRIGGER webhook_deliveries_enqueue ON webhook_deliveries`);
    await db.query(`DROP FUNCTION orgraph_enqueue_delivery()`);
    await db.query(`DROP SCHEMA pgboss CASCADE`);
  }
}
