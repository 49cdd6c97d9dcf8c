/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Accept an invite as the signed-in user, or, without a session, with a new account for the invited address. */
export type AcceptInviteInput = {
  /** Without a session only: create the account of the invited address (the invite link proves it) and sign in; the payload carries the session token. */
  newAccount?: InviteNewAccountInput | null | undefined;
  /** The token from the invite email. Maximum length: 1000 characters. */
  token: string;
};

/** Claim an email domain for an organization; it counts only once proven with `verifyDomain`. */
export type AddDomainInput = {
  /** The domain, e.g. `example.com` (at most 253 characters; no scheme, path or wildcard). Maximum length: 1000 characters. */
  domain: string;
  /** The organization’s global id. Maximum length: 1000 characters. */
  organizationId: string;
};

/** A customer’s API key as the gateway received it. */
export type ApiKeyRouteInput = {
  /** The whole credential, `key_id:key_secret` (what follows `Authorization: Key `); at most 300 characters. Maximum length: 1000 characters. */
  key: string;
};

/** What a key may do: `API` calls models only; `ADMIN` also administers its team (and, on an organization root team, the whole organization). */
export type ApiKeyScope =
  /** Administrative access to the key’s team; on a root team, organization admin. */
  | 'ADMIN'
  /** Model calls only; nothing administrative. */
  | 'API';

/** Archive a team: its keys stop working and models are denied; its history stays. */
export type ArchiveTeamInput = {
  /** The team’s global id. Maximum length: 1000 characters. */
  teamId: string;
};

/** Narrows the audit log; all given conditions must hold. */
export type AuditLogFilterInput = {
  /** Only this action (`apiKey.create`), or every action under a prefix ending in a dot (`member.`). Maximum length: 1000 characters. */
  action?: string | null | undefined;
  /** Only events by this actor: a User global id, a user’s email, or an API key id (`ogk_…`). Maximum length: 1000 characters. */
  actor?: string | null | undefined;
  /** Only events at or after this time. Maximum length: 1000 characters. */
  from?: string | null | undefined;
  /** Only events about this object (its global id). Maximum length: 1000 characters. */
  target?: string | null | undefined;
  /** Only events before this time. Maximum length: 1000 characters. */
  to?: string | null | undefined;
};

/** How a login session was obtained. */
export type AuthMethod =
  /** Email and password. */
  | 'PASSWORD'
  /** Single sign-on through an organization’s identity provider. */
  | 'SSO';

/** The period a budget resets on: calendar periods in the organization’s time zone (`Organization.billingTimezone`), or never. */
export type BudgetPeriod =
  /** A calendar day (23 or 25 hours across DST changes). */
  | 'DAY'
  /** Never resets: all spend ever counts. */
  | 'LIFETIME'
  /** A calendar month. */
  | 'MONTH'
  /** A calendar week starting on Monday (ISO). */
  | 'WEEK';

/** What a budget limits. */
export type BudgetScope =
  /** Spend made with one API key. */
  | 'API_KEY'
  /** Spend of one person (Playground calls and calls with keys they own), in one team or organization-wide. */
  | 'MEMBER'
  /** All spend of the organization. */
  | 'ORGANIZATION'
  /** Spend of one team. */
  | 'TEAM';

/** Where an effective budget came from. */
export type BudgetSource =
  /** The organization’s default for the scope (the subject has no own budget). */
  | 'ORGANIZATION_DEFAULT'
  /** The subject’s own budget (possibly capped by a locked organization maximum, see `capped`). */
  | 'OWN';

/** Whose budget: an organization, a team, a member (in a team or organization-wide) or an API key. */
export type BudgetSubjectInput = {
  /** API_KEY: the key (ApiKey id). Maximum length: 1000 characters. */
  apiKeyId?: string | null | undefined;
  /** MEMBER: the member (Member id). Maximum length: 1000 characters. */
  memberId?: string | null | undefined;
  /** The organization. Maximum length: 1000 characters. */
  organizationId: string;
  /** What the budget limits. */
  scope: BudgetScope;
  /** TEAM: the team. MEMBER: the team for a budget within one team (omit for organization-wide). Maximum length: 1000 characters. */
  teamId?: string | null | undefined;
};

/** Create an API key on a team. */
export type CreateApiKeyInput = {
  /** Human label, 1–255 characters. Maximum length: 1000 characters. */
  alias: string;
  /** When the key stops working; must be in the future. Null = never. Maximum length: 1000 characters. */
  expiresAt?: string | null | undefined;
  /** A member of the team the key acts for (a User global id); requests are attributed to them. Maximum length: 1000 characters. */
  ownerId?: string | null | undefined;
  /** API (model calls only) or ADMIN (administers the team). */
  scope: ApiKeyScope;
  /** The team’s global id. Maximum length: 1000 characters. */
  teamId: string;
};

/** Invite one person to an organization or to a team (give exactly one of organizationId and teamId). */
export type CreateInviteInput = {
  /** Email address; the invite can only be accepted by an account with this email (any letter case). Maximum length: 1000 characters. */
  email: string;
  /** The organization to invite to. Maximum length: 1000 characters. */
  organizationId?: string | null | undefined;
  /** Organization invites: the organization role (default MEMBER). */
  organizationRole?: OrganizationRole | null | undefined;
  /** Organization invites: teams to join on acceptance. */
  teamAssignments?: Array<TeamAssignmentInput> | null | undefined;
  /** The team to invite to. Maximum length: 1000 characters. */
  teamId?: string | null | undefined;
  /** Team invites: the team role (default DEVELOPER). */
  teamRole?: TeamRole | null | undefined;
};

/** Invite 1–50 people at once to an organization or to a team (give exactly one of organizationId and teamId). */
export type CreateInvitesInput = {
  /** The people to invite, 1–50; each is validated and created on its own. */
  invitations: Array<InvitationInput>;
  /** The organization to invite to. Maximum length: 1000 characters. */
  organizationId?: string | null | undefined;
  /** The team to invite to. Maximum length: 1000 characters. */
  teamId?: string | null | undefined;
};

/** Create an organization; you become its first ADMIN. */
export type CreateOrganizationInput = {
  /** Display name, 1–100 characters. Maximum length: 1000 characters. */
  name: string;
  /** Unique handle; also the username of the organization’s root team. Same rules as team usernames. Maximum length: 1000 characters. */
  slug: string;
};

/** Create a spending alert. */
export type CreateSpendingAlertInput = {
  /** Currency of the threshold; only USD. Maximum length: 1000 characters. */
  currency?: string | null | undefined;
  /** Make it a hard limit (deny model access once reached). */
  hardLimit?: boolean | null | undefined;
  /** Organization hard limits: lock so team limits cannot exceed it. */
  locked?: boolean | null | undefined;
  /** The organization. Maximum length: 1000 characters. */
  organizationId: string;
  /** DAY or MONTH. */
  period: SpendPeriod;
  /** Email recipients (≤ 20). Maximum length: 1000 characters. */
  recipients?: Array<string> | null | undefined;
  /** A team of the organization; omit for an organization-wide alert. Maximum length: 1000 characters. */
  teamId?: string | null | undefined;
  /** Threshold per period as a positive decimal string, e.g. "500". Maximum length: 1000 characters. */
  threshold: string;
  /** Webhook URL (http or https); deliveries are signed with HMAC-SHA256. Maximum length: 2000 characters. */
  webhookUrl?: string | null | undefined;
};

/** Create a team inside an organization. */
export type CreateTeamInput = {
  /** Display name, 1–100 characters. Maximum length: 1000 characters. */
  name: string;
  /** The organization’s global id. Maximum length: 1000 characters. */
  organizationId: string;
  /** Platform-wide unique handle: 3–39 characters of lowercase letters, digits and single hyphens, starting with a letter, not ending with a hyphen. Maximum length: 1000 characters. */
  username: string;
};

/** Change the organization’s cross-team visibility setting. */
export type CrossTeamVisibilitySettingInput = {
  /** Lock or unlock it; omit to keep the current lock. Unlocking brings team overrides back. */
  locked?: boolean | null | undefined;
  /** The new value; omit to keep the current one. */
  value?: boolean | null | undefined;
};

/** Delete a secret. */
export type DeleteTeamSecretInput = {
  /** The secret’s name. Maximum length: 1000 characters. */
  name: string;
  /** The team’s global id. Maximum length: 1000 characters. */
  teamId: string;
};

/** Identify one of an organization’s domains. */
export type DomainIdInput = {
  /** The domain’s global id (`OrganizationDomain`). Maximum length: 1000 characters. */
  domainId: string;
};

/** Whether Orgraph has found the domain’s DNS TXT proof. */
export type DomainStatus =
  /** Declared but not proven: it links and provisions nobody through SSO. */
  | 'PENDING'
  /** Proven by the DNS TXT record: the organization’s SSO may link and provision its addresses. */
  | 'VERIFIED';

/** A batch of request records (1–1,000) from the gateway. */
export type IngestRequestsInput = {
  /** The records; each is validated on its own. */
  records: Array<RequestRecordInput>;
};

/** A batch of 1–10,000 usage records from the metering pipeline. */
export type IngestUsageInput = {
  /** Watermark: every record before this instant has now been sent. Reported back as `completeThrough`. Maximum length: 1000 characters. */
  completeThrough?: string | null | undefined;
  /** The records; each is validated on its own. */
  records: Array<UsageRecordInput>;
};

/** One person to invite. */
export type InvitationInput = {
  /** Email address; the invite can only be accepted by an account with this email (any letter case). Maximum length: 1000 characters. */
  email: string;
  /** Organization invites: the organization role (default MEMBER). */
  organizationRole?: OrganizationRole | null | undefined;
  /** Organization invites: teams to join on acceptance. */
  teamAssignments?: Array<TeamAssignmentInput> | null | undefined;
  /** Team invites: the team role (default DEVELOPER). */
  teamRole?: TeamRole | null | undefined;
};

/** The account to create for an invitee who has none: the invite proves the email address. */
export type InviteNewAccountInput = {
  /** Display name, 1–100 characters. Maximum length: 1000 characters. */
  name: string;
  /** Password, 10–200 characters. Stored only as an argon2id hash. Maximum length: 1000 characters. */
  password: string;
};

/** Who may invite people. */
export type InvitePermissionPolicy =
  /** Only organization admins. */
  | 'ORG_ADMINS'
  /** Organization admins, and team admins into their own teams (default). */
  | 'TEAM_ADMINS';

/** Change the organization’s invite permission setting. */
export type InvitePermissionSettingInput = {
  /** Lock or unlock it; omit to keep the current lock. Unlocking brings team overrides back. */
  locked?: boolean | null | undefined;
  /** The new value; omit to keep the current one. */
  value?: InvitePermissionPolicy | null | undefined;
};

/** Lifecycle of an invite. */
export type InviteStatus =
  /** Accepted; the recipient became a member. */
  | 'ACCEPTED'
  /** Not accepted in time; the link no longer works. */
  | 'EXPIRED'
  /** Open: the recipient may accept it until it expires. */
  | 'PENDING'
  /** Withdrawn by an admin; the link no longer works. */
  | 'REVOKED';

/** Usage of the invoice’s month, or late usage of an earlier closed month. */
export type InvoiceLineKind =
  /** Late usage of an earlier, already closed month. */
  | 'ADJUSTMENT'
  /** Usage of the invoice’s own month. */
  | 'USAGE';

/** DRAFT: the running invoice of a month not closed yet (computed from usage). ISSUED: closed; never changes. */
export type InvoiceStatus =
  /** The running invoice of a month not closed yet, computed from usage; it changes as usage arrives. */
  | 'DRAFT'
  /** Issued when the month was closed; it never changes (late usage becomes an adjustment of a later invoice). */
  | 'ISSUED';

/** Sign in with email and password. */
export type LoginInput = {
  /** Email address (case-insensitive). Maximum length: 1000 characters. */
  email: string;
  /** Password. Maximum length: 1000 characters. */
  password: string;
};

/** Narrows the members list; all given conditions must hold. */
export type MemberFilterInput = {
  /** Only people with this organization role. */
  role?: OrganizationRole | null | undefined;
  /** Only people whose name or email contains this text (case-insensitive, at most 100 characters; PENDING invites match by email). Maximum length: 1000 characters. */
  search?: string | null | undefined;
  /** Only people with this status. */
  status?: MemberStatus | null | undefined;
  /** Only people on (or invited to) this team (a Team global id). Maximum length: 1000 characters. */
  teamId?: string | null | undefined;
};

/** Where a person stands in an organization. */
export type MemberStatus =
  /** A member assigned to at least one live team. */
  | 'ACTIVE'
  /** Invited; the invite is open and not yet accepted. */
  | 'PENDING'
  /** A member of the organization who belongs to no live team. */
  | 'UNASSIGNED';

/** Why one check of a `checkModelAccess` batch could not be answered (the other checks are unaffected). */
export type ModelAccessCheckErrorCode =
  /** No such team, or the caller may not check it (indistinguishable on purpose). */
  | 'TEAM_NOT_FOUND'
  /** The key id names no live key of the team. */
  | 'UNKNOWN_API_KEY'
  /** The endpoint id is not in the model catalog. */
  | 'UNKNOWN_ENDPOINT'
  /** The surface is not one of API, PLAYGROUND. */
  | 'UNKNOWN_SURFACE';

/** One gateway question: may this team call this endpoint on this surface? Give exactly one of teamUsername or teamId. */
export type ModelAccessCheckInput = {
  /** The catalog endpoint id, e.g. `fal-ai/flux/dev`. Maximum length: 1000 characters. */
  endpointId: string;
  /** The public id of the key making the call (before the colon): its budgets and its owner’s apply. At most 100 characters. Maximum length: 1000 characters. */
  keyId?: string | null | undefined;
  /** `API` or `PLAYGROUND`. A string, so one unknown surface fails only its own check. Maximum length: 1000 characters. */
  surface: string;
  /** The team’s global id. Maximum length: 1000 characters. */
  teamId?: string | null | undefined;
  /** The team’s username (what the gateway usually knows). Maximum length: 1000 characters. */
  teamUsername?: string | null | undefined;
  /** The person making the call (User id), for Playground calls without a key: their member budgets apply. Maximum length: 1000 characters. */
  userId?: string | null | undefined;
};

/** Whether a model may be called. */
export type ModelAccessEffect =
  /** The model may be called. */
  | 'ALLOWED'
  /** The model may not be called. */
  | 'BLOCKED';

/** What model access falls back to when no rule matches. */
export type ModelAccessMode =
  /** Catalog models flagged enterprise-ready are allowed, others blocked (default). */
  | 'ENTERPRISE_READY'
  /** Everything is blocked unless a rule allows it. */
  | 'EXPLICIT_APPROVAL';

/** Change the organization’s model access mode setting. */
export type ModelAccessModeSettingInput = {
  /** Lock or unlock it; omit to keep the current lock. Unlocking brings team overrides back. */
  locked?: boolean | null | undefined;
  /** The new value; omit to keep the current one. */
  value?: ModelAccessMode | null | undefined;
};

/** Which step of model access resolution decided, as a stable code. */
export type ModelAccessReason =
  /** Step 1: a hard budget of the organization, team, member or key is used up (the reason names it). */
  | 'BUDGET_EXHAUSTED'
  /** Step 2: a locked organization rule matched. */
  | 'LOCKED_ORGANIZATION_RULE'
  /** Step 5: no rule matched; the model is enterprise-ready and the mode allows it. */
  | 'MODE_ENTERPRISE_READY'
  /** Step 5: no rule matched and the mode requires explicit approval. */
  | 'MODE_EXPLICIT_APPROVAL'
  /** Step 5: no rule matched; the model is not enterprise-ready. */
  | 'MODE_NOT_ENTERPRISE_READY'
  /** Step 4: an organization rule matched. */
  | 'ORGANIZATION_RULE'
  /** Step 1: the team reached its hard spend limit. */
  | 'SPEND_LIMIT_REACHED'
  /** Step 1: the team is archived. */
  | 'TEAM_ARCHIVED'
  /** Step 3: the team’s own rule matched. */
  | 'TEAM_RULE';

/** Organization settings to change; omitted settings stay as they are. */
export type OrganizationPolicySettingsInput = {
  /** Cross-team usage visibility. */
  crossTeamVisibility?: CrossTeamVisibilitySettingInput | null | undefined;
  /** Who may invite people. */
  invitePermission?: InvitePermissionSettingInput | null | undefined;
  /** Model access mode. */
  modelAccessMode?: ModelAccessModeSettingInput | null | undefined;
  /** Personal account access for SSO users. */
  personalAccountAccess?: PersonalAccountAccessSettingInput | null | undefined;
  /** Which requests members see. */
  requestVisibility?: RequestVisibilitySettingInput | null | undefined;
  /** SSO required. */
  ssoRequired?: SsoRequiredSettingInput | null | undefined;
  /** Who may create teams. */
  teamCreation?: TeamCreationSettingInput | null | undefined;
};

/** A person’s role in an organization. */
export type OrganizationRole =
  /** Manages the organization, its policies and every team (acts as ADMIN on every team). */
  | 'ADMIN'
  /** Sees usage, invoices and spending across all teams; changes nothing else. */
  | 'BILLING'
  /** Belongs to the organization; rights come from team roles. */
  | 'MEMBER';

/** Whether people who have signed in through the organization’s SSO may use their personal accounts (with their own login: an SSO session never reaches a personal account). */
export type PersonalAccountAccess =
  /** They may, with their own login (default). */
  | 'ALLOWED'
  /** They may not, in any session (`PERSONAL_ACCOUNT_BLOCKED`). */
  | 'BLOCKED';

/** Change the organization’s personal account access setting. */
export type PersonalAccountAccessSettingInput = {
  /** Lock or unlock it; omit to keep the current lock. Unlocking brings team overrides back. */
  locked?: boolean | null | undefined;
  /** The new value; omit to keep the current one. */
  value?: PersonalAccountAccess | null | undefined;
};

/** Where an effective policy value or decision comes from. */
export type PolicyLevel =
  /** Nobody set it: the platform default applies. */
  | 'DEFAULT'
  /** Set by the organization. */
  | 'ORGANIZATION'
  /** Set by the team (its override or its own rule). */
  | 'TEAM';

/** The platform’s product lines, as usage and invoices group them. */
export type Product =
  /** Dedicated machines, billed per hour. */
  | 'COMPUTE'
  /** Hosted model endpoints called per request (images, video, audio, LLM). */
  | 'MODEL_APIS'
  /** A team’s own deployed apps, billed per GPU/CPU second. */
  | 'SERVERLESS';

/** Rename an organization. */
export type RenameOrganizationInput = {
  /** New display name, 1–100 characters. Maximum length: 1000 characters. */
  name: string;
  /** The organization’s global id. Maximum length: 1000 characters. */
  organizationId: string;
};

/** Rename a team. */
export type RenameTeamInput = {
  /** New display name, 1–100 characters. Maximum length: 1000 characters. */
  name: string;
  /** The team’s global id. Maximum length: 1000 characters. */
  teamId: string;
};

/** How the gateway authenticated a request. */
export type RequestAuthInput = {
  /** Public key id (`ogk_…`) for API_KEY requests; the key must belong to the team. Maximum length: 1000 characters. */
  keyId?: string | null | undefined;
  /** API key or Playground login. */
  kind: RequestAuthKind;
  /** Global id of the signed-in user for LOGIN requests. Maximum length: 1000 characters. */
  userId?: string | null | undefined;
};

/** How the request that the gateway saw was authenticated. */
export type RequestAuthKind =
  /** With a team API key (the request identity is the key’s owner, if it has one). */
  | 'API_KEY'
  /** From the Playground with a personal login (the request identity is that user). */
  | 'LOGIN';

/** One request record from the gateway. The id makes retries idempotent. */
export type RequestRecordInput = {
  /** How the request was authenticated. */
  auth: RequestAuthInput;
  /** Endpoint id called. Maximum length: 1000 characters. */
  endpointId: string;
  /** When it finished. Maximum length: 1000 characters. */
  finishedAt?: string | null | undefined;
  /** HTTP status answered. */
  httpStatus?: number | null | undefined;
  /** The gateway’s request id, 1–200 characters, unique within the team. Maximum length: 1000 characters. */
  id: string;
  /** The request body as JSON text (size-limited; never truncated). Maximum length: 2000000 characters. */
  input?: string | null | undefined;
  /** The model output as JSON text (size-limited; never truncated). Maximum length: 2000000 characters. */
  output?: string | null | undefined;
  /** Milliseconds queued. */
  queueMs?: number | null | undefined;
  /** When the gateway received it (at most 5 minutes in the future). Maximum length: 1000 characters. */
  startedAt: string;
  /** How the request ended. */
  status: RequestStatus;
  /** Username of the team the request ran under. Maximum length: 1000 characters. */
  teamUsername: string;
};

/** How an inference request ended. */
export type RequestStatus =
  /** The caller cancelled the request before it finished. */
  | 'CANCELLED'
  /** The request failed (validation, model or infrastructure error). */
  | 'FAILED'
  /** The model returned a result. */
  | 'SUCCEEDED';

/** Which request records non-admin members of a team see. */
export type RequestVisibility =
  /** Every request of the team (default). */
  | 'ALL'
  /** Only their own requests (the restricted request view). */
  | 'OWN';

/** Change the organization’s request visibility setting. */
export type RequestVisibilitySettingInput = {
  /** Lock or unlock it; omit to keep the current lock. Unlocking brings team overrides back. */
  locked?: boolean | null | undefined;
  /** The new value; omit to keep the current one. */
  value?: RequestVisibility | null | undefined;
};

/** Hold an estimated cost against every budget that applies to a key, before the model call. Give exactly one of apiKeyId or keyId. */
export type ReserveSpendInput = {
  /** The key (ApiKey id). Maximum length: 1000 characters. */
  apiKeyId?: string | null | undefined;
  /** The estimated cost to hold (positive). Maximum length: 1000 characters. */
  estimatedCost: string;
  /** The public key id (the part before the colon). At most 100 characters. Maximum length: 1000 characters. */
  keyId?: string | null | undefined;
  /** The gateway’s request id; the usage record with this id settles the hold. 1–200 characters. Maximum length: 1000 characters. */
  requestId: string;
};

/** Revoke an API key; it stops working at once. */
export type RevokeApiKeyInput = {
  /** The key’s global id. Maximum length: 1000 characters. */
  apiKeyId: string;
};

/** Create or replace the budget of a subject for a period. */
export type SetBudgetInput = {
  /** Positive amount, at most 1,000,000,000. Maximum length: 1000 characters. */
  amount: string;
  /** Currency (USD only; default USD). At most 10 characters. Maximum length: 1000 characters. */
  currency?: string | null | undefined;
  /** Hard: deny model access and refuse reservations when used up (default false). */
  hard?: boolean | null | undefined;
  /** When it resets (one budget per subject and period). */
  period: BudgetPeriod;
  /** Emails told when a threshold is crossed (at most 20, each at most 320 characters). Maximum length: 1000 characters. */
  recipients?: Array<string> | null | undefined;
  /** Whose budget. */
  subject: BudgetSubjectInput;
  /** Soft thresholds in percent (1–1000, at most 10), e.g. [50, 80, 100]. */
  thresholds?: Array<number> | null | undefined;
  /** Webhook URL for threshold alerts (http(s), at most 2000 characters). Maximum length: 1000 characters. */
  webhookUrl?: string | null | undefined;
};

/** Set (create or replace) the organization’s OIDC connection. */
export type SetSsoConnectionInput = {
  /** Client id. Maximum length: 1000 characters. */
  clientId: string;
  /** Client secret; stored encrypted, never returned. Maximum length: 2000 characters. */
  clientSecret: string;
  /** Team that just-in-time provisioned users join (global id). Maximum length: 1000 characters. */
  defaultTeamId?: string | null | undefined;
  /** Issuer URL (https; http only for localhost). Maximum length: 2000 characters. */
  issuer: string;
  /** The organization. Maximum length: 1000 characters. */
  organizationId: string;
};

/** Create a secret, or replace its value. */
export type SetTeamSecretInput = {
  /** Name: 1–128 uppercase letters, digits and underscores, not starting with a digit. Maximum length: 1000 characters. */
  name: string;
  /** The team’s global id. Maximum length: 1000 characters. */
  teamId: string;
  /** The value, 1 byte to 64 KiB. Write-only: it is never returned. Maximum length: 16384 characters. */
  value: string;
};

/** Create an account with email and password. */
export type SignUpInput = {
  /** Email address (case-insensitive, unique). Maximum length: 1000 characters. */
  email: string;
  /** Display name, 1–100 characters. Maximum length: 1000 characters. */
  name: string;
  /** Password, 10–200 characters. Stored only as an argon2id hash. Maximum length: 1000 characters. */
  password: string;
};

/** A spending period (UTC calendar day or month, so far). */
export type SpendPeriod =
  /** A calendar day in the organization’s billing time zone. */
  | 'DAY'
  /** A calendar month in the organization’s billing time zone. */
  | 'MONTH';

/** Identify the organization of an SSO operation. */
export type SsoOrganizationInput = {
  /** The organization. Maximum length: 1000 characters. */
  organizationId: string;
};

/** Change the organization’s SSO required setting. */
export type SsoRequiredSettingInput = {
  /** Lock or unlock it; omit to keep the current lock. Unlocking brings team overrides back. */
  locked?: boolean | null | undefined;
  /** The new value; omit to keep the current one. */
  value?: boolean | null | undefined;
};

/** A team the invited person joins on acceptance, with a role. */
export type TeamAssignmentInput = {
  /** The role in that team. */
  role: TeamRole;
  /** A team of the organization (global id). Maximum length: 1000 characters. */
  teamId: string;
};

/** Who may create teams in the organization. */
export type TeamCreationPolicy =
  /** Any member of the organization or of one of its teams. */
  | 'ANY_MEMBER'
  /** Only organization admins (default). */
  | 'ORG_ADMINS'
  /** Organization admins and anyone who is ADMIN of one of its teams. */
  | 'TEAM_ADMINS';

/** Change the organization’s team creation setting. */
export type TeamCreationSettingInput = {
  /** Lock or unlock it; omit to keep the current lock. Unlocking brings team overrides back. */
  locked?: boolean | null | undefined;
  /** The new value; omit to keep the current one. */
  value?: TeamCreationPolicy | null | undefined;
};

/** What a team is for. */
export type TeamKind =
  /** A user’s personal account. */
  | 'PERSONAL'
  /** The organization’s own account; ADMIN keys on it are organization admin keys. */
  | 'ROOT'
  /** A team (project) inside an organization, or a standalone team. */
  | 'TEAM';

/** A person’s role in a team. */
export type TeamRole =
  /** Manages the team: members, keys, secrets, settings. */
  | 'ADMIN'
  /** Sees the team’s usage and invoices. */
  | 'BILLING'
  /** Uses the team: calls models, deploys apps, sees requests as policy allows. */
  | 'DEVELOPER';

/** Change a member’s organization role. */
export type UpdateMemberRoleInput = {
  /** The member’s global id. Maximum length: 1000 characters. */
  memberId: string;
  /** The new role. */
  role: OrganizationRole;
};

/** Change organization policy settings (value and lock per setting). */
export type UpdateOrganizationPolicyInput = {
  /** The organization’s global id. Maximum length: 1000 characters. */
  organizationId: string;
  /** The settings to change. */
  settings: OrganizationPolicySettingsInput;
};

/** How metered usage was authenticated. */
export type UsageAuthInput = {
  /** Public key id (`ogk_…`) for API_KEY; the key must belong to the team. Maximum length: 1000 characters. */
  keyId?: string | null | undefined;
  /** `API_KEY` or `LOGIN`. Maximum length: 1000 characters. */
  kind: string;
  /** Global id of the user for LOGIN. Maximum length: 1000 characters. */
  userId?: string | null | undefined;
};

/** How metered usage was authenticated. */
export type UsageAuthKind =
  /** Called with an API key. */
  | 'API_KEY'
  /** Called from a login session (e.g. the playground). */
  | 'LOGIN'
  /** No authentication recorded. */
  | 'NONE';

/** Which parts of the answer to compute. At least one of TIME_SERIES and SUMMARY. */
export type UsageExpand =
  /** Also group by how the usage was authenticated (API key id or login username). */
  | 'AUTH_METHOD'
  /** Totals over the whole range (not just the page). */
  | 'SUMMARY'
  /** Every bucket of the range (this page), in order, including empty ones. */
  | 'TIME_SERIES';

/** Dimensions a usage item is grouped by; ask for exactly what a chart draws (e.g. PRODUCT for cost per product per day). */
export type UsageGroupBy =
  /** By API key (public id). */
  | 'API_KEY'
  /** By how the usage was authenticated (API key or login). */
  | 'AUTH_METHOD'
  /** By model endpoint id. */
  | 'ENDPOINT'
  /** By product line. */
  | 'PRODUCT'
  /** By team (username). */
  | 'TEAM'
  /** By billing unit. */
  | 'UNIT';

/** A time range: ISO-8601 instants, end exclusive. */
export type UsageRangeInput = {
  /** End (exclusive). Maximum length: 1000 characters. */
  end: string;
  /** Start (inclusive). Maximum length: 1000 characters. */
  start: string;
};

/** One usage record. Fields are strings where a bad value must be reported for this record alone rather than failing the batch. */
export type UsageRecordInput = {
  /** How the usage was authenticated, if known. */
  auth?: UsageAuthInput | null | undefined;
  /** Cost as a decimal string; defaults to quantity × unit price. Maximum length: 1000 characters. */
  cost?: string | null | undefined;
  /** Currency; only `USD` is supported. Maximum length: 1000 characters. */
  currency?: string | null | undefined;
  /** Endpoint id (must be in the catalog unless `unitPrice` and `unit` are given). Maximum length: 1000 characters. */
  endpointId: string;
  /** Idempotency key, unique per organization (1–200 characters). Maximum length: 1000 characters. */
  id: string;
  /** `MODEL_APIS`, `SERVERLESS` or `COMPUTE`. Maximum length: 1000 characters. */
  product: string;
  /** Quantity as a non-negative decimal string. Maximum length: 1000 characters. */
  quantity: string;
  /** Username of the team the usage belongs to. Maximum length: 1000 characters. */
  teamUsername: string;
  /** ISO-8601 instant with offset; at most one day in the future; late records are welcome. Maximum length: 1000 characters. */
  timestamp: string;
  /** Billing unit; defaults to the catalog’s. Maximum length: 1000 characters. */
  unit?: string | null | undefined;
  /** Unit price as a decimal string; defaults to the catalog price at `timestamp`. Maximum length: 1000 characters. */
  unitPrice?: string | null | undefined;
};

/** Bucket size of a usage time series, in the requested time zone (weeks start on Monday). */
export type UsageTimeframe =
  /** Calendar-day buckets. */
  | 'DAY'
  /** One-hour buckets. */
  | 'HOUR'
  /** One-minute buckets. */
  | 'MINUTE'
  /** Calendar-month buckets. */
  | 'MONTH'
  /** Calendar-week buckets, starting on Monday. */
  | 'WEEK';

/** State of a webhook delivery (retried with backoff while PENDING). */
export type WebhookDeliveryStatus =
  /** Every attempt failed (`WEBHOOK_MAX_ATTEMPTS`); no more retries. */
  | 'FAILED'
  /** Not delivered yet; retried with exponential backoff. */
  | 'PENDING'
  /** The receiver answered 2xx. */
  | 'SUCCEEDED';

export type ApiKeyFieldsFragment = { id: string, keyId: string, alias: string, scope: ApiKeyScope, createdAt: string, lastUsedAt: string | null, expiresAt: string | null, revokedAt: string | null, owner: { id: string, email: string, name: string, createdAt: string } | null };

export type TeamApiKeysQueryVariables = Exact<{
  username: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  includeRevoked?: boolean | null | undefined;
}>;


export type TeamApiKeysQuery = { team: { apiKeys: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, keyId: string, alias: string, scope: ApiKeyScope, createdAt: string, lastUsedAt: string | null, expiresAt: string | null, revokedAt: string | null, owner: { id: string, email: string, name: string, createdAt: string } | null } }> } | null } };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { key: string | null, apiKey: { id: string, keyId: string, alias: string, scope: ApiKeyScope, createdAt: string, lastUsedAt: string | null, expiresAt: string | null, revokedAt: string | null, owner: { id: string, email: string, name: string, createdAt: string } | null } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type RevokeApiKeyMutationVariables = Exact<{
  input: RevokeApiKeyInput;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { apiKey: { id: string, keyId: string, alias: string, scope: ApiKeyScope, createdAt: string, lastUsedAt: string | null, expiresAt: string | null, revokedAt: string | null, owner: { id: string, email: string, name: string, createdAt: string } | null } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type AuditEventFieldsFragment = { id: string, action: string, actorType: string, actorLabel: string, actorKeyId: string | null, authMethod: string, targetType: string, targetId: string | null, requestId: string | null, ip: string | null, createdAt: string, changes: Array<{ field: string, before: string | null, after: string | null }> };

export type OrganizationAuditLogQueryVariables = Exact<{
  slug: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: AuditLogFilterInput | null | undefined;
}>;


export type OrganizationAuditLogQuery = { organization: { auditLog: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, action: string, actorType: string, actorLabel: string, actorKeyId: string | null, authMethod: string, targetType: string, targetId: string | null, requestId: string | null, ip: string | null, createdAt: string, changes: Array<{ field: string, before: string | null, after: string | null }> } }> } } };

export type InvoiceFieldsFragment = { id: string, month: string, status: InvoiceStatus, usageTotal: string, adjustmentsTotal: string, total: string, currency: string, issuedAt: string | null, team: { id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null }, lines: Array<{ kind: InvoiceLineKind, adjustsMonth: string | null, product: string, endpointId: string, unit: string, quantity: string, amount: string }> };

export type SpendingAlertFieldsFragment = { id: string, threshold: string, period: SpendPeriod, recipients: Array<string>, webhookUrl: string | null, hardLimit: boolean, locked: boolean, createdAt: string, events: Array<{ periodStart: string, spend: string, firedAt: string }>, deliveries: Array<{ id: string, deliveryId: string, status: WebhookDeliveryStatus, attempts: Array<{ attempt: number, statusCode: number | null, error: string | null, attemptedAt: string }> }> };

export type OrganizationInvoicesQueryVariables = Exact<{
  slug: string;
  month: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OrganizationInvoicesQuery = { organization: { billingSummary: { month: string, status: InvoiceStatus, total: string, invoiceCount: number }, invoices: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, month: string, status: InvoiceStatus, usageTotal: string, adjustmentsTotal: string, total: string, currency: string, issuedAt: string | null, team: { id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null }, lines: Array<{ kind: InvoiceLineKind, adjustsMonth: string | null, product: string, endpointId: string, unit: string, quantity: string, amount: string }> } }> } } };

export type OrganizationSpendingAlertsQueryVariables = Exact<{
  slug: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OrganizationSpendingAlertsQuery = { organization: { spendingAlerts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, threshold: string, period: SpendPeriod, recipients: Array<string>, webhookUrl: string | null, hardLimit: boolean, locked: boolean, createdAt: string, events: Array<{ periodStart: string, spend: string, firedAt: string }>, deliveries: Array<{ id: string, deliveryId: string, status: WebhookDeliveryStatus, attempts: Array<{ attempt: number, statusCode: number | null, error: string | null, attemptedAt: string }> }> } }> } } };

export type CreateSpendingAlertMutationVariables = Exact<{
  input: CreateSpendingAlertInput;
}>;


export type CreateSpendingAlertMutation = { createSpendingAlert: { signingSecret: string | null, alert: { id: string, threshold: string, period: SpendPeriod, recipients: Array<string>, webhookUrl: string | null, hardLimit: boolean, locked: boolean, createdAt: string, events: Array<{ periodStart: string, spend: string, firedAt: string }>, deliveries: Array<{ id: string, deliveryId: string, status: WebhookDeliveryStatus, attempts: Array<{ attempt: number, statusCode: number | null, error: string | null, attemptedAt: string }> }> } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type BudgetFigureFieldsFragment = { periodStart: string | null, periodEnd: string | null, amount: string, spend: string, reserved: string, remaining: string, exhausted: boolean };

export type EffectiveBudgetFieldsFragment = { key: string, scope: BudgetScope, period: BudgetPeriod, amount: string, hard: boolean, source: BudgetSource, capped: boolean, reason: string, current: { periodStart: string | null, periodEnd: string | null, amount: string, spend: string, reserved: string, remaining: string, exhausted: boolean } };

export type BudgetFieldsFragment = { id: string, scope: BudgetScope, period: BudgetPeriod, amount: string, currency: string, thresholds: Array<number>, hard: boolean, recipients: Array<string>, webhookUrl: string | null, createdAt: string, current: { periodStart: string | null, periodEnd: string | null, amount: string, spend: string, reserved: string, remaining: string, exhausted: boolean } };

export type SetBudgetMutationVariables = Exact<{
  input: SetBudgetInput;
}>;


export type SetBudgetMutation = { setBudget: { signingSecret: string | null, budget: { id: string, scope: BudgetScope, period: BudgetPeriod, amount: string, currency: string, thresholds: Array<number>, hard: boolean, recipients: Array<string>, webhookUrl: string | null, createdAt: string, current: { periodStart: string | null, periodEnd: string | null, amount: string, spend: string, reserved: string, remaining: string, exhausted: boolean } } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type EffectiveBudgetsQueryVariables = Exact<{
  subject: BudgetSubjectInput;
}>;


export type EffectiveBudgetsQuery = { effectiveBudgets: Array<{ key: string, scope: BudgetScope, period: BudgetPeriod, amount: string, hard: boolean, source: BudgetSource, capped: boolean, reason: string, current: { periodStart: string | null, periodEnd: string | null, amount: string, spend: string, reserved: string, remaining: string, exhausted: boolean } }> };

export type ReserveSpendMutationVariables = Exact<{
  input: ReserveSpendInput;
}>;


export type ReserveSpendMutation = { reserveSpend: { reserved: boolean, reservation: { requestId: string, amount: string, expiresAt: string } | null, budgets: Array<{ key: string, scope: BudgetScope, period: BudgetPeriod, amount: string, hard: boolean, source: BudgetSource, capped: boolean, reason: string, current: { periodStart: string | null, periodEnd: string | null, amount: string, spend: string, reserved: string, remaining: string, exhausted: boolean } }>, refusedBy: { key: string, scope: BudgetScope, period: BudgetPeriod, amount: string, hard: boolean, source: BudgetSource, capped: boolean, reason: string, current: { periodStart: string | null, periodEnd: string | null, amount: string, spend: string, reserved: string, remaining: string, exhausted: boolean } } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type UserFieldsFragment = { id: string, email: string, name: string, createdAt: string };

export type TeamFieldsFragment = { id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null };

export type OrganizationFieldsFragment = { id: string, slug: string, name: string, createdAt: string, viewerRole: OrganizationRole | null, rootTeam: { id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null } };

export type PageInfoFieldsFragment = { hasNextPage: boolean, endCursor: string | null };

export type UserErrorFieldsFragment = { code: string, message: string, field: Array<string> | null };

export type ApiKeyRouteQueryVariables = Exact<{
  input: ApiKeyRouteInput;
}>;


export type ApiKeyRouteQuery = { apiKeyRoute: { keyId: string, apiKeyId: string, scope: ApiKeyScope, ownerUserId: string | null, team: { id: string, username: string, kind: TeamKind, archivedAt: string | null } } | null };

export type IngestUsageMutationVariables = Exact<{
  input: IngestUsageInput;
}>;


export type IngestUsageMutation = { ingestUsage: { accepted: number | null, duplicates: number | null, rejected: Array<{ index: number, field: string, code: string, message: string }> | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type IngestRequestsMutationVariables = Exact<{
  input: IngestRequestsInput;
}>;


export type IngestRequestsMutation = { ingestRequests: { accepted: number | null, duplicates: number | null, rejected: Array<{ index: number, field: string, code: string, message: string }> | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type InviteFieldsFragment = { id: string, email: string, status: InviteStatus, organizationRole: OrganizationRole | null, teamRole: TeamRole | null, expiresAt: string, createdAt: string };

export type CreateInviteMutationVariables = Exact<{
  input: CreateInviteInput;
}>;


export type CreateInviteMutation = { createInvite: { invite: { id: string, email: string, status: InviteStatus, organizationRole: OrganizationRole | null, teamRole: TeamRole | null, expiresAt: string, createdAt: string } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type AcceptInviteMutationVariables = Exact<{
  input: AcceptInviteInput;
}>;


export type AcceptInviteMutation = { acceptInvite: { invite: { id: string, email: string, status: InviteStatus, organizationRole: OrganizationRole | null, teamRole: TeamRole | null, expiresAt: string, createdAt: string } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type CreateInvitesMutationVariables = Exact<{
  input: CreateInvitesInput;
}>;


export type CreateInvitesMutation = { createInvites: { results: Array<{ email: string, invite: { id: string, email: string, status: InviteStatus, organizationRole: OrganizationRole | null, teamRole: TeamRole | null, expiresAt: string, createdAt: string } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> }>, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type MemberFieldsFragment = { id: string, email: string, role: OrganizationRole, status: MemberStatus, createdAt: string, user: { id: string, email: string, name: string, createdAt: string } | null, teams: Array<{ role: TeamRole, team: { id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null } }> };

export type OrganizationMembersQueryVariables = Exact<{
  slug: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: MemberFilterInput | null | undefined;
}>;


export type OrganizationMembersQuery = { organization: { members: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, email: string, role: OrganizationRole, status: MemberStatus, createdAt: string, user: { id: string, email: string, name: string, createdAt: string } | null, teams: Array<{ role: TeamRole, team: { id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null } }> } }> } } };

export type UpdateMemberRoleMutationVariables = Exact<{
  input: UpdateMemberRoleInput;
}>;


export type UpdateMemberRoleMutation = { updateMemberRole: { member: { id: string, email: string, role: OrganizationRole, status: MemberStatus, createdAt: string, user: { id: string, email: string, name: string, createdAt: string } | null, teams: Array<{ role: TeamRole, team: { id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null } }> } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type NodeQueryVariables = Exact<{
  id: string;
}>;


export type NodeQuery = { node:
    | { __typename: 'ApiKey', id: string }
    | { __typename: 'AuditEvent', id: string }
    | { __typename: 'Budget', id: string }
    | { __typename: 'EmailDelivery', id: string }
    | { __typename: 'Invite', id: string }
    | { __typename: 'Invoice', id: string }
    | { __typename: 'Member', id: string }
    | { __typename: 'ModelAccessRule', id: string }
    | { __typename: 'ModelEndpoint', id: string }
    | { __typename: 'Organization', slug: string, name: string, createdAt: string, id: string, organizationRole: OrganizationRole | null }
    | { __typename: 'OrganizationDomain', id: string }
    | { __typename: 'RequestRecord', id: string }
    | { __typename: 'ScimGroup', id: string }
    | { __typename: 'ScimToken', id: string }
    | { __typename: 'ScimUser', id: string }
    | { __typename: 'SpendingAlert', id: string }
    | { __typename: 'Team', id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null }
    | { __typename: 'TeamMember', id: string }
    | { __typename: 'TeamSecret', id: string }
    | { __typename: 'User', id: string, email: string, name: string, createdAt: string }
    | { __typename: 'WebhookDelivery', id: string }
   | null };

export type OrganizationQueryVariables = Exact<{
  slug: string;
  teamsFirst?: number | null | undefined;
  teamsAfter?: string | null | undefined;
  includeArchivedTeams?: boolean | null | undefined;
}>;


export type OrganizationQuery = { organization: { id: string, slug: string, name: string, createdAt: string, viewerRole: OrganizationRole | null, teams: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null } }> }, rootTeam: { id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null } } };

export type OrganizationTeamsQueryVariables = Exact<{
  slug: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  includeArchived?: boolean | null | undefined;
}>;


export type OrganizationTeamsQuery = { organization: { id: string, teams: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null } }> } } };

export type CreateOrganizationMutationVariables = Exact<{
  input: CreateOrganizationInput;
}>;


export type CreateOrganizationMutation = { createOrganization: { organization: { id: string, slug: string, name: string, createdAt: string, viewerRole: OrganizationRole | null, rootTeam: { id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null } } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type RenameOrganizationMutationVariables = Exact<{
  input: RenameOrganizationInput;
}>;


export type RenameOrganizationMutation = { renameOrganization: { organization: { id: string, slug: string, name: string, createdAt: string, viewerRole: OrganizationRole | null, rootTeam: { id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null } } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type SettingFieldsFragment = { value: RequestVisibility, level: PolicyLevel, locked: boolean };

export type OrganizationPolicyFieldsFragment = { teamCreation: { value: TeamCreationPolicy, level: PolicyLevel, locked: boolean }, invitePermission: { value: InvitePermissionPolicy, level: PolicyLevel, locked: boolean }, modelAccessMode: { value: ModelAccessMode, level: PolicyLevel, locked: boolean }, requestVisibility: { value: RequestVisibility, level: PolicyLevel, locked: boolean } };

export type OrganizationPolicyQueryVariables = Exact<{
  slug: string;
}>;


export type OrganizationPolicyQuery = { organization: { id: string, policy: { teamCreation: { value: TeamCreationPolicy, level: PolicyLevel, locked: boolean }, invitePermission: { value: InvitePermissionPolicy, level: PolicyLevel, locked: boolean }, modelAccessMode: { value: ModelAccessMode, level: PolicyLevel, locked: boolean }, requestVisibility: { value: RequestVisibility, level: PolicyLevel, locked: boolean } } } };

export type TeamEffectivePolicyQueryVariables = Exact<{
  username: string;
}>;


export type TeamEffectivePolicyQuery = { team: { id: string, effectivePolicy: { requestVisibility: { value: RequestVisibility, level: PolicyLevel, locked: boolean, teamOverride: RequestVisibility | null, overriddenByLock: boolean }, modelAccessMode: { value: ModelAccessMode, level: PolicyLevel, locked: boolean } } } };

export type UpdateOrganizationPolicyMutationVariables = Exact<{
  input: UpdateOrganizationPolicyInput;
}>;


export type UpdateOrganizationPolicyMutation = { updateOrganizationPolicy: { policy: { teamCreation: { value: TeamCreationPolicy, level: PolicyLevel, locked: boolean }, invitePermission: { value: InvitePermissionPolicy, level: PolicyLevel, locked: boolean }, modelAccessMode: { value: ModelAccessMode, level: PolicyLevel, locked: boolean }, requestVisibility: { value: RequestVisibility, level: PolicyLevel, locked: boolean } } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type CheckModelAccessQueryVariables = Exact<{
  checks: Array<ModelAccessCheckInput> | ModelAccessCheckInput;
}>;


export type CheckModelAccessQuery = { checkModelAccess: Array<{ index: number, endpointId: string, surface: string, allowed: boolean | null, access: { decision: ModelAccessEffect, level: PolicyLevel, reason: string, reasonCode: ModelAccessReason, rule: { pattern: string, effect: ModelAccessEffect, level: PolicyLevel, locked: boolean } | null } | null, error: { code: ModelAccessCheckErrorCode, message: string } | null, budgets: Array<{ key: string, scope: BudgetScope, period: BudgetPeriod, amount: string, hard: boolean, source: BudgetSource, capped: boolean, reason: string, current: { periodStart: string | null, periodEnd: string | null, amount: string, spend: string, reserved: string, remaining: string, exhausted: boolean } }> }> };

export type TeamSecretFieldsFragment = { id: string, name: string, createdAt: string, updatedAt: string };

export type TeamSecretsQueryVariables = Exact<{
  username: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TeamSecretsQuery = { team: { id: string, secrets: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, createdAt: string, updatedAt: string } }> } | null } };

export type SetTeamSecretMutationVariables = Exact<{
  input: SetTeamSecretInput;
}>;


export type SetTeamSecretMutation = { setTeamSecret: { secret: { id: string, name: string, createdAt: string, updatedAt: string } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type DeleteTeamSecretMutationVariables = Exact<{
  input: DeleteTeamSecretInput;
}>;


export type DeleteTeamSecretMutation = { deleteTeamSecret: { deletedName: string | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { token: string | null, expiresAt: string | null, user: { id: string, email: string, name: string, createdAt: string } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { token: string | null, expiresAt: string | null, user: { id: string, email: string, name: string, createdAt: string } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: { revoked: boolean, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type SsoConfigurationFieldsFragment = { issuer: string, clientId: string, verifiedDomains: Array<string>, defaultTeamId: string | null, updatedAt: string };

export type SetSsoConnectionMutationVariables = Exact<{
  input: SetSsoConnectionInput;
}>;


export type SetSsoConnectionMutation = { setSsoConnection: { connection: { issuer: string, clientId: string, verifiedDomains: Array<string>, defaultTeamId: string | null, updatedAt: string } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type TestSsoConnectionMutationVariables = Exact<{
  input: SsoOrganizationInput;
}>;


export type TestSsoConnectionMutation = { testSsoConnection: { ok: boolean, message: string } };

export type RemoveSsoConnectionMutationVariables = Exact<{
  input: SsoOrganizationInput;
}>;


export type RemoveSsoConnectionMutation = { removeSsoConnection: { connection: { issuer: string, clientId: string, verifiedDomains: Array<string>, defaultTeamId: string | null, updatedAt: string } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type OrganizationDomainFieldsFragment = { id: string, domain: string, status: DomainStatus, txtRecordName: string, txtRecordValue: string, createdAt: string, verifiedAt: string | null };

export type AddDomainMutationVariables = Exact<{
  input: AddDomainInput;
}>;


export type AddDomainMutation = { addDomain: { domain: { id: string, domain: string, status: DomainStatus, txtRecordName: string, txtRecordValue: string, createdAt: string, verifiedAt: string | null } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type VerifyDomainMutationVariables = Exact<{
  input: DomainIdInput;
}>;


export type VerifyDomainMutation = { verifyDomain: { domain: { id: string, domain: string, status: DomainStatus, txtRecordName: string, txtRecordValue: string, createdAt: string, verifiedAt: string | null } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type RemoveDomainMutationVariables = Exact<{
  input: DomainIdInput;
}>;


export type RemoveDomainMutation = { removeDomain: { removedDomainId: string | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type TeamQueryVariables = Exact<{
  username: string;
}>;


export type TeamQuery = { team: { id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null, organization: { id: string, slug: string, name: string } | null } };

export type CreateTeamMutationVariables = Exact<{
  input: CreateTeamInput;
}>;


export type CreateTeamMutation = { createTeam: { team: { id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type RenameTeamMutationVariables = Exact<{
  input: RenameTeamInput;
}>;


export type RenameTeamMutation = { renameTeam: { team: { id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type ArchiveTeamMutationVariables = Exact<{
  input: ArchiveTeamInput;
}>;


export type ArchiveTeamMutation = { archiveTeam: { team: { id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type UsageItemFieldsFragment = { teamUsername: string | null, product: Product | null, endpointId: string | null, unit: string | null, quantity: string | null, unitPrice: string | null, cost: string, currency: string, authMethod: { kind: UsageAuthKind, keyId: string | null, username: string | null } | null };

export type OrganizationUsageQueryVariables = Exact<{
  slug: string;
  start?: string | null | undefined;
  end?: string | null | undefined;
  timezone?: string | null | undefined;
  timeframe?: UsageTimeframe | null | undefined;
  boundToTimeframe?: boolean | null | undefined;
  teamUsernames?: Array<string> | string | null | undefined;
  products?: Array<Product> | Product | null | undefined;
  endpointIds?: Array<string> | string | null | undefined;
  apiKeyIds?: Array<string> | string | null | undefined;
  expand?: Array<UsageExpand> | UsageExpand | null | undefined;
  groupBy?: Array<UsageGroupBy> | UsageGroupBy | null | undefined;
  limit?: number | null | undefined;
  cursor?: string | null | undefined;
}>;


export type OrganizationUsageQuery = { organization: { usage: { start: string, end: string, timezone: string, timeframe: UsageTimeframe, totalBuckets: number, nextCursor: string | null, hasMore: boolean, completeThrough: string | null, timeSeries: Array<{ bucket: string, results: Array<{ teamUsername: string | null, product: Product | null, endpointId: string | null, unit: string | null, quantity: string | null, unitPrice: string | null, cost: string, currency: string, authMethod: { kind: UsageAuthKind, keyId: string | null, username: string | null } | null }> }> | null, summary: Array<{ teamUsername: string | null, product: Product | null, endpointId: string | null, unit: string | null, quantity: string | null, unitPrice: string | null, cost: string, currency: string, authMethod: { kind: UsageAuthKind, keyId: string | null, username: string | null } | null }> | null } } };

export type TeamUsageSummaryQueryVariables = Exact<{
  username: string;
  range: UsageRangeInput;
}>;


export type TeamUsageSummaryQuery = { team: { id: string, username: string, usageSummary: Array<{ teamUsername: string | null, product: Product | null, endpointId: string | null, unit: string | null, quantity: string | null, unitPrice: string | null, cost: string, currency: string, authMethod: { kind: UsageAuthKind, keyId: string | null, username: string | null } | null }> } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { name: string, email: string, sessionMethod: AuthMethod, user: { id: string, email: string, name: string, createdAt: string }, personalAccount: { id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null } | null, organizations: Array<{ id: string, slug: string, name: string, createdAt: string, viewerRole: OrganizationRole | null, rootTeam: { id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null } }>, teams: Array<{ id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const UserFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserFields on User {
  id
  email
  name
  createdAt
}
    `, {"fragmentName":"UserFields"}) as unknown as TypedDocumentString<UserFieldsFragment, unknown>;
export const ApiKeyFieldsFragmentDoc = new TypedDocumentString(`
    fragment ApiKeyFields on ApiKey {
  id
  keyId
  alias
  scope
  createdAt
  lastUsedAt
  expiresAt
  revokedAt
  owner {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  email
  name
  createdAt
}`, {"fragmentName":"ApiKeyFields"}) as unknown as TypedDocumentString<ApiKeyFieldsFragment, unknown>;
export const AuditEventFieldsFragmentDoc = new TypedDocumentString(`
    fragment AuditEventFields on AuditEvent {
  id
  action
  actorType
  actorLabel
  actorKeyId
  authMethod
  targetType
  targetId
  requestId
  ip
  createdAt
  changes {
    field
    before
    after
  }
}
    `, {"fragmentName":"AuditEventFields"}) as unknown as TypedDocumentString<AuditEventFieldsFragment, unknown>;
export const TeamFieldsFragmentDoc = new TypedDocumentString(`
    fragment TeamFields on Team {
  id
  username
  name
  kind
  createdAt
  archivedAt
  viewerRole
}
    `, {"fragmentName":"TeamFields"}) as unknown as TypedDocumentString<TeamFieldsFragment, unknown>;
export const InvoiceFieldsFragmentDoc = new TypedDocumentString(`
    fragment InvoiceFields on Invoice {
  id
  month
  status
  usageTotal
  adjustmentsTotal
  total
  currency
  issuedAt
  team {
    ...TeamFields
  }
  lines {
    kind
    adjustsMonth
    product
    endpointId
    unit
    quantity
    amount
  }
}
    fragment TeamFields on Team {
  id
  username
  name
  kind
  createdAt
  archivedAt
  viewerRole
}`, {"fragmentName":"InvoiceFields"}) as unknown as TypedDocumentString<InvoiceFieldsFragment, unknown>;
export const SpendingAlertFieldsFragmentDoc = new TypedDocumentString(`
    fragment SpendingAlertFields on SpendingAlert {
  id
  threshold
  period
  recipients
  webhookUrl
  hardLimit
  locked
  createdAt
  events {
    periodStart
    spend
    firedAt
  }
  deliveries {
    id
    deliveryId
    status
    attempts {
      attempt
      statusCode
      error
      attemptedAt
    }
  }
}
    `, {"fragmentName":"SpendingAlertFields"}) as unknown as TypedDocumentString<SpendingAlertFieldsFragment, unknown>;
export const BudgetFigureFieldsFragmentDoc = new TypedDocumentString(`
    fragment BudgetFigureFields on BudgetPeriodFigures {
  periodStart
  periodEnd
  amount
  spend
  reserved
  remaining
  exhausted
}
    `, {"fragmentName":"BudgetFigureFields"}) as unknown as TypedDocumentString<BudgetFigureFieldsFragment, unknown>;
export const EffectiveBudgetFieldsFragmentDoc = new TypedDocumentString(`
    fragment EffectiveBudgetFields on EffectiveBudget {
  key
  scope
  period
  amount
  hard
  source
  capped
  reason
  current {
    ...BudgetFigureFields
  }
}
    fragment BudgetFigureFields on BudgetPeriodFigures {
  periodStart
  periodEnd
  amount
  spend
  reserved
  remaining
  exhausted
}`, {"fragmentName":"EffectiveBudgetFields"}) as unknown as TypedDocumentString<EffectiveBudgetFieldsFragment, unknown>;
export const BudgetFieldsFragmentDoc = new TypedDocumentString(`
    fragment BudgetFields on Budget {
  id
  scope
  period
  amount
  currency
  thresholds
  hard
  recipients
  webhookUrl
  createdAt
  current {
    ...BudgetFigureFields
  }
}
    fragment BudgetFigureFields on BudgetPeriodFigures {
  periodStart
  periodEnd
  amount
  spend
  reserved
  remaining
  exhausted
}`, {"fragmentName":"BudgetFields"}) as unknown as TypedDocumentString<BudgetFieldsFragment, unknown>;
export const OrganizationFieldsFragmentDoc = new TypedDocumentString(`
    fragment OrganizationFields on Organization {
  id
  slug
  name
  createdAt
  viewerRole
  rootTeam {
    ...TeamFields
  }
}
    fragment TeamFields on Team {
  id
  username
  name
  kind
  createdAt
  archivedAt
  viewerRole
}`, {"fragmentName":"OrganizationFields"}) as unknown as TypedDocumentString<OrganizationFieldsFragment, unknown>;
export const PageInfoFieldsFragmentDoc = new TypedDocumentString(`
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
    `, {"fragmentName":"PageInfoFields"}) as unknown as TypedDocumentString<PageInfoFieldsFragment, unknown>;
export const UserErrorFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserErrorFields on UserError {
  code
  message
  field
}
    `, {"fragmentName":"UserErrorFields"}) as unknown as TypedDocumentString<UserErrorFieldsFragment, unknown>;
export const InviteFieldsFragmentDoc = new TypedDocumentString(`
    fragment InviteFields on Invite {
  id
  email
  status
  organizationRole
  teamRole
  expiresAt
  createdAt
}
    `, {"fragmentName":"InviteFields"}) as unknown as TypedDocumentString<InviteFieldsFragment, unknown>;
export const MemberFieldsFragmentDoc = new TypedDocumentString(`
    fragment MemberFields on Member {
  id
  email
  role
  status
  createdAt
  user {
    ...UserFields
  }
  teams {
    role
    team {
      ...TeamFields
    }
  }
}
    fragment UserFields on User {
  id
  email
  name
  createdAt
}
fragment TeamFields on Team {
  id
  username
  name
  kind
  createdAt
  archivedAt
  viewerRole
}`, {"fragmentName":"MemberFields"}) as unknown as TypedDocumentString<MemberFieldsFragment, unknown>;
export const SettingFieldsFragmentDoc = new TypedDocumentString(`
    fragment SettingFields on OrganizationRequestVisibilitySetting {
  value
  level
  locked
}
    `, {"fragmentName":"SettingFields"}) as unknown as TypedDocumentString<SettingFieldsFragment, unknown>;
export const OrganizationPolicyFieldsFragmentDoc = new TypedDocumentString(`
    fragment OrganizationPolicyFields on OrganizationPolicy {
  teamCreation {
    value
    level
    locked
  }
  invitePermission {
    value
    level
    locked
  }
  modelAccessMode {
    value
    level
    locked
  }
  requestVisibility {
    ...SettingFields
  }
}
    fragment SettingFields on OrganizationRequestVisibilitySetting {
  value
  level
  locked
}`, {"fragmentName":"OrganizationPolicyFields"}) as unknown as TypedDocumentString<OrganizationPolicyFieldsFragment, unknown>;
export const TeamSecretFieldsFragmentDoc = new TypedDocumentString(`
    fragment TeamSecretFields on TeamSecret {
  id
  name
  createdAt
  updatedAt
}
    `, {"fragmentName":"TeamSecretFields"}) as unknown as TypedDocumentString<TeamSecretFieldsFragment, unknown>;
export const SsoConfigurationFieldsFragmentDoc = new TypedDocumentString(`
    fragment SsoConfigurationFields on SsoConfiguration {
  issuer
  clientId
  verifiedDomains
  defaultTeamId
  updatedAt
}
    `, {"fragmentName":"SsoConfigurationFields"}) as unknown as TypedDocumentString<SsoConfigurationFieldsFragment, unknown>;
export const OrganizationDomainFieldsFragmentDoc = new TypedDocumentString(`
    fragment OrganizationDomainFields on OrganizationDomain {
  id
  domain
  status
  txtRecordName
  txtRecordValue
  createdAt
  verifiedAt
}
    `, {"fragmentName":"OrganizationDomainFields"}) as unknown as TypedDocumentString<OrganizationDomainFieldsFragment, unknown>;
export const UsageItemFieldsFragmentDoc = new TypedDocumentString(`
    fragment UsageItemFields on UsageItem {
  teamUsername
  product
  endpointId
  unit
  quantity
  unitPrice
  cost
  currency
  authMethod {
    kind
    keyId
    username
  }
}
    `, {"fragmentName":"UsageItemFields"}) as unknown as TypedDocumentString<UsageItemFieldsFragment, unknown>;
export const TeamApiKeysDocument = new TypedDocumentString(`
    query TeamApiKeys($username: String!, $first: Int, $after: String, $includeRevoked: Boolean) {
  team(username: $username) {
    apiKeys(first: $first, after: $after, includeRevoked: $includeRevoked) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...ApiKeyFields
        }
      }
    }
  }
}
    fragment ApiKeyFields on ApiKey {
  id
  keyId
  alias
  scope
  createdAt
  lastUsedAt
  expiresAt
  revokedAt
  owner {
    ...UserFields
  }
}
fragment UserFields on User {
  id
  email
  name
  createdAt
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}`) as unknown as TypedDocumentString<TeamApiKeysQuery, TeamApiKeysQueryVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation CreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    apiKey {
      ...ApiKeyFields
    }
    key
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment ApiKeyFields on ApiKey {
  id
  keyId
  alias
  scope
  createdAt
  lastUsedAt
  expiresAt
  revokedAt
  owner {
    ...UserFields
  }
}
fragment UserFields on User {
  id
  email
  name
  createdAt
}
fragment UserErrorFields on UserError {
  code
  message
  field
}`) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($input: RevokeApiKeyInput!) {
  revokeApiKey(input: $input) {
    apiKey {
      ...ApiKeyFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment ApiKeyFields on ApiKey {
  id
  keyId
  alias
  scope
  createdAt
  lastUsedAt
  expiresAt
  revokedAt
  owner {
    ...UserFields
  }
}
fragment UserFields on User {
  id
  email
  name
  createdAt
}
fragment UserErrorFields on UserError {
  code
  message
  field
}`) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const OrganizationAuditLogDocument = new TypedDocumentString(`
    query OrganizationAuditLog($slug: String!, $first: Int, $after: String, $filter: AuditLogFilterInput) {
  organization(slug: $slug) {
    auditLog(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...AuditEventFields
        }
      }
    }
  }
}
    fragment AuditEventFields on AuditEvent {
  id
  action
  actorType
  actorLabel
  actorKeyId
  authMethod
  targetType
  targetId
  requestId
  ip
  createdAt
  changes {
    field
    before
    after
  }
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}`) as unknown as TypedDocumentString<OrganizationAuditLogQuery, OrganizationAuditLogQueryVariables>;
export const OrganizationInvoicesDocument = new TypedDocumentString(`
    query OrganizationInvoices($slug: String!, $month: String!, $first: Int, $after: String) {
  organization(slug: $slug) {
    billingSummary(month: $month) {
      month
      status
      total
      invoiceCount
    }
    invoices(month: $month, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...InvoiceFields
        }
      }
    }
  }
}
    fragment InvoiceFields on Invoice {
  id
  month
  status
  usageTotal
  adjustmentsTotal
  total
  currency
  issuedAt
  team {
    ...TeamFields
  }
  lines {
    kind
    adjustsMonth
    product
    endpointId
    unit
    quantity
    amount
  }
}
fragment TeamFields on Team {
  id
  username
  name
  kind
  createdAt
  archivedAt
  viewerRole
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}`) as unknown as TypedDocumentString<OrganizationInvoicesQuery, OrganizationInvoicesQueryVariables>;
export const OrganizationSpendingAlertsDocument = new TypedDocumentString(`
    query OrganizationSpendingAlerts($slug: String!, $first: Int, $after: String) {
  organization(slug: $slug) {
    spendingAlerts(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...SpendingAlertFields
        }
      }
    }
  }
}
    fragment SpendingAlertFields on SpendingAlert {
  id
  threshold
  period
  recipients
  webhookUrl
  hardLimit
  locked
  createdAt
  events {
    periodStart
    spend
    firedAt
  }
  deliveries {
    id
    deliveryId
    status
    attempts {
      attempt
      statusCode
      error
      attemptedAt
    }
  }
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}`) as unknown as TypedDocumentString<OrganizationSpendingAlertsQuery, OrganizationSpendingAlertsQueryVariables>;
export const CreateSpendingAlertDocument = new TypedDocumentString(`
    mutation CreateSpendingAlert($input: CreateSpendingAlertInput!) {
  createSpendingAlert(input: $input) {
    alert {
      ...SpendingAlertFields
    }
    signingSecret
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment SpendingAlertFields on SpendingAlert {
  id
  threshold
  period
  recipients
  webhookUrl
  hardLimit
  locked
  createdAt
  events {
    periodStart
    spend
    firedAt
  }
  deliveries {
    id
    deliveryId
    status
    attempts {
      attempt
      statusCode
      error
      attemptedAt
    }
  }
}
fragment UserErrorFields on UserError {
  code
  message
  field
}`) as unknown as TypedDocumentString<CreateSpendingAlertMutation, CreateSpendingAlertMutationVariables>;
export const SetBudgetDocument = new TypedDocumentString(`
    mutation SetBudget($input: SetBudgetInput!) {
  setBudget(input: $input) {
    budget {
      ...BudgetFields
    }
    signingSecret
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment BudgetFigureFields on BudgetPeriodFigures {
  periodStart
  periodEnd
  amount
  spend
  reserved
  remaining
  exhausted
}
fragment BudgetFields on Budget {
  id
  scope
  period
  amount
  currency
  thresholds
  hard
  recipients
  webhookUrl
  createdAt
  current {
    ...BudgetFigureFields
  }
}
fragment UserErrorFields on UserError {
  code
  message
  field
}`) as unknown as TypedDocumentString<SetBudgetMutation, SetBudgetMutationVariables>;
export const EffectiveBudgetsDocument = new TypedDocumentString(`
    query EffectiveBudgets($subject: BudgetSubjectInput!) {
  effectiveBudgets(subject: $subject) {
    ...EffectiveBudgetFields
  }
}
    fragment BudgetFigureFields on BudgetPeriodFigures {
  periodStart
  periodEnd
  amount
  spend
  reserved
  remaining
  exhausted
}
fragment EffectiveBudgetFields on EffectiveBudget {
  key
  scope
  period
  amount
  hard
  source
  capped
  reason
  current {
    ...BudgetFigureFields
  }
}`) as unknown as TypedDocumentString<EffectiveBudgetsQuery, EffectiveBudgetsQueryVariables>;
export const ReserveSpendDocument = new TypedDocumentString(`
    mutation ReserveSpend($input: ReserveSpendInput!) {
  reserveSpend(input: $input) {
    reserved
    reservation {
      requestId
      amount
      expiresAt
    }
    budgets {
      ...EffectiveBudgetFields
    }
    refusedBy {
      ...EffectiveBudgetFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment BudgetFigureFields on BudgetPeriodFigures {
  periodStart
  periodEnd
  amount
  spend
  reserved
  remaining
  exhausted
}
fragment EffectiveBudgetFields on EffectiveBudget {
  key
  scope
  period
  amount
  hard
  source
  capped
  reason
  current {
    ...BudgetFigureFields
  }
}
fragment UserErrorFields on UserError {
  code
  message
  field
}`) as unknown as TypedDocumentString<ReserveSpendMutation, ReserveSpendMutationVariables>;
export const ApiKeyRouteDocument = new TypedDocumentString(`
    query ApiKeyRoute($input: ApiKeyRouteInput!) {
  apiKeyRoute(input: $input) {
    keyId
    apiKeyId
    scope
    ownerUserId
    team {
      id
      username
      kind
      archivedAt
    }
  }
}
    `) as unknown as TypedDocumentString<ApiKeyRouteQuery, ApiKeyRouteQueryVariables>;
export const IngestUsageDocument = new TypedDocumentString(`
    mutation IngestUsage($input: IngestUsageInput!) {
  ingestUsage(input: $input) {
    accepted
    duplicates
    rejected {
      index
      field
      code
      message
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  message
  field
}`) as unknown as TypedDocumentString<IngestUsageMutation, IngestUsageMutationVariables>;
export const IngestRequestsDocument = new TypedDocumentString(`
    mutation IngestRequests($input: IngestRequestsInput!) {
  ingestRequests(input: $input) {
    accepted
    duplicates
    rejected {
      index
      field
      code
      message
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  message
  field
}`) as unknown as TypedDocumentString<IngestRequestsMutation, IngestRequestsMutationVariables>;
export const CreateInviteDocument = new TypedDocumentString(`
    mutation CreateInvite($input: CreateInviteInput!) {
  createInvite(input: $input) {
    invite {
      ...InviteFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  message
  field
}
fragment InviteFields on Invite {
  id
  email
  status
  organizationRole
  teamRole
  expiresAt
  createdAt
}`) as unknown as TypedDocumentString<CreateInviteMutation, CreateInviteMutationVariables>;
export const AcceptInviteDocument = new TypedDocumentString(`
    mutation AcceptInvite($input: AcceptInviteInput!) {
  acceptInvite(input: $input) {
    invite {
      ...InviteFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  message
  field
}
fragment InviteFields on Invite {
  id
  email
  status
  organizationRole
  teamRole
  expiresAt
  createdAt
}`) as unknown as TypedDocumentString<AcceptInviteMutation, AcceptInviteMutationVariables>;
export const CreateInvitesDocument = new TypedDocumentString(`
    mutation CreateInvites($input: CreateInvitesInput!) {
  createInvites(input: $input) {
    results {
      email
      invite {
        ...InviteFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  message
  field
}
fragment InviteFields on Invite {
  id
  email
  status
  organizationRole
  teamRole
  expiresAt
  createdAt
}`) as unknown as TypedDocumentString<CreateInvitesMutation, CreateInvitesMutationVariables>;
export const OrganizationMembersDocument = new TypedDocumentString(`
    query OrganizationMembers($slug: String!, $first: Int, $after: String, $filter: MemberFilterInput) {
  organization(slug: $slug) {
    members(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...MemberFields
        }
      }
    }
  }
}
    fragment UserFields on User {
  id
  email
  name
  createdAt
}
fragment TeamFields on Team {
  id
  username
  name
  kind
  createdAt
  archivedAt
  viewerRole
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MemberFields on Member {
  id
  email
  role
  status
  createdAt
  user {
    ...UserFields
  }
  teams {
    role
    team {
      ...TeamFields
    }
  }
}`) as unknown as TypedDocumentString<OrganizationMembersQuery, OrganizationMembersQueryVariables>;
export const UpdateMemberRoleDocument = new TypedDocumentString(`
    mutation UpdateMemberRole($input: UpdateMemberRoleInput!) {
  updateMemberRole(input: $input) {
    member {
      ...MemberFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserFields on User {
  id
  email
  name
  createdAt
}
fragment TeamFields on Team {
  id
  username
  name
  kind
  createdAt
  archivedAt
  viewerRole
}
fragment UserErrorFields on UserError {
  code
  message
  field
}
fragment MemberFields on Member {
  id
  email
  role
  status
  createdAt
  user {
    ...UserFields
  }
  teams {
    role
    team {
      ...TeamFields
    }
  }
}`) as unknown as TypedDocumentString<UpdateMemberRoleMutation, UpdateMemberRoleMutationVariables>;
export const NodeDocument = new TypedDocumentString(`
    query Node($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Team {
      ...TeamFields
    }
    ... on Organization {
      slug
      name
      createdAt
      organizationRole: viewerRole
    }
    ... on User {
      ...UserFields
    }
  }
}
    fragment UserFields on User {
  id
  email
  name
  createdAt
}
fragment TeamFields on Team {
  id
  username
  name
  kind
  createdAt
  archivedAt
  viewerRole
}`) as unknown as TypedDocumentString<NodeQuery, NodeQueryVariables>;
export const OrganizationDocument = new TypedDocumentString(`
    query Organization($slug: String!, $teamsFirst: Int, $teamsAfter: String, $includeArchivedTeams: Boolean) {
  organization(slug: $slug) {
    ...OrganizationFields
    teams(
      first: $teamsFirst
      after: $teamsAfter
      includeArchived: $includeArchivedTeams
    ) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...TeamFields
        }
      }
    }
  }
}
    fragment TeamFields on Team {
  id
  username
  name
  kind
  createdAt
  archivedAt
  viewerRole
}
fragment OrganizationFields on Organization {
  id
  slug
  name
  createdAt
  viewerRole
  rootTeam {
    ...TeamFields
  }
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}`) as unknown as TypedDocumentString<OrganizationQuery, OrganizationQueryVariables>;
export const OrganizationTeamsDocument = new TypedDocumentString(`
    query OrganizationTeams($slug: String!, $first: Int, $after: String, $includeArchived: Boolean) {
  organization(slug: $slug) {
    id
    teams(first: $first, after: $after, includeArchived: $includeArchived) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...TeamFields
        }
      }
    }
  }
}
    fragment TeamFields on Team {
  id
  username
  name
  kind
  createdAt
  archivedAt
  viewerRole
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}`) as unknown as TypedDocumentString<OrganizationTeamsQuery, OrganizationTeamsQueryVariables>;
export const CreateOrganizationDocument = new TypedDocumentString(`
    mutation CreateOrganization($input: CreateOrganizationInput!) {
  createOrganization(input: $input) {
    organization {
      ...OrganizationFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment TeamFields on Team {
  id
  username
  name
  kind
  createdAt
  archivedAt
  viewerRole
}
fragment OrganizationFields on Organization {
  id
  slug
  name
  createdAt
  viewerRole
  rootTeam {
    ...TeamFields
  }
}
fragment UserErrorFields on UserError {
  code
  message
  field
}`) as unknown as TypedDocumentString<CreateOrganizationMutation, CreateOrganizationMutationVariables>;
export const RenameOrganizationDocument = new TypedDocumentString(`
    mutation RenameOrganization($input: RenameOrganizationInput!) {
  renameOrganization(input: $input) {
    organization {
      ...OrganizationFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment TeamFields on Team {
  id
  username
  name
  kind
  createdAt
  archivedAt
  viewerRole
}
fragment OrganizationFields on Organization {
  id
  slug
  name
  createdAt
  viewerRole
  rootTeam {
    ...TeamFields
  }
}
fragment UserErrorFields on UserError {
  code
  message
  field
}`) as unknown as TypedDocumentString<RenameOrganizationMutation, RenameOrganizationMutationVariables>;
export const OrganizationPolicyDocument = new TypedDocumentString(`
    query OrganizationPolicy($slug: String!) {
  organization(slug: $slug) {
    id
    policy {
      ...OrganizationPolicyFields
    }
  }
}
    fragment SettingFields on OrganizationRequestVisibilitySetting {
  value
  level
  locked
}
fragment OrganizationPolicyFields on OrganizationPolicy {
  teamCreation {
    value
    level
    locked
  }
  invitePermission {
    value
    level
    locked
  }
  modelAccessMode {
    value
    level
    locked
  }
  requestVisibility {
    ...SettingFields
  }
}`) as unknown as TypedDocumentString<OrganizationPolicyQuery, OrganizationPolicyQueryVariables>;
export const TeamEffectivePolicyDocument = new TypedDocumentString(`
    query TeamEffectivePolicy($username: String!) {
  team(username: $username) {
    id
    effectivePolicy {
      requestVisibility {
        value
        level
        locked
        teamOverride
        overriddenByLock
      }
      modelAccessMode {
        value
        level
        locked
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TeamEffectivePolicyQuery, TeamEffectivePolicyQueryVariables>;
export const UpdateOrganizationPolicyDocument = new TypedDocumentString(`
    mutation UpdateOrganizationPolicy($input: UpdateOrganizationPolicyInput!) {
  updateOrganizationPolicy(input: $input) {
    policy {
      ...OrganizationPolicyFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  message
  field
}
fragment SettingFields on OrganizationRequestVisibilitySetting {
  value
  level
  locked
}
fragment OrganizationPolicyFields on OrganizationPolicy {
  teamCreation {
    value
    level
    locked
  }
  invitePermission {
    value
    level
    locked
  }
  modelAccessMode {
    value
    level
    locked
  }
  requestVisibility {
    ...SettingFields
  }
}`) as unknown as TypedDocumentString<UpdateOrganizationPolicyMutation, UpdateOrganizationPolicyMutationVariables>;
export const CheckModelAccessDocument = new TypedDocumentString(`
    query CheckModelAccess($checks: [ModelAccessCheckInput!]!) {
  checkModelAccess(checks: $checks) {
    index
    endpointId
    surface
    allowed
    access {
      decision
      level
      reason
      reasonCode
      rule {
        pattern
        effect
        level
        locked
      }
    }
    error {
      code
      message
    }
    budgets {
      ...EffectiveBudgetFields
    }
  }
}
    fragment BudgetFigureFields on BudgetPeriodFigures {
  periodStart
  periodEnd
  amount
  spend
  reserved
  remaining
  exhausted
}
fragment EffectiveBudgetFields on EffectiveBudget {
  key
  scope
  period
  amount
  hard
  source
  capped
  reason
  current {
    ...BudgetFigureFields
  }
}`) as unknown as TypedDocumentString<CheckModelAccessQuery, CheckModelAccessQueryVariables>;
export const TeamSecretsDocument = new TypedDocumentString(`
    query TeamSecrets($username: String!, $first: Int, $after: String) {
  team(username: $username) {
    id
    secrets(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...TeamSecretFields
        }
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment TeamSecretFields on TeamSecret {
  id
  name
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<TeamSecretsQuery, TeamSecretsQueryVariables>;
export const SetTeamSecretDocument = new TypedDocumentString(`
    mutation SetTeamSecret($input: SetTeamSecretInput!) {
  setTeamSecret(input: $input) {
    secret {
      ...TeamSecretFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  message
  field
}
fragment TeamSecretFields on TeamSecret {
  id
  name
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<SetTeamSecretMutation, SetTeamSecretMutationVariables>;
export const DeleteTeamSecretDocument = new TypedDocumentString(`
    mutation DeleteTeamSecret($input: DeleteTeamSecretInput!) {
  deleteTeamSecret(input: $input) {
    deletedName
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  message
  field
}`) as unknown as TypedDocumentString<DeleteTeamSecretMutation, DeleteTeamSecretMutationVariables>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    token
    expiresAt
    user {
      ...UserFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserFields on User {
  id
  email
  name
  createdAt
}
fragment UserErrorFields on UserError {
  code
  message
  field
}`) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    token
    expiresAt
    user {
      ...UserFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserFields on User {
  id
  email
  name
  createdAt
}
fragment UserErrorFields on UserError {
  code
  message
  field
}`) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout {
    revoked
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  message
  field
}`) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const SetSsoConnectionDocument = new TypedDocumentString(`
    mutation SetSsoConnection($input: SetSsoConnectionInput!) {
  setSsoConnection(input: $input) {
    connection {
      ...SsoConfigurationFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  message
  field
}
fragment SsoConfigurationFields on SsoConfiguration {
  issuer
  clientId
  verifiedDomains
  defaultTeamId
  updatedAt
}`) as unknown as TypedDocumentString<SetSsoConnectionMutation, SetSsoConnectionMutationVariables>;
export const TestSsoConnectionDocument = new TypedDocumentString(`
    mutation TestSsoConnection($input: SsoOrganizationInput!) {
  testSsoConnection(input: $input) {
    ok
    message
  }
}
    `) as unknown as TypedDocumentString<TestSsoConnectionMutation, TestSsoConnectionMutationVariables>;
export const RemoveSsoConnectionDocument = new TypedDocumentString(`
    mutation RemoveSsoConnection($input: SsoOrganizationInput!) {
  removeSsoConnection(input: $input) {
    connection {
      ...SsoConfigurationFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  message
  field
}
fragment SsoConfigurationFields on SsoConfiguration {
  issuer
  clientId
  verifiedDomains
  defaultTeamId
  updatedAt
}`) as unknown as TypedDocumentString<RemoveSsoConnectionMutation, RemoveSsoConnectionMutationVariables>;
export const AddDomainDocument = new TypedDocumentString(`
    mutation AddDomain($input: AddDomainInput!) {
  addDomain(input: $input) {
    domain {
      ...OrganizationDomainFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  message
  field
}
fragment OrganizationDomainFields on OrganizationDomain {
  id
  domain
  status
  txtRecordName
  txtRecordValue
  createdAt
  verifiedAt
}`) as unknown as TypedDocumentString<AddDomainMutation, AddDomainMutationVariables>;
export const VerifyDomainDocument = new TypedDocumentString(`
    mutation VerifyDomain($input: DomainIdInput!) {
  verifyDomain(input: $input) {
    domain {
      ...OrganizationDomainFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  message
  field
}
fragment OrganizationDomainFields on OrganizationDomain {
  id
  domain
  status
  txtRecordName
  txtRecordValue
  createdAt
  verifiedAt
}`) as unknown as TypedDocumentString<VerifyDomainMutation, VerifyDomainMutationVariables>;
export const RemoveDomainDocument = new TypedDocumentString(`
    mutation RemoveDomain($input: DomainIdInput!) {
  removeDomain(input: $input) {
    removedDomainId
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  message
  field
}`) as unknown as TypedDocumentString<RemoveDomainMutation, RemoveDomainMutationVariables>;
export const TeamDocument = new TypedDocumentString(`
    query Team($username: String!) {
  team(username: $username) {
    ...TeamFields
    organization {
      id
      slug
      name
    }
  }
}
    fragment TeamFields on Team {
  id
  username
  name
  kind
  createdAt
  archivedAt
  viewerRole
}`) as unknown as TypedDocumentString<TeamQuery, TeamQueryVariables>;
export const CreateTeamDocument = new TypedDocumentString(`
    mutation CreateTeam($input: CreateTeamInput!) {
  createTeam(input: $input) {
    team {
      ...TeamFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment TeamFields on Team {
  id
  username
  name
  kind
  createdAt
  archivedAt
  viewerRole
}
fragment UserErrorFields on UserError {
  code
  message
  field
}`) as unknown as TypedDocumentString<CreateTeamMutation, CreateTeamMutationVariables>;
export const RenameTeamDocument = new TypedDocumentString(`
    mutation RenameTeam($input: RenameTeamInput!) {
  renameTeam(input: $input) {
    team {
      ...TeamFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment TeamFields on Team {
  id
  username
  name
  kind
  createdAt
  archivedAt
  viewerRole
}
fragment UserErrorFields on UserError {
  code
  message
  field
}`) as unknown as TypedDocumentString<RenameTeamMutation, RenameTeamMutationVariables>;
export const ArchiveTeamDocument = new TypedDocumentString(`
    mutation ArchiveTeam($input: ArchiveTeamInput!) {
  archiveTeam(input: $input) {
    team {
      ...TeamFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment TeamFields on Team {
  id
  username
  name
  kind
  createdAt
  archivedAt
  viewerRole
}
fragment UserErrorFields on UserError {
  code
  message
  field
}`) as unknown as TypedDocumentString<ArchiveTeamMutation, ArchiveTeamMutationVariables>;
export const OrganizationUsageDocument = new TypedDocumentString(`
    query OrganizationUsage($slug: String!, $start: String, $end: String, $timezone: String, $timeframe: UsageTimeframe, $boundToTimeframe: Boolean, $teamUsernames: [String!], $products: [Product!], $endpointIds: [String!], $apiKeyIds: [String!], $expand: [UsageExpand!], $groupBy: [UsageGroupBy!], $limit: Int, $cursor: String) {
  organization(slug: $slug) {
    usage(
      start: $start
      end: $end
      timezone: $timezone
      timeframe: $timeframe
      boundToTimeframe: $boundToTimeframe
      teamUsernames: $teamUsernames
      products: $products
      endpointIds: $endpointIds
      apiKeyIds: $apiKeyIds
      expand: $expand
      groupBy: $groupBy
      limit: $limit
      cursor: $cursor
    ) {
      start
      end
      timezone
      timeframe
      totalBuckets
      nextCursor
      hasMore
      completeThrough
      timeSeries {
        bucket
        results {
          ...UsageItemFields
        }
      }
      summary {
        ...UsageItemFields
      }
    }
  }
}
    fragment UsageItemFields on UsageItem {
  teamUsername
  product
  endpointId
  unit
  quantity
  unitPrice
  cost
  currency
  authMethod {
    kind
    keyId
    username
  }
}`) as unknown as TypedDocumentString<OrganizationUsageQuery, OrganizationUsageQueryVariables>;
export const TeamUsageSummaryDocument = new TypedDocumentString(`
    query TeamUsageSummary($username: String!, $range: UsageRangeInput!) {
  team(username: $username) {
    id
    username
    usageSummary(range: $range) {
      ...UsageItemFields
    }
  }
}
    fragment UsageItemFields on UsageItem {
  teamUsername
  product
  endpointId
  unit
  quantity
  unitPrice
  cost
  currency
  authMethod {
    kind
    keyId
    username
  }
}`) as unknown as TypedDocumentString<TeamUsageSummaryQuery, TeamUsageSummaryQueryVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    name
    email
    sessionMethod
    user {
      ...UserFields
    }
    personalAccount {
      ...TeamFields
    }
    organizations {
      ...OrganizationFields
    }
    teams {
      ...TeamFields
    }
  }
}
    fragment UserFields on User {
  id
  email
  name
  createdAt
}
fragment TeamFields on Team {
  id
  username
  name
  kind
  createdAt
  archivedAt
  viewerRole
}
fragment OrganizationFields on Organization {
  id
  slug
  name
  createdAt
  viewerRole
  rootTeam {
    ...TeamFields
  }
}`) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;