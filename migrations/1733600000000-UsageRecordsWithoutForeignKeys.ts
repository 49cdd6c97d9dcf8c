import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Raw usage records drop their foreign keys to teams and organizations. Ingest resolves every team (and so its
 * organization) in the same request before storing, and teams and organizations are archived, never deleted, so
 * the keys guarded nothing that can happen — while their per-row checks (a `FOR KEY SHARE` lookup of each parent)
 * cost about a third of every bulk-ingest statement. The rollups never had them.
 */
export class UsageRecordsWithoutForeignKeys1733600000000 implements MigrationInterface {
  name = 'UsageRecordsWithoutForeignKeys1733600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE usage_records DROP CONSTRAINT usage_records_team_id_fkey, DROP CONSTRAINT usage_records_organization_id_fkey`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE usage_records
        ADD CONSTRAINT usage_records_team_id_fkey FOREIGN KEY (team_id) REFERENCES teams(id),
        ADD CONSTRAINT usage_records_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id)`);
  }
}
