import { AsyncLocalStorage } from 'node:async_hooks';
import type { StageTimings } from './serverTiming';

/**
 * Per-request facts that deep layers (SQL logger, audit) need without threading them through every call.
 * Only the request id and the SQL statement counter live here; everything else travels in the GraphQL context.
 */
export interface RequestScope {
  requestId: string;
  sqlStatements: number;
  /** When the request arrived (the first stage of Server-Timing). */
  startedAt?: bigint;
  /** Per-stage timings, only while SERVER_TIMING is on (serverTiming.ts). */
  timing?: StageTimings;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
