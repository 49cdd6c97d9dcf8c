import type { AppContext, NodeFetcher } from '../app/context';
import { isUuid } from '../core/relay';

/**
 * The object, once the session rules allow reaching objects of `organizationId` (else FORBIDDEN with the reason);
 * `personalOwnerId` for objects of a personal account. Objects the caller may see but not reach in this session (SSO
 * required, personal account blocked) answer FORBIDDEN, exactly like `organization(slug:)` and `team(username:)`.
 */
export async function reachable<T extends object>(ctx: AppContext, organizationId: string | null, object: T, personalOwnerId: string | null = null): Promise<T> {
  await ctx.access.enforceSessionRules(organizationId, personalOwnerId);
  return object;
}

/** Types keyed by UUID never reach SQL with anything else (a malformed id is simply not found). */
export function withUuidKeys(fetchers: Record<string, NodeFetcher>): Record<string, NodeFetcher> {
  return Object.fromEntries(
    Object.entries(fetchers).map(([type, fetch]) => [type, (ctx: AppContext, id: string) => (isUuid(id) ? fetch(ctx, id) : Promise.resolve(null))]),
  );
}
