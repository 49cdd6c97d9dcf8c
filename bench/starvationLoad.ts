/**
 * The starvation measurement of issue 16, shared by bench/starvation.ts (large data, printed figures) and
 * test/starvation.test.ts (order-of-magnitude bound): while organization A's credentials send the heaviest
 * operations the limits allow, as HTTP batches from several concurrent workers each, time a light
 * `{ viewer { email } }` of organization B's user, and compare with the same query on an idle server.
 */
import { performance } from 'node:perf_hooks';

export type Credential = { token: string } | { key: string } | { bearer: string };

export interface Operation {
  query: string;
  variables?: Record<string, unknown>;
}

export interface LatencyStats {
  samples: number;
  p50: number;
  p95: number;
  max: number;
}

export interface StarvationResult {
  idle: LatencyStats;
  loaded: LatencyStats;
  /** loaded p95 / idle p95. */
  ratio: number;
  heavyRequests: number;
  /** HTTP statuses of the heavy requests (429s are the limits refusing the attacker). */
  heavyStatuses: Record<string, number>;
}

export function authorization(credential: Credential): string {
  if ('token' in credential) return `Bearer ${credential.token}`;
  if ('key' in credential) return `Key ${credential.key}`;
  return `Bearer ${credential.bearer}`;
}

/**
 * The heaviest operations an organization admin may send (each just under the per-operation cost limit of
 * 20,000 at its default), as one HTTP batch of ten.
 */
export function heaviestBatch(orgSlug: string, teamUsernames: string[], endpointIds: string[]): Operation[] {
  const end = new Date();
  const start = new Date(end.getTime() - 90 * 86_400_000);
  const checks = Array.from({ length: 1000 }, (_, i) => ({
    teamUsername: teamUsernames[i % teamUsernames.length],
    endpointId: endpointIds[i % endpointIds.length],
    surface: i % 2 ? 'API' : 'PLAYGROUND',
  }));
  // 1000 checks × 2 × (result 1 + decision 1) = 4,000 per alias; five aliases reach the limit of 20,000.
  const aliases = Array.from({ length: 5 }, (_, i) => `c${i}: checkModelAccess(checks: $checks) { index allowed access { decision reason } }`);
  const usage = {
    query: `query($slug: String!, $start: String!, $end: String!) { organization(slug: $slug) {
      usage(start: $start, end: $end, timeframe: DAY, groupBy: [TEAM, ENDPOINT], expand: [TIME_SERIES, SUMMARY]) {
        timeSeries { bucket results { teamUsername endpointId quantity cost } } summary { teamUsername endpointId cost } } } }`,
    variables: { slug: orgSlug, start: start.toISOString(), end: end.toISOString() },
  };
  const checkModelAccess = { query: `query($checks: [ModelAccessCheckInput!]!) { ${aliases.join('\n')} }`, variables: { checks } };
  const modelAccess = {
    query: `query($slug: String!) { organization(slug: $slug) { teams(first: 40) { edges { node { username
      modelAccess(surface: API) { endpoint { endpointId } access { decision reason } } } } } } }`,
    variables: { slug: orgSlug },
  };
  return [usage, checkModelAccess, modelAccess, usage, checkModelAccess, modelAccess, usage, checkModelAccess, modelAccess, usage];
}

export async function measureLightQueryUnderLoad(
  url: string,
  options: {
    heavy: Array<{ credential: Credential; batch: Operation[] }>;
    /** Concurrent workers per heavy credential (above the per-credential in-flight cap on purpose). */
    workersPerCredential?: number;
    lightCredential: Credential;
    samples: number;
  },
): Promise<StarvationResult> {
  const light = () => post(url, options.lightCredential, { query: '{ viewer { email } }' });
  for (let i = 0; i < 3; i++) await light(); // warm-up (JIT, connections)
  const idle = await sample(light, options.samples);

  let running = true;
  let heavyRequests = 0;
  const heavyStatuses: Record<string, number> = {};
  const workers = options.heavy.flatMap(({ credential, batch }) => {
    // Serialized once: in the test the load's client shares the server's process, and should cost it little.
    const body = JSON.stringify(batch);
    return Array.from({ length: options.workersPerCredential ?? 6 }, async () => {
      while (running) {
        const status = await post(url, credential, body).then((r) => String(r.status), () => 'network-error');
        heavyRequests += 1;
        heavyStatuses[status] = (heavyStatuses[status] ?? 0) + 1;
        // A refused attacker retries at once (no backoff): the worst case for everyone else.
      }
    });
  });
  let loaded: LatencyStats;
  try {
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the load build up
    loaded = await sample(light, options.samples);
  } finally {
    // Stop the load whatever happened, so a failed measurement never leaves it running.
    running = false;
    await Promise.all(workers);
  }
  return { idle, loaded, ratio: loaded.p95 / Math.max(idle.p95, 0.001), heavyRequests, heavyStatuses };
}

async function post(url: string, credential: Credential, body: unknown): Promise<{ status: number }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: authorization(credential) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  await response.arrayBuffer();
  return { status: response.status };
}

async function sample(run: () => Promise<{ status: number }>, count: number): Promise<LatencyStats> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const { status } = await run();
    if (status !== 200) throw new Error(`light query answered ${status}`);
    if (process.env.STARVATION_DEBUG) console.log(`light ${(performance.now() - started).toFixed(0)} ms`);
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  return { samples: count, p50: at(0.5), p95: at(0.95), max: times[times.length - 1] };
}
