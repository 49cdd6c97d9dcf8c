/**
 * The objects the SDK returns, named after the API's types. Each is exactly what the SDK's operations select
 * (sdk/operations/fragments.graphql), generated from the schema, so they change only when those files change.
 */
import type {
  OrganizationDomainFieldsFragment,
  BudgetFieldsFragment,
  EffectiveBudgetFieldsFragment,
  ReserveSpendMutation,
  SsoConfigurationFieldsFragment,
  TestSsoConnectionMutation,
  InvoiceFieldsFragment,
  OrganizationInvoicesQuery,
  SpendingAlertFieldsFragment,
  ApiKeyFieldsFragment,
  AuditEventFieldsFragment,
  CheckModelAccessQuery,
  InviteFieldsFragment,
  MemberFieldsFragment,
  OrganizationPolicyFieldsFragment,
  OrganizationUsageQuery,
  TeamEffectivePolicyQuery,
  UsageItemFieldsFragment,
  NodeQuery,
  OrganizationFieldsFragment,
  OrganizationQuery,
  PageInfoFieldsFragment,
  TeamFieldsFragment,
  TeamQuery,
  UserFieldsFragment,
  ViewerQuery,
  ApiKeyRouteQuery,
  IngestUsageMutation,
  IngestRequestsMutation,
  CreateInvitesMutation,
  TeamSecretFieldsFragment,
} from './generated/graphql.js';

export type User = UserFieldsFragment;
export type Team = TeamFieldsFragment;
export type Organization = OrganizationFieldsFragment;
export type PageInfo = PageInfoFieldsFragment;
/** The signed-in user with their personal account, organizations and teams. */
export type Viewer = ViewerQuery['viewer'];
/** An organization with one page of its teams. */
export type OrganizationWithTeams = OrganizationQuery['organization'];
/** A team with a summary of its organization. */
export type TeamWithOrganization = TeamQuery['team'];
/** What `node(id)` returns: narrow on `__typename`. */
export type NodeResult = NonNullable<NodeQuery['node']>;

export type Member = MemberFieldsFragment;
export type Invite = InviteFieldsFragment;
export type ApiKey = ApiKeyFieldsFragment;
export type AuditEvent = AuditEventFieldsFragment;
/** One page of usage buckets (and the summary of the whole range, when asked for). */
export type UsagePage = OrganizationUsageQuery['organization']['usage'];
export type UsageItem = UsageItemFieldsFragment;
/** One answer of `checkModelAccess`: the decision with its provenance, or a per-check error. */
export type ModelAccessCheckResult = CheckModelAccessQuery['checkModelAccess'][number];
export type OrganizationPolicy = OrganizationPolicyFieldsFragment;
/** A budget with its figures in the current period. */
export type Budget = BudgetFieldsFragment;
/** A budget in force for a subject: its provenance (own or organization default, capped or not) and figures. */
export type EffectiveBudget = EffectiveBudgetFieldsFragment;
/** The answer of `reserveSpend`: held or refused (by which budget), and every budget's figures. */
export type ReserveSpendResult = ReserveSpendMutation['reserveSpend'];
export type EffectivePolicy = TeamEffectivePolicyQuery['team']['effectivePolicy'];
export type Invoice = InvoiceFieldsFragment;
export type SpendingAlert = SpendingAlertFieldsFragment;
/** An organization's OIDC connection (its client secret is never returned). */
export type SsoConfiguration = SsoConfigurationFieldsFragment;
/** An email domain an organization claims, with the DNS TXT record that proves it. */
export type OrganizationDomain = OrganizationDomainFieldsFragment;
/** Whether discovery works and the JWKS is reachable, and what was checked or failed. */
export type SsoConfigurationTest = TestSsoConnectionMutation['testSsoConnection'];
export type BillingSummary = OrganizationInvoicesQuery['organization']['billingSummary'];
/** A new spending alert; `signingSecret` verifies its webhooks and is shown exactly once. */
export interface CreatedSpendingAlert {
  readonly alert: SpendingAlert;
  readonly signingSecret: string;
}
/** A new API key: `key` (`key_id:key_secret`) is shown exactly once. */
export interface CreatedApiKey {
  readonly apiKey: ApiKey;
  readonly key: string;
}

/** The gateway's key lookup: the team (pass its `username` to checkModelAccess and ingest) and the key behind a credential. */
export type ApiKeyRoute = NonNullable<ApiKeyRouteQuery['apiKeyRoute']>;
/** Counts of an ingest call, and the records refused (by index, with the field and a code). */
export type IngestUsageResult = Omit<IngestUsageMutation['ingestUsage'], 'userErrors'>;
export type IngestRequestsResult = Omit<IngestRequestsMutation['ingestRequests'], 'userErrors'>;
/** One invitation of a bulk invite: the invite, or why this one failed. */
export type InvitationResult = CreateInvitesMutation['createInvites']['results'][number];
/** A team secret's name and timestamps (values are never returned). */
export type TeamSecret = TeamSecretFieldsFragment;

/** A signed-in session from `signUp` or `login`. Keep `token` secret: it is a bearer credential. */
export interface Session {
  readonly token: string;
  readonly expiresAt: string | null;
  readonly user: User;
}

export type {
  AddDomainInput,
  DomainIdInput,
  DomainStatus,
  BudgetPeriod,
  BudgetScope,
  BudgetSubjectInput,
  IngestUsageInput,
  ReserveSpendInput,
  SetBudgetInput,
  SetSsoConnectionInput,
  SsoOrganizationInput,
  CreateSpendingAlertInput,
  AcceptInviteInput,
  AuditLogFilterInput,
  CreateApiKeyInput,
  CreateInviteInput,
  MemberFilterInput,
  ModelAccessCheckInput,
  Product,
  RevokeApiKeyInput,
  UpdateMemberRoleInput,
  UpdateOrganizationPolicyInput,
  UsageExpand,
  UsageGroupBy,
  UsageTimeframe,
  OrganizationUsageQueryVariables,
  ArchiveTeamInput,
  AuthMethod,
  CreateOrganizationInput,
  CreateTeamInput,
  LoginInput,
  OrganizationRole,
  RenameOrganizationInput,
  RenameTeamInput,
  SignUpInput,
  TeamKind,
  TeamRole,
  ApiKeyRouteInput,
  UsageRecordInput,
  UsageAuthInput,
  IngestRequestsInput,
  RequestRecordInput,
  RequestAuthInput,
  CreateInvitesInput,
  InvitationInput,
  UsageRangeInput,
  SetTeamSecretInput,
  DeleteTeamSecretInput,
} from './generated/graphql.js';
