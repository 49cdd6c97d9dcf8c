export { createClient, login, signUp } from './client';
export type { ClientOptions, ListOptions, OrganizationOptions, OrgraphClient, TeamListOptions, UsageArgs } from './client';
export type { ClientSettings, FetchLike, OrgraphDocument, RequestOptions } from './transport';
export { OrgraphError, isOrgraphError } from './errors';
export type { GraphqlErrorEntry, OrgraphErrorCode, OrgraphErrorDetails } from './errors';
export type { MutationResult, UserError } from './results';
export { paginate, paginatePages } from './pagination';
export type { ConnectionLike, Page, PageFetcher } from './pagination';
export * from './types';
