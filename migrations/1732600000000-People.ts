import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Invites with their email outbox, encrypted team secrets, the organization members view and audit filters. */
export class People1732600000000 implements MigrationInterface {
  name = 'People1732600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE invites (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid REFERENCES organizations(id),
        team_id uuid REFERENCES teams(id),
        email text NOT NULL,
        organization_role text CHECK (organization_role IN ('ADMIN', 'BILLING', 'MEMBER')),
        team_role text CHECK (team_role IN ('ADMIN', 'DEVELOPER', 'BILLING')),
        team_assignments jsonb NOT NULL DEFAULT '[]'::jsonb,
        token_hash text NOT NULL UNIQUE,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED')),
        expires_at timestamptz NOT NULL,
        invited_by_user_id uuid REFERENCES users(id),
        accepted_by_user_id uuid REFERENCES users(id),
        accepted_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- An organization invite names an organization role; a team invite names a team and a team role.
        CHECK ((team_id IS NULL) = (team_role IS NULL)),
        CHECK (team_id IS NOT NULL OR (organization_id IS NOT NULL AND organization_role IS NOT NULL))
      );
      -- At most one open invite per email and target (expired ones are marked EXPIRED before a new one is made).
      CREATE UNIQUE INDEX invites_pending_organization_key ON invites (organization_id, lower(email))
        WHERE status = 'PENDING' AND team_id IS NULL;
      CREATE UNIQUE INDEX invites_pending_team_key ON invites (team_id, lower(email))
        WHERE status = 'PENDING' AND team_id IS NOT NULL;
      CREATE INDEX invites_organization_idx ON invites (organization_id, created_at, id);

      -- Outgoing mail. No API reads it: the token inside reaches only the recipient (a mail relay drains it).
      CREATE TABLE email_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        invite_id uuid REFERENCES invites(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      );
      CREATE INDEX email_outbox_unsent_idx ON email_outbox (created_at) WHERE sent_at IS NULL;

      CREATE TABLE team_secrets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL REFERENCES teams(id),
        name text NOT NULL CHECK (name ~ '^[A-Z_][A-Z0-9_]{0,127}$'),
        ciphertext bytea NOT NULL,
        iv bytea NOT NULL,
        auth_tag bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (team_id, name)
      );

      -- Everyone an organization admin manages: members (ACTIVE when on a live team, else UNASSIGNED) and people
      -- with an open invite (PENDING). Member ids are membership ids or invite ids.
      CREATE VIEW organization_members AS
        SELECT m.id, m.organization_id, m.user_id, NULL::uuid AS invite_id, u.email, m.role,
               CASE WHEN EXISTS (
                 SELECT 1 FROM team_memberships tm JOIN teams t ON t.id = tm.team_id
                  WHERE tm.user_id = m.user_id AND t.organization_id = m.organization_id AND t.archived_at IS NULL
               ) THEN 'ACTIVE' ELSE 'UNASSIGNED' END AS status,
               m.created_at
          FROM organization_memberships m JOIN users u ON u.id = m.user_id
        UNION ALL
        SELECT i.id, i.organization_id, NULL::uuid, i.id, i.email, COALESCE(i.organization_role, 'MEMBER'), 'PENDING',
               i.created_at
          FROM invites i
         WHERE i.status = 'PENDING' AND i.expires_at > now() AND i.organization_id IS NOT NULL;

      CREATE INDEX audit_events_org_actor_idx ON audit_events (organization_id, actor_id, created_at);
      CREATE INDEX audit_events_org_target_idx ON audit_events (organization_id, target_id, created_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX audit_events_org_target_idx; DROP INDEX audit_events_org_actor_idx;
      DROP VIEW organization_members; DROP TABLE team_secrets; DROP TABLE email_outbox; DROP TABLE invites;
    `);
  }
}
