import type { AppContext } from '../app/context';
import { localIdOf } from '../core/relay';
import type { Organization } from './organization.entity';

/** Loads an organization by global id (through the request's loader), or null when the id is not an organization's. */
export async function organizationByGlobalId(ctx: AppContext, globalId: string): Promise<Organization | null> {
  const localId = localIdOf(globalId, 'Organization');
  return localId ? ctx.loaders.organizationById.load(localId) : null;
}
