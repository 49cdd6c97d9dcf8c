import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email domains an organization claims, proven by a DNS TXT record (docs/sso.md, SSO as a trust boundary). The free-form
 * `sso_connections.verified_domains` let any organization admin declare any domain and take over its users through
 * an identity provider they control; its domains move here UNVERIFIED (each with a fresh token), so they link
 * nobody until the organization publishes the record. A proven domain belongs to one organization at a time (the
 * partial unique index); any number of organizations may hold pending claims on it.
 */
export class OrganizationDomains1734100000000 implements MigrationInterface {
  name = 'OrganizationDomains1734100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organization_domains (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        domain text NOT NULL CHECK (domain = lower(domain) AND length(domain) BETWEEN 3 AND 253),
        verification_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        verified_at timestamptz,
        UNIQUE (organization_id, domain)
      );
      CREATE UNIQUE INDEX organization_domains_verified_domain_key ON organization_domains (domain) WHERE verified_at IS NOT NULL;
      INSERT INTO organization_domains (organization_id, domain, verification_token)
        SELECT declared.organization_id, declared.domain, replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')
          FROM (SELECT DISTINCT c.organization_id, lower(trim(d)) AS domain FROM sso_connections c, unnest(c.verified_domains) AS d) AS declared
         WHERE length(declared.domain) BETWEEN 3 AND 253;
      ALTER TABLE sso_connections DROP COLUMN verified_domains;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE sso_connections ADD COLUMN verified_domains text[] NOT NULL DEFAULT '{}';
      UPDATE sso_connections c SET verified_domains = coalesce((SELECT array_agg(d.domain ORDER BY d.domain) FROM organization_domains d WHERE d.organization_id = c.organization_id), '{}');
      ALTER TABLE sso_connections ALTER COLUMN verified_domains DROP DEFAULT;
      DROP TABLE organization_domains;
    `);
  }
}
