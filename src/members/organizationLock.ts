import type { EntityManager } from 'typeorm';
import { UserInputFailure } from '../core/errors';

/**
 * Serializes every change to an organization's membership on the organization row. Two admins demoting each other
 * at the same instant then run one after the other, and the second sees the first's result when it counts admins.
 * NO KEY UPDATE conflicts with itself but not with the KEY SHARE locks that foreign-key inserts take.
 */
export async function lockOrganization(tx: EntityManager, organizationId: string): Promise<void> {
  await tx.query(`SELECT id FROM organizations WHERE id = $1 FOR NO KEY UPDATE`, [organizationId]);
}

/** The last-ADMIN rule; call after the change, under the organization lock, so a failure rolls the change back. */
export async function assertOrganizationKeepsAnAdmin(tx: EntityManager, organizationId: string, field: string[]): Promise<void> {
  const [row] = await tx.query<Array<{ admins: number }>>(
    `SELECT count(*)::int AS admins FROM organization_memberships WHERE organization_id = $1 AND role = 'ADMIN'`,
    [organizationId],
  );
  if (row.admins === 0) {
    throw new UserInputFailure('LAST_ADMIN', 'An organization must always keep at least one ADMIN.', field);
  }
}
