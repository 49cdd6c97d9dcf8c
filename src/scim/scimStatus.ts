import type { EntityManager } from 'typeorm';

/**
 * Whether the organization's identity provider has deactivated this person over SCIM. The paths that add people to
 * an organization outside SCIM (SSO linking, accepting an invite) refuse them while this is true, or a deprovisioned
 * person could walk back in.
 */
export async function isDeprovisionedByScim(manager: EntityManager, organizationId: string, userId: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM scim_users WHERE organization_id = $1 AND user_id = $2 AND NOT active`, [organizationId, userId]);
  return rows.length > 0;
}
