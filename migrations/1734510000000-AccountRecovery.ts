import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password resets by emailed token, and sign-ups that wait for their email to be confirmed. Both store only the
 * SHA-256 of their token, expire, and are used once (`used_at` / `confirmed_at`). A pending sign-up holds the argon2
 * hash of the chosen password, so confirming needs nothing but the link.
 */
export class AccountRecovery1734510000000 implements MigrationInterface {
  name = 'AccountRecovery1734510000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      );
      CREATE INDEX password_resets_user_idx ON password_resets (user_id) WHERE used_at IS NULL;

      CREATE TABLE pending_sign_ups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        confirmed_at timestamptz
      );
      CREATE INDEX pending_sign_ups_email_idx ON pending_sign_ups (lower(email));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE pending_sign_ups; DROP TABLE password_resets;`);
  }
}
