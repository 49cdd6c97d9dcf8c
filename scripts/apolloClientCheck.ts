/**
 * A dashboard's Apollo Client against a live Orgraph: normalized cache keyed by the global id alone (as Relay keys
 * its store, so two types sharing an id would collide), `relayStylePagination` on every list, pages of 2 through an
 * organization's teams (root included), members, a team's keys, invoices and alerts, plus a model-access decision next
 * to the rules it names. Reports every cache problem it meets: Apollo's own warnings, an id seen with two
 * typenames, a merged list that differs from what the server lists in one page, a page that repeats an item.
 *
 * Standalone: `ORGRAPH_URL=http://127.0.0.1:4000/graphql ORGRAPH_KEY='ogk_…:ogsk_…' ORGRAPH_ORG=demo ORGRAPH_TEAM=demo-web \
 *   npx ts-node --transpile-only scripts/apolloClientCheck.ts` (an organization admin key). test/apolloClient.test.ts runs it in CI.
 */
import { ApolloClient, HttpLink, InMemoryCache, gql, type TypedDocumentNode } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

export interface ApolloCheckOptions {
  url: string;
  authorization: string;
  organizationSlug: string;
  teamUsername: string;
  pageSize?: number;
}

export interface ApolloCheckResult {
  /** Items per list as the client assembled them page by page (ids in order). */
  lists: Record<string, string[]>;
  /** Every cache problem met; empty when the cache and the server agree. */
  problems: string[];
}

const PAGE = `pageInfo { hasNextPage endCursor } edges { cursor node { __typename id } }`;
const LISTS: Record<string, { document: TypedDocumentNode<any, any>; path: (data: any) => any }> = {
  teams: {
    document: gql`query Teams($slug: String!, $first: Int, $after: String) { organization(slug: $slug) { id teams(first: $first, after: $after, includeRoot: true) { ${PAGE} edges { node { username name kind } } } } }`,
    path: (data) => data.organization.teams,
  },
  members: {
    document: gql`query Members($slug: String!, $first: Int, $after: String) { organization(slug: $slug) { id members(first: $first, after: $after) { ${PAGE} edges { node { role user { id email } } } } } }`,
    path: (data) => data.organization.members,
  },
  alerts: {
    document: gql`query Alerts($slug: String!, $first: Int, $after: String) { organization(slug: $slug) { id spendingAlerts(first: $first, after: $after) { ${PAGE} edges { node { threshold period team { id username } deliveries { id status } } } } } }`,
    path: (data) => data.organization.spendingAlerts,
  },
  keys: {
    document: gql`query Keys($team: String!, $first: Int, $after: String) { team(username: $team) { id apiKeys(first: $first, after: $after) { ${PAGE} edges { node { alias scope } } } } }`,
    path: (data) => data.team.apiKeys,
  },
  invoices: {
    document: gql`query Invoices($team: String!, $first: Int, $after: String) { team(username: $team) { id invoices(first: $first, after: $after) { ${PAGE} edges { node { month status total team { id username } } } } } }`,
    path: (data) => data.team.invoices,
  },
};

/** A decision names a rule; with ids as cache keys the two must not be one entity. */
const DECISION_AND_RULES = gql`query DecisionAndRules($team: String!) {
  team(username: $team) {
    id
    modelAccessRules(first: 100) { edges { node { __typename id pattern effect } } }
    modelAccess(surface: API) { endpoint { id endpointId } access { decision rule { ruleId pattern effect } } }
  }
}`;

function newClient(options: ApolloCheckOptions) {
  return new ApolloClient({
    link: new HttpLink({ uri: options.url, headers: { authorization: options.authorization } }),
    cache: new InMemoryCache({
      // Relay's rule: the id alone identifies an object, whatever its type.
      dataIdFromObject: (object) => (typeof object.id === 'string' ? object.id : undefined),
      typePolicies: {
        Organization: { fields: { teams: relayStylePagination(['includeArchived', 'includeRoot']), members: relayStylePagination(['filter']), spendingAlerts: relayStylePagination() } },
        Team: { fields: { apiKeys: relayStylePagination(['includeRevoked']), invoices: relayStylePagination(), modelAccessRules: relayStylePagination(['surface']) } },
      },
    }),
  });
}

/** Every `id` in a response with its `__typename`: one id, one type, across everything the client saw. */
export function recordTypes(value: unknown, seen: Map<string, string>, problems: string[]): void {
  if (Array.isArray(value)) return value.forEach((item) => recordTypes(item, seen, problems));
  if (!value || typeof value !== 'object') return;
  const object = value as Record<string, unknown>;
  if (typeof object.id === 'string' && typeof object.__typename === 'string') {
    const before = seen.get(object.id);
    if (before && before !== object.__typename) problems.push(`id ${object.id} is both a ${before} and a ${object.__typename}`);
    seen.set(object.id, object.__typename);
  }
  for (const child of Object.values(object)) recordTypes(child, seen, problems);
}

export async function runApolloCheck(options: ApolloCheckOptions): Promise<ApolloCheckResult> {
  const problems: string[] = [];
  const warn = console.warn;
  const error = console.error;
  // Apollo reports cache conflicts ("Cache data may be lost…", missing fields) through the console.
  console.warn = (...args: unknown[]) => void problems.push(`apollo warned: ${args.map(String).join(' ')}`);
  console.error = (...args: unknown[]) => void problems.push(`apollo error: ${args.map(String).join(' ')}`);
  const seen = new Map<string, string>();
  const lists: Record<string, string[]> = {};
  const client = newClient(options);
  try {
    const variables = { slug: options.organizationSlug, team: options.teamUsername };
    for (const [name, { document, path }] of Object.entries(LISTS)) {
      let after: string | null = null;
      let pages = 0;
      let connection: any;
      do {
        const result = await client.query({ query: document, variables: { ...variables, first: options.pageSize ?? 2, after }, fetchPolicy: 'network-only' });
        connection = path(result.data);
        recordTypes(result.data, seen, problems);
        after = connection.pageInfo.endCursor;
        pages += 1;
      } while (connection.pageInfo.hasNextPage && pages < 100);
      // What the cache assembled from the pages, against the server's own list in one page.
      const cached = path(client.readQuery({ query: document, variables: { ...variables, first: options.pageSize ?? 2, after: null } })).edges.map((edge: any) => edge.node.id);
      const fresh = await newClient(options).query({ query: document, variables: { ...variables, first: 100, after: null }, fetchPolicy: 'network-only' });
      const expected = path(fresh.data).edges.map((edge: any) => edge.node.id);
      if (new Set(cached).size !== cached.length) problems.push(`${name}: a page repeated an item`);
      if (JSON.stringify(cached) !== JSON.stringify(expected)) problems.push(`${name}: pages assembled ${JSON.stringify(cached)}, the server lists ${JSON.stringify(expected)}`);
      lists[name] = cached;
    }
    const decision = await client.query({ query: DECISION_AND_RULES, variables, fetchPolicy: 'network-only' });
    recordTypes(decision.data, seen, problems);
    const reread = client.readQuery({ query: DECISION_AND_RULES, variables });
    if (JSON.stringify(reread) !== JSON.stringify(decision.data)) problems.push('decisions and rules: the cache answers something else than the server did');
  } finally {
    console.warn = warn;
    console.error = error;
    client.stop();
  }
  return { lists, problems };
}

if (require.main === module) {
  const env = (name: string) => process.env[name] ?? (console.error(`${name} is required`), process.exit(2));
  void runApolloCheck({
    url: env('ORGRAPH_URL'),
    authorization: `Key ${env('ORGRAPH_KEY')}`,
    organizationSlug: env('ORGRAPH_ORG'),
    teamUsername: env('ORGRAPH_TEAM'),
  }).then(({ lists, problems }) => {
    for (const [name, ids] of Object.entries(lists)) console.log(`${name}: ${ids.length} items`);
    for (const problem of problems) console.log(`PROBLEM ${problem}`);
    process.exit(problems.length ? 1 : 0);
  });
}
