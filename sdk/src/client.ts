import {
  AddDomainDocument,
  RemoveDomainDocument,
  VerifyDomainDocument,
  CreateSpendingAlertDocument,
  RemoveSsoConnectionDocument,
  SetSsoConnectionDocument,
  TestSsoConnectionDocument,
  OrganizationInvoicesDocument,
  OrganizationSpendingAlertsDocument,
  AcceptInviteDocument,
  CheckModelAccessDocument,
  EffectiveBudgetsDocument,
  ReserveSpendDocument,
  SetBudgetDocument,
  CreateApiKeyDocument,
  CreateInviteDocument,
  OrganizationAuditLogDocument,
  OrganizationMembersDocument,
  OrganizationPolicyDocument,
  OrganizationUsageDocument,
  RevokeApiKeyDocument,
  TeamApiKeysDocument,
  TeamEffectivePolicyDocument,
  UpdateMemberRoleDocument,
  UpdateOrganizationPolicyDocument,
  ArchiveTeamDocument,
  CreateOrganizationDocument,
  CreateTeamDocument,
  LoginDocument,
  LogoutDocument,
  NodeDocument,
  OrganizationDocument,
  OrganizationTeamsDocument,
  RenameOrganizationDocument,
  RenameTeamDocument,
  SignUpDocument,
  TeamDocument,
  ViewerDocument,
  ApiKeyRouteDocument,
  IngestUsageDocument,
  IngestRequestsDocument,
  CreateInvitesDocument,
  TeamUsageSummaryDocument,
  TeamSecretsDocument,
  SetTeamSecretDocument,
  DeleteTeamSecretDocument,
} from './generated/graphql.js';
import { paginate, paginatePages, type Page } from './pagination.js';
import { toMutationResult, type MutationResult } from './results.js';
import { execute, type ClientSettings, type OrgraphDocument, type RequestOptions } from './transport.js';
import type {
  AddDomainInput,
  DomainIdInput,
  OrganizationDomain,
  SetSsoConnectionInput,
  SsoConfiguration,
  SsoConfigurationTest,
  SsoOrganizationInput,
  BillingSummary,
  CreateSpendingAlertInput,
  CreatedSpendingAlert,
  Invoice,
  SpendingAlert,
  AcceptInviteInput,
  ApiKey,
  AuditEvent,
  AuditLogFilterInput,
  CreateApiKeyInput,
  CreateInviteInput,
  CreatedApiKey,
  EffectivePolicy,
  Invite,
  Member,
  MemberFilterInput,
  ModelAccessCheckInput,
  ModelAccessCheckResult,
  Budget,
  BudgetSubjectInput,
  EffectiveBudget,
  IngestUsageInput,
  IngestUsageResult,
  ReserveSpendInput,
  ReserveSpendResult,
  SetBudgetInput,
  OrganizationPolicy,
  OrganizationUsageQueryVariables,
  RevokeApiKeyInput,
  UpdateMemberRoleInput,
  UpdateOrganizationPolicyInput,
  UsagePage,
  ArchiveTeamInput,
  CreateOrganizationInput,
  CreateTeamInput,
  LoginInput,
  NodeResult,
  Organization,
  OrganizationWithTeams,
  RenameOrganizationInput,
  RenameTeamInput,
  Session,
  SignUpInput,
  Team,
  TeamWithOrganization,
  Viewer,
  ApiKeyRoute,
  IngestRequestsInput,
  IngestRequestsResult,
  CreateInvitesInput,
  InvitationResult,
  UsageRangeInput,
  UsageItem,
  TeamSecret,
  SetTeamSecretInput,
  DeleteTeamSecretInput,
} from './types.js';

/**
 * Exactly one credential: an API key (`key_id:key_secret`, sent as `Authorization: Key …`) or a session token from
 * `login`/`signUp` (sent as `Authorization: Bearer …`). Passing both, or neither, does not type-check.
 */
export type ClientOptions = ClientSettings & ({ apiKey: string; token?: never } | { token: string; apiKey?: never });

export interface OrganizationOptions {
  /** Size of the first page of `teams` (0–100, server default 20). */
  teamsFirst?: number;
  teamsAfter?: string;
  includeArchivedTeams?: boolean;
}

export interface TeamListOptions {
  /** Teams per request (1–100). Default 50. */
  pageSize?: number;
  includeArchived?: boolean;
  /** Resume after this cursor (a previous page's `endCursor`). */
  after?: string;
  signal?: AbortSignal;
}

/** Options of the connection iterators (members, audit log, API keys). */
export interface ListOptions<TFilter = never> {
  /** Items per request (1–100). Default 50. */
  pageSize?: number;
  /** Resume after this cursor (a previous page's `endCursor`). */
  after?: string;
  filter?: TFilter;
  signal?: AbortSignal;
}

/** Usage query arguments (docs/usage.md in the Orgraph repository): everything but the organization and the page cursor. */
export type UsageArgs = Omit<OrganizationUsageQueryVariables, 'slug' | 'cursor'>;

export interface OrgraphClient {
  /** The signed-in user (needs a session `token`; API keys get UNAUTHENTICATED). */
  viewer(options?: RequestOptions): Promise<Viewer>;
  /** An organization by slug, with the first page of its teams. NOT_FOUND unless you belong to it. */
  organization(slug: string, args?: OrganizationOptions, options?: RequestOptions): Promise<OrganizationWithTeams>;
  /** Every team of an organization you may see, fetched page by page: `for await (const team of client.teams(slug))`. */
  teams(organizationSlug: string, options?: TeamListOptions): AsyncIterable<Team>;
  /** The same, one page at a time (for progress bars, or to remember `endCursor`). */
  teamPages(organizationSlug: string, options?: TeamListOptions): AsyncIterable<Page<Team>>;
  /** A team by username. NOT_FOUND unless you may see it. */
  team(username: string, options?: RequestOptions): Promise<TeamWithOrganization>;
  /** Any object by global id; null when it does not exist or you may not see it. Narrow on `__typename`. */
  node(id: string, options?: RequestOptions): Promise<NodeResult | null>;
  createOrganization(input: CreateOrganizationInput, options?: RequestOptions): Promise<MutationResult<Organization>>;
  renameOrganization(input: RenameOrganizationInput, options?: RequestOptions): Promise<MutationResult<Organization>>;
  createTeam(input: CreateTeamInput, options?: RequestOptions): Promise<MutationResult<Team>>;
  renameTeam(input: RenameTeamInput, options?: RequestOptions): Promise<MutationResult<Team>>;
  /** Archive a team: its keys stop working at once; history stays. */
  archiveTeam(input: ArchiveTeamInput, options?: RequestOptions): Promise<MutationResult<Team>>;
  /** Revoke the session token this client uses. */
  logout(options?: RequestOptions): Promise<MutationResult<{ revoked: boolean }>>;
  /** Members and pending invites of an organization (organization admins): `for await (const m of client.members(slug))`. */
  members(organizationSlug: string, options?: ListOptions<MemberFilterInput>): AsyncIterable<Member>;
  updateMemberRole(input: UpdateMemberRoleInput, options?: RequestOptions): Promise<MutationResult<Member>>;
  /** Invite someone to an organization (optionally with team roles) or to one team; the link goes to their email. */
  createInvite(input: CreateInviteInput, options?: RequestOptions): Promise<MutationResult<Invite>>;
  /** Accept an invite as the signed-in user (their email must match). */
  acceptInvite(input: AcceptInviteInput, options?: RequestOptions): Promise<MutationResult<Invite>>;
  /** A team's API keys (never their secrets), newest first. */
  apiKeys(teamUsername: string, options?: ListOptions & { includeRevoked?: boolean }): AsyncIterable<ApiKey>;
  /** Create a key; `data.key` (`key_id:key_secret`) is shown exactly once. */
  createApiKey(input: CreateApiKeyInput, options?: RequestOptions): Promise<MutationResult<CreatedApiKey>>;
  revokeApiKey(input: RevokeApiKeyInput, options?: RequestOptions): Promise<MutationResult<ApiKey>>;
  /** The organization audit log (organization admins), newest first. */
  auditLog(organizationSlug: string, options?: ListOptions<AuditLogFilterInput>): AsyncIterable<AuditEvent>;
  /** The organization's policy settings with level and lock. */
  organizationPolicy(organizationSlug: string, options?: RequestOptions): Promise<OrganizationPolicy>;
  /** A team's effective policy with provenance (who set each value, and whether a lock overrides the team). */
  teamEffectivePolicy(teamUsername: string, options?: RequestOptions): Promise<EffectivePolicy>;
  updateOrganizationPolicy(input: UpdateOrganizationPolicyInput, options?: RequestOptions): Promise<MutationResult<OrganizationPolicy>>;
  /** The gateway's question, many at once: may this team call this endpoint on this surface, and why. */
  checkModelAccess(checks: ReadonlyArray<ModelAccessCheckInput>, options?: RequestOptions): Promise<ReadonlyArray<ModelAccessCheckResult>>;
  /** Create or replace a budget (organization, team, member or key); `data.signingSecret` verifies its webhooks. */
  setBudget(input: SetBudgetInput, options?: RequestOptions): Promise<MutationResult<{ budget: Budget; signingSecret: string }>>;
  /** The budgets in force for a subject, with provenance and current figures. */
  effectiveBudgets(subject: BudgetSubjectInput, options?: RequestOptions): Promise<ReadonlyArray<EffectiveBudget>>;
  /**
   * The gateway, before a call: hold an estimated cost against every budget of the key, or learn which hard budget
   * refuses (`reserved: false`, `refusedBy`). Not retried on failure like every mutation; it is idempotent per
   * request id, so the caller may retry it.
   */
  reserveSpend(input: ReserveSpendInput, options?: RequestOptions): Promise<ReserveSpendResult>;
  /** One page of an organization's usage. */
  usage(organizationSlug: string, args?: UsageArgs & { cursor?: string | null }, options?: RequestOptions): Promise<UsagePage>;
  /** Every page of an organization's usage, following `nextCursor`: `for await (const page of client.usagePages(slug, args))`. */
  usagePages(organizationSlug: string, args?: UsageArgs, options?: RequestOptions): AsyncIterable<UsagePage>;
  /** Every team's invoice of a month (DRAFT until the month is closed), page by page. */
  invoices(organizationSlug: string, month: string, options?: ListOptions): AsyncIterable<Invoice>;
  /** The organization's total for a month. */
  billingSummary(organizationSlug: string, month: string, options?: RequestOptions): Promise<BillingSummary>;
  /** Spending alerts of the organization and its teams with their firings and webhook deliveries, page by page, oldest first. */
  spendingAlerts(organizationSlug: string, options?: ListOptions): AsyncIterable<SpendingAlert>;
  /** Create a spending alert; `data.signingSecret` verifies its webhooks and is shown once. */
  createSpendingAlert(input: CreateSpendingAlertInput, options?: RequestOptions): Promise<MutationResult<CreatedSpendingAlert>>;
  /** Set (create or replace) the organization's OIDC connection (organization admins); the secret is never returned. */
  setSsoConnection(input: SetSsoConnectionInput, options?: RequestOptions): Promise<MutationResult<SsoConfiguration>>;
  /** Check the organization's OIDC connection: discovery works and the JWKS has signing keys. */
  testSsoConnection(input: SsoOrganizationInput, options?: RequestOptions): Promise<SsoConfigurationTest>;
  /** Remove the organization's OIDC connection (userError `NOT_FOUND` when there is none). */
  removeSsoConnection(input: SsoOrganizationInput, options?: RequestOptions): Promise<MutationResult<true>>;
  /** Claim an email domain (organization admins); `data.txtRecordName` / `data.txtRecordValue` say what to publish in DNS. */
  addDomain(input: AddDomainInput, options?: RequestOptions): Promise<MutationResult<OrganizationDomain>>;
  /** Look the domain's TXT proof up now; VERIFIED once found (userErrors `DOMAIN_NOT_VERIFIED`, `DOMAIN_OWNED_ELSEWHERE`). */
  verifyDomain(input: DomainIdInput, options?: RequestOptions): Promise<MutationResult<OrganizationDomain>>;
  /** Remove a claimed domain; SSO stops linking its addresses at once. */
  removeDomain(input: DomainIdInput, options?: RequestOptions): Promise<MutationResult<true>>;
  /**
   * The gateway (ingest credential, `token: INGEST_TOKEN`): the team and key behind a customer's `key_id:key_secret`,
   * verified; null for a key that is unknown, wrong, revoked, expired or of an archived team.
   */
  apiKeyRoute(key: string, options?: RequestOptions): Promise<ApiKeyRoute | null>;
  /** The metering pipeline (ingest credential): record usage; duplicates (same `id`) are counted, not billed twice. */
  ingestUsage(input: IngestUsageInput, options?: RequestOptions): Promise<MutationResult<IngestUsageResult>>;
  /** The gateway (ingest credential): record requests with their payloads; bad records come back in `rejected`. */
  ingestRequests(input: IngestRequestsInput, options?: RequestOptions): Promise<MutationResult<IngestRequestsResult>>;
  /** Invite many people at once; each invitation succeeds or fails on its own (`results[i].userErrors`). */
  createInvites(input: CreateInvitesInput, options?: RequestOptions): Promise<MutationResult<ReadonlyArray<InvitationResult>>>;
  /** A team's cost and quantity per product and unit over a range. */
  teamUsage(teamUsername: string, range: UsageRangeInput, options?: RequestOptions): Promise<ReadonlyArray<UsageItem>>;
  /** A team's secrets (names and timestamps; values are never returned), by name. */
  secrets(teamUsername: string, options?: ListOptions): AsyncIterable<TeamSecret>;
  /** Create or replace a team secret (the value is encrypted at rest and never returned). */
  setTeamSecret(input: SetTeamSecretInput, options?: RequestOptions): Promise<MutationResult<TeamSecret>>;
  deleteTeamSecret(input: DeleteTeamSecretInput, options?: RequestOptions): Promise<MutationResult<{ deletedName: string }>>;
  /** Run any typed document (e.g. from your own codegen) with this client's credential, timeouts and retries. */
  request<TResult, TVariables>(document: OrgraphDocument<TResult, TVariables>, variables: TVariables, options?: RequestOptions): Promise<TResult>;
}

/**
 * Creates a client bound to one credential. Queries throw OrgraphError on failure; mutations return
 * `{ ok: true, data } | { ok: false, userErrors }` and throw OrgraphError only for non-business failures.
 *
 * Adding an operation: write `sdk/operations/<name>.graphql`, run `npm run sdk:generate`, add one method here
 * that calls `run(<Name>Document, variables, options)` and picks the field (plus `toMutationResult` for mutations).
 */
export function createClient(options: ClientOptions): OrgraphClient {
  const authorization = authorizationFor(options);
  const settings: ClientSettings = options;
  const run = <TResult, TVariables>(document: OrgraphDocument<TResult, TVariables>, variables: TVariables, requestOptions?: RequestOptions) =>
    execute(settings, authorization, document, variables, requestOptions);

  const fetchTeamsPage = (slug: string, listOptions: TeamListOptions) => async (after: string | null) => {
    const data = await run(
      OrganizationTeamsDocument,
      { slug, first: listOptions.pageSize ?? 50, after, includeArchived: listOptions.includeArchived ?? false },
      { signal: listOptions.signal },
    );
    return data.organization.teams;
  };

  return {
    viewer: async (requestOptions) => (await run(ViewerDocument, {}, requestOptions)).viewer,
    organization: async (slug, args = {}, requestOptions) =>
      (
        await run(
          OrganizationDocument,
          { slug, teamsFirst: args.teamsFirst, teamsAfter: args.teamsAfter, includeArchivedTeams: args.includeArchivedTeams },
          requestOptions,
        )
      ).organization,
    teams: (slug, listOptions = {}) => paginate(fetchTeamsPage(slug, listOptions), { after: listOptions.after }),
    teamPages: (slug, listOptions = {}) => paginatePages(fetchTeamsPage(slug, listOptions), { after: listOptions.after }),
    team: async (username, requestOptions) => (await run(TeamDocument, { username }, requestOptions)).team,
    node: async (id, requestOptions) => (await run(NodeDocument, { id }, requestOptions)).node,
    createOrganization: async (input, requestOptions) =>
      toMutationResult((await run(CreateOrganizationDocument, { input }, requestOptions)).createOrganization, (p) => p.organization, 'createOrganization'),
    renameOrganization: async (input, requestOptions) =>
      toMutationResult((await run(RenameOrganizationDocument, { input }, requestOptions)).renameOrganization, (p) => p.organization, 'renameOrganization'),
    createTeam: async (input, requestOptions) =>
      toMutationResult((await run(CreateTeamDocument, { input }, requestOptions)).createTeam, (p) => p.team, 'createTeam'),
    renameTeam: async (input, requestOptions) =>
      toMutationResult((await run(RenameTeamDocument, { input }, requestOptions)).renameTeam, (p) => p.team, 'renameTeam'),
    archiveTeam: async (input, requestOptions) =>
      toMutationResult((await run(ArchiveTeamDocument, { input }, requestOptions)).archiveTeam, (p) => p.team, 'archiveTeam'),
    logout: async (requestOptions) =>
      toMutationResult((await run(LogoutDocument, {}, requestOptions)).logout, (p) => ({ revoked: p.revoked }), 'logout'),
    members: (slug, list = {}) =>
      paginate(
        async (after) => (await run(OrganizationMembersDocument, { slug, first: list.pageSize ?? 50, after, filter: list.filter }, { signal: list.signal })).organization.members,
        { after: list.after },
      ),
    updateMemberRole: async (input, requestOptions) =>
      toMutationResult((await run(UpdateMemberRoleDocument, { input }, requestOptions)).updateMemberRole, (p) => p.member, 'updateMemberRole'),
    createInvite: async (input, requestOptions) =>
      toMutationResult((await run(CreateInviteDocument, { input }, requestOptions)).createInvite, (p) => p.invite, 'createInvite'),
    acceptInvite: async (input, requestOptions) =>
      toMutationResult((await run(AcceptInviteDocument, { input }, requestOptions)).acceptInvite, (p) => p.invite, 'acceptInvite'),
    apiKeys: (username, list = {}) =>
      paginate(
        async (after) =>
          (await run(TeamApiKeysDocument, { username, first: list.pageSize ?? 50, after, includeRevoked: list.includeRevoked ?? false }, { signal: list.signal })).team
            .apiKeys ?? EMPTY_CONNECTION,
        { after: list.after },
      ),
    createApiKey: async (input, requestOptions) =>
      toMutationResult(
        (await run(CreateApiKeyDocument, { input }, requestOptions)).createApiKey,
        (p) => (p.apiKey && p.key ? { apiKey: p.apiKey, key: p.key } : null),
        'createApiKey',
      ),
    revokeApiKey: async (input, requestOptions) =>
      toMutationResult((await run(RevokeApiKeyDocument, { input }, requestOptions)).revokeApiKey, (p) => p.apiKey, 'revokeApiKey'),
    auditLog: (slug, list = {}) =>
      paginate(
        async (after) => (await run(OrganizationAuditLogDocument, { slug, first: list.pageSize ?? 50, after, filter: list.filter }, { signal: list.signal })).organization.auditLog,
        { after: list.after },
      ),
    organizationPolicy: async (slug, requestOptions) => (await run(OrganizationPolicyDocument, { slug }, requestOptions)).organization.policy,
    teamEffectivePolicy: async (username, requestOptions) => (await run(TeamEffectivePolicyDocument, { username }, requestOptions)).team.effectivePolicy,
    updateOrganizationPolicy: async (input, requestOptions) =>
      toMutationResult((await run(UpdateOrganizationPolicyDocument, { input }, requestOptions)).updateOrganizationPolicy, (p) => p.policy, 'updateOrganizationPolicy'),
    checkModelAccess: async (checks, requestOptions) => (await run(CheckModelAccessDocument, { checks: [...checks] }, requestOptions)).checkModelAccess,
    setBudget: async (input, requestOptions) =>
      toMutationResult(
        (await run(SetBudgetDocument, { input }, requestOptions)).setBudget,
        (p) => (p.budget && p.signingSecret ? { budget: p.budget, signingSecret: p.signingSecret } : null),
        'setBudget',
      ),
    effectiveBudgets: async (subject, requestOptions) => (await run(EffectiveBudgetsDocument, { subject }, requestOptions)).effectiveBudgets,
    reserveSpend: async (input, requestOptions) => (await run(ReserveSpendDocument, { input }, requestOptions)).reserveSpend,
    usage: async (slug, args = {}, requestOptions) => (await run(OrganizationUsageDocument, { ...args, slug }, requestOptions)).organization.usage,
    usagePages: (slug, args = {}, requestOptions) => ({
      async *[Symbol.asyncIterator]() {
        let cursor: string | null = null;
        do {
          const page: UsagePage = (await run(OrganizationUsageDocument, { ...args, slug, cursor }, requestOptions)).organization.usage;
          yield page;
          cursor = page.nextCursor ?? null;
        } while (cursor);
      },
    }),
    invoices: (slug, month, list = {}) =>
      paginate(
        async (after) => (await run(OrganizationInvoicesDocument, { slug, month, first: list.pageSize ?? 50, after }, { signal: list.signal })).organization.invoices,
        { after: list.after },
      ),
    billingSummary: async (slug, month, requestOptions) => (await run(OrganizationInvoicesDocument, { slug, month, first: 1 }, requestOptions)).organization.billingSummary,
    spendingAlerts: (slug, list = {}) =>
      paginate(
        async (after) => (await run(OrganizationSpendingAlertsDocument, { slug, first: list.pageSize ?? 50, after }, { signal: list.signal })).organization.spendingAlerts,
        { after: list.after },
      ),
    createSpendingAlert: async (input, requestOptions) =>
      toMutationResult(
        (await run(CreateSpendingAlertDocument, { input }, requestOptions)).createSpendingAlert,
        (p) => (p.alert && p.signingSecret ? { alert: p.alert, signingSecret: p.signingSecret } : null),
        'createSpendingAlert',
      ),
    setSsoConnection: async (input, requestOptions) =>
      toMutationResult((await run(SetSsoConnectionDocument, { input }, requestOptions)).setSsoConnection, (p) => p.connection, 'setSsoConnection'),
    testSsoConnection: async (input, requestOptions) => (await run(TestSsoConnectionDocument, { input }, requestOptions)).testSsoConnection,
    removeSsoConnection: async (input, requestOptions) =>
      toMutationResult((await run(RemoveSsoConnectionDocument, { input }, requestOptions)).removeSsoConnection, () => true as const, 'removeSsoConnection'),
    addDomain: async (input, requestOptions) => toMutationResult((await run(AddDomainDocument, { input }, requestOptions)).addDomain, (p) => p.domain, 'addDomain'),
    verifyDomain: async (input, requestOptions) =>
      toMutationResult((await run(VerifyDomainDocument, { input }, requestOptions)).verifyDomain, (p) => p.domain, 'verifyDomain'),
    removeDomain: async (input, requestOptions) =>
      toMutationResult((await run(RemoveDomainDocument, { input }, requestOptions)).removeDomain, () => true as const, 'removeDomain'),
    apiKeyRoute: async (key, requestOptions) => (await run(ApiKeyRouteDocument, { input: { key } }, requestOptions)).apiKeyRoute ?? null,
    ingestUsage: async (input, requestOptions) =>
      toMutationResult((await run(IngestUsageDocument, { input }, requestOptions)).ingestUsage, ({ userErrors, ...result }) => result as IngestUsageResult, 'ingestUsage'),
    ingestRequests: async (input, requestOptions) =>
      toMutationResult((await run(IngestRequestsDocument, { input }, requestOptions)).ingestRequests, ({ userErrors, ...result }) => result as IngestRequestsResult, 'ingestRequests'),
    createInvites: async (input, requestOptions) =>
      toMutationResult((await run(CreateInvitesDocument, { input }, requestOptions)).createInvites, (p) => p.results, 'createInvites'),
    teamUsage: async (username, range, requestOptions) => (await run(TeamUsageSummaryDocument, { username, range }, requestOptions)).team.usageSummary,
    secrets: (username, list = {}) =>
      paginate(
        async (after) => (await run(TeamSecretsDocument, { username, first: list.pageSize ?? 50, after }, { signal: list.signal })).team.secrets ?? EMPTY_CONNECTION,
        { after: list.after },
      ),
    setTeamSecret: async (input, requestOptions) => toMutationResult((await run(SetTeamSecretDocument, { input }, requestOptions)).setTeamSecret, (p) => p.secret, 'setTeamSecret'),
    deleteTeamSecret: async (input, requestOptions) =>
      toMutationResult(
        (await run(DeleteTeamSecretDocument, { input }, requestOptions)).deleteTeamSecret,
        (p) => (p.deletedName ? { deletedName: p.deletedName } : null),
        'deleteTeamSecret',
      ),
    request: run,
  };
}

const EMPTY_CONNECTION = { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } as const;

/** Creates an account and signs in; use the returned `token` with `createClient({ url, token })`. */
export async function signUp(settings: ClientSettings, input: SignUpInput, options?: RequestOptions): Promise<MutationResult<Session>> {
  const data = await execute(settings, null, SignUpDocument, { input }, options);
  return toMutationResult(data.signUp, sessionOf, 'signUp');
}

/** Signs in with email and password; use the returned `token` with `createClient({ url, token })`. */
export async function login(settings: ClientSettings, input: LoginInput, options?: RequestOptions): Promise<MutationResult<Session>> {
  const data = await execute(settings, null, LoginDocument, { input }, options);
  return toMutationResult(data.login, sessionOf, 'login');
}

function sessionOf(payload: { token: string | null; expiresAt: string | null; user: Session['user'] | null }): Session | null {
  return payload.token && payload.user ? { token: payload.token, expiresAt: payload.expiresAt, user: payload.user } : null;
}

function authorizationFor(options: ClientOptions): string {
  // Checked at run time too, for JavaScript callers who get no type errors.
  const hasKey = typeof options.apiKey === 'string' && options.apiKey !== '';
  const hasToken = typeof options.token === 'string' && options.token !== '';
  if (hasKey === hasToken) throw new TypeError('createClient needs exactly one of `apiKey` or `token`.');
  return hasKey ? `Key ${options.apiKey}` : `Bearer ${options.token}`;
}
