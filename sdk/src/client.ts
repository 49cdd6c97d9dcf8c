import {
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
} from './generated/graphql';
import { paginate, paginatePages, type Page } from './pagination';
import { toMutationResult, type MutationResult } from './results';
import { execute, type ClientSettings, type OrgraphDocument, type RequestOptions } from './transport';
import type {
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
} from './types';

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
    request: run,
  };
}

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
