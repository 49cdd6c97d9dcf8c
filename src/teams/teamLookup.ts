import type { EntityManager } from 'typeorm';
import { Team, TeamKind } from './team.entity';

/** Team reads other modules make inside their own transaction (they see that transaction's writes and locks). */

export function teamById(tx: EntityManager, id: string): Promise<Team | null> {
  return tx.getRepository(Team).findOneBy({ id });
}

/** A regular (not root, not personal) team of the organization, archived or not; null for anything else. */
export async function regularTeamOf(tx: EntityManager, organizationId: string, id: string): Promise<Team | null> {
  const team = await teamById(tx, id);
  return team && team.organizationId === organizationId && team.kind === TeamKind.TEAM ? team : null;
}

export function isUsernameTaken(tx: EntityManager, username: string): Promise<boolean> {
  return tx.getRepository(Team).existsBy({ username });
}
