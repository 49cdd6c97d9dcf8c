import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { loaderOfGroups } from '../core/loaderUtils';
import type { GovernanceService, TeamGovernanceValues } from './governance.service';
import type { TeamEnvironment } from './governance.types';
import type { GovernanceSnapshot } from './rules';

/** Per-request loaders of the governance module: one snapshot per organization, one lookup for all teams of a page. */
export function createGovernanceLoaders(db: DataSource, governance: GovernanceService) {
  return {
    // Teams whose governance owner is this user, while the user is still a member of the team's organization.
    governedTeamsByUser: loaderOfGroups<string, { userId: string; teamId: string }>(
      async (ids) =>
        (
          await db.query<Array<{ user_id: string; team_id: string }>>(
            `SELECT g.owner_id AS user_id, g.team_id FROM team_governance g
               JOIN organization_memberships m ON m.organization_id = g.organization_id AND m.user_id = g.owner_id
              WHERE g.owner_id = ANY($1::uuid[])`,
            [[...ids]],
          )
        ).map((row) => ({ userId: row.user_id, teamId: row.team_id })),
      (row) => row.userId,
    ),
    governanceSnapshot: new DataLoader<string, GovernanceSnapshot>((ids) => Promise.all(ids.map((id) => governance.snapshot(id)))),
    governanceByTeam: new DataLoader<string, TeamGovernanceValues | null>(async (ids) => {
      const found = await governance.governanceOf(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    environmentByApiKey: new DataLoader<string, TeamEnvironment | null>(async (ids) => {
      const found = await governance.keyEnvironments(ids);
      return ids.map((id) => (found.get(id) as TeamEnvironment | undefined) ?? null);
    }),
  };
}

export type GovernanceLoaders = ReturnType<typeof createGovernanceLoaders>;
