/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

/** A person’s role in an organization. */
export type OrganizationRole =
  /** Manages the organization, its policies and every team (acts as ADMIN on every team). */
  | 'ADMIN'
  /** Sees usage, invoices and spending across all teams; changes nothing else. */
  | 'BILLING'
  /** Belongs to the organization; rights come from team roles. */
  | 'MEMBER';

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

/** Create a secret, or replace its value. */
export type SetTeamSecretInput = {
  /** Name: 1–128 uppercase letters, digits and underscores, not starting with a digit. Maximum length: 1000 characters. */
  name: string;
  /** The team’s global id. Maximum length: 1000 characters. */
  teamId: string;
  /** The value, 1 byte to 64 KiB. Write-only: it is never returned. Maximum length: 16384 characters. */
  value: string;
};

/** A team the invited person joins on acceptance, with a role. */
export type TeamAssignmentInput = {
  /** The role in that team. */
  role: TeamRole;
  /** A team of the organization (global id). Maximum length: 1000 characters. */
  teamId: string;
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