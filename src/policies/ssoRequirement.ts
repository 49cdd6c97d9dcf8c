import type { EntityManager } from 'typeorm';
import { OrganizationPolicySetting } from './organizationPolicySetting.entity';

/**
 * Whether an organization requires SSO, read through the caller's manager (SSO, domains and invites ask inside their
 * transactions). Apart from the policies service so that SSO can be built before it: the policies service needs
 * SSO's guard, and SSO needs only this answer.
 */
export class SsoRequirementReader {
  async ssoRequired(manager: EntityManager, organizationId: string): Promise<boolean> {
    const row = await manager.getRepository(OrganizationPolicySetting).findOneBy({ organizationId, setting: 'ssoRequired' });
    return row?.value === true;
  }
}

/** Stateless, so the SSO and domains modules use this one instance. */
export const ssoRequirement = new SsoRequirementReader();
