import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Removing a member deals with every key they created or own (issue 16). A key minted with another key records
 * that key (`created_by_api_key_id`), so keys a removed admin minted through their own ADMIN key are found too;
 * `transferred_at` marks a key handed to a remaining member on removal, after which its creator's departure is
 * settled (governance no longer flags it). The partial indexes serve "keys of this person" and "keys minted by
 * these keys" within an organization.
 */
export class ApiKeyLineage1734300000000 implements MigrationInterface {
  name = 'ApiKeyLineage1734300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE api_keys
        ADD COLUMN created_by_api_key_id uuid REFERENCES api_keys(id),
        ADD COLUMN transferred_at timestamptz;
      CREATE INDEX api_keys_created_by_key_idx ON api_keys (created_by_api_key_id) WHERE created_by_api_key_id IS NOT NULL;
      CREATE INDEX api_keys_owner_idx ON api_keys (organization_id, owner_id) WHERE owner_id IS NOT NULL;
      CREATE INDEX api_keys_creator_idx ON api_keys (organization_id, created_by_user_id) WHERE created_by_user_id IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX api_keys_creator_idx;
      DROP INDEX api_keys_owner_idx;
      DROP INDEX api_keys_created_by_key_idx;
      ALTER TABLE api_keys DROP COLUMN transferred_at, DROP COLUMN created_by_api_key_id;
    `);
  }
}
