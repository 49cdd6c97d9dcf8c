import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Restricted request view ("my requests") as one index scan. A request's identity is its LOGIN user or, for API-key
 * requests, the key's owner: exactly one of `user_id` / `key_owner_id` can be set (a CHECK keeps `user_id` to LOGIN
 * rows), so `identity_user_id` is their COALESCE. Listing "mine" used `user_id = $u OR key_owner_id = $u`, which
 * PostgreSQL answered either by sorting every matching row (bitmap OR) or by walking the whole team's time index
 * and filtering — 400,000 rows read for one page when a member's requests were old. One index on (team, identity,
 * started_at, id) serves every page in order from the cursor. It replaces the two partial indexes.
 */
export class RequestIdentity1733806000000 implements MigrationInterface {
  name = 'RequestIdentity1733806000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE request_records ADD COLUMN identity_user_id uuid GENERATED ALWAYS AS (COALESCE(user_id, key_owner_id)) STORED;
      CREATE INDEX request_records_team_identity_idx ON request_records (team_id, identity_user_id, started_at DESC, id DESC)
        WHERE identity_user_id IS NOT NULL;
      DROP INDEX request_records_team_user_idx;
      DROP INDEX request_records_team_owner_idx;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX request_records_team_user_idx ON request_records (team_id, user_id, started_at DESC, id DESC) WHERE user_id IS NOT NULL;
      CREATE INDEX request_records_team_owner_idx ON request_records (team_id, key_owner_id, started_at DESC, id DESC) WHERE key_owner_id IS NOT NULL;
      DROP INDEX request_records_team_identity_idx;
      ALTER TABLE request_records DROP COLUMN identity_user_id;
    `);
  }
}
