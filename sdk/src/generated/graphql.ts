/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Archive a team: its keys stop working and models are denied; its history stays. */
export type ArchiveTeamInput = {
  /** The team’s global id. */
  teamId: string;
};

/** How a login session was obtained. */
export type AuthMethod =
  /** Email and password. */
  | 'PASSWORD'
  /** Single sign-on through an organization’s identity provider. */
  | 'SSO';

/** Create an organization; you become its first ADMIN. */
export type CreateOrganizationInput = {
  /** Display name, 1–100 characters. */
  name: string;
  /** Unique handle; also the username of the organization’s root team. Same rules as team usernames. */
  slug: string;
};

/** Create a team inside an organization. */
export type CreateTeamInput = {
  /** Display name, 1–100 characters. */
  name: string;
  /** The organization’s global id. */
  organizationId: string;
  /** Platform-wide unique handle: 3–39 characters of lowercase letters, digits and single hyphens, starting with a letter, not ending with a hyphen. */
  username: string;
};

/** Sign in with email and password. */
export type LoginInput = {
  /** Email address (case-insensitive). */
  email: string;
  /** Password. */
  password: string;
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
  /** New display name, 1–100 characters. */
  name: string;
  /** The organization’s global id. */
  organizationId: string;
};

/** Rename a team. */
export type RenameTeamInput = {
  /** New display name, 1–100 characters. */
  name: string;
  /** The team’s global id. */
  teamId: string;
};

/** Create an account with email and password. */
export type SignUpInput = {
  /** Email address (case-insensitive, unique). */
  email: string;
  /** Display name, 1–100 characters. */
  name: string;
  /** Password, 10–200 characters. Stored only as an argon2id hash. */
  password: string;
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

export type UserFieldsFragment = { id: string, email: string, name: string, createdAt: string };

export type TeamFieldsFragment = { id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null };

export type OrganizationFieldsFragment = { id: string, slug: string, name: string, createdAt: string, viewerRole: OrganizationRole | null, rootTeam: { id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null } };

export type PageInfoFieldsFragment = { hasNextPage: boolean, endCursor: string | null };

export type UserErrorFieldsFragment = { code: string, message: string, field: Array<string> | null };

export type NodeQueryVariables = Exact<{
  id: string;
}>;


export type NodeQuery = { node:
    | { __typename: 'ApiKey', id: string }
    | { __typename: 'AuditEvent', id: string }
    | { __typename: 'Invite', id: string }
    | { __typename: 'Member', id: string }
    | { __typename: 'ModelAccessRule', id: string }
    | { __typename: 'Organization', slug: string, name: string, createdAt: string, id: string, organizationRole: OrganizationRole | null }
    | { __typename: 'RequestRecord', id: string }
    | { __typename: 'Team', id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null }
    | { __typename: 'TeamSecret', id: string }
    | { __typename: 'User', id: string, email: string, name: string, createdAt: string }
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

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { name: string, email: string, sessionMethod: AuthMethod, user: { id: string, email: string, name: string, createdAt: string }, personalAccount: { id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null }, organizations: Array<{ id: string, slug: string, name: string, createdAt: string, viewerRole: OrganizationRole | null, rootTeam: { id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null } }>, teams: Array<{ id: string, username: string, name: string, kind: TeamKind, createdAt: string, archivedAt: string | null, viewerRole: TeamRole | null }> } };

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