import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the account's owner last proved they read its mailbox (an emailed sign-up confirmation, password reset or invite
 * link). SSO and SCIM link an existing account by email; an account whose mailbox was never proven may have been
 * registered by someone else, so linking it strips its password and sessions (red-team D2).
 * Existing accounts count as proven when a confirmed sign-up or a completed password reset already shows it.
 */
export class EmailVerified1734900000000 implements MigrationInterface {
  name = 'EmailVerified1734900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN email_verified_at timestamptz`);
    await db.query(`
      UPDATE users u SET email_verified_at = p.at FROM (
        SELECT lower(email) AS email, max(confirmed_at) AS at FROM pending_sign_ups WHERE confirmed_at IS NOT NULL GROUP BY lower(email)
      ) p WHERE lower(u.email) = p.email`);
    // A completed reset is known from its audit event (`password_resets.used_at` is also set on superseded tokens).
    await db.query(`
      UPDATE users u SET email_verified_at = greatest(u.email_verified_at, r.at) FROM (
        SELECT target_id AS user_id, max(created_at) AS at FROM audit_events
         WHERE action = 'user.password_reset' AND target_type = 'User' GROUP BY target_id
      ) r WHERE u.id::text = r.user_id`);
    await db.query(`
      UPDATE users u SET email_verified_at = greatest(u.email_verified_at, i.at) FROM (
        SELECT accepted_by_user_id AS user_id, max(accepted_at) AS at FROM invites
         WHERE accepted_by_user_id IS NOT NULL AND accepted_at IS NOT NULL GROUP BY accepted_by_user_id
      ) i WHERE u.id = i.user_id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN email_verified_at`);
  }
}
