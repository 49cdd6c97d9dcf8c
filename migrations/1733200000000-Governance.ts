import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Governance metadata of teams and keys (docs/governance.md), owned by the governance module in tables of its own. */
export class Governance1733200000000 implements MigrationInterface {
  name = 'Governance1733200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE team_governance (
        team_id uuid PRIMARY KEY REFERENCES teams(id),
        organization_id uuid REFERENCES organizations(id),
        environment text CHECK (environment IN ('DEVELOPMENT', 'STAGING', 'PRODUCTION')),
        workload text CHECK (char_length(workload) <= 500),
        workload_category text CHECK (workload_category IN ('IMAGE_GENERATION', 'VIDEO_GENERATION', 'AUDIO', 'LANGUAGE', 'CUSTOM_APPS', 'TRAINING', 'OTHER')),
        owner_id uuid REFERENCES users(id),
        escalation_contact text CHECK (char_length(escalation_contact) <= 200),
        expected_monthly_spend numeric CHECK (expected_monthly_spend >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX team_governance_organization_idx ON team_governance (organization_id);
      CREATE TABLE api_key_environments (
        api_key_id uuid PRIMARY KEY REFERENCES api_keys(id),
        environment text NOT NULL CHECK (environment IN ('DEVELOPMENT', 'STAGING', 'PRODUCTION'))
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE api_key_environments; DROP TABLE team_governance;`);
  }
}
