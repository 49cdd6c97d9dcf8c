/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query OrganizationsOrganizationTeams($slug: String!, $first: Int, $after: String, $includeArchived: Boolean) {\n  organization(slug: $slug) {\n    id slug name viewerRole rootTeam { username kind }\n    teams(first: $first, after: $after, includeArchived: $includeArchived) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { cursor node { id username name archivedAt } }\n    }\n  }\n}": typeof types.OrganizationsOrganizationTeamsDocument,
    "query OrganizationsViewer { viewer { organizations { slug } } }": typeof types.OrganizationsViewerDocument,
    "mutation OrganizationsCreate($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } userErrors { field code } } }": typeof types.OrganizationsCreateDocument,
    "mutation OrganizationsCreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { team { id } userErrors { field code } } }": typeof types.OrganizationsCreateTeamDocument,
    "mutation OrganizationsRenameTeam($input: RenameTeamInput!) { renameTeam(input: $input) { team { name } userErrors { code } } }": typeof types.OrganizationsRenameTeamDocument,
    "mutation OrganizationsRename($input: RenameOrganizationInput!) { renameOrganization(input: $input) { organization { name } userErrors { code } } }": typeof types.OrganizationsRenameDocument,
    "mutation OrganizationsArchiveTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { team { archivedAt } userErrors { code } } }": typeof types.OrganizationsArchiveTeamDocument,
    "query OrganizationsTeamArchivedAt($username: String!) { team(username: $username) { archivedAt } }": typeof types.OrganizationsTeamArchivedAtDocument,
    "mutation OrganizationsCreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } userErrors { code field } } }": typeof types.OrganizationsCreateApiKeyDocument,
    "mutation OrganizationsSetTeamSecret($input: SetTeamSecretInput!) { setTeamSecret(input: $input) { secret { id } userErrors { code field } } }": typeof types.OrganizationsSetTeamSecretDocument,
    "mutation OrganizationsCreateInvite($input: CreateInviteInput!) { createInvite(input: $input) { invite { id } userErrors { code field } } }": typeof types.OrganizationsCreateInviteDocument,
    "mutation OrganizationsArchiveRootTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { team { id } userErrors { code } } }": typeof types.OrganizationsArchiveRootTeamDocument,
    "mutation OrganizationsRenameTeamId($input: RenameTeamInput!) { renameTeam(input: $input) { team { id } } }": typeof types.OrganizationsRenameTeamIdDocument,
    "query OrganizationsNode($id: ID!) { node(id: $id) { id } }": typeof types.OrganizationsNodeDocument,
    "query OrganizationsNodes($a: ID!, $b: ID!) { a: node(id: $a) { __typename id ... on Team { username } } b: node(id: $b) { __typename ... on Organization { slug } } c: node(id: \"bm9wZQ\") { id } }": typeof types.OrganizationsNodesDocument,
};
const documents: Documents = {
    "query OrganizationsOrganizationTeams($slug: String!, $first: Int, $after: String, $includeArchived: Boolean) {\n  organization(slug: $slug) {\n    id slug name viewerRole rootTeam { username kind }\n    teams(first: $first, after: $after, includeArchived: $includeArchived) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { cursor node { id username name archivedAt } }\n    }\n  }\n}": types.OrganizationsOrganizationTeamsDocument,
    "query OrganizationsViewer { viewer { organizations { slug } } }": types.OrganizationsViewerDocument,
    "mutation OrganizationsCreate($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } userErrors { field code } } }": types.OrganizationsCreateDocument,
    "mutation OrganizationsCreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { team { id } userErrors { field code } } }": types.OrganizationsCreateTeamDocument,
    "mutation OrganizationsRenameTeam($input: RenameTeamInput!) { renameTeam(input: $input) { team { name } userErrors { code } } }": types.OrganizationsRenameTeamDocument,
    "mutation OrganizationsRename($input: RenameOrganizationInput!) { renameOrganization(input: $input) { organization { name } userErrors { code } } }": types.OrganizationsRenameDocument,
    "mutation OrganizationsArchiveTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { team { archivedAt } userErrors { code } } }": types.OrganizationsArchiveTeamDocument,
    "query OrganizationsTeamArchivedAt($username: String!) { team(username: $username) { archivedAt } }": types.OrganizationsTeamArchivedAtDocument,
    "mutation OrganizationsCreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } userErrors { code field } } }": types.OrganizationsCreateApiKeyDocument,
    "mutation OrganizationsSetTeamSecret($input: SetTeamSecretInput!) { setTeamSecret(input: $input) { secret { id } userErrors { code field } } }": types.OrganizationsSetTeamSecretDocument,
    "mutation OrganizationsCreateInvite($input: CreateInviteInput!) { createInvite(input: $input) { invite { id } userErrors { code field } } }": types.OrganizationsCreateInviteDocument,
    "mutation OrganizationsArchiveRootTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { team { id } userErrors { code } } }": types.OrganizationsArchiveRootTeamDocument,
    "mutation OrganizationsRenameTeamId($input: RenameTeamInput!) { renameTeam(input: $input) { team { id } } }": types.OrganizationsRenameTeamIdDocument,
    "query OrganizationsNode($id: ID!) { node(id: $id) { id } }": types.OrganizationsNodeDocument,
    "query OrganizationsNodes($a: ID!, $b: ID!) { a: node(id: $a) { __typename id ... on Team { username } } b: node(id: $b) { __typename ... on Organization { slug } } c: node(id: \"bm9wZQ\") { id } }": types.OrganizationsNodesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrganizationsOrganizationTeams($slug: String!, $first: Int, $after: String, $includeArchived: Boolean) {\n  organization(slug: $slug) {\n    id slug name viewerRole rootTeam { username kind }\n    teams(first: $first, after: $after, includeArchived: $includeArchived) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { cursor node { id username name archivedAt } }\n    }\n  }\n}"): (typeof documents)["query OrganizationsOrganizationTeams($slug: String!, $first: Int, $after: String, $includeArchived: Boolean) {\n  organization(slug: $slug) {\n    id slug name viewerRole rootTeam { username kind }\n    teams(first: $first, after: $after, includeArchived: $includeArchived) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { cursor node { id username name archivedAt } }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrganizationsViewer { viewer { organizations { slug } } }"): (typeof documents)["query OrganizationsViewer { viewer { organizations { slug } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrganizationsCreate($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } userErrors { field code } } }"): (typeof documents)["mutation OrganizationsCreate($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } userErrors { field code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrganizationsCreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { team { id } userErrors { field code } } }"): (typeof documents)["mutation OrganizationsCreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { team { id } userErrors { field code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrganizationsRenameTeam($input: RenameTeamInput!) { renameTeam(input: $input) { team { name } userErrors { code } } }"): (typeof documents)["mutation OrganizationsRenameTeam($input: RenameTeamInput!) { renameTeam(input: $input) { team { name } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrganizationsRename($input: RenameOrganizationInput!) { renameOrganization(input: $input) { organization { name } userErrors { code } } }"): (typeof documents)["mutation OrganizationsRename($input: RenameOrganizationInput!) { renameOrganization(input: $input) { organization { name } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrganizationsArchiveTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { team { archivedAt } userErrors { code } } }"): (typeof documents)["mutation OrganizationsArchiveTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { team { archivedAt } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrganizationsTeamArchivedAt($username: String!) { team(username: $username) { archivedAt } }"): (typeof documents)["query OrganizationsTeamArchivedAt($username: String!) { team(username: $username) { archivedAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrganizationsCreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } userErrors { code field } } }"): (typeof documents)["mutation OrganizationsCreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrganizationsSetTeamSecret($input: SetTeamSecretInput!) { setTeamSecret(input: $input) { secret { id } userErrors { code field } } }"): (typeof documents)["mutation OrganizationsSetTeamSecret($input: SetTeamSecretInput!) { setTeamSecret(input: $input) { secret { id } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrganizationsCreateInvite($input: CreateInviteInput!) { createInvite(input: $input) { invite { id } userErrors { code field } } }"): (typeof documents)["mutation OrganizationsCreateInvite($input: CreateInviteInput!) { createInvite(input: $input) { invite { id } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrganizationsArchiveRootTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { team { id } userErrors { code } } }"): (typeof documents)["mutation OrganizationsArchiveRootTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { team { id } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrganizationsRenameTeamId($input: RenameTeamInput!) { renameTeam(input: $input) { team { id } } }"): (typeof documents)["mutation OrganizationsRenameTeamId($input: RenameTeamInput!) { renameTeam(input: $input) { team { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrganizationsNode($id: ID!) { node(id: $id) { id } }"): (typeof documents)["query OrganizationsNode($id: ID!) { node(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrganizationsNodes($a: ID!, $b: ID!) { a: node(id: $a) { __typename id ... on Team { username } } b: node(id: $b) { __typename ... on Organization { slug } } c: node(id: \"bm9wZQ\") { id } }"): (typeof documents)["query OrganizationsNodes($a: ID!, $b: ID!) { a: node(id: $a) { __typename id ... on Team { username } } b: node(id: $b) { __typename ... on Organization { slug } } c: node(id: \"bm9wZQ\") { id } }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;