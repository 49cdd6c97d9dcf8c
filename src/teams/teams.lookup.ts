import type { AppContext } from '../app/context';
import { localIdOf } from '../core/relay';
import type { Team } from './team.entity';

/** Loads a team by global id (through the request's loader), or null when the id is not a team's. */
export async function teamByGlobalId(ctx: AppContext, globalId: string): Promise<Team | null> {
  const localId = localIdOf(globalId, 'Team');
  return localId ? ctx.loaders.teamById.load(localId) : null;
}
