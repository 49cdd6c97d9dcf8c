import { drive, numberFromEnv, startBench, type Fixtures } from './harness';
import type { DriverRequest } from './driver';

/**
 * Mixed-workload load test: autocannon against an in-process Orgraph on 127.0.0.1 over a fresh database.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx ts-node --transpile-only bench/load/mixed.ts
 *   (or `npm run bench:load`)
 *
 * Environment: DURATION_S (default 60), CONNECTIONS (default 10), RATE (requests/s over all connections; default
 * unset = as fast as the server answers), DATABASE_POOL_SIZE (default 10), LOG_LEVEL (default silent: per-request
 * logging would measure the terminal). Prints requests/s, errors (HTTP non-2xx, transport, timeouts and GraphQL
 * `errors` inside 200s) and latency p50/p90/p99. Stops by itself; exits 1 when any request failed.
 */

interface Workload {
  name: string;
  /** Share of the traffic, in requests per cycle. */
  weight: number;
  request(f: Fixtures): { query: string; variables?: Record<string, unknown>; authorization: string };
}

// Adding a workload is one entry.
const WORKLOADS: Workload[] = [
  {
    name: 'viewer (session)',
    weight: 3,
    request: (f) => ({
      query: 'query Viewer { viewer { email organizations { slug viewerRole } teams { username } personalAccount { username } } }',
      authorization: `Bearer ${f.sessionToken}`,
    }),
  },
  {
    name: 'team listing (org admin key)',
    weight: 3,
    request: (f) => ({
      query: `query Teams($slug: String!) { organization(slug: $slug) { teams(first: 20) { totalCount edges { node { id username name archivedAt } } } } }`,
      variables: { slug: f.organizationSlug },
      authorization: `Key ${f.orgAdminKey}`,
    }),
  },
  {
    name: 'team by username (team API key)',
    weight: 2,
    request: (f) => ({
      query: 'query Team($u: String!) { team(username: $u) { id name viewerRole organization { slug } } }',
      variables: { u: f.teamUsername },
      authorization: `Key ${f.teamApiKey}`,
    }),
  },
  {
    name: '__typename (team API key)',
    weight: 2,
    request: (f) => ({ query: 'query Ping { __typename }', authorization: `Key ${f.teamApiKey}` }),
  },
  {
    name: 'checkModelAccess (ingest credential)',
    weight: 3,
    request: (f) => ({
      query: `query Check($checks: [ModelAccessCheckInput!]!) { checkModelAccess(checks: $checks) { allowed error { code } access { decision reasonCode } } }`,
      variables: { checks: [{ teamUsername: f.teamUsername, endpointId: 'fal-ai/flux/dev', surface: 'API' }] },
      authorization: `Bearer ${f.ingestToken}`,
    }),
  },
  {
    name: 'usage time series (org admin key)',
    weight: 2,
    request: (f) => ({
      query: `query Usage($slug: String!) { organization(slug: $slug) { usage(timeframe: HOUR, groupBy: [PRODUCT], expand: [TIME_SERIES, SUMMARY]) {
        totalBuckets timeSeries { bucket results { product cost } } summary { product cost } } } }`,
      variables: { slug: f.organizationSlug },
      authorization: `Key ${f.orgAdminKey}`,
    }),
  },
  {
    name: 'usage ingest 1 record (ingest credential)',
    weight: 2,
    request: (f) => ({
      query: `mutation IngestUsage($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted duplicates userErrors { code } } }`,
      variables: {
        input: {
          records: [
            {
              id: 'load-usage-__UNIQUE__',
              timestamp: new Date(Date.now() - 60_000).toISOString(),
              teamUsername: f.teamUsername,
              product: 'MODEL_APIS',
              endpointId: 'fal-ai/flux/dev',
              quantity: '1',
            },
          ],
        },
      },
      authorization: `Bearer ${f.ingestToken}`,
    }),
  },
  {
    name: 'ingest 1 record (ingest credential)',
    weight: 2,
    request: (f) => ({
      query: `mutation Ingest($input: IngestRequestsInput!) { ingestRequests(input: $input) { accepted duplicates userErrors { code } } }`,
      variables: {
        input: {
          records: [
            {
              id: 'load-__UNIQUE__',
              teamUsername: f.teamUsername,
              endpointId: 'fal-ai/flux/dev',
              status: 'SUCCEEDED',
              httpStatus: 200,
              startedAt: new Date(Date.now() - 60_000).toISOString(),
              finishedAt: new Date(Date.now() - 59_000).toISOString(),
              auth: { kind: 'API_KEY', keyId: f.teamApiKey.split(':')[0] },
              input: JSON.stringify({ prompt: 'a lighthouse at dusk' }),
              output: JSON.stringify({ images: ['out.png'] }),
            },
          ],
        },
      },
      authorization: `Bearer ${f.ingestToken}`,
    }),
  },
];

export function workloadRequests(fixtures: Fixtures): DriverRequest[] {
  // Interleave by weight so every connection's cycle is a representative mix.
  const requests: DriverRequest[] = [];
  const maxWeight = Math.max(...WORKLOADS.map((w) => w.weight));
  for (let round = 0; round < maxWeight; round++) {
    for (const workload of WORKLOADS) {
      if (round >= workload.weight) continue;
      const { query, variables, authorization } = workload.request(fixtures);
      requests.push({ name: workload.name, headers: { authorization }, body: JSON.stringify({ query, variables }) });
    }
  }
  return requests;
}

async function main(): Promise<void> {
  const seconds = numberFromEnv('DURATION_S', 60);
  const connections = numberFromEnv('CONNECTIONS', 10);
  const rate = process.env.RATE ? numberFromEnv('RATE', 1) : undefined;
  const bench = await startBench();
  try {
    console.log(`mixed load: ${seconds} s, ${connections} connections, ${rate ? `${rate} req/s` : 'unthrottled'}, server ${bench.url}`);
    console.log(`workloads: ${WORKLOADS.map((w) => `${w.name} ×${w.weight}`).join(', ')}`);
    const result = await drive({ url: bench.url, requests: workloadRequests(bench.fixtures), seconds, connections, rate });
    const errors = result.non2xx + result.transportErrors + result.timeouts + result.graphqlErrors;
    console.log(`requests: ${result.requests} in ${seconds} s = ${result.requestsPerSecond.toFixed(0)} req/s`);
    console.log(`errors: ${errors} (non-2xx ${result.non2xx}, transport ${result.transportErrors}, timeouts ${result.timeouts}, GraphQL ${result.graphqlErrors})`);
    if (result.firstGraphqlError) console.log(`first GraphQL error: ${result.firstGraphqlError}`);
    console.log(`latency: p50 ${result.latencyMs.p50} ms, p90 ${result.latencyMs.p90} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms`);
    console.log(`per workload: ${JSON.stringify(result.perWorkload)}`);
    // Every acknowledged ingest must be stored (each request carried a fresh record id; the primary key rules out
    // doubles). Stored may exceed acknowledged: requests in flight when autocannon stops are processed unanswered.
    const [{ stored }] = await bench.db.query(`SELECT count(*)::int AS stored FROM request_records WHERE id LIKE 'load-%'`);
    const acknowledged = result.perWorkload['ingest 1 record (ingest credential)'] ?? 0;
    console.log(`ingest: ${acknowledged} acknowledged, ${stored} stored (in flight at the stop: ${stored - acknowledged})`);
    if (stored < acknowledged) process.exitCode = 1;
    if (errors !== 0) process.exitCode = 1;
  } finally {
    await bench.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
