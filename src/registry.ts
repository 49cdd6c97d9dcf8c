import type { BuildSchemaOptions } from 'type-graphql';
import { User } from './users/user.entity';
import { Session } from './users/session.entity';
import { Organization } from './organizations/organization.entity';
import { OrganizationMembership } from './organizations/organizationMembership.entity';
import { Team } from './teams/team.entity';
import { TeamMembership } from './teams/teamMembership.entity';
import { ApiKey } from './apiKeys/apiKey.entity';
import { AuditEvent } from './audit/auditEvent.entity';
import { ModelEndpoint } from './catalog/modelEndpoint.entity';
import { ModelPrice } from './catalog/modelPrice.entity';
import { OrganizationPolicySetting } from './policies/organizationPolicySetting.entity';
import { TeamPolicyOverride } from './policies/teamPolicyOverride.entity';
import { ModelAccessRule } from './policies/modelAccessRule.entity';
import {
  ModelAccessRuleResolver,
  OrganizationPolicyFieldResolver,
  OrganizationPolicyResolver,
  PolicyOperationsResolver,
  TeamPolicyResolver,
} from './policies/policies.resolver';
import { NodeResolver } from './node/node.resolver';
import { SsoResolver } from './sso/sso.resolver';
import { BillingMutationsResolver, InvoiceResolver, OrganizationBillingResolver, SpendingAlertResolver, TeamBillingResolver, WebhookDeliveryResolver } from './billing/billing.resolver';
import { ApiKeyEnvironmentResolver, FindingResolver, OrganizationGovernanceResolver, TeamGovernanceResolver, TeamReadinessResolver } from './governance/governance.resolver';
import { OrganizationUsageResolver, TeamUsageResolver, UsageRootResolver } from './usage/usage.resolver';
import { CatalogResolver } from './catalog/catalog.resolver';
import { RequestRecord } from './requests/requestRecord.entity';
import { RequestIngestResolver, RequestRecordResolver, TeamRequestsResolver } from './requests/requests.resolver';
import { SessionResolver, UserResolver, ViewerResolver } from './users/users.resolver';
import { OrganizationResolver } from './organizations/organizations.resolver';
import { TeamResolver } from './teams/teams.resolver';
import { Member } from './members/member.entity';
import { Invite } from './invites/invite.entity';
import { TeamSecret } from './secrets/teamSecret.entity';
import { MemberMutationsResolver, MemberResolver, OrganizationMembersResolver } from './members/members.resolver';
import { InviteMutationsResolver, InviteResolver } from './invites/invites.resolver';
import { ApiKeyMutationsResolver, ApiKeyResolver, TeamApiKeysResolver } from './apiKeys/apiKeys.resolver';
import { GatewayRouteResolver } from './apiKeys/gatewayRoute.resolver';
import { TeamSecretMutationsResolver, TeamSecretResolver, TeamSecretsResolver } from './secrets/secrets.resolver';
import { AuditEventResolver, OrganizationAuditLogResolver } from './audit/audit.resolver';
import { OrganizationDomain } from './domains/organizationDomain.entity';
import { DomainMutationsResolver, OrganizationDomainResolver, OrganizationDomainsResolver } from './domains/domains.resolver';
import { budgetResolvers } from './budgets/budgets.registration';

import { OrganizationRetentionResolver, RetentionMutationsResolver } from './retention/retention.resolver';
import { ScimToken } from './scim/scimToken.entity';
import { ScimGroup } from './scim/scimGroup.entity';
import { ScimUser } from './scim/scimUser.entity';
import { MemberScimResolver, OrganizationScimResolver, ScimGroupResolver, ScimMutationsResolver, ScimTokenResolver, ScimUserResolver } from './scim/scim.resolver';

import { EmailDelivery } from './email/emailDelivery.entity';
import { TeamMemberResolver, TeamPeopleResolver } from './members/teamMembers.resolver';
import { EmailDeliveryResolver, OrganizationEmailResolver } from './email/email.resolver';
import { DeadLetter } from './jobs/deadLetter.entity';
import { RetentionRun } from './retention/retentionRun.entity';
import { JobsResolver } from './jobs/jobs.resolver';

/** Every TypeORM entity, by module. */
export const allEntities = [User, Session, Organization, OrganizationMembership, Team, TeamMembership, ApiKey, AuditEvent, ModelEndpoint, ModelPrice, Member, Invite, TeamSecret, RequestRecord, OrganizationPolicySetting, TeamPolicyOverride, ModelAccessRule, ScimToken, ScimGroup, ScimUser, OrganizationDomain, EmailDelivery, DeadLetter, RetentionRun];

/** Every GraphQL resolver, by module. */
export const allResolvers: BuildSchemaOptions['resolvers'] = [
  NodeResolver,
  EmailDeliveryResolver,
  OrganizationEmailResolver,
  JobsResolver,
  TeamMemberResolver,
  TeamPeopleResolver,
  UserResolver,
  ViewerResolver,
  SessionResolver,
  OrganizationResolver,
  TeamResolver,
  CatalogResolver,
  MemberResolver,
  OrganizationMembersResolver,
  MemberMutationsResolver,
  InviteResolver,
  InviteMutationsResolver,
  ApiKeyResolver,
  TeamApiKeysResolver,
  ApiKeyMutationsResolver,
  GatewayRouteResolver,
  TeamSecretResolver,
  TeamSecretsResolver,
  TeamSecretMutationsResolver,
  AuditEventResolver,
  OrganizationAuditLogResolver,
  TeamRequestsResolver,
  RequestRecordResolver,
  RequestIngestResolver,
  ModelAccessRuleResolver,
  OrganizationPolicyResolver,
  OrganizationPolicyFieldResolver,
  TeamPolicyResolver,
  PolicyOperationsResolver,
  OrganizationUsageResolver,
  TeamUsageResolver,
  UsageRootResolver,
  TeamGovernanceResolver,
  ApiKeyEnvironmentResolver,
  OrganizationGovernanceResolver,
  TeamReadinessResolver,
  FindingResolver,
  OrganizationBillingResolver,
  TeamBillingResolver,
  InvoiceResolver,
  WebhookDeliveryResolver,
  SpendingAlertResolver,
  BillingMutationsResolver,
  SsoResolver,
  OrganizationDomainResolver,
  OrganizationDomainsResolver,
  DomainMutationsResolver,
  ...budgetResolvers,
  OrganizationScimResolver,
  MemberScimResolver,
  ScimTokenResolver,
  ScimUserResolver,
  ScimGroupResolver,
  ScimMutationsResolver,
  OrganizationRetentionResolver,
  RetentionMutationsResolver,
];
