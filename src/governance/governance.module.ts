import { defineModule } from '../app/module';
import { OWNED_TABLES } from './tables';
import { createGovernanceLoaders, type GovernanceLoaders } from './governance.loaders';
import { ApiKeyEnvironmentResolver, FindingResolver, OrganizationGovernanceResolver, TeamGovernanceResolver, TeamReadinessResolver } from './governance.resolver';
import { GovernanceService } from './governance.service';

declare module '../app/scope' {
  interface Services {
    governance: GovernanceService;
  }
  interface Loaders extends GovernanceLoaders {}
}

export const governanceModule = defineModule({
  name: 'governance',
  tables: OWNED_TABLES,
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
  loaders: (db, { governance }) => createGovernanceLoaders(db, governance),
});
