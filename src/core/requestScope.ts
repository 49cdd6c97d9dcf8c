import { AsyncLocalStorage } from 'node:async_hooks';
import type { JsonArena } from './jsonParts';

/** What kind of request a scope's stage timings describe (stageTimings.ts). */
export type StageKind = 'graphql' | 'ingest';

/**
 * Per-request facts that deep layers (SQL logger, audit) need without threading them through every call.
 * Only the request id, the SQL statement counter and stage timings live here; everything else travels in the
 * GraphQL context.
 */
export interface RequestScope {
  requestId: string;
  sqlStatements: number;
  /** Milliseconds spent in SQL statements of this request (summed: concurrent statements overlap). */
  sqlMs: number;
  /** performance.now() when the request arrived. */
  startedAt: number;
  /** Per-stage milliseconds, for request kinds that are timed (see stageTimings.ts). */
  stages?: { kind: StageKind; ms: Record<string, number>; respondedAt?: number };
  /** The answer's headers while a Server-Timing header is still to be written (SERVER_TIMING=true, serverTiming.ts). */
  serverTimingHeaders?: { set(name: string, value: string): unknown };
  /**
   * Set on GraphQL requests whose answer is written in parts (responseSplices.ts): stringifyResult leaves a marker
   * (`nonce` + index) where each spliced text goes, and the HTTP response writes `texts[index]` there.
   */
  splicedAnswer?: { nonce: string; texts: Array<Buffer[]> };
  /** Slabs holding this request's JSON pieces, recycled once its answer is written (jsonParts.ts). */
  jsonArena?: JsonArena;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/**
 * Runs `fn` outside any request's scope: for work a request starts but does not own (a batched write timer), whose
 * statements would otherwise count toward, and be timed in, whichever request happened to start it.
 */
export function outsideRequestScope<T>(fn: () => T): T {
  return storage.exit(fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
