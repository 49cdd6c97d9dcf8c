/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Accept an invite as the signed-in user, or, without a session, with a new account for the invited address. */
export type AcceptInviteInput = {
  /** Without a session only: create the account of the invited address (the invite link proves it) and sign in; the payload carries the session token. */
  newAccount?: InviteNewAccountInput | null | undefined;
  /** The token from the invite email. Maximum length: 1000 characters. */
  token: string;
};

/** Add a price version to a catalog endpoint (platform operators). Prices are never edited in place. */
export type AddModelPriceInput = {
  /** ISO 4217 currency code (default USD). Maximum length: 1000 characters. */
  currency?: string | null | undefined;
  /** First instant the price applies to; it applies until the next version. Maximum length: 1000 characters. */
  effectiveFrom: string;
  /** The catalog endpoint id. Maximum length: 1000 characters. */
  endpointId: string;
  /** Price per unit, a non-negative decimal string. Maximum length: 1000 characters. */
  unitPrice: string;
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

/** Put an organization member on a team with a role, or change their role there. */
export type AssignTeamMemberInput = {
  /** Their role in the team. */
  role: TeamRole;
  /** The team’s global id. Maximum length: 1000 characters. */
  teamId: string;
  /** The user’s global id; they must be a member of the team’s organization. Maximum length: 1000 characters. */
  userId: string;
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

/** Refers to one invite. */
export type InviteIdInput = {
  /** The invite’s global id. Maximum length: 1000 characters. */
  inviteId: string;
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

/** Leave an organization (and all its teams) yourself. */
export type LeaveOrganizationInput = {
  /** What to do with the API keys you created or own in the organization; required when there are any (userError `API_KEYS_DISPOSITION_REQUIRED`). */
  apiKeys?: MemberApiKeysInput | null | undefined;
  /** The organization’s global id. Maximum length: 1000 characters. */
  organizationId: string;
};

/** Sign in with email and password. */
export type LoginInput = {
  /** Email address (case-insensitive). Maximum length: 1000 characters. */
  email: string;
  /** Password. Maximum length: 1000 characters. */
  password: string;
};

/** What happens to the API keys a leaving member created or owns. */
export type MemberApiKeysAction =
  /** Revoke them: they stop authenticating at once. */
  | 'REVOKE'
  /** Hand them to `transferToUserId`, who becomes their owner; they keep working. */
  | 'TRANSFER';

/** The explicit choice for the API keys a leaving member created or owns in the scope they leave (and keys minted with those keys). Required when there are any. */
export type MemberApiKeysInput = {
  /** Revoke the keys, or transfer them. */
  action: MemberApiKeysAction;
  /** For TRANSFER: the new owner (a User global id), a remaining member of each key’s team or an organization ADMIN. Maximum length: 1000 characters. */
  transferToUserId?: string | null | undefined;
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

/** A model access rule to add (an existing rule with the same pattern and surface at that level is replaced). */
export type ModelAccessRuleInput = {
  /** ALLOWED or BLOCKED. */
  effect: ModelAccessEffect;
  /** Lock an organization rule: it then decides before any team rule (default false). */
  locked?: boolean | null | undefined;
  /** An exact endpoint id or a prefix glob ending in `*` (`fal-ai/flux/*`). Maximum length: 1000 characters. */
  pattern: string;
  /** The surface the rule applies to. */
  surface: ModelSurface;
  /** The team’s global id for a team rule; omit for an organization rule. Maximum length: 1000 characters. */
  teamId?: string | null | undefined;
};

/** Where a model is called from; model access rules are set per surface. */
export type ModelSurface =
  /** Programmatic calls with an API key. */
  | 'API'
  /** Calls from the web Playground with a signed-in session. */
  | 'PLAYGROUND';

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

/** A policy change of one organization; `previewPolicyChange` and `applyPolicyChange` take the same input. */
export type PolicyChangeInput = {
  /** Rules to add or replace. */
  addRules?: Array<ModelAccessRuleInput> | null | undefined;
  /** The organization’s global id. Maximum length: 1000 characters. */
  organizationId: string;
  /** Global ids of rules to remove. Maximum length: 1000 characters. */
  removeRuleIds?: Array<string> | null | undefined;
  /** Organization settings to change. */
  settings?: OrganizationPolicySettingsInput | null | undefined;
  /** Team overrides to set or remove. */
  teamOverrides?: Array<TeamPolicyOverridesInput> | null | undefined;
};

/** Where an effective policy value or decision comes from. */
export type PolicyLevel =
  /** Nobody set it: the platform default applies. */
  | 'DEFAULT'
  /** Set by the organization. */
  | 'ORGANIZATION'
  /** Set by the team (its override or its own rule). */
  | 'TEAM';

/** A policy setting. */
export type PolicySetting =
  /** Whether team admins and billing users see other teams’ usage (organization-wide). */
  | 'CROSS_TEAM_VISIBILITY'
  /** Who may invite people (organization-wide). */
  | 'INVITE_PERMISSION'
  /** What model access falls back to when no rule matches (organization-wide). */
  | 'MODEL_ACCESS_MODE'
  /** Whether SSO users may use personal accounts (organization-wide). */
  | 'PERSONAL_ACCOUNT_ACCESS'
  /** Which requests members see (teams may override unless locked). */
  | 'REQUEST_VISIBILITY'
  /** Whether members must sign in through the organization’s SSO (organization-wide). */
  | 'SSO_REQUIRED'
  /** Who may create teams (organization-wide). */
  | 'TEAM_CREATION';

/** The platform’s product lines, as usage and invoices group them. */
export type Product =
  /** Dedicated machines, billed per hour. */
  | 'COMPUTE'
  /** Hosted model endpoints called per request (images, video, audio, LLM). */
  | 'MODEL_APIS'
  /** A team’s own deployed apps, billed per GPU/CPU second. */
  | 'SERVERLESS';

/** Remove a member from the organization and all its teams. */
export type RemoveMemberInput = {
  /** What to do with the API keys they created or own in the organization; required when there are any (userError `API_KEYS_DISPOSITION_REQUIRED`). */
  apiKeys?: MemberApiKeysInput | null | undefined;
  /** The member’s global id. Maximum length: 1000 characters. */
  memberId: string;
};

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

/** Revoke an API key; it stops working at once. */
export type RevokeApiKeyInput = {
  /** The key’s global id. Maximum length: 1000 characters. */
  apiKeyId: string;
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

/** Which environment a team (or a key) serves. */
export type TeamEnvironment =
  /** Development: experiments and local work; nothing depends on it. */
  | 'DEVELOPMENT'
  /** Production: serves real users; needs an owner and an escalation contact. */
  | 'PRODUCTION'
  /** Staging: pre-production testing. */
  | 'STAGING';

/** What a team is for. */
export type TeamKind =
  /** A user’s personal account. */
  | 'PERSONAL'
  /** The organization’s own account; ADMIN keys on it are organization admin keys. */
  | 'ROOT'
  /** A team (project) inside an organization, or a standalone team. */
  | 'TEAM';

/** Narrows a team’s member list; all given conditions must hold. */
export type TeamMemberFilterInput = {
  /** Only people with this team role. */
  role?: TeamRole | null | undefined;
  /** Only people whose name or email contains this text (case-insensitive, at most 100 characters). Maximum length: 1000 characters. */
  search?: string | null | undefined;
};

/** A team’s overrides of team-scoped settings. */
export type TeamPolicyOverridesInput = {
  /** Override request visibility for this team; `null` removes the override (inherit), omit to leave it unchanged. */
  requestVisibility?: RequestVisibility | null | undefined;
  /** The team’s global id. Maximum length: 1000 characters. */
  teamId: string;
};

/** A person’s role in a team. */
export type TeamRole =
  /** Manages the team: members, keys, secrets, settings. */
  | 'ADMIN'
  /** Sees the team’s usage and invoices. */
  | 'BILLING'
  /** Uses the team: calls models, deploys apps, sees requests as policy allows. */
  | 'DEVELOPER';

/** Bring an archived team back: its unrevoked keys work again and it reappears in listings. */
export type UnarchiveTeamInput = {
  /** The team’s global id. Maximum length: 1000 characters. */
  teamId: string;
};

/** Take a person off a team (they stay in the organization). */
export type UnassignTeamMemberInput = {
  /** What to do with the API keys they created or own on this team; required when there are any (userError `API_KEYS_DISPOSITION_REQUIRED`). */
  apiKeys?: MemberApiKeysInput | null | undefined;
  /** The team’s global id. Maximum length: 1000 characters. */
  teamId: string;
  /** The user’s global id. Maximum length: 1000 characters. */
  userId: string;
};

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

/** Change a team’s governance metadata. Omitted fields stay; null clears a field. */
export type UpdateTeamGovernanceInput = {
  /** Environment. */
  environment?: TeamEnvironment | null | undefined;
  /** Email or on-call handle (`@team-oncall`, `#channel`, `pagerduty:PXYZ`). Maximum length: 1000 characters. */
  escalationContact?: string | null | undefined;
  /** Expected monthly spend, a non-negative decimal. Maximum length: 1000 characters. */
  expectedMonthlySpend?: string | null | undefined;
  /** Global id of the owner (a member of the organization). Maximum length: 1000 characters. */
  ownerId?: string | null | undefined;
  /** The team’s global id. Maximum length: 1000 characters. */
  teamId: string;
  /** Primary workload in words (≤ 500 characters). Maximum length: 1000 characters. */
  workload?: string | null | undefined;
  /** Workload category. */
  workloadCategory?: WorkloadCategory | null | undefined;
};

/** Create or update a catalog endpoint (platform operators). */
export type UpsertModelEndpointInput = {
  /** Human-readable name, 1–200 characters. Maximum length: 1000 characters. */
  displayName: string;
  /** Endpoint id, e.g. `fal-ai/flux/dev` (lowercase letters, digits, `.`, `_`, `-`, `/`). Maximum length: 1000 characters. */
  endpointId: string;
  /** Vetted for enterprise use (allowed by default under the ENTERPRISE_READY mode). */
  enterpriseReady: boolean;
  /** Product line the endpoint is billed under. */
  product: Product;
  /** Billing unit, e.g. `megapixel`, `second`, `gpu_hour`. Maximum length: 1000 characters. */
  unit: string;
};

/** The kind of primary workload a team runs. */
export type WorkloadCategory =
  /** Speech, music and other audio models. */
  | 'AUDIO'
  /** The team’s own deployed apps (serverless). */
  | 'CUSTOM_APPS'
  /** Image generation and editing models. */
  | 'IMAGE_GENERATION'
  /** Language models (chat, completion, embeddings). */
  | 'LANGUAGE'
  /** Anything else. */
  | 'OTHER'
  /** Fine-tuning and training jobs. */
  | 'TRAINING'
  /** Video generation models. */
  | 'VIDEO_GENERATION';

export type ApiKeysCreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type ApiKeysCreateApiKeyMutation = { createApiKey: { key: string | null, apiKey: { id: string, keyId: string, alias: string, scope: ApiKeyScope, expiresAt: string | null, revokedAt: string | null, owner: { email: string } | null, createdBy: { email: string } | null, team: { username: string } } | null, userErrors: Array<{ field: Array<string> | null, code: string }> } };

export type ApiKeysRevokeApiKeyMutationVariables = Exact<{
  input: RevokeApiKeyInput;
}>;


export type ApiKeysRevokeApiKeyMutation = { revokeApiKey: { apiKey: { revokedAt: string | null } | null, userErrors: Array<{ code: string }> } };

export type ApiKeysTeamQueryVariables = Exact<{
  u: string;
  all?: boolean | null | undefined;
}>;


export type ApiKeysTeamQuery = { team: { apiKeys: { totalCount: number, edges: Array<{ node: { id: string, alias: string, lastUsedAt: string | null, revokedAt: string | null } }> } | null } };

export type ApiKeysTypenameQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysTypenameQuery = { __typename: 'Query' };

export type ApiKeysTeam2QueryVariables = Exact<{
  u: string;
}>;


export type ApiKeysTeam2Query = { team: { username: string } };

export type ApiKeysTypeQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysTypeQuery = { __type: { fields: Array<{ name: string }> | null } | null };

export type ApiKeysViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysViewerQuery = { viewer: { user: { id: string } } };

export type ApiKeysViewer2QueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysViewer2Query = { viewer: { user: { id: string } } };

export type ApiKeysNodeQueryVariables = Exact<{
  id: string;
}>;


export type ApiKeysNodeQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type ApiKeysOrganizationQueryVariables = Exact<{
  s: string;
}>;


export type ApiKeysOrganizationQuery = { organization: { members: { totalCount: number } } };

export type InvitesCreateInvitesMutationVariables = Exact<{
  input: CreateInvitesInput;
}>;


export type InvitesCreateInvitesMutation = { createInvites: { results: Array<{ email: string, invite: { id: string, email: string, status: InviteStatus } | null, userErrors: Array<{ field: Array<string> | null, code: string }> }>, userErrors: Array<{ code: string }> } };

export type InvitesRevokeInviteMutationVariables = Exact<{
  input: InviteIdInput;
}>;


export type InvitesRevokeInviteMutation = { revokeInvite: { invite: { status: InviteStatus } | null, userErrors: Array<{ field: Array<string> | null, code: string }> } };

export type InvitesResendInviteMutationVariables = Exact<{
  input: InviteIdInput;
}>;


export type InvitesResendInviteMutation = { resendInvite: { invite: { status: InviteStatus, expiresAt: string } | null, userErrors: Array<{ field: Array<string> | null, code: string }> } };

export type InvitesTypeQueryVariables = Exact<{ [key: string]: never; }>;


export type InvitesTypeQuery = { __type: { fields: Array<{ name: string }> | null } | null };

export type InvitesOrganizationQueryVariables = Exact<{
  s: string;
}>;


export type InvitesOrganizationQuery = { organization: { viewerRole: OrganizationRole | null, teams: { edges: Array<{ node: { viewerRole: TeamRole | null } }> } } };

export type InvitesNodeQueryVariables = Exact<{
  id: string;
}>;


export type InvitesNodeQuery = { node:
    | { status: InviteStatus }
    | Record<PropertyKey, never>
   | null };

export type InvitesOrganization2QueryVariables = Exact<{
  s: string;
}>;


export type InvitesOrganization2Query = { organization: { members: { edges: Array<{ node: { email: string, invite: { id: string, email: string, status: InviteStatus, expiresAt: string } | null } }> }, auditLog: { edges: Array<{ node: { changes: Array<{ field: string, before: string | null, after: string | null }> } }> } } };

export type InvitesOrganization3QueryVariables = Exact<{
  s: string;
}>;


export type InvitesOrganization3Query = { organization: { viewerRole: OrganizationRole | null, teams: { edges: Array<{ node: { username: string, viewerRole: TeamRole | null } }> } } };

export type InvitesUpdateOrganizationPolicyMutationVariables = Exact<{
  input: UpdateOrganizationPolicyInput;
}>;


export type InvitesUpdateOrganizationPolicyMutation = { updateOrganizationPolicy: { userErrors: Array<{ code: string }> } };

export type MembersOrganizationQueryVariables = Exact<{
  slug: string;
  filter?: MemberFilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MembersOrganizationQuery = { organization: { members: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, email: string, role: OrganizationRole, status: MemberStatus, user: { email: string } | null, invite: { email: string } | null, teams: Array<{ role: TeamRole, team: { username: string } }> } }> } } };

export type MembersUpdateMemberRoleMutationVariables = Exact<{
  input: UpdateMemberRoleInput;
}>;


export type MembersUpdateMemberRoleMutation = { updateMemberRole: { member: { id: string, role: OrganizationRole } | null, userErrors: Array<{ field: Array<string> | null, code: string }> } };

export type MembersRemoveMemberMutationVariables = Exact<{
  input: RemoveMemberInput;
}>;


export type MembersRemoveMemberMutation = { removeMember: { removedMemberId: string | null, userErrors: Array<{ field: Array<string> | null, code: string }> } };

export type MembersLeaveOrganizationMutationVariables = Exact<{
  input: LeaveOrganizationInput;
}>;


export type MembersLeaveOrganizationMutation = { leaveOrganization: { organization: { slug: string } | null, userErrors: Array<{ field: Array<string> | null, code: string }> } };

export type MembersAssignTeamMemberMutationVariables = Exact<{
  input: AssignTeamMemberInput;
}>;


export type MembersAssignTeamMemberMutation = { assignTeamMember: { role: TeamRole | null, team: { username: string } | null, user: { email: string } | null, userErrors: Array<{ field: Array<string> | null, code: string }> } };

export type MembersUnassignTeamMemberMutationVariables = Exact<{
  input: UnassignTeamMemberInput;
}>;


export type MembersUnassignTeamMemberMutation = { unassignTeamMember: { role: TeamRole | null, userErrors: Array<{ field: Array<string> | null, code: string }> } };

export type MembersCreateInviteMutationVariables = Exact<{
  input: CreateInviteInput;
}>;


export type MembersCreateInviteMutation = { createInvite: { userErrors: Array<{ code: string }> } };

export type MembersViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type MembersViewerQuery = { viewer: { organizations: Array<{ slug: string }>, teams: Array<{ username: string }> } };

export type MembersCreateInvite2MutationVariables = Exact<{
  input: CreateInviteInput;
}>;


export type MembersCreateInvite2Mutation = { createInvite: { userErrors: Array<{ code: string }> } };

export type MembersAcceptInviteMutationVariables = Exact<{
  input: AcceptInviteInput;
}>;


export type MembersAcceptInviteMutation = { acceptInvite: { userErrors: Array<{ code: string }> } };

export type MembersViewer2QueryVariables = Exact<{ [key: string]: never; }>;


export type MembersViewer2Query = { viewer: { organizations: Array<{ slug: string, viewerRole: OrganizationRole | null }>, teams: Array<{ username: string, viewerRole: TeamRole | null }>, personalAccount: { username: string } | null } };

export type MembersViewer3QueryVariables = Exact<{ [key: string]: never; }>;


export type MembersViewer3Query = { viewer: { user: { id: string } } };

export type MembersTeamQueryVariables = Exact<{
  u: string;
}>;


export type MembersTeamQuery = { team: { viewerRole: TeamRole | null } };

export type MembersTeam2QueryVariables = Exact<{
  u: string;
}>;


export type MembersTeam2Query = { team: { id: string } };

export type MembersViewer4QueryVariables = Exact<{ [key: string]: never; }>;


export type MembersViewer4Query = { viewer: { user: { id: string } } };

export type MembersOrganization2QueryVariables = Exact<{
  s: string;
}>;


export type MembersOrganization2Query = { organization: { id: string } };

export type MembersViewer5QueryVariables = Exact<{ [key: string]: never; }>;


export type MembersViewer5Query = { viewer: { user: { id: string } } };

export type OrganizationsOrganizationTeamsQueryVariables = Exact<{
  slug: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  includeArchived?: boolean | null | undefined;
}>;


export type OrganizationsOrganizationTeamsQuery = { organization: { id: string, slug: string, name: string, viewerRole: OrganizationRole | null, rootTeam: { username: string, kind: TeamKind }, teams: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, username: string, name: string, archivedAt: string | null } }> } } };

export type OrganizationsViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganizationsViewerQuery = { viewer: { organizations: Array<{ slug: string }> } };

export type OrganizationsCreateMutationVariables = Exact<{
  input: CreateOrganizationInput;
}>;


export type OrganizationsCreateMutation = { createOrganization: { organization: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: string }> } };

export type OrganizationsCreateTeamMutationVariables = Exact<{
  input: CreateTeamInput;
}>;


export type OrganizationsCreateTeamMutation = { createTeam: { team: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: string }> } };

export type OrganizationsRenameTeamMutationVariables = Exact<{
  input: RenameTeamInput;
}>;


export type OrganizationsRenameTeamMutation = { renameTeam: { team: { name: string } | null, userErrors: Array<{ code: string }> } };

export type OrganizationsRenameMutationVariables = Exact<{
  input: RenameOrganizationInput;
}>;


export type OrganizationsRenameMutation = { renameOrganization: { organization: { name: string } | null, userErrors: Array<{ code: string }> } };

export type OrganizationsArchiveTeamMutationVariables = Exact<{
  input: ArchiveTeamInput;
}>;


export type OrganizationsArchiveTeamMutation = { archiveTeam: { team: { archivedAt: string | null } | null, userErrors: Array<{ code: string }> } };

export type OrganizationsTeamArchivedAtQueryVariables = Exact<{
  username: string;
}>;


export type OrganizationsTeamArchivedAtQuery = { team: { archivedAt: string | null } };

export type OrganizationsCreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type OrganizationsCreateApiKeyMutation = { createApiKey: { key: string | null, apiKey: { id: string } | null, userErrors: Array<{ code: string, field: Array<string> | null }> } };

export type OrganizationsSetTeamSecretMutationVariables = Exact<{
  input: SetTeamSecretInput;
}>;


export type OrganizationsSetTeamSecretMutation = { setTeamSecret: { secret: { id: string } | null, userErrors: Array<{ code: string, field: Array<string> | null }> } };

export type OrganizationsCreateInviteMutationVariables = Exact<{
  input: CreateInviteInput;
}>;


export type OrganizationsCreateInviteMutation = { createInvite: { invite: { id: string } | null, userErrors: Array<{ code: string, field: Array<string> | null }> } };

export type OrganizationsArchiveRootTeamMutationVariables = Exact<{
  input: ArchiveTeamInput;
}>;


export type OrganizationsArchiveRootTeamMutation = { archiveTeam: { team: { id: string } | null, userErrors: Array<{ code: string }> } };

export type OrganizationsRenameTeamIdMutationVariables = Exact<{
  input: RenameTeamInput;
}>;


export type OrganizationsRenameTeamIdMutation = { renameTeam: { team: { id: string } | null } };

export type OrganizationsNodeQueryVariables = Exact<{
  id: string;
}>;


export type OrganizationsNodeQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type OrganizationsNodesQueryVariables = Exact<{
  a: string;
  b: string;
}>;


export type OrganizationsNodesQuery = { a:
    | { __typename: 'ApiKey', id: string }
    | { __typename: 'AuditEvent', id: string }
    | { __typename: 'Budget', id: string }
    | { __typename: 'EmailDelivery', id: string }
    | { __typename: 'Invite', id: string }
    | { __typename: 'Invoice', id: string }
    | { __typename: 'Member', id: string }
    | { __typename: 'ModelAccessRule', id: string }
    | { __typename: 'ModelEndpoint', id: string }
    | { __typename: 'Organization', id: string }
    | { __typename: 'OrganizationDomain', id: string }
    | { __typename: 'RequestRecord', id: string }
    | { __typename: 'ScimGroup', id: string }
    | { __typename: 'ScimToken', id: string }
    | { __typename: 'ScimUser', id: string }
    | { __typename: 'SpendingAlert', id: string }
    | { __typename: 'Team', username: string, id: string }
    | { __typename: 'TeamMember', id: string }
    | { __typename: 'TeamSecret', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'WebhookDelivery', id: string }
   | null, b:
    | { __typename: 'ApiKey' }
    | { __typename: 'AuditEvent' }
    | { __typename: 'Budget' }
    | { __typename: 'EmailDelivery' }
    | { __typename: 'Invite' }
    | { __typename: 'Invoice' }
    | { __typename: 'Member' }
    | { __typename: 'ModelAccessRule' }
    | { __typename: 'ModelEndpoint' }
    | { __typename: 'Organization', slug: string }
    | { __typename: 'OrganizationDomain' }
    | { __typename: 'RequestRecord' }
    | { __typename: 'ScimGroup' }
    | { __typename: 'ScimToken' }
    | { __typename: 'ScimUser' }
    | { __typename: 'SpendingAlert' }
    | { __typename: 'Team' }
    | { __typename: 'TeamMember' }
    | { __typename: 'TeamSecret' }
    | { __typename: 'User' }
    | { __typename: 'WebhookDelivery' }
   | null, c:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type PoliciesDecisionFragment = { decision: ModelAccessEffect, level: PolicyLevel, reasonCode: ModelAccessReason, reason: string, rule: { ruleId: string | null, pattern: string, effect: ModelAccessEffect, locked: boolean, level: PolicyLevel } | null, overriddenTeamRule: { pattern: string, effect: ModelAccessEffect } | null };

export type PoliciesApplyPolicyChangeMutationVariables = Exact<{
  input: PolicyChangeInput;
}>;


export type PoliciesApplyPolicyChangeMutation = { applyPolicyChange: { userErrors: Array<{ code: string, message: string, field: Array<string> | null }>, rules: Array<{ id: string, pattern: string }> | null, changes: Array<{ team: { username: string }, settings: Array<{ setting: PolicySetting, before: string, after: string, beforeLevel: PolicyLevel, afterLevel: PolicyLevel }>, modelAccess: Array<{ surface: ModelSurface, endpointId: string, before: { decision: ModelAccessEffect }, after: { decision: ModelAccessEffect } }> }> | null } };

export type PoliciesPreviewPolicyChangeQueryVariables = Exact<{
  input: PolicyChangeInput;
}>;


export type PoliciesPreviewPolicyChangeQuery = { previewPolicyChange: { teams: Array<{ team: { username: string }, settings: Array<{ setting: PolicySetting, before: string, after: string, beforeLevel: PolicyLevel, afterLevel: PolicyLevel }>, modelAccess: Array<{ surface: ModelSurface, endpointId: string, before: { decision: ModelAccessEffect }, after: { decision: ModelAccessEffect } }> }> } };

export type PoliciesTeamQueryVariables = Exact<{
  username: string;
}>;


export type PoliciesTeamQuery = { team: { effectivePolicy: { requestVisibility: { value: RequestVisibility, level: PolicyLevel, locked: boolean, teamOverride: RequestVisibility | null, overriddenByLock: boolean }, teamCreation: { value: TeamCreationPolicy, level: PolicyLevel, locked: boolean }, modelAccessMode: { value: ModelAccessMode, level: PolicyLevel } } } };

export type PoliciesCheckModelAccessQueryVariables = Exact<{
  checks: Array<ModelAccessCheckInput> | ModelAccessCheckInput;
}>;


export type PoliciesCheckModelAccessQuery = { checkModelAccess: Array<{ index: number, allowed: boolean | null, endpointId: string, surface: string, team: { username: string } | null, error: { code: ModelAccessCheckErrorCode, message: string } | null, access: { decision: ModelAccessEffect, level: PolicyLevel, reasonCode: ModelAccessReason, reason: string, rule: { ruleId: string | null, pattern: string, effect: ModelAccessEffect, locked: boolean, level: PolicyLevel } | null, overriddenTeamRule: { pattern: string, effect: ModelAccessEffect } | null } | null }> };

export type PoliciesOrganizationQueryVariables = Exact<{
  slug: string;
}>;


export type PoliciesOrganizationQuery = { organization: { policy: { teamCreation: { value: TeamCreationPolicy, locked: boolean, level: PolicyLevel }, invitePermission: { value: InvitePermissionPolicy, level: PolicyLevel }, crossTeamVisibility: { value: boolean, level: PolicyLevel }, requestVisibility: { value: RequestVisibility, level: PolicyLevel }, ssoRequired: { value: boolean, level: PolicyLevel }, personalAccountAccess: { value: PersonalAccountAccess, level: PolicyLevel }, modelAccessMode: { value: ModelAccessMode, level: PolicyLevel } } } };

export type PoliciesUpdateOrganizationPolicyMutationVariables = Exact<{
  input: UpdateOrganizationPolicyInput;
}>;


export type PoliciesUpdateOrganizationPolicyMutation = { updateOrganizationPolicy: { userErrors: Array<{ code: string }>, policy: { crossTeamVisibility: { value: boolean, level: PolicyLevel }, ssoRequired: { value: boolean, locked: boolean, level: PolicyLevel } } | null } };

export type PoliciesArchiveTeamMutationVariables = Exact<{
  input: ArchiveTeamInput;
}>;


export type PoliciesArchiveTeamMutation = { archiveTeam: { userErrors: Array<{ code: string }> } };

export type PoliciesTeam2QueryVariables = Exact<{
  u: string;
}>;


export type PoliciesTeam2Query = { team: { modelAccess: Array<{ endpoint: { endpointId: string, enterpriseReady: boolean }, access: { decision: ModelAccessEffect, reasonCode: ModelAccessReason } }> } };

export type PoliciesCreateTeamMutationVariables = Exact<{
  input: CreateTeamInput;
}>;


export type PoliciesCreateTeamMutation = { createTeam: { team: { username: string, viewerRole: TeamRole | null } | null, userErrors: Array<{ code: string }> } };

export type PoliciesUpsertModelEndpointMutationVariables = Exact<{
  input: UpsertModelEndpointInput;
}>;


export type PoliciesUpsertModelEndpointMutation = { upsertModelEndpoint: { endpoint: { endpointId: string, enterpriseReady: boolean } | null, userErrors: Array<{ code: string }> } };

export type PoliciesAddModelPriceMutationVariables = Exact<{
  input: AddModelPriceInput;
}>;


export type PoliciesAddModelPriceMutation = { addModelPrice: { price: { unitPrice: string, effectiveFrom: string } | null, userErrors: Array<{ code: string }> } };

export type PoliciesOrganization2QueryVariables = Exact<{
  slug: string;
}>;


export type PoliciesOrganization2Query = { organization: { teams: { edges: Array<{ node: { username: string, effectivePolicy: { requestVisibility: { value: RequestVisibility, level: PolicyLevel, overriddenByLock: boolean }, modelAccessMode: { value: ModelAccessMode } }, modelAccessRules: { edges: Array<{ node: { pattern: string } }> } } }> } } };

export type SessionsViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionsViewerQuery = { viewer: { email: string, name: string, sessionMethod: AuthMethod, personalAccount: { username: string, kind: TeamKind } | null, organizations: Array<{ slug: string }>, teams: Array<{ username: string }> } };

export type SessionsLoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type SessionsLoginMutation = { login: { token: string | null, expiresAt: string | null, user: { email: string } | null, userErrors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type SessionsSignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SessionsSignUpMutation = { signUp: { token: string | null, userErrors: Array<{ field: Array<string> | null, code: string }> } };

export type SessionsSignUp2MutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SessionsSignUp2Mutation = { signUp: { token: string | null, userErrors: Array<{ field: Array<string> | null, code: string }> } };

export type SessionsLogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type SessionsLogoutMutation = { logout: { revoked: boolean, userErrors: Array<{ code: string }> } };

export type TeamAdminTeamPeopleQueryVariables = Exact<{
  u: string;
  filter?: TeamMemberFilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TeamAdminTeamPeopleQuery = { team: { members: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, role: TeamRole, user: { email: string, name: string } } }> } } };

export type TeamAdminTeamInvitesQueryVariables = Exact<{
  u: string;
  status?: InviteStatus | null | undefined;
}>;


export type TeamAdminTeamInvitesQuery = { team: { invites: { totalCount: number, edges: Array<{ node: { email: string, status: InviteStatus, teamRole: TeamRole | null } }> } } };

export type TeamAdminAssignMutationVariables = Exact<{
  i: AssignTeamMemberInput;
}>;


export type TeamAdminAssignMutation = { assignTeamMember: { role: TeamRole | null, userErrors: Array<{ field: Array<string> | null, code: string }> } };

export type TeamAdminUnassignMutationVariables = Exact<{
  i: UnassignTeamMemberInput;
}>;


export type TeamAdminUnassignMutation = { unassignTeamMember: { role: TeamRole | null, userErrors: Array<{ field: Array<string> | null, code: string }> } };

export type TeamAdminUpdateRoleMutationVariables = Exact<{
  i: UpdateMemberRoleInput;
}>;


export type TeamAdminUpdateRoleMutation = { updateMemberRole: { member: { role: OrganizationRole } | null, userErrors: Array<{ code: string }> } };

export type TeamAdminGovernanceMutationVariables = Exact<{
  i: UpdateTeamGovernanceInput;
}>;


export type TeamAdminGovernanceMutation = { updateTeamGovernance: { userErrors: Array<{ field: Array<string> | null, code: string }> } };

export type TeamAdminOrgMembersQueryVariables = Exact<{
  s: string;
  filter?: MemberFilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TeamAdminOrgMembersQuery = { organization: { members: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { email: string, status: MemberStatus } }> } } };

export type TeamAdminArchiveMutationVariables = Exact<{
  i: ArchiveTeamInput;
}>;


export type TeamAdminArchiveMutation = { archiveTeam: { team: { archivedAt: string | null } | null, userErrors: Array<{ code: string }> } };

export type TeamAdminUnarchiveMutationVariables = Exact<{
  i: UnarchiveTeamInput;
}>;


export type TeamAdminUnarchiveMutation = { unarchiveTeam: { team: { archivedAt: string | null } | null, userErrors: Array<{ field: Array<string> | null, code: string }> } };

export type TeamAdminAuditQueryVariables = Exact<{
  s: string;
  filter?: AuditLogFilterInput | null | undefined;
}>;


export type TeamAdminAuditQuery = { organization: { auditLog: { edges: Array<{ node: { action: string, actorLabel: string, targetType: string, targetId: string | null } }> } } };

export type TeamAdminOrganizationIdQueryVariables = Exact<{
  s: string;
}>;


export type TeamAdminOrganizationIdQuery = { organization: { id: string } };

export type TeamAdminAcceptInviteMutationVariables = Exact<{
  i: AcceptInviteInput;
}>;


export type TeamAdminAcceptInviteMutation = { acceptInvite: { userErrors: Array<{ code: string }> } };

export type TeamAdminTeamNameQueryVariables = Exact<{
  u: string;
}>;


export type TeamAdminTeamNameQuery = { team: { name: string } };

export type TeamAdminOwnerViewQueryVariables = Exact<{
  u: string;
}>;


export type TeamAdminOwnerViewQuery = { team: { name: string, viewerRole: TeamRole | null, spend: string, governance: { owner: { email: string } | null } } };

export type TeamAdminCreateApiKeyMutationVariables = Exact<{
  i: CreateApiKeyInput;
}>;


export type TeamAdminCreateApiKeyMutation = { createApiKey: { userErrors: Array<{ code: string }> } };

export type TeamAdminLeaveMutationVariables = Exact<{
  i: LeaveOrganizationInput;
}>;


export type TeamAdminLeaveMutation = { leaveOrganization: { userErrors: Array<{ code: string }> } };

export type TeamAdminSpendQueryVariables = Exact<{
  u: string;
}>;


export type TeamAdminSpendQuery = { team: { spend: string } };

export type TeamAdminRootTeamQueryVariables = Exact<{
  s: string;
}>;


export type TeamAdminRootTeamQuery = { organization: { rootTeam: { id: string } } };

export type TeamAdminCreateTeamMutationVariables = Exact<{
  input: CreateTeamInput;
}>;


export type TeamAdminCreateTeamMutation = { createTeam: { team: { id: string } | null, userErrors: Array<{ code: string }> } };

export const PoliciesDecisionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PoliciesDecision"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelAccessDecision"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"reasonCode"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ruleId"}},{"kind":"Field","name":{"kind":"Name","value":"pattern"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"locked"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"overriddenTeamRule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pattern"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}}]}}]}}]} as unknown as DocumentNode<PoliciesDecisionFragment, unknown>;
export const ApiKeysCreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApiKeysCreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"alias"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<ApiKeysCreateApiKeyMutation, ApiKeysCreateApiKeyMutationVariables>;
export const ApiKeysRevokeApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApiKeysRevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<ApiKeysRevokeApiKeyMutation, ApiKeysRevokeApiKeyMutationVariables>;
export const ApiKeysTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeysTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"u"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"all"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"u"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeRevoked"},"value":{"kind":"Variable","name":{"kind":"Name","value":"all"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"alias"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApiKeysTeamQuery, ApiKeysTeamQueryVariables>;
export const ApiKeysTypenameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeysTypename"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]} as unknown as DocumentNode<ApiKeysTypenameQuery, ApiKeysTypenameQueryVariables>;
export const ApiKeysTeam2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeysTeam2"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"u"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"u"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]} as unknown as DocumentNode<ApiKeysTeam2Query, ApiKeysTeam2QueryVariables>;
export const ApiKeysTypeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeysType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__type"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"ApiKey","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ApiKeysTypeQuery, ApiKeysTypeQueryVariables>;
export const ApiKeysViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeysViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ApiKeysViewerQuery, ApiKeysViewerQueryVariables>;
export const ApiKeysViewer2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeysViewer2"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ApiKeysViewer2Query, ApiKeysViewer2QueryVariables>;
export const ApiKeysNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeysNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ApiKeysNodeQuery, ApiKeysNodeQueryVariables>;
export const ApiKeysOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeysOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"s"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"s"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]} as unknown as DocumentNode<ApiKeysOrganizationQuery, ApiKeysOrganizationQueryVariables>;
export const InvitesCreateInvitesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InvitesCreateInvites"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateInvitesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createInvites"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"invite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<InvitesCreateInvitesMutation, InvitesCreateInvitesMutationVariables>;
export const InvitesRevokeInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InvitesRevokeInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteIdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeInvite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<InvitesRevokeInviteMutation, InvitesRevokeInviteMutationVariables>;
export const InvitesResendInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InvitesResendInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteIdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resendInvite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<InvitesResendInviteMutation, InvitesResendInviteMutationVariables>;
export const InvitesTypeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvitesType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__type"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"Invite","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<InvitesTypeQuery, InvitesTypeQueryVariables>;
export const InvitesOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvitesOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"s"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"s"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"teams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<InvitesOrganizationQuery, InvitesOrganizationQueryVariables>;
export const InvitesNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvitesNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Invite"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<InvitesNodeQuery, InvitesNodeQueryVariables>;
export const InvitesOrganization2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvitesOrganization2"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"s"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"s"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"invite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<InvitesOrganization2Query, InvitesOrganization2QueryVariables>;
export const InvitesOrganization3Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvitesOrganization3"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"s"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"s"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"teams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<InvitesOrganization3Query, InvitesOrganization3QueryVariables>;
export const InvitesUpdateOrganizationPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InvitesUpdateOrganizationPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateOrganizationPolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOrganizationPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<InvitesUpdateOrganizationPolicyMutation, InvitesUpdateOrganizationPolicyMutationVariables>;
export const MembersOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MembersOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MemberFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"invite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MembersOrganizationQuery, MembersOrganizationQueryVariables>;
export const MembersUpdateMemberRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MembersUpdateMemberRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMemberRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMemberRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<MembersUpdateMemberRoleMutation, MembersUpdateMemberRoleMutationVariables>;
export const MembersRemoveMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MembersRemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removedMemberId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<MembersRemoveMemberMutation, MembersRemoveMemberMutationVariables>;
export const MembersLeaveOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MembersLeaveOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LeaveOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaveOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<MembersLeaveOrganizationMutation, MembersLeaveOrganizationMutationVariables>;
export const MembersAssignTeamMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MembersAssignTeamMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssignTeamMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignTeamMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<MembersAssignTeamMemberMutation, MembersAssignTeamMemberMutationVariables>;
export const MembersUnassignTeamMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MembersUnassignTeamMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UnassignTeamMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unassignTeamMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<MembersUnassignTeamMemberMutation, MembersUnassignTeamMemberMutationVariables>;
export const MembersCreateInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MembersCreateInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateInviteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createInvite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<MembersCreateInviteMutation, MembersCreateInviteMutationVariables>;
export const MembersViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MembersViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<MembersViewerQuery, MembersViewerQueryVariables>;
export const MembersCreateInvite2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MembersCreateInvite2"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateInviteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createInvite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<MembersCreateInvite2Mutation, MembersCreateInvite2MutationVariables>;
export const MembersAcceptInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MembersAcceptInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptInviteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<MembersAcceptInviteMutation, MembersAcceptInviteMutationVariables>;
export const MembersViewer2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MembersViewer2"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}}]}},{"kind":"Field","name":{"kind":"Name","value":"personalAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<MembersViewer2Query, MembersViewer2QueryVariables>;
export const MembersViewer3Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MembersViewer3"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<MembersViewer3Query, MembersViewer3QueryVariables>;
export const MembersTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MembersTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"u"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"u"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}}]}}]}}]} as unknown as DocumentNode<MembersTeamQuery, MembersTeamQueryVariables>;
export const MembersTeam2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MembersTeam2"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"u"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"u"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<MembersTeam2Query, MembersTeam2QueryVariables>;
export const MembersViewer4Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MembersViewer4"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<MembersViewer4Query, MembersViewer4QueryVariables>;
export const MembersOrganization2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MembersOrganization2"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"s"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"s"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<MembersOrganization2Query, MembersOrganization2QueryVariables>;
export const MembersViewer5Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MembersViewer5"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<MembersViewer5Query, MembersViewer5QueryVariables>;
export const OrganizationsOrganizationTeamsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationsOrganizationTeams"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeArchived"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"rootTeam"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teams"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeArchived"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeArchived"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationsOrganizationTeamsQuery, OrganizationsOrganizationTeamsQueryVariables>;
export const OrganizationsViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationsViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationsViewerQuery, OrganizationsViewerQueryVariables>;
export const OrganizationsCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OrganizationsCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationsCreateMutation, OrganizationsCreateMutationVariables>;
export const OrganizationsCreateTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OrganizationsCreateTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTeamInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTeam"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationsCreateTeamMutation, OrganizationsCreateTeamMutationVariables>;
export const OrganizationsRenameTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OrganizationsRenameTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RenameTeamInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"renameTeam"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationsRenameTeamMutation, OrganizationsRenameTeamMutationVariables>;
export const OrganizationsRenameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OrganizationsRename"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RenameOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"renameOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationsRenameMutation, OrganizationsRenameMutationVariables>;
export const OrganizationsArchiveTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OrganizationsArchiveTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ArchiveTeamInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archiveTeam"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationsArchiveTeamMutation, OrganizationsArchiveTeamMutationVariables>;
export const OrganizationsTeamArchivedAtDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationsTeamArchivedAt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}}]}}]}}]} as unknown as DocumentNode<OrganizationsTeamArchivedAtQuery, OrganizationsTeamArchivedAtQueryVariables>;
export const OrganizationsCreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OrganizationsCreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationsCreateApiKeyMutation, OrganizationsCreateApiKeyMutationVariables>;
export const OrganizationsSetTeamSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OrganizationsSetTeamSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetTeamSecretInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setTeamSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationsSetTeamSecretMutation, OrganizationsSetTeamSecretMutationVariables>;
export const OrganizationsCreateInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OrganizationsCreateInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateInviteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createInvite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationsCreateInviteMutation, OrganizationsCreateInviteMutationVariables>;
export const OrganizationsArchiveRootTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OrganizationsArchiveRootTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ArchiveTeamInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archiveTeam"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationsArchiveRootTeamMutation, OrganizationsArchiveRootTeamMutationVariables>;
export const OrganizationsRenameTeamIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OrganizationsRenameTeamId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RenameTeamInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"renameTeam"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationsRenameTeamIdMutation, OrganizationsRenameTeamIdMutationVariables>;
export const OrganizationsNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationsNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<OrganizationsNodeQuery, OrganizationsNodeQueryVariables>;
export const OrganizationsNodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationsNodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"b"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"a"},"name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Team"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"b"},"name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"b"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"c"},"name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"bm9wZQ","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<OrganizationsNodesQuery, OrganizationsNodesQueryVariables>;
export const PoliciesApplyPolicyChangeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PoliciesApplyPolicyChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applyPolicyChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pattern"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"beforeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"afterLevel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"modelAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surface"}},{"kind":"Field","name":{"kind":"Name","value":"endpointId"}},{"kind":"Field","name":{"kind":"Name","value":"before"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"after"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decision"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PoliciesApplyPolicyChangeMutation, PoliciesApplyPolicyChangeMutationVariables>;
export const PoliciesPreviewPolicyChangeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PoliciesPreviewPolicyChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previewPolicyChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"beforeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"afterLevel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"modelAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surface"}},{"kind":"Field","name":{"kind":"Name","value":"endpointId"}},{"kind":"Field","name":{"kind":"Name","value":"before"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"after"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decision"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PoliciesPreviewPolicyChangeQuery, PoliciesPreviewPolicyChangeQueryVariables>;
export const PoliciesTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PoliciesTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"effectivePolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestVisibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"locked"}},{"kind":"Field","name":{"kind":"Name","value":"teamOverride"}},{"kind":"Field","name":{"kind":"Name","value":"overriddenByLock"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teamCreation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"locked"}}]}},{"kind":"Field","name":{"kind":"Name","value":"modelAccessMode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PoliciesTeamQuery, PoliciesTeamQueryVariables>;
export const PoliciesCheckModelAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PoliciesCheckModelAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"checks"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ModelAccessCheckInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkModelAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"checks"},"value":{"kind":"Variable","name":{"kind":"Name","value":"checks"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"endpointId"}},{"kind":"Field","name":{"kind":"Name","value":"surface"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"access"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PoliciesDecision"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PoliciesDecision"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelAccessDecision"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"reasonCode"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ruleId"}},{"kind":"Field","name":{"kind":"Name","value":"pattern"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"locked"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"overriddenTeamRule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pattern"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}}]}}]}}]} as unknown as DocumentNode<PoliciesCheckModelAccessQuery, PoliciesCheckModelAccessQueryVariables>;
export const PoliciesOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PoliciesOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teamCreation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"locked"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"invitePermission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"crossTeamVisibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requestVisibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ssoRequired"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"personalAccountAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"modelAccessMode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PoliciesOrganizationQuery, PoliciesOrganizationQueryVariables>;
export const PoliciesUpdateOrganizationPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PoliciesUpdateOrganizationPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateOrganizationPolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOrganizationPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"crossTeamVisibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ssoRequired"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"locked"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PoliciesUpdateOrganizationPolicyMutation, PoliciesUpdateOrganizationPolicyMutationVariables>;
export const PoliciesArchiveTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PoliciesArchiveTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ArchiveTeamInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archiveTeam"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<PoliciesArchiveTeamMutation, PoliciesArchiveTeamMutationVariables>;
export const PoliciesTeam2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PoliciesTeam2"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"u"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"u"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"surface"},"value":{"kind":"EnumValue","value":"PLAYGROUND"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpointId"}},{"kind":"Field","name":{"kind":"Name","value":"enterpriseReady"}}]}},{"kind":"Field","name":{"kind":"Name","value":"access"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"reasonCode"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PoliciesTeam2Query, PoliciesTeam2QueryVariables>;
export const PoliciesCreateTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PoliciesCreateTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTeamInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTeam"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<PoliciesCreateTeamMutation, PoliciesCreateTeamMutationVariables>;
export const PoliciesUpsertModelEndpointDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PoliciesUpsertModelEndpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertModelEndpointInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertModelEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpointId"}},{"kind":"Field","name":{"kind":"Name","value":"enterpriseReady"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<PoliciesUpsertModelEndpointMutation, PoliciesUpsertModelEndpointMutationVariables>;
export const PoliciesAddModelPriceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PoliciesAddModelPrice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddModelPriceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addModelPrice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<PoliciesAddModelPriceMutation, PoliciesAddModelPriceMutationVariables>;
export const PoliciesOrganization2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PoliciesOrganization2"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teams"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"effectivePolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestVisibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"overriddenByLock"}}]}},{"kind":"Field","name":{"kind":"Name","value":"modelAccessMode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"modelAccessRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pattern"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PoliciesOrganization2Query, PoliciesOrganization2QueryVariables>;
export const SessionsViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SessionsViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sessionMethod"}},{"kind":"Field","name":{"kind":"Name","value":"personalAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<SessionsViewerQuery, SessionsViewerQueryVariables>;
export const SessionsLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SessionsLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SessionsLoginMutation, SessionsLoginMutationVariables>;
export const SessionsSignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SessionsSignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<SessionsSignUpMutation, SessionsSignUpMutationVariables>;
export const SessionsSignUp2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SessionsSignUp2"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<SessionsSignUp2Mutation, SessionsSignUp2MutationVariables>;
export const SessionsLogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SessionsLogout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<SessionsLogoutMutation, SessionsLogoutMutationVariables>;
export const TeamAdminTeamPeopleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamAdminTeamPeople"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"u"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TeamMemberFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"u"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TeamAdminTeamPeopleQuery, TeamAdminTeamPeopleQueryVariables>;
export const TeamAdminTeamInvitesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamAdminTeamInvites"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"u"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"u"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invites"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"teamRole"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TeamAdminTeamInvitesQuery, TeamAdminTeamInvitesQueryVariables>;
export const TeamAdminAssignDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamAdminAssign"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssignTeamMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignTeamMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<TeamAdminAssignMutation, TeamAdminAssignMutationVariables>;
export const TeamAdminUnassignDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamAdminUnassign"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UnassignTeamMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unassignTeamMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<TeamAdminUnassignMutation, TeamAdminUnassignMutationVariables>;
export const TeamAdminUpdateRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamAdminUpdateRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMemberRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMemberRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<TeamAdminUpdateRoleMutation, TeamAdminUpdateRoleMutationVariables>;
export const TeamAdminGovernanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamAdminGovernance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTeamGovernanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTeamGovernance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<TeamAdminGovernanceMutation, TeamAdminGovernanceMutationVariables>;
export const TeamAdminOrgMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamAdminOrgMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"s"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MemberFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"s"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TeamAdminOrgMembersQuery, TeamAdminOrgMembersQueryVariables>;
export const TeamAdminArchiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamAdminArchive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ArchiveTeamInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archiveTeam"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<TeamAdminArchiveMutation, TeamAdminArchiveMutationVariables>;
export const TeamAdminUnarchiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamAdminUnarchive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UnarchiveTeamInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unarchiveTeam"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<TeamAdminUnarchiveMutation, TeamAdminUnarchiveMutationVariables>;
export const TeamAdminAuditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamAdminAudit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"s"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditLogFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"s"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actorLabel"}},{"kind":"Field","name":{"kind":"Name","value":"targetType"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TeamAdminAuditQuery, TeamAdminAuditQueryVariables>;
export const TeamAdminOrganizationIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamAdminOrganizationId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"s"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"s"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<TeamAdminOrganizationIdQuery, TeamAdminOrganizationIdQueryVariables>;
export const TeamAdminAcceptInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamAdminAcceptInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptInviteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<TeamAdminAcceptInviteMutation, TeamAdminAcceptInviteMutationVariables>;
export const TeamAdminTeamNameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamAdminTeamName"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"u"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"u"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<TeamAdminTeamNameQuery, TeamAdminTeamNameQueryVariables>;
export const TeamAdminOwnerViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamAdminOwnerView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"u"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"u"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"governance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"spend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"EnumValue","value":"MONTH"}}]}]}}]}}]} as unknown as DocumentNode<TeamAdminOwnerViewQuery, TeamAdminOwnerViewQueryVariables>;
export const TeamAdminCreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamAdminCreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<TeamAdminCreateApiKeyMutation, TeamAdminCreateApiKeyMutationVariables>;
export const TeamAdminLeaveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamAdminLeave"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LeaveOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaveOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<TeamAdminLeaveMutation, TeamAdminLeaveMutationVariables>;
export const TeamAdminSpendDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamAdminSpend"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"u"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"u"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"EnumValue","value":"MONTH"}}]}]}}]}}]} as unknown as DocumentNode<TeamAdminSpendQuery, TeamAdminSpendQueryVariables>;
export const TeamAdminRootTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamAdminRootTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"s"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"s"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rootTeam"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<TeamAdminRootTeamQuery, TeamAdminRootTeamQueryVariables>;
export const TeamAdminCreateTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamAdminCreateTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTeamInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTeam"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<TeamAdminCreateTeamMutation, TeamAdminCreateTeamMutationVariables>;