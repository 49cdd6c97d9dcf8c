import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, sessions, organizations, teams, memberships, API keys, the model catalog and the audit log. */
export class Foundation1732500000000 implements MigrationInterface {
  name = 'Foundation1732500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        password_hash text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));

      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        root_team_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid REFERENCES organizations(id),
        kind text NOT NULL CHECK (kind IN ('ROOT', 'TEAM', 'PERSONAL')),
        username text NOT NULL UNIQUE,
        name text NOT NULL,
        personal_owner_id uuid REFERENCES users(id),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'PERSONAL') = (personal_owner_id IS NOT NULL)),
        CHECK (kind <> 'PERSONAL' OR organization_id IS NULL),
        CHECK (kind <> 'ROOT' OR organization_id IS NOT NULL)
      );
      CREATE INDEX teams_organization_idx ON teams (organization_id, created_at, id);
      CREATE UNIQUE INDEX teams_personal_owner_key ON teams (personal_owner_id) WHERE kind = 'PERSONAL';
      ALTER TABLE organizations ADD CONSTRAINT organizations_root_team_fk FOREIGN KEY (root_team_id) REFERENCES teams(id) DEFERRABLE INITIALLY DEFERRED;

      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        token_hash text NOT NULL UNIQUE,
        method text NOT NULL CHECK (method IN ('PASSWORD', 'SSO')),
        sso_organization_id uuid REFERENCES organizations(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      );
      CREATE INDEX sessions_user_idx ON sessions (user_id);

      CREATE TABLE organization_memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        user_id uuid NOT NULL REFERENCES users(id),
        role text NOT NULL CHECK (role IN ('ADMIN', 'BILLING', 'MEMBER')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, user_id)
      );
      CREATE INDEX organization_memberships_user_idx ON organization_memberships (user_id);

      CREATE TABLE team_memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL REFERENCES teams(id),
        organization_id uuid REFERENCES organizations(id),
        user_id uuid NOT NULL REFERENCES users(id),
        role text NOT NULL CHECK (role IN ('ADMIN', 'DEVELOPER', 'BILLING')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (team_id, user_id)
      );
      CREATE INDEX team_memberships_user_idx ON team_memberships (user_id);
      CREATE INDEX team_memberships_organization_idx ON team_memberships (organization_id, user_id);

      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key_id text NOT NULL UNIQUE,
        team_id uuid NOT NULL REFERENCES teams(id),
        organization_id uuid REFERENCES organizations(id),
        scope text NOT NULL CHECK (scope IN ('API', 'ADMIN')),
        alias text NOT NULL CHECK (char_length(alias) BETWEEN 1 AND 255),
        secret_hash bytea NOT NULL,
        owner_id uuid REFERENCES users(id),
        created_by_user_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        expires_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX api_keys_team_idx ON api_keys (team_id, created_at, id);

      CREATE TABLE model_endpoints (
        endpoint_id text PRIMARY KEY,
        display_name text NOT NULL,
        product text NOT NULL CHECK (product IN ('MODEL_APIS', 'SERVERLESS', 'COMPUTE')),
        unit text NOT NULL,
        enterprise_ready boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE model_prices (
        endpoint_id text NOT NULL REFERENCES model_endpoints(endpoint_id),
        effective_from timestamptz NOT NULL,
        unit_price numeric NOT NULL CHECK (unit_price >= 0),
        currency text NOT NULL DEFAULT 'USD',
        PRIMARY KEY (endpoint_id, effective_from)
      );

      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid REFERENCES organizations(id),
        team_id uuid,
        actor_type text NOT NULL,
        actor_id text,
        actor_label text NOT NULL,
        auth_method text NOT NULL,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text,
        changes jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id text,
        ip text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX audit_events_org_time_idx ON audit_events (organization_id, created_at, id);

      -- Audit events are append-only: the database itself refuses changes.
      CREATE FUNCTION audit_events_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit events are append-only'; END $$;
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_immutable();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE audit_events; DROP FUNCTION audit_events_immutable();
      DROP TABLE model_prices; DROP TABLE model_endpoints; DROP TABLE api_keys; DROP TABLE team_memberships;
      DROP TABLE organization_memberships; DROP TABLE sessions;
      ALTER TABLE organizations DROP CONSTRAINT organizations_root_team_fk;
      DROP TABLE teams; DROP TABLE organizations; DROP TABLE users;
    `);
  }
}
