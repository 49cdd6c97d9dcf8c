import { apiKeysModule } from '../apiKeys/apiKeys.module';
import { auditModule } from '../audit/audit.module';
import { authModule } from '../auth/auth.module';
import { billingModule } from '../billing/billing.module';
import { budgetsModule } from '../budgets/budgets.module';
import { catalogModule } from '../catalog/catalog.module';
import { domainsModule } from '../domains/domains.module';
import { emailModule } from '../email/email.module';
import { governanceModule } from '../governance/governance.module';
import { invitesModule } from '../invites/invites.module';
import { jobsModule } from '../jobs/jobs.module';
import { membersModule } from '../members/members.module';
import { nodeModule } from '../node/node.module';
import { organizationsModule } from '../organizations/organizations.module';
import { policiesModule } from '../policies/policies.module';
import { requestsModule } from '../requests/requests.module';
import { retentionModule } from '../retention/retention.module';
import { scimModule } from '../scim/scim.module';
import { secretsModule } from '../secrets/secrets.module';
import { ssoModule } from '../sso/sso.module';
import { teamsModule } from '../teams/teams.module';
import { usageModule } from '../usage/usage.module';
import { usersModule } from '../users/users.module';
import type { ModuleDefinition } from './module';

/**
 * Every module of Orgraph, in dependency order: a module's services and loaders are built from those of the modules
 * above it (composing fails at start, naming both, when a module reads one listed below it). Adding a module is one
 * line here; everything else is derived from this list.
 */
export const modules: readonly ModuleDefinition[] = [
  nodeModule,
  retentionModule,
  apiKeysModule,
  teamsModule,
  organizationsModule,
  usersModule,
  authModule,
  catalogModule,
  usageModule,
  billingModule,
  budgetsModule,
  domainsModule,
  ssoModule,
  policiesModule,
  membersModule,
  invitesModule,
  secretsModule,
  auditModule,
  requestsModule,
  governanceModule,
  scimModule,
  emailModule,
  jobsModule,
];
