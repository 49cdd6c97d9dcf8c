/**
 * The objects the SDK returns, named after the API's types. Each is exactly what the SDK's operations select
 * (sdk/operations/fragments.graphql), generated from the schema, so they change only when those files change.
 */
import type {
  NodeQuery,
  OrganizationFieldsFragment,
  OrganizationQuery,
  PageInfoFieldsFragment,
  TeamFieldsFragment,
  TeamQuery,
  UserFieldsFragment,
  ViewerQuery,
} from './generated/graphql';

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

/** A signed-in session from `signUp` or `login`. Keep `token` secret: it is a bearer credential. */
export interface Session {
  readonly token: string;
  readonly expiresAt: string | null;
  readonly user: User;
}

export type {
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
} from './generated/graphql';
