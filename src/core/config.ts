import { z } from 'zod';

/**
 * Every setting Orgraph reads from the environment, validated once at start-up.
 * A bad value stops start-up with a message naming the variable (see `loadConfig`).
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * PostgreSQL `statement_timeout` of every pool connection, in ms (0 = none): no single statement holds a
   * connection longer, whatever a request asks for. Bulk ingest statements get DATABASE_BULK_STATEMENT_TIMEOUT_MS.
   */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
  DATABASE_BULK_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(120_000),
  EMBEDDED_PG_DIR: z.string().min(1).default('.data/postgres'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ARGON2_MEMORY_KIB: z.coerce.number().int().min(1024).max(1048576).default(19456),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 90).default(24 * 7),
  /** 32+ characters; derives the keys that encrypt secrets at rest. Required in production. */
  ENCRYPTION_KEY: z.string().min(32).optional(),
  /** Credential for the gateway and the metering pipeline (request and usage ingest only). */
  INGEST_TOKEN: z.string().min(24).optional(),
  /** Credential for platform operators (catalog edits, closing billing periods). */
  OPERATOR_TOKEN: z.string().min(24).optional(),
  /** Largest accepted request-record payload (input + output JSON), in bytes; larger records are refused, never truncated. */
  REQUEST_PAYLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(256 * 1024),
  /** Findings: flag when more than this share of members are organization admins (only from the minimum size). */
  GOVERNANCE_MAX_ADMIN_SHARE: z.coerce.number().min(0).max(1).default(0.34),
  GOVERNANCE_MIN_MEMBERS_FOR_ADMIN_SHARE: z.coerce.number().int().min(1).default(4),
  /** Findings: keys older than this many days were never rotated. */
  GOVERNANCE_KEY_ROTATION_DAYS: z.coerce.number().int().min(1).default(180),
  /** Findings: month-to-date spend projected to month end above expected × this factor. A decimal. */
  GOVERNANCE_SPEND_PACE_FACTOR: z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal such as 1.5').default('1.5'),
  /** Webhook delivery: poll interval, first retry delay (doubling per attempt), attempts and per-attempt timeout. */
  WEBHOOK_POLL_MS: z.coerce.number().int().min(10).default(500),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(1000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  /** Job queue: how often stalled jobs (their worker died) are expired and retried, in seconds (one instance does it). */
  JOB_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).default(30),
  /** Job queue: seconds a job may outlive its attempt's timeout before another worker takes it over. */
  JOB_EXPIRY_MARGIN_SECONDS: z.coerce.number().int().min(1).default(10),
  /** Job queue: how often each instance checks whether a cron schedule is due, in seconds (1–45). */
  JOB_CRON_CHECK_SECONDS: z.coerce.number().int().min(1).max(45).default(30),
  /** Alert and budget evaluation after ingest: how often each instance polls the evaluation queue. */
  EVALUATION_POLL_MS: z.coerce.number().int().min(10).default(500),
  /**
   * When raw-record retention runs (and next months' partitions are created): a five-field cron expression in UTC,
   * default daily at 03:15; `off` schedules nothing (operators then run `applyRawRecordRetention`).
   */
  RETENTION_SCHEDULE: z
    .string()
    .regex(/^(off|[0-9*/,-]+( [0-9*/,-]+){4})$/, 'must be a five-field cron expression such as "15 3 * * *", or off')
    .default('15 3 * * *'),
  /** How often each instance polls the retention queue for a due run, in milliseconds. */
  RETENTION_POLL_MS: z.coerce.number().int().min(10).default(5000),
  /** Budgets: how long a reservation holds its amount when no usage record settles it. */
  BUDGET_RESERVATION_TTL_SECONDS: z.coerce.number().int().min(1).max(86400).default(300),
  /**
   * Public base URL of this server (SSO callback URLs). Required in production; elsewhere it defaults to each
   * request's host, which a client can set to anything (so production never derives it from requests).
   */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Seed the demo organization on start (default: on, except in production, where it is refused). */
  SEED_DEMO: booleanFlag.optional(),
  /**
   * Outbound requests to customer-supplied URLs (src/core/outbound.ts): let loopback addresses through. For tests and
   * local development only (receivers on 127.0.0.1); production refuses to start with it.
   */
  OUTBOUND_ALLOW_LOOPBACK: booleanFlag.default(false),
  /** Outbound requests: the largest response body read, in bytes (a larger one fails the request). */
  OUTBOUND_MAX_RESPONSE_BYTES: z.coerce.number().int().min(1024).max(16 * 1024 * 1024).default(1024 * 1024),
  /** Outbound requests: time for a whole request (DNS, connect, answer), in milliseconds. */
  OUTBOUND_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** `host:port` of the DNS server Orgraph resolves customer-supplied names with; default: the system resolver. */
  DNS_RESOLVER: z
    .string()
    .regex(/^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):\d{1,5}$/, 'must be ip:port, e.g. 127.0.0.1:5353 or [::1]:53')
    .optional(),
  /** Bearer credential for `/metrics`. Production serves `/metrics` only with it (404 when unset). */
  METRICS_TOKEN: z.string().min(24).optional(),
  /**
   * Sign-up answers the same for every address and creates the account only once the emailed link is confirmed
   * (no account enumeration). Default: on in production, off elsewhere (sign-up then signs in at once).
   */
  SIGN_UP_CONFIRMATION: booleanFlag.optional(),
  /** Outgoing mail relay, e.g. `smtp://user:pass@mail.example.com:587` or `smtps://…:465`. Unset: see EMAIL_DIR. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** Sender of every email (an address, optionally with a display name). */
  EMAIL_FROM: z.string().min(3).max(320).default('Orgraph <no-reply@orgraph.localhost>'),
  /**
   * Without SMTP_URL outside production, emails are printed to the log and written as .eml files here (default in
   * development: `emails` beside EMBEDDED_PG_DIR, i.e. `.data/emails`). In production without SMTP_URL they stay queued.
   */
  EMAIL_DIR: z.string().min(1).optional(),
  /** Email delivery: poll interval, first retry delay (doubling per attempt) and attempts before FAILED. */
  EMAIL_POLL_MS: z.coerce.number().int().min(10).default(1000),
  EMAIL_RETRY_BASE_MS: z.coerce.number().int().min(1).default(30_000),
  EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** Cache verified API keys for a few seconds (revocation drops the entry at once). Off only to measure its effect. */
  API_KEY_AUTH_CACHE: booleanFlag.default(true),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).max(500).default(30),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(20000),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(5000),
  GRAPHQL_MAX_BATCH: z.coerce.number().int().min(1).max(100).default(10),
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(1).max(200).default(50),
  /** Run repeated operations on a graphql-jit compilation of their document (src/core/jitExecutor.ts). */
  GRAPHQL_JIT: booleanFlag.default(true),
  /** How many times a document runs on graphql-js before it is compiled (0 = compile on first sight). */
  GRAPHQL_JIT_AFTER: z.coerce.number().int().min(0).max(1000).default(1),
  /** Per-stage durations of GraphQL requests in a Server-Timing header (src/core/serverTiming.ts); for benchmarks. */
  SERVER_TIMING: booleanFlag.default(false),
  /** Cost-based rate limiting per credential (src/core/rateLimit.ts); budgets are query-cost points per minute. */
  RATE_LIMIT_ENABLED: booleanFlag.default(true),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_USER_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
  RATE_LIMIT_API_KEY_PER_MINUTE: z.coerce.number().int().min(1).default(12000),
  RATE_LIMIT_INGEST_PER_MINUTE: z.coerce.number().int().min(1).default(600000),
  RATE_LIMIT_OPERATOR_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
  /**
   * Shared rate-limit budgets live in PostgreSQL (table rate_limit_budgets) unless REDIS_URL is set, then in Redis
   * under RATE_LIMIT_REDIS_PREFIX (so several deployments or test runs can share one Redis).
   */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  RATE_LIMIT_REDIS_PREFIX: z.string().min(1).max(100).default('orgraph:rl'),
  /**
   * When the shared store does not answer: `memory` limits from each instance's memory (same budgets, per instance),
   * `refuse` answers 503 SERVICE_UNAVAILABLE (reason RATE_LIMIT_STORE_UNAVAILABLE). Never unmetered.
   */
  RATE_LIMIT_STORE_FAILURE: z.enum(['memory', 'refuse']).default('memory'),
  /** GraphQL operations one credential (user or API key) may run at once (0 = no cap); see src/core/concurrency.ts. */
  GRAPHQL_MAX_IN_FLIGHT_PER_CREDENTIAL: z.coerce.number().int().min(0).max(1000).default(4),
  /** Operations per credential that may wait for a slot, and for how long, before RATE_LIMITED. */
  GRAPHQL_MAX_QUEUED_PER_CREDENTIAL: z.coerce.number().int().min(0).max(10_000).default(32),
  GRAPHQL_QUEUE_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /**
   * Operations costing at least GRAPHQL_HEAVY_COST share GRAPHQL_MAX_HEAVY_IN_FLIGHT slots server-wide (0 = no
   * lane), so heavy work from many credentials together cannot take every pool connection from light requests.
   */
  GRAPHQL_HEAVY_COST: z.coerce.number().int().min(1).default(1000),
  GRAPHQL_MAX_HEAVY_IN_FLIGHT: z.coerce.number().int().min(0).max(1000).default(4),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10000),
  /**
   * Browser origins allowed to call the API from another origin (CORS), comma-separated exact origins such as
   * `https://dashboard.example.com`; none by default. Credentials travel in the Authorization header only, never in
   * cookies, so responses never allow credentials.
   */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, 'must be origins like https://dashboard.example.com (scheme, host, optional port; no path), comma-separated'))),
});

export type Config = z.infer<typeof configSchema> & {
  /** True unless NODE_ENV=production: controls error masking and demo conveniences. */
  readonly isProduction: boolean;
  readonly encryptionKey: string;
  /** SEED_DEMO resolved: never in production. */
  readonly seedDemo: boolean;
  /** SIGN_UP_CONFIRMATION with its default applied. */
  readonly signUpConfirmation: boolean;
};

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const values = parsed.data;
  const isProduction = values.NODE_ENV === 'production';
  if (isProduction && !values.ENCRYPTION_KEY) {
    throw new ConfigError('Invalid configuration:\n  ENCRYPTION_KEY: required when NODE_ENV=production');
  }
  // A production server must not reach its own loopback services on a customer's behalf, nor create an organization
  // with a documented password.
  if (isProduction && values.OUTBOUND_ALLOW_LOOPBACK) {
    throw new ConfigError('Invalid configuration:\n  OUTBOUND_ALLOW_LOOPBACK: not allowed when NODE_ENV=production');
  }
  if (isProduction && values.SEED_DEMO) {
    throw new ConfigError('Invalid configuration:\n  SEED_DEMO: the demo organization is never seeded when NODE_ENV=production');
  }
  // SSO redirect URIs must not come from a request's Host header, which any client chooses.
  if (isProduction && !values.PUBLIC_URL) {
    throw new ConfigError('Invalid configuration:\n  PUBLIC_URL: required when NODE_ENV=production (the public base URL, e.g. https://orgraph.example.com, used for SSO redirect URIs)');
  }
  return {
    ...values,
    isProduction,
    seedDemo: !isProduction && (values.SEED_DEMO ?? true),
    signUpConfirmation: values.SIGN_UP_CONFIRMATION ?? isProduction,
    // Development fallback only; production requires ENCRYPTION_KEY (checked above).
    encryptionKey: values.ENCRYPTION_KEY ?? 'orgraph-development-encryption-key-not-for-production',
  };
}
