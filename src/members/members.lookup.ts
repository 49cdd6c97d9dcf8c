import type { AppContext } from '../app/context';
import { BadUserInputError } from '../core/errors';
import { Team } from '../teams/team.entity';
import type { TeamAssignment } from './teamAssignment';
import { MAX_MEMBER_SEARCH_LENGTH } from './members.types';

/** Resolves a team assignment list to teams the caller can load (archived teams drop out). */
export async function loadAssignments(ctx: AppContext, rows: Array<{ teamId: string; role: TeamAssignment['role'] }>): Promise<TeamAssignment[]> {
  const teams = await ctx.loaders.teamById.loadMany(rows.map((row) => row.teamId));
  return rows.flatMap((row, index) => {
    const team = teams[index];
    return team instanceof Team && !team.archivedAt ? [{ team, role: row.role }] : [];
  });
}

/** The search text, trimmed (blank means no search); over the limit is a bad argument, never a silent truncation. */
export function memberSearch(search: string | null | undefined): string | null {
  if (search === null || search === undefined) return null;
  if (search.length > MAX_MEMBER_SEARCH_LENGTH) throw new BadUserInputError(`\`search\` is at most ${MAX_MEMBER_SEARCH_LENGTH} characters.`, 'filter.search');
  return search.trim() || null;
}
