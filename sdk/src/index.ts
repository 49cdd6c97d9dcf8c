export { createClient, login, signUp } from './client.js';
export type { ClientOptions, ListOptions, OrganizationOptions, OrgraphClient, TeamListOptions, UsageArgs } from './client.js';
export type { ClientSettings, FetchLike, OrgraphDocument, RequestOptions } from './transport.js';
export { OrgraphError, isOrgraphError } from './errors.js';
export type { GraphqlErrorEntry, OrgraphErrorCode, OrgraphErrorDetails } from './errors.js';
export type { MutationResult, UserError } from './results.js';
export { paginate, paginatePages } from './pagination.js';
export type { ConnectionLike, Page, PageFetcher } from './pagination.js';
export * from './types.js';
