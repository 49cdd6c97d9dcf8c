import type { DataSource } from 'typeorm';
import type { Config } from '../core/config';
import { ApiKeyAuthenticator } from '../apiKeys/apiKeyAuthenticator';
import { ApiKeysService } from '../apiKeys/apiKeys.service';
import { Authenticator } from '../auth/authenticate';
import { OrganizationsService } from '../organizations/organizations.service';
import { TeamsService } from '../teams/teams.service';
import { UsersService } from '../users/users.service';
import { PasswordsService } from '../users/passwords.service';
import { CatalogService } from '../catalog/catalog.service';
import { MembersService } from '../members/members.service';
import { TeamMembersService } from '../members/teamMembers.service';
import { InvitesService } from '../invites/invites.service';
import { SecretsService } from '../secrets/secrets.service';
import { AuditLogService } from '../audit/auditLog.service';
import { RequestsService } from '../requests/requests.service';
import { PoliciesService } from '../policies/policies.service';
import { SsoRequirementReader } from '../policies/ssoRequirement';
import { MonthPartitions } from '../retention/monthPartitions';
import { RetentionService } from '../retention/retention.service';
import { UsageIngestService } from '../usage/usageIngest.service';
import { UsageQueryService } from '../usage/usageQuery.service';
import { UsageService } from '../usage/usage.service';
import { GovernanceService } from '../governance/governance.service';
import { InvoicesService } from '../billing/invoices.service';
import { AlertsService } from '../billing/alerts.service';
import { SsoService } from '../sso/sso.service';
import { OutboundClient } from '../core/outbound';
import { DomainsService } from '../domains/domains.service';
import { DnsProofResolver } from '../domains/dnsProof';
import { createBudgetServices } from '../budgets/budgets.module';
import { createScimServices } from '../scim/scim.service';
import { PublicUrl } from '../core/publicUrl';

/** The composition root: one instance of every service per process, wired by hand (no DI container needed). */
export function createServices(db: DataSource, config: Config) {
  // Every request to a customer-supplied URL goes through this guard (docs/security.md "Outbound requests").
  const outbound = new OutboundClient({
    allowLoopback: config.OUTBOUND_ALLOW_LOOPBACK,
    dnsResolver: config.DNS_RESOLVER,
    timeoutMs: config.OUTBOUND_TIMEOUT_MS,
    maxResponseBytes: config.OUTBOUND_MAX_RESPONSE_BYTES,
  });
  const apiKeyAuthenticator = new ApiKeyAuthenticator(db, { cache: config.API_KEY_AUTH_CACHE });
  const teams = new TeamsService(db, apiKeyAuthenticator);
  const catalog = new CatalogService(db);
  const apiKeys = new ApiKeysService(db, apiKeyAuthenticator);
  // One partition cache per process, shared by both raw tables' ingest paths and the retention run.
  const monthPartitions = new MonthPartitions(db);
  const usageIngest = new UsageIngestService(db, monthPartitions, { bulkStatementTimeoutMs: config.DATABASE_BULK_STATEMENT_TIMEOUT_MS });
  // Links in emails; the server fills in its listening address when PUBLIC_URL is unset.
  const publicUrl = new PublicUrl(config.PUBLIC_URL);
  const alerts = new AlertsService(db, config.encryptionKey, outbound, publicUrl);
  usageIngest.onStored((organizationIds) => alerts.evaluate(organizationIds));
  // Built in dependency order, each service complete at construction: SSO needs only the "SSO required" reading,
  // so it exists before the policies service, which takes SSO's guard.
  const budgets = createBudgetServices(db, config, usageIngest, outbound);
  const users = new UsersService(db, teams, { sessionTtlHours: config.SESSION_TTL_HOURS, argon2MemoryKiB: config.ARGON2_MEMORY_KIB }, publicUrl);
  const ssoRequirement = new SsoRequirementReader();
  const domains = new DomainsService(db, new DnsProofResolver(config.DNS_RESOLVER ? [config.DNS_RESOLVER] : undefined), ssoRequirement);
  const sso = new SsoService(db, config.encryptionKey, users, teams, ssoRequirement, outbound, domains);
  const policies = new PoliciesService(db, catalog, alerts, {
    beforeChange: (organizationId) => sso.assertCanRequireSso(organizationId),
    inTransaction: (tx, organizationId) => sso.assertStillCanRequireSso(tx, organizationId),
  });
  return {
    db,
    config,
    outbound,
    publicUrl,
    apiKeyAuthenticator,
    authenticator: new Authenticator(db, config, apiKeyAuthenticator),
    teams,
    organizations: new OrganizationsService(db, teams),
    users,
    passwords: new PasswordsService(db, users, publicUrl),
    sso,
    domains,
    scim: createScimServices(db, teams, apiKeyAuthenticator),
    apiKeys,
    members: new MembersService(db, apiKeys),
    teamMembers: new TeamMembersService(db),
    invites: new InvitesService(db, publicUrl),
    secrets: new SecretsService(db, config.encryptionKey),
    auditLog: new AuditLogService(db),
    requests: new RequestsService(db, { maxPayloadBytes: config.REQUEST_PAYLOAD_MAX_BYTES, bulkStatementTimeoutMs: config.DATABASE_BULK_STATEMENT_TIMEOUT_MS }, monthPartitions),
    catalog,
    policies,
    alerts,
    ...budgets,
    invoices: new InvoicesService(db),
    retention: new RetentionService(db, monthPartitions),
    usageIngest,
    usage: new UsageService(new UsageQueryService(db), usageIngest),
    governance: new GovernanceService(db, {
      maxAdminShare: config.GOVERNANCE_MAX_ADMIN_SHARE,
      minMembersForAdminShare: config.GOVERNANCE_MIN_MEMBERS_FOR_ADMIN_SHARE,
      unusedKeyDays: 90,
      keyRotationDays: config.GOVERNANCE_KEY_ROTATION_DAYS,
      spendPaceFactor: config.GOVERNANCE_SPEND_PACE_FACTOR,
    }),
  };
}

export type Services = ReturnType<typeof createServices>;

/** Background work owned by services that must finish before the pool closes. */
export async function closeServices(services: Services): Promise<void> {
  await services.apiKeyAuthenticator.close();
}
