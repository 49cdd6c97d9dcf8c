import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The email outbox becomes a delivery queue: each message has a status (PENDING → SENT, or FAILED after its last
 * attempt), an attempt count, the time of its next attempt and a generic last error, so a poller can lease due rows
 * with FOR UPDATE SKIP LOCKED and admins can see what happened. `organization_id` scopes what an admin may see;
 * messages about a person alone (password reset, sign-up) have none. Rows queued before this migration and never
 * sent stay PENDING, so they go out on the first start with delivery configured.
 */
export class EmailDelivery1734500000000 implements MigrationInterface {
  name = 'EmailDelivery1734500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE email_outbox
        ADD COLUMN kind text NOT NULL DEFAULT 'OTHER',
        ADD COLUMN organization_id uuid REFERENCES organizations(id),
        ADD COLUMN status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
        ADD COLUMN attempts int NOT NULL DEFAULT 0,
        ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN last_error text;
      UPDATE email_outbox SET status = 'SENT' WHERE sent_at IS NOT NULL;
      UPDATE email_outbox o SET kind = 'INVITE', organization_id = coalesce(i.organization_id, t.organization_id)
        FROM invites i LEFT JOIN teams t ON t.id = i.team_id WHERE i.id = o.invite_id;
      DROP INDEX email_outbox_unsent_idx;
      CREATE INDEX email_outbox_due_idx ON email_outbox (next_attempt_at) WHERE status = 'PENDING';
      CREATE INDEX email_outbox_organization_idx ON email_outbox (organization_id, created_at, id) WHERE organization_id IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX email_outbox_organization_idx;
      DROP INDEX email_outbox_due_idx;
      ALTER TABLE email_outbox DROP COLUMN kind, DROP COLUMN organization_id, DROP COLUMN status, DROP COLUMN attempts,
        DROP COLUMN next_attempt_at, DROP COLUMN last_error;
      CREATE INDEX email_outbox_unsent_idx ON email_outbox (created_at) WHERE sent_at IS NULL;
    `);
  }
}
