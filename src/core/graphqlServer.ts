import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { isDatabaseOutage, isStatementTimeout } from './dbErrors';
import { ConcurrencyLimiter } from './concurrency';
import { queryTimeoutMessage, SERVICE_UNAVAILABLE_MESSAGE } from './errors';
import type http from 'node:http';
import type { Config } from './config';
import type { Logger } from './logger';
import { graphqlRequestDuration } from './metrics';
import { currentRequestScope } from './requestScope';
import { addStage } from './stageTimings';
import { UserInputFailure } from './errors';
import { queryCostPlugin, type RateLimiter } from './rateLimit';
import { jitGateway } from './jitExecutor';
import { stringifyResult } from './responseSplices';
import { serverTimingPlugin } from './serverTiming';
import { stringLimitsPlugin } from './inputLimits';
import { operationLabel } from './operationLabel';
import type { Credential } from './credential';

interface BaseGraphqlContext {
  requestId: string;
  actor: Credential;
  ip: string | null;
}

const MASKED_MESSAGE = 'Internal server error.';
const KNOWN_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * Apollo Server with Orgraph's protections: graphql-armor limits (depth, aliases, cost, tokens, directives, no field
 * suggestions), masked internal errors carrying the request id, and per-operation metrics and logs.
 */
export function createApolloServer<TContext extends BaseGraphqlContext>(options: {
  schema: GraphQLSchema;
  config: Config;
  logger: Logger;
  httpServer: http.Server;
  /** Per-credential rate limiter (null when rate limiting is off); shared with authentication in server.ts. */
  limiter: RateLimiter | null;
}): ApolloServer<TContext> {
  const { config, logger } = options;
  const armor = new ApolloArmor({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES },
    costLimit: { maxCost: config.GRAPHQL_MAX_COST, ignoreIntrospection: true },
    // Token limits are enforced by graphql-js's own parser (parseOptions below) so syntax errors stay clean 400s.
    maxTokens: { enabled: false },
    maxDirectives: { n: config.GRAPHQL_MAX_DIRECTIVES },
    blockFieldSuggestion: { enabled: true },
  }).protect();

  return new ApolloServer<TContext>({
    // With JIT on, the schema reaches Apollo through the gateway that carries the executor (see jitExecutor.ts).
    ...(config.GRAPHQL_JIT ? { gateway: jitGateway(options.schema, { compileAfter: config.GRAPHQL_JIT_AFTER }) } : { schema: options.schema }),
    introspection: true,
    // main.ts owns graceful shutdown (drain HTTP, flush, close pool, stop PostgreSQL) in that order.
    stopOnTerminationSignals: false,
    // Batches are allowed; their size is capped before they reach Apollo (see batchLimit in server.ts).
    allowBatchedHttpRequests: true,
    includeStacktraceInErrorResponses: false,
    // Large usage pages arrive as JSON text from PostgreSQL and are spliced in here (responseSplices.ts).
    stringifyResult,
    // Apollo's CSRF guard refuses GET queries without a custom header (GraphQL-over-HTTP says GET queries MUST work).
    // CSRF needs an ambient credential; Orgraph has none (no cookies: only `Authorization`, which a cross-site page
    // cannot attach without a CORS preflight), and GET never runs mutations (405). Re-enable if cookies ever appear.
    csrfPrevention: false,
    parseOptions: { maxLexicalTokens: config.GRAPHQL_MAX_TOKENS },
    validationRules: armor.validationRules,
    plugins: [
      // Orgraph sets no cache hints; Apollo's default cache-control plugin would still hook every resolved field
      // (tens of thousands in a usage page) only to compute a Cache-Control header nobody reads.
      ApolloServerPluginCacheControlDisabled(),
      ...(config.SERVER_TIMING ? [serverTimingPlugin<TContext>()] : []),
      ...armor.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer }),
      observabilityPlugin<TContext>(logger),
      // Before cost and execution: every string within its maximum length (src/core/inputLimits.ts).
      stringLimitsPlugin<TContext>(),
      queryCostPlugin<TContext>({
        maxCost: config.GRAPHQL_MAX_COST,
        limiter: options.limiter,
        concurrency:
          config.GRAPHQL_MAX_IN_FLIGHT_PER_CREDENTIAL > 0
            ? {
                maxInFlight: config.GRAPHQL_MAX_IN_FLIGHT_PER_CREDENTIAL,
                limiter: new ConcurrencyLimiter({
                  maxInFlight: config.GRAPHQL_MAX_IN_FLIGHT_PER_CREDENTIAL,
                  maxQueued: config.GRAPHQL_MAX_QUEUED_PER_CREDENTIAL,
                  maxWaitMs: config.GRAPHQL_QUEUE_WAIT_MS,
                }),
              }
            : null,
        heavyLane:
          config.GRAPHQL_MAX_HEAVY_IN_FLIGHT > 0
            ? {
                maxInFlight: config.GRAPHQL_MAX_HEAVY_IN_FLIGHT,
                minCost: config.GRAPHQL_HEAVY_COST,
                limiter: new ConcurrencyLimiter({
                  maxInFlight: config.GRAPHQL_MAX_HEAVY_IN_FLIGHT,
                  maxQueued: 10 * config.GRAPHQL_MAX_QUEUED_PER_CREDENTIAL,
                  maxWaitMs: 2 * config.GRAPHQL_QUEUE_WAIT_MS,
                }),
              }
            : null,
      }),
    ],
    formatError: (formatted, error) => formatError(formatted, error, logger, config.DATABASE_STATEMENT_TIMEOUT_MS),
  });
}

function formatError(formatted: GraphQLFormattedError, error: unknown, logger: Logger, statementTimeoutMs: number): GraphQLFormattedError {
  const requestId = currentRequestScope()?.requestId;
  // A business-rule failure escaping a query (no payload to carry it) is still the caller's bad input, not a 500.
  const original = (error as { originalError?: unknown })?.originalError;
  if (original instanceof UserInputFailure) {
    return { message: original.message, path: formatted.path, extensions: { code: 'BAD_USER_INPUT', argument: original.field?.join('.'), requestId } };
  }
  const code = String((formatted.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR');
  if (!KNOWN_CODES.has(code) && isStatementTimeout(unwrapResolverError(error))) {
    // The request asked for more work than one statement may do: the caller's to narrow, not a server fault.
    logger.warn({ requestId, path: formatted.path }, 'statement timeout during GraphQL operation');
    return { message: queryTimeoutMessage(statementTimeoutMs), path: formatted.path, extensions: { code: 'QUERY_TIMEOUT', requestId } };
  }
  if (!KNOWN_CODES.has(code) && isDatabaseOutage(unwrapResolverError(error))) {
    // An outage is not a bug: the client may retry, and the log should not page anyone per failed request.
    logger.warn({ err: unwrapResolverError(error), requestId, path: formatted.path }, 'database unavailable during GraphQL operation');
    return { message: SERVICE_UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: 1, requestId } };
  }
  if (!KNOWN_CODES.has(code)) {
    // Anything unexpected is logged in full and shown to the client only as an opaque message with the request id.
    logger.error({ err: error, requestId, path: formatted.path }, 'unexpected error in GraphQL operation');
    return { message: MASKED_MESSAGE, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } };
  }
  const { stacktrace: _stacktrace, exception: _exception, http: _http, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, message: withoutSuggestions(formatted.message), extensions: { ...extensions, code, requestId } };
}

/**
 * The code the client is shown for an error (what formatError answers), for the request's log line: an unexpected
 * error has no `extensions.code` of its own until formatError masks it.
 */
function clientCode(error: GraphQLError): string {
  if (error.originalError instanceof UserInputFailure) return 'BAD_USER_INPUT';
  const code = String((error.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR');
  if (KNOWN_CODES.has(code)) return code;
  if (isStatementTimeout(unwrapResolverError(error))) return 'QUERY_TIMEOUT';
  return isDatabaseOutage(unwrapResolverError(error)) ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR';
}

/**
 * graphql-armor removes field suggestions from validation errors, but graphql-js also suggests enum values and
 * input fields when it coerces variables ("Did you mean the enum value \"ALL\"?"), which would map the schema for
 * a caller with introspection off. graphql-js always appends them as the message's last sentence.
 */
function withoutSuggestions(message: string): string {
  // graphql-armor masks the suggestion of "Did you mean …?" as "[Suggestion hidden]" and leaves the "?" behind.
  return message.replace(/\s*Did you mean [^?]*\?/g, '').replace(/\s*\[Suggestion hidden\]\??/g, '');
}

function observabilityPlugin<TContext extends BaseGraphqlContext>(logger: Logger): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      const scope = currentRequestScope();
      let operationName = 'anonymous';
      let operationLabelValue = 'anonymous';
      // From the first didResolveOperation hook (input limits, cost, rate limit, in-flight slot) to execution.
      let limitsStarted = 0;
      const endLimits = () => {
        if (limitsStarted) addStage(scope, 'limits', performance.now() - limitsStarted);
        limitsStarted = 0;
      };
      return {
        async parsingDidStart() {
          const at = performance.now();
          return async () => addStage(scope, 'parse', performance.now() - at);
        },
        async validationDidStart() {
          const at = performance.now();
          return async () => addStage(scope, 'validate', performance.now() - at);
        },
        async didResolveOperation(requestContext) {
          limitsStarted = performance.now();
          operationName = requestContext.operationName ?? requestContext.operation?.operation ?? 'anonymous';
          // The metric's label comes from a fixed set (the log line keeps the client's own name).
          operationLabelValue = operationLabel(requestContext.operationName);
        },
        async executionDidStart() {
          endLimits();
          const at = performance.now();
          return { async executionDidEnd() { addStage(scope, 'execute', performance.now() - at); } };
        },
        async willSendResponse({ response, errors }) {
          endLimits();
          if (scope?.stages) scope.stages.respondedAt = performance.now();
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const outcome = errors?.length ? 'error' : 'ok';
          graphqlRequestDuration.observe({ operation: operationLabelValue, outcome }, seconds);
          if (scope) response.http.headers.set('x-orgraph-sql-statements', String(scope.sqlStatements));
          // A silent or warn-level logger would drop the line anyway: do not build it for every request.
          if (!logger.isLevelEnabled('info')) return;
          logger.info(
            {
              requestId: contextValue.requestId,
              operation: operationName,
              ms: Math.round(seconds * 1000),
              outcome,
              sqlStatements: scope?.sqlStatements,
              errorCodes: errors?.map(clientCode),
            },
            'graphql request',
          );
        },
      };
    },
  };
}
