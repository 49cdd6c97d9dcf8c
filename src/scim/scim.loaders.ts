import DataLoader from 'dataloader';
import type { ScimMappingsService } from './scimMappings.service';
import type { ScimUser } from './scimUser.entity';

/** Per-request loaders of the SCIM module: provisioning state of members and member counts of groups, batched. */
export function createScimLoaders(mappings: Pick<ScimMappingsService, 'byUsers' | 'memberCounts'>) {
  return {
    // Key: `${organizationId}/${userId}`; one statement per organization asked about.
    scimUserOf: new DataLoader<string, ScimUser | null>(async (keys) => {
      const byOrganization = new Map<string, string[]>();
      for (const key of keys) {
        const [organizationId, userId] = key.split('/') as [string, string];
        byOrganization.set(organizationId, [...(byOrganization.get(organizationId) ?? []), userId]);
      }
      const found = new Map<string, ScimUser>();
      for (const [organizationId, userIds] of byOrganization) {
        for (const row of await mappings.byUsers(organizationId, userIds)) found.set(`${organizationId}/${row.userId}`, row);
      }
      return keys.map((key) => found.get(key) ?? null);
    }),
    scimGroupMemberCount: new DataLoader<string, number>(async (ids) => {
      const counts = await mappings.memberCounts(ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
  };
}

export type ScimLoaders = ReturnType<typeof createScimLoaders>;
