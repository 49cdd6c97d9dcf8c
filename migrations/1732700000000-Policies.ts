import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organization policy (docs/policies.md): settings with a lock, team overrides of team-scoped settings, and model access
 * rules per surface at organization or team level. Overrides and team rules are never deleted by organization
 * changes: a lock makes them inert, an unlock brings them back.
 */
export class Policies1732700000000 implements MigrationInterface {
  name = 'Policies1732700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organization_policy_settings (
        organization_id uuid NOT NULL REFERENCES organizations(id),
        setting text NOT NULL CHECK (setting IN ('teamCreation', 'invitePermission', 'crossTeamVisibility',
          'requestVisibility', 'ssoRequired', 'personalAccountAccess', 'modelAccessMode')),
        value jsonb NOT NULL,
        locked boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, setting)
      );

      CREATE TABLE team_policy_overrides (
        team_id uuid NOT NULL REFERENCES teams(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        setting text NOT NULL CHECK (setting IN ('requestVisibility')),
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (team_id, setting)
      );
      CREATE INDEX team_policy_overrides_organization_idx ON team_policy_overrides (organization_id);

      CREATE TABLE model_access_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        team_id uuid REFERENCES teams(id),
        surface text NOT NULL CHECK (surface IN ('API', 'PLAYGROUND')),
        pattern text NOT NULL CHECK (length(pattern) BETWEEN 1 AND 255),
        effect text NOT NULL CHECK (effect IN ('ALLOWED', 'BLOCKED')),
        locked boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Only organization rules can be locked.
        CHECK (team_id IS NULL OR NOT locked)
      );
      -- One rule per pattern and surface at each level; the all-zero uuid stands for "organization level".
      CREATE UNIQUE INDEX model_access_rules_slot_key ON model_access_rules
        (organization_id, (COALESCE(team_id, '00000000-0000-0000-0000-000000000000'::uuid)), surface, pattern);
      CREATE INDEX model_access_rules_team_idx ON model_access_rules (team_id) WHERE team_id IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE model_access_rules; DROP TABLE team_policy_overrides; DROP TABLE organization_policy_settings;`);
  }
}
