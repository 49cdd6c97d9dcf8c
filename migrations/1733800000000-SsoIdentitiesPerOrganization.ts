import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An SSO identity (issuer + subject) is recorded per organization it signed in to. Keyed by (issuer, subject) alone,
 * a second organization on the same identity provider (e.g. two Google Workspace customers, one issuer) never got
 * its row, so its lock-out guard found no admin with an SSO identity even after they signed in through it.
 */
export class SsoIdentitiesPerOrganization1733800000000 implements MigrationInterface {
  name = 'SsoIdentitiesPerOrganization1733800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE sso_identities DROP CONSTRAINT sso_identities_pkey;
      ALTER TABLE sso_identities ADD PRIMARY KEY (organization_id, issuer, subject);
      CREATE INDEX sso_identities_subject_idx ON sso_identities (issuer, subject);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM sso_identities i USING sso_identities older
       WHERE i.issuer = older.issuer AND i.subject = older.subject
         AND (older.created_at, older.organization_id) < (i.created_at, i.organization_id);
      DROP INDEX sso_identities_subject_idx;
      ALTER TABLE sso_identities DROP CONSTRAINT sso_identities_pkey;
      ALTER TABLE sso_identities ADD PRIMARY KEY (issuer, subject);
    `);
  }
}
