import autocannon from 'autocannon';

/**
 * The load generator, forked by harness.ts so that autocannon's own CPU and memory stay out of the server's
 * process. Receives its job over IPC, answers with a summary, exits. Counts GraphQL errors inside 200 responses
 * too: an `errors` array in the body is a failed request even when HTTP says OK.
 */

export interface DriverRequest {
  name: string;
  headers: Record<string, string>;
  /** `__UNIQUE__` in the body is replaced by a fresh value per request (e.g. ingest record ids). */
  body: string;
}

const UNIQUE = /__UNIQUE__/g;
const UNIQUE_MARK = '__UNIQUE__';

export interface DriverResult {
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  non2xx: number;
  transportErrors: number;
  timeouts: number;
  graphqlErrors: number;
  firstGraphqlError: string | null;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  perWorkload: Record<string, number>;
}

process.once('message', async (job: { url: string; requests: DriverRequest[]; seconds: number; connections: number; rate?: number }) => {
  let graphqlErrors = 0;
  let firstGraphqlError: string | null = null;
  const perWorkload: Record<string, number> = {};
  let sequence = 0;
  const runId = `${process.pid}-${Date.now()}`;
  const result = await autocannon({
    url: `${job.url}/graphql`,
    connections: job.connections,
    duration: job.seconds,
    overallRate: job.rate,
    timeout: 10,
    requests: job.requests.map((request) => ({
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json', ...request.headers },
      body: request.body,
      ...(request.body.includes(UNIQUE_MARK)
        ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: request.body.replace(UNIQUE, `${runId}-${++sequence}`) }) }
        : {}),
      onResponse: (status: number, body: string) => {
        perWorkload[request.name] = (perWorkload[request.name] ?? 0) + 1;
        if (status === 200 && body.includes('"errors"')) {
          graphqlErrors++;
          firstGraphqlError ??= `${request.name}: ${body.slice(0, 300)}`;
        }
      },
    })),
  });
  const summary: DriverResult = {
    seconds: job.seconds,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    non2xx: result.non2xx,
    transportErrors: result.errors,
    timeouts: result.timeouts,
    graphqlErrors,
    firstGraphqlError,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    perWorkload,
  };
  process.send!(summary, () => process.exit(0));
});
