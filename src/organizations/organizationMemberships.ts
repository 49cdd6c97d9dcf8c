import type { EntityManager } from 'typeorm';
import { OrganizationMembership, type OrganizationRole } from './organizationMembership.entity';

/**
 * Every write to `organization_memberships` made on another module's behalf (members, invites, SSO, SCIM), in the
 * caller's transaction: the caller holds the organization lock, checks the last-ADMIN rule and writes the audit.
 */

/** Joins a person to an organization with `role`; a person who is already a member keeps theirs. True if they joined. */
export async function joinOrganization(tx: EntityManager, organizationId: string, userId: string, role: OrganizationRole | string): Promise<boolean> {
  const joined = await tx
    .createQueryBuilder()
    .insert()
    .into(OrganizationMembership)
    .values({ organizationId, userId, role: role as OrganizationRole })
    .orIgnore()
    .returning('id')
    .execute();
  return (joined.raw as unknown[]).length > 0;
}

export async function setOrganizationRole(tx: EntityManager, membershipId: string, role: OrganizationRole): Promise<void> {
  await tx.getRepository(OrganizationMembership).update({ id: membershipId }, { role });
}

/** Ends a person's membership of an organization (their team memberships are the teams module's to end). */
export async function leaveOrganization(tx: EntityManager, organizationId: string, userId: string): Promise<void> {
  await tx.getRepository(OrganizationMembership).delete({ organizationId, userId });
}
