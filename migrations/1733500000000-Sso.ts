import type { MigrationInterface, QueryRunner } from 'typeorm';

/** OIDC single sign-on: one connection per organization, linked identities, and pending logins (state, nonce, PKCE). */
export class Sso1733500000000 implements MigrationInterface {
  name = 'Sso1733500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sso_connections (
        organization_id uuid PRIMARY KEY REFERENCES organizations(id),
        issuer text NOT NULL,
        client_id text NOT NULL,
        client_secret_ciphertext bytea NOT NULL,
        client_secret_iv bytea NOT NULL,
        client_secret_tag bytea NOT NULL,
        verified_domains text[] NOT NULL,
        default_team_id uuid REFERENCES teams(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE sso_identities (
        issuer text NOT NULL,
        subject text NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (issuer, subject)
      );
      CREATE INDEX sso_identities_user_idx ON sso_identities (user_id, organization_id);
      CREATE TABLE sso_login_states (
        state text PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations(id),
        code_verifier text NOT NULL,
        nonce text NOT NULL,
        expires_at timestamptz NOT NULL,
        consumed_at timestamptz
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sso_login_states, sso_identities, sso_connections`);
  }
}
