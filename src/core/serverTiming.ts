import type { ApolloServerPlugin } from '@apollo/server';
import { currentRequestScope, type RequestScope } from './requestScope';

/**
 * The stages stageTimings.ts collects for a GraphQL request, also in the answer's `Server-Timing` header
 * (SERVER_TIMING=true; off by default: it names internals), so a benchmark reads each request's own breakdown.
 * Milliseconds per stage: auth, parse, validate, limits (input limits, cost, rate limit, concurrency slot),
 * execute (resolvers and the SQL they wait for), sql (the statements' sum; concurrent statements overlap),
 * serialize (stringifying the answer) and total (request start to answer stringified).
 */
export function serverTimingPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const scope = currentRequestScope();
      return {
        async willSendResponse({ response }) {
          if (scope?.stages) scope.serverTimingHeaders = response.http.headers;
        },
      };
    },
  };
}

/** Called by stringifyResult once the answer is text (`serializationStarted`: performance.now() before it). */
export function finishServerTiming(scope: RequestScope | undefined, serializationStarted: number): void {
  const headers = scope?.serverTimingHeaders;
  const stages = scope?.stages;
  if (!scope || !headers || !stages) return;
  scope.serverTimingHeaders = undefined;
  const now = performance.now();
  const marks: Record<string, number> = { ...stages.ms, sql: (stages.ms.sql ?? 0) + scope.sqlMs, serialize: now - serializationStarted, total: now - scope.startedAt };
  headers.set('server-timing', Object.entries(marks).map(([name, ms]) => `${name};dur=${ms.toFixed(2)}`).join(', '));
}
