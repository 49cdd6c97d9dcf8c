import type { EntityManager } from 'typeorm';

/**
 * The one place SCIM asks "is this email in one of the organization's PROVEN domains?" (docs/sso.md: a domain counts
 * as the organization's only once its DNS TXT proof succeeded). It reads the SSO module's
 * `organization_domains(organization_id, domain, verified_at)` (branch sso: DomainsService.isVerifiedFor answers the
 * same question; delegate to it once both are merged). An unverified (pending) claim does not count. Called inside
 * the provisioning transaction, the row is held FOR SHARE (as SSO linking does), so the proof cannot be withdrawn or
 * move to another organization while someone is being provisioned under it.
 */
export async function isInProvenDomain(manager: EntityManager, organizationId: string, email: string): Promise<boolean> {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  if (!domain) return false;
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM organization_domains WHERE organization_id = $1 AND lower(domain) = $2 AND verified_at IS NOT NULL LIMIT 1 FOR SHARE`,
    [organizationId, domain],
  );
  return rows.length > 0;
}
