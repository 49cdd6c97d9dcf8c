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

export const graphqlExecutions = new Counter({
  name: 'orgraph_graphql_executions_total',
  help: 'GraphQL operations executed, by engine: `jit` (a compiled document) or `graphql-js` (first runs, refused variables).',
  labelNames: ['engine'] as const,
  registers: [metricsRegistry],
});
