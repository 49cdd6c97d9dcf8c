import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process; `/metrics` prints it in Prometheus text format. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const graphqlRequestDuration = new Histogram({
  name: 'orgraph_graphql_request_duration_seconds',
  help: 'GraphQL request latency by operation name and outcome.',
  labelNames: ['operation', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const httpRequestsTotal = new Counter({
  name: 'orgraph_http_requests_total',
  help: 'HTTP requests by route and status code.',
  labelNames: ['route', 'status'] as const,
  registers: [metricsRegistry],
});

export const sqlStatementsTotal = new Counter({
  name: 'orgraph_sql_statements_total',
  help: 'SQL statements issued through the ORM.',
  registers: [metricsRegistry],
});

export const poolConnections = new Gauge({
  name: 'orgraph_db_pool_connections',
  help: 'Database pool connections by state (total, idle, waiting).',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
});

export const rateLimitRejections = new Counter({
  name: 'orgraph_rate_limit_rejections_total',
  help: 'GraphQL operations refused with RATE_LIMITED, by credential class.',
  labelNames: ['class'] as const,
  registers: [metricsRegistry],
});

export const rateLimitStoreUp = new Gauge({
  name: 'orgraph_rate_limit_store_up',
  help: 'Whether the shared rate-limit store (postgres or redis) answered the last call: 1 yes, 0 no (memory fallback or refusals meanwhile).',
  labelNames: ['store'] as const,
  registers: [metricsRegistry],
});

export const rateLimitStoreFallbacks = new Counter({
  name: 'orgraph_rate_limit_store_fallbacks_total',
  help: 'Rate-limit decisions the shared store did not answer: taken from memory (mode=memory) or refused with 503 (mode=refuse).',
  labelNames: ['store', 'mode'] as const,
  registers: [metricsRegistry],
});

export const invalidationListenerUp = new Gauge({
  name: 'orgraph_invalidation_listener_up',
  help: 'Whether this instance LISTENs for cross-instance cache invalidations (0: caches bypassed until it reconnects).',
  registers: [metricsRegistry],
});

export const invalidationsReceived = new Counter({
  name: 'orgraph_invalidations_received_total',
  help: 'Cache invalidations received over LISTEN/NOTIFY (from any instance, this one included), by kind.',
  labelNames: ['kind'] as const,
  registers: [metricsRegistry],
});

export const graphqlExecutions = new Counter({
  name: 'orgraph_graphql_executions_total',
  help: 'GraphQL operations executed, by engine: `jit` (a compiled document) or `graphql-js` (first runs, refused variables).',
  labelNames: ['engine'] as const,
  registers: [metricsRegistry],
});
