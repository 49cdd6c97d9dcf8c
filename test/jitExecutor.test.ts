import { DateTime } from 'luxon';
import { metricsRegistry } from '../src/core/metrics';
import { startTestApp, TEST_INGEST_TOKEN, type Credential, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, createTeam, signUp } from './support/factories';

/**
 * Repeated documents run on a graphql-jit compilation (src/core/jitExecutor.ts), first runs on graphql-js. Each
 * document below runs twice on the same data: the two answers must be byte-identical (request ids aside), and the
 * second must really have come from the compiled document.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ GRAPHQL_JIT_AFTER: '1' });
});
afterAll(() => app.close());

async function executions(engine: 'jit' | 'graphql-js'): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric('orgraph_graphql_executions_total')!.get();
  return metric.values.find((value) => value.labels.engine === engine)?.value ?? 0;
}

async function post(query: string, variables: Record<string, unknown>, credential: Credential) {
  const response = await app.gql(query, variables, credential);
  const text = JSON.stringify(response.body).replace(/"requestId":"[^"]+"/g, '"requestId":"…"');
  return { status: response.status, text };
}

async function fixture() {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const teams = [await createTeam(app, admin, org.id), await createTeam(app, admin, org.id)];
  const apiKey = await createApiKeyFor(app, teams[0].username, 'API');
  const day = DateTime.utc().startOf('day').minus({ days: 1 });
  const records = teams.flatMap((team, t) =>
    [0, 5, 13].map((hour, i) => ({
      id: `jit-${t}-${i}`,
      timestamp: day.plus({ hours: hour }).toISO(),
      teamUsername: team.username,
      product: i === 2 ? 'SERVERLESS' : 'MODEL_APIS',
      endpointId: i === 2 ? 'custom/app' : 'fal-ai/flux/dev',
      quantity: `${i + 1}.25`,
      ...(i === 2 ? { unit: 'second', unitPrice: '0.0011' } : {}),
    })),
  );
  const ingest = await app.data(
    `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted rejected { index code } } }`,
    { input: { records } },
    { bearer: TEST_INGEST_TOKEN },
  );
  expect(ingest.ingestUsage).toEqual({ accepted: records.length, rejected: [] });
  return { admin, org, teams, apiKey, day };
}

describe('JIT-compiled execution answers exactly like graphql-js', () => {
  it('for nested objects, connections, interfaces, fragments, directives, scalars, enums and errors', async () => {
    const { admin, org, teams, apiKey, day } = await fixture();
    const session = { token: admin.token };
    const cases: Array<{ name: string; query: string; variables?: Record<string, unknown>; credential: Credential }> = [
      {
        name: 'viewer with organizations and teams',
        query: `{ viewer { email sessionMethod user { id createdAt } organizations { slug viewerRole rootTeam { username kind } } teams { username archivedAt } } }`,
        credential: session,
      },
      {
        name: 'a connection with a page, cursors and totals, aliases and @include/@skip',
        query: `query($slug: String!, $withCount: Boolean!, $hideName: Boolean!) { organization(slug: $slug) {
          first: teams(first: 1) { totalCount @include(if: $withCount) pageInfo { hasNextPage endCursor } edges { cursor node { username name @skip(if: $hideName) } } }
          all: teams { edges { node { ...TeamFields } } } } }
          fragment TeamFields on Team { id username createdAt organization { slug } }`,
        variables: { slug: org.slug, withCount: true, hideName: false },
        credential: session,
      },
      {
        name: 'node(id:) through the Node interface with inline fragments and __typename',
        query: `query($ids: ID!, $other: ID!) { a: node(id: $ids) { __typename id ... on Team { username } ... on Organization { slug } }
          b: node(id: $other) { __typename ... on Organization { slug teams(first: 5) { edges { node { username } } } } } }`,
        variables: { ids: teams[0].id, other: org.id },
        credential: session,
      },
      {
        name: 'effective policy and per-model access (enums, nested objects)',
        query: `query($slug: String!) { organization(slug: $slug) { teams { edges { node { username
          effectivePolicy { requestVisibility { value level locked overriddenByLock teamOverride } modelAccessMode { value level } }
          modelAccess(surface: API) { endpoint { endpointId product currentUnitPrice } access { decision level reasonCode rule { pattern effect locked } } } } } } } }`,
        variables: { slug: org.slug },
        credential: session,
      },
      {
        name: 'usage time series and summary (decimals, dense buckets, auth methods)',
        query: `query($slug: String!, $start: String!, $end: String!) { organization(slug: $slug) { usage(start: $start, end: $end, timezone: "Asia/Kathmandu",
          timeframe: HOUR, expand: [TIME_SERIES, SUMMARY, AUTH_METHOD], limit: 30) { start end timeframe totalBuckets nextCursor hasMore
          timeSeries { bucket results { teamUsername product endpointId unit quantity unitPrice cost currency authMethod { kind keyId username } } }
          summary { teamUsername product cost } } } }`,
        variables: { slug: org.slug, start: day.toISO(), end: day.plus({ days: 1 }).toISO() },
        credential: session,
      },
      {
        name: 'dashboard fields batched over teams',
        query: `query($slug: String!, $range: UsageRangeInput!) { organization(slug: $slug) { teams { edges { node { username
          spend(period: MONTH) usageSummary(range: $range) { product unit quantity cost } } } } } }`,
        variables: { slug: org.slug, range: { start: day.toISO(), end: day.plus({ days: 1 }).toISO() } },
        credential: session,
      },
      {
        name: 'a field error inside partial data (an API key may not list keys)',
        query: `query($id: ID!) { node(id: $id) { ... on Team { username apiKeys(first: 1) { totalCount } secrets { totalCount } } } }`,
        variables: { id: teams[0].id },
        credential: { key: apiKey },
      },
      {
        name: 'an error at a non-null root field (data: null)',
        query: `{ viewer { name } }`,
        credential: { key: apiKey },
      },
      {
        name: 'NOT_FOUND at a non-null root',
        query: `query($slug: String!) { organization(slug: $slug) { slug rootTeam { username } } }`,
        variables: { slug: 'no-such-organization' },
        credential: session,
      },
      {
        name: 'UNAUTHENTICATED with no credential',
        query: `{ viewer { email } }`,
        credential: undefined,
      },
      {
        name: 'a mutation payload with userErrors (no change made)',
        query: `mutation($input: RenameTeamInput!) { renameTeam(input: $input) { team { name } userErrors { field code message } } }`,
        variables: { input: { teamId: teams[1].id, name: '' } },
        credential: session,
      },
    ];

    for (const { name, query, variables = {}, credential } of cases) {
      const jitBefore = await executions('jit');
      const first = await post(query, variables, credential);
      const second = await post(query, variables, credential);
      // Every case executes (a document refused at validation never reaches either engine).
      expect({ name, executed: first.text.includes('"data"') }).toEqual({ name, executed: true });
      expect({ name, ...second }).toEqual({ name, ...first });
      expect({ name, jitRuns: (await executions('jit')) - jitBefore }).toEqual({ name, jitRuns: 1 });
    }
  });

  it('refused variables on a compiled document get graphql-js’s exact 400 BAD_USER_INPUT', async () => {
    const query = `query($slug: String!, $first: Int) { organization(slug: $slug) { teams(first: $first) { totalCount } } }`;
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    await post(query, { slug: org.slug }, { token: admin.token }); // first run: graphql-js; the next ones are compiled
    const compiled = await post(query, { slug: org.slug, first: 'ten' }, { token: admin.token });
    const fresh = await post(`${query} `, { slug: org.slug, first: 'ten' }, { token: admin.token }); // a new document: graphql-js
    expect(compiled.status).toBe(400);
    expect(compiled).toEqual(fresh);
    expect(JSON.parse(compiled.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
