import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SCIM 2.0 provisioning (docs/scim.md): per-organization bearer tokens (hashed), the users and groups an identity
 * provider manages, group membership, and which team memberships SCIM granted (so it only ever takes away what it
 * gave). `organization_domains` is created only if the SSO work (proven domains) has not created it already.
 */
export class Scim1734800000000 implements MigrationInterface {
  name = 'Scim1734800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Proven email domains (DNS TXT proof) belong to the SSO work (branch sso, migration 1734100000000
      -- OrganizationDomains, which runs before this one and creates the same table). Created here, in that exact
      -- shape, only when absent, so this branch stands alone; once both are merged this statement does nothing.
      CREATE TABLE IF NOT EXISTS organization_domains (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        domain text NOT NULL CHECK (domain = lower(domain) AND length(domain) BETWEEN 3 AND 253),
        verification_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        verified_at timestamptz,
        UNIQUE (organization_id, domain)
      );
      CREATE UNIQUE INDEX IF NOT EXISTS organization_domains_verified_domain_key ON organization_domains (domain) WHERE verified_at IS NOT NULL;

      CREATE TABLE scim_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        token_hash text NOT NULL UNIQUE,
        token_hint text NOT NULL,
        description text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 200),
        created_by_user_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX scim_tokens_organization_idx ON scim_tokens (organization_id, created_at, id);

      -- One row per person an organization's identity provider manages; the row's id is the SCIM id. It outlives
      -- deactivation (active = false, the organization role kept in suspended_role for reactivation).
      CREATE TABLE scim_users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        user_id uuid NOT NULL REFERENCES users(id),
        external_id text,
        given_name text,
        family_name text,
        display_name text,
        active boolean NOT NULL DEFAULT true,
        suspended_role text CHECK (suspended_role IN ('ADMIN', 'BILLING', 'MEMBER')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        last_synced_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, user_id)
      );
      CREATE INDEX scim_users_organization_idx ON scim_users (organization_id, created_at, id);
      CREATE INDEX scim_users_external_idx ON scim_users (organization_id, external_id);

      CREATE TABLE scim_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        display_name text NOT NULL,
        external_id text,
        team_id uuid REFERENCES teams(id),
        team_role text CHECK (team_role IN ('ADMIN', 'DEVELOPER', 'BILLING')),
        -- The team was created from this group (its name follows the group's on rename).
        team_created_by_group boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        last_synced_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((team_id IS NULL) = (team_role IS NULL))
      );
      CREATE UNIQUE INDEX scim_groups_name_key ON scim_groups (organization_id, lower(display_name));
      CREATE INDEX scim_groups_organization_idx ON scim_groups (organization_id, created_at, id);
      CREATE INDEX scim_groups_team_idx ON scim_groups (team_id) WHERE team_id IS NOT NULL;

      CREATE TABLE scim_group_members (
        group_id uuid NOT NULL REFERENCES scim_groups(id) ON DELETE CASCADE,
        scim_user_id uuid NOT NULL REFERENCES scim_users(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, scim_user_id)
      );
      CREATE INDEX scim_group_members_user_idx ON scim_group_members (scim_user_id);

      -- Team memberships SCIM created. A membership someone made by hand is never taken away by SCIM.
      CREATE TABLE scim_team_grants (
        organization_id uuid NOT NULL REFERENCES organizations(id),
        team_id uuid NOT NULL REFERENCES teams(id),
        user_id uuid NOT NULL REFERENCES users(id),
        role text NOT NULL CHECK (role IN ('ADMIN', 'DEVELOPER', 'BILLING')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (team_id, user_id)
      );
      CREATE INDEX scim_team_grants_user_idx ON scim_team_grants (organization_id, user_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE scim_team_grants, scim_group_members, scim_groups, scim_users, scim_tokens`);
  }
}
