import type { ApolloServerPlugin } from '@apollo/server';
import { currentRequestScope, type RequestScope } from './requestScope';

/**
 * Where a GraphQL request's time goes, per stage, in a `Server-Timing` header (SERVER_TIMING=true; off by default:
 * it names internals). Stages, in milliseconds:
 *   ctx   request start → Apollo's request (body parsing, authentication, context)
 *   parse parsing; validate validation (graphql-armor's rules included)
 *   cost  operation resolution → execution (cost plugins, limiters)
 *   exec  execution, resolvers and the SQL they wait for
 *   sql   time spent in SQL statements during the request (their sum; concurrent statements overlap)
 *   ser   stringifying the answer
 *   total request start → answer stringified
 * A regression then points at its stage (bench/usage.ts prints these per request kind).
 */
export interface StageTimings {
  startedAt: bigint;
  marks: Map<string, number>;
  sqlMs: number;
  /** The answer's headers, written when the answer has been stringified (the last stage). */
  headers: { set(name: string, value: string): unknown } | null;
}

export function serverTimingPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const scope = currentRequestScope();
      if (!scope) return;
      const timing: StageTimings = { startedAt: scope.startedAt ?? process.hrtime.bigint(), marks: new Map(), sqlMs: 0, headers: null };
      scope.timing = timing;
      let last = process.hrtime.bigint();
      timing.marks.set('ctx', ms(timing.startedAt, last));
      const stage = (name: string) => {
        const now = process.hrtime.bigint();
        timing.marks.set(name, (timing.marks.get(name) ?? 0) + ms(last, now));
        last = now;
      };
      return {
        async parsingDidStart() {
          stage('other');
          return async () => stage('parse');
        },
        async validationDidStart() {
          stage('other');
          return async () => stage('validate');
        },
        async executionDidStart() {
          stage('cost');
          return {
            async executionDidEnd() {
              stage('exec');
            },
          };
        },
        async willSendResponse({ response }) {
          stage('other');
          timing.headers = response.http.headers;
        },
      };
    },
  };
}

/** Called by stringifyResult once the answer is text: the last stage, and the header with every stage. */
export function finishServerTiming(scope: RequestScope | undefined, serializationStarted: bigint): void {
  const timing = scope?.timing;
  if (!timing?.headers) return;
  const now = process.hrtime.bigint();
  timing.marks.set('ser', ms(serializationStarted, now));
  timing.marks.set('sql', timing.sqlMs);
  timing.marks.set('total', ms(timing.startedAt, now));
  timing.headers.set('server-timing', [...timing.marks].map(([name, value]) => `${name};dur=${value.toFixed(2)}`).join(', '));
  timing.headers = null;
}

/** Adds a statement's duration to the request's SQL time (db.ts times statements only while a request is timed). */
export function recordSqlTime(scope: RequestScope | undefined, milliseconds: number): void {
  if (scope?.timing) scope.timing.sqlMs += milliseconds;
}

function ms(from: bigint, to: bigint): number {
  return Number(to - from) / 1e6;
}
