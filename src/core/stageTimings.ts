import { Gauge } from 'prom-client';
import { metricsRegistry } from './metrics';
import type { RequestScope, StageKind } from './requestScope';

/**
 * Where a request kind's time goes, stage by stage (issue 24: the next regression should point at its stage).
 * Each HTTP request of a timed kind collects its stages in its request scope; when the response has been sent the
 * stages are added to process-wide sums, exported as `orgraph_stage_seconds_total{kind,stage}` and
 * `orgraph_stage_requests_total{kind}` (bench/throughput.ts prints them per request). Plain numbers, not histograms:
 * a trivial request must not pay for label hashing and buckets on every stage.
 *
 * Stages may overlap (SQL runs inside execution and authentication; an ingest stores one batch while it parses the
 * next), so they are not meant to add up to `total`.
 */
export type { StageKind } from './requestScope';

const seconds = new Map<string, number>();
const requests = new Map<StageKind, number>();

/** Marks the request as one of a timed kind (its stages are kept from here on). */
export function timeRequestAs(scope: RequestScope | undefined, kind: StageKind): void {
  if (scope && !scope.stages) scope.stages = { kind, ms: {} };
}

/** Adds `ms` to a stage of the request (nothing when the request is not timed). */
export function addStage(scope: RequestScope | undefined, stage: string, ms: number): void {
  const stages = scope?.stages;
  if (stages) stages.ms[stage] = (stages.ms[stage] ?? 0) + ms;
}

/** Called once the response is sent: the request's stages join the sums. */
export function recordStages(scope: RequestScope, totalMs: number): void {
  const stages = scope.stages;
  if (!stages) return;
  stages.ms.total = totalMs;
  // From the answer handed over (Apollo's willSendResponse, the ingest route's reply) to the last byte written.
  if (stages.respondedAt) stages.ms.serialize = scope.startedAt + totalMs - stages.respondedAt;
  if (scope.sqlMs > 0) stages.ms.sql = (stages.ms.sql ?? 0) + scope.sqlMs;
  for (const stage in stages.ms) {
    const key = `${stages.kind}\u0000${stage}`;
    seconds.set(key, (seconds.get(key) ?? 0) + stages.ms[stage] / 1000);
  }
  requests.set(stages.kind, (requests.get(stages.kind) ?? 0) + 1);
}

new Gauge({
  name: 'orgraph_stage_seconds_total',
  help: 'Seconds spent per request kind and stage (auth, parse, validate, limits, execute, sql, serialize, total), summed since start.',
  labelNames: ['kind', 'stage'] as const,
  registers: [metricsRegistry],
  collect() {
    for (const [key, value] of seconds) {
      const [kind, stage] = key.split('\u0000');
      this.set({ kind: kind, stage: stage }, value);
    }
  },
});

new Gauge({
  name: 'orgraph_stage_requests_total',
  help: 'HTTP requests whose stages orgraph_stage_seconds_total sums, per request kind.',
  labelNames: ['kind'] as const,
  registers: [metricsRegistry],
  collect() {
    for (const [kind, count] of requests) this.set({ kind }, count);
  },
});
