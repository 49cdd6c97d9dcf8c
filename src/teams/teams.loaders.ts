import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { loaderByKey, loaderOfGroups } from '../core/loaderUtils';
import type { PageArgs } from '../core/relay';
import { Team } from './team.entity';
import { TeamMembership } from './teamMembership.entity';
import type { TeamListFilter, TeamsService } from './teams.service';
import type { TeamConnection } from './teams.types';

export interface TeamPageKey {
  organizationId: string;
  filter: TeamListFilter;
  page: PageArgs;
}

/** Per-request loaders of the teams module. */
export function createTeamLoaders(db: DataSource, teams: Pick<TeamsService, 'connections'>) {
  return {
    teamById: loaderByKey<string, Team>((ids) => db.getRepository(Team).findBy({ id: In([...ids]) }), (t) => t.id),
    teamByUsername: loaderByKey<string, Team>(
      (names) => db.getRepository(Team).findBy({ username: In([...names]) }),
      (t) => t.username,
    ),
    personalTeamByOwner: loaderByKey<string, Team>(
      (ids) => db.getRepository(Team).findBy({ personalOwnerId: In([...ids]) }),
      (t) => t.personalOwnerId!,
    ),
    teamMembershipsByUser: loaderOfGroups<string, TeamMembership>(
      (ids) => db.getRepository(TeamMembership).findBy({ userId: In([...ids]) }),
      (m) => m.userId,
    ),
    // Aliased pages of an organization's teams (a dashboard's `a: teams(first: 100) b: teams(first: 100, after: …)`)
    // arrive in one tick: one statement for all pages of the same list, so their teams' fields batch together too.
    teamPages: new DataLoader<TeamPageKey, TeamConnection, string>(
      async (keys) => {
        const lists = new Map<string, TeamPageKey[]>();
        for (const key of keys) {
          const list = JSON.stringify([key.organizationId, key.filter]);
          const group = lists.get(list);
          if (group) group.push(key);
          else lists.set(list, [key]);
        }
        const pages = new Map<TeamPageKey, TeamConnection | Error>();
        await Promise.all(
          [...lists.values()].map(async (group) => {
            const answers = await teams.connections(group[0].organizationId, group[0].filter, group.map((key) => key.page));
            group.forEach((key, index) => pages.set(key, answers[index]));
          }),
        );
        return keys.map((key) => pages.get(key)!);
      },
      { cacheKeyFn: (key) => JSON.stringify([key.organizationId, key.filter, key.page]) },
    ),
  };
}

export type TeamLoaders = ReturnType<typeof createTeamLoaders>;
