import type { DataSource } from 'typeorm';
import { defineModule } from '../app/module';
import { loaderOfGroups } from '../core/loaderUtils';
import { ApiKeyEnvironmentResolver, FindingResolver, OrganizationGovernanceResolver, TeamGovernanceResolver, TeamReadinessResolver } from './governance.resolver';
import { GovernanceService } from './governance.service';

const governanceLoaders = (db: DataSource) => ({
  // Teams whose governance owner is this user, while the user is still a member of the team's organization.
  governedTeamsByUser: loaderOfGroups<string, { userId: string; teamId: string }>(
    async (ids) =>
      (
        await db.query(
          `SELECT g.owner_id AS user_id, g.team_id FROM team_governance g
             JOIN organization_memberships m ON m.organization_id = g.organization_id AND m.user_id = g.owner_id
            WHERE g.owner_id = ANY($1::uuid[])`,
          [[...ids]],
        )
      ).map((row: { user_id: string; team_id: string }) => ({ userId: row.user_id, teamId: row.team_id })),
    (row) => row.userId,
  ),
});

declare module '../app/scope' {
  interface Services {
    governance: GovernanceService;
  }
  interface Loaders extends ReturnType<typeof governanceLoaders> {}
}

export const governanceModule = defineModule({
  name: 'governance',
  tables: [],
  resolvers: [TeamGovernanceResolver, ApiKeyEnvironmentResolver, OrganizationGovernanceResolver, TeamReadinessResolver, FindingResolver],
  services: ({ db, config }) => ({
    governance: new GovernanceService(db, {
      maxAdminShare: config.GOVERNANCE_MAX_ADMIN_SHARE,
      minMembersForAdminShare: config.GOVERNANCE_MIN_MEMBERS_FOR_ADMIN_SHARE,
      unusedKeyDays: 90,
      keyRotationDays: config.GOVERNANCE_KEY_ROTATION_DAYS,
      spendPaceFactor: config.GOVERNANCE_SPEND_PACE_FACTOR,
    }),
  }),
  loaders: governanceLoaders,
});
