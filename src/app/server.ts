import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { expressMiddleware } from '@as-integrations/express5';
import type { DataSource } from 'typeorm';
import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import { createApolloServer } from '../core/graphqlServer';
import { batchLimit, errorHandler, hasRepeatedHeader, requestScope, sendHttpError, timeStages } from '../core/http';
import { currentRequestScope } from '../core/requestScope';
import { sendSplicedAnswers } from '../core/responseSplices';
import { addStage } from '../core/stageTimings';
import { chargeFailedAuthentication, limiterFromConfig, subjectOf, type RateLimiter } from '../core/rateLimit';
import type { Actor } from '../auth/actor';
import { rateLimitRejections } from '../core/metrics';
import { migrationsApplied } from '../core/db';
import { isDatabaseOutage } from '../core/dbErrors';
import { DomainError, RateLimitedError, RateLimitStoreUnavailableError, ServiceUnavailableError, toGraphQLError, UnauthenticatedError } from '../core/errors';
import { metricsRegistry, poolConnections } from '../core/metrics';
import { buildOrgraphSchema } from './schema';
import { corsFor } from '../core/cors';
import { createLoaders } from './loaders';
import { modules } from './modules';
import { nodeFetchers } from './nodes';
import { buildAppContext, type AppContext } from './context';
import { closeServices, createServices, type Services } from './services';
import { createIdeRouter } from '../ide/ideRouter';
import { WebhookDispatcher } from '../billing/webhookDispatcher';
import { OutboundClient } from '../core/outbound';
import { answerOversizedRestRequests, restNotFound, type RestDeps } from './rest';
import { createMailer, type Mailer } from '../email/mailer';
import { EmailDispatcher } from '../email/emailDispatcher';
import { JobQueue, QUEUES } from '../jobs/jobQueue';
import { QueueWorker } from '../jobs/queueWorker';
import { evaluateUsage } from '../jobs/usageEvaluation';

export interface RunningServer {
  url: string;
  services: Services;
  /** Delivers spending-alert webhooks in the background (tests may call runOnce()). */
  webhooks: WebhookDispatcher;
  /** Delivers the email outbox in the background (tests may call runOnce()). */
  emails: EmailDispatcher;
  /** The PostgreSQL job queue every worker here works from (tests may call expireStalled()). */
  jobs: JobQueue;
  /** Alert and budget evaluation queued after ingest (tests drain it with runOnce()). */
  evaluations: QueueWorker<{ organizationId: string }>;
  /** Scheduled raw-record retention runs (tests may call runOnce()). */
  retention: QueueWorker<object>;
  /** Where emails go (the start-up banner prints `mailer.description`). */
  mailer: Mailer;
  /** Stop accepting, finish in-flight requests, flush background work. Does not close the database. */
  close(): Promise<void>;
}

/** Wires HTTP → context → GraphQL and the operational routes, and listens. */
export async function startServer(options: {
  db: DataSource;
  config: Config;
  logger: Logger;
  port?: number;
}): Promise<RunningServer> {
  const { db, config, logger } = options;
  const services = createServices(db, config, modules, logger);
  const invalidation = services.invalidation;
  await invalidation.start();
  const jobs = new JobQueue(db, { maintenanceSeconds: config.JOB_MAINTENANCE_SECONDS, cronCheckSeconds: config.JOB_CRON_CHECK_SECONDS }, logger);
  await jobs.start();
  await jobs.scheduleRetention(config.RETENTION_SCHEDULE === 'off' ? null : config.RETENTION_SCHEDULE);
  // Ingest answers once its records are stored; what reacts to them (alerts, budgets) runs on the queue.
  services.usageIngest.onStored((organizationIds) => jobs.enqueueEvaluations(organizationIds));
  const evaluations = new QueueWorker<{ organizationId: string }>(
    jobs,
    QUEUES.evaluation,
    (job) => evaluateUsage(services, job.organizationId),
    { pollMs: config.EVALUATION_POLL_MS, batchSize: 20 },
    logger,
  );
  const retention = new QueueWorker<object>(
    jobs,
    QUEUES.retention,
    // The schedule acts for the platform operators: its audit events name the operator and the job.
    (_job, jobId) => services.retention.run({ actor: { kind: 'OPERATOR' }, requestId: `job:${jobId}`, ip: null }, 'SCHEDULE', jobId),
    { pollMs: config.RETENTION_POLL_MS, batchSize: 1 },
    logger,
  );
  // A job outlives its attempt by a margin, so only a dead worker's job runs again (see WebhookDispatcher).
  await jobs.setExpiry(QUEUES.webhook, Math.ceil(config.WEBHOOK_TIMEOUT_MS / 1000) + config.JOB_EXPIRY_MARGIN_SECONDS);
  await jobs.setExpiry(QUEUES.email, 60 + config.JOB_EXPIRY_MARGIN_SECONDS);
  const webhooks = new WebhookDispatcher(
    db,
    jobs,
    (alertId) => services.alerts.signingSecret(alertId),
    { pollMs: config.WEBHOOK_POLL_MS, retryBaseMs: config.WEBHOOK_RETRY_BASE_MS, maxAttempts: config.WEBHOOK_MAX_ATTEMPTS },
    new OutboundClient({ ...services.outbound.options, timeoutMs: config.WEBHOOK_TIMEOUT_MS }),
    logger,
  );
  const mailer = createMailer(config, logger);
  const emails = new EmailDispatcher(
    db,
    jobs,
    mailer,
    { pollMs: config.EMAIL_POLL_MS, retryBaseMs: config.EMAIL_RETRY_BASE_MS, maxAttempts: config.EMAIL_MAX_ATTEMPTS },
    logger,
  );
  const app = express();
  const httpServer = http.createServer(app);
  // Idle keep-alive connections outlive the client's and a load balancer's own idle timeout (60 s on common ones):
  // with Node's 5 s default, a connection the server closes just as a client sends its next request on it (a client
  // busy for a few seconds between requests) fails with ECONNRESET instead of being answered.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  answerOversizedRestRequests(httpServer);
  app.disable('x-powered-by');
  // Express would hash every response body for a weak ETag (a usage page is ~8 MB); authenticated API answers that
  // change with each ingest gain nothing from conditional requests.
  app.set('etag', false);
  app.set('trust proxy', 'loopback');

  const limiter = await limiterFromConfig(config, db, logger);
  const apollo = createApolloServer<AppContext>({ schema: buildOrgraphSchema(), config, logger, httpServer, limiter });
  await apollo.start();

  app.use(requestScope);
  // A base URL with a trailing slash makes `//v1/…` (proxies such as nginx merge such slashes by default): served as
  // `/v1/…` rather than answered with the app's GraphQL-shaped 404. Every route still checks its own credential.
  app.use((req, _res, next) => {
    if (req.url.startsWith('//')) req.url = req.url.replace(/^\/{2,}/, '/');
    next();
  });
  app.use(corsFor(config.CORS_ORIGINS));
  // The IDE answers browsers' GET /graphql; GraphQL itself comes next: every request of the busiest route would
  // otherwise be matched against each REST router's routes before reaching it (none of them serves /graphql).
  app.use(createIdeRouter({ graphqlPath: '/graphql' }));
  // Authentication once per HTTP request: the early refusal below and the GraphQL context share it.
  const actors = new WeakMap<express.Request, Promise<Actor>>();
  const authenticate = (req: express.Request): Promise<Actor> => {
    let actor = actors.get(req);
    if (!actor) {
      const scope = currentRequestScope();
      const started = performance.now();
      actor = hasRepeatedHeader(req.rawHeaders, 'authorization')
        ? Promise.reject(new UnauthenticatedError('Send one Authorization header, not several.'))
        : chargeFailedAuthentication(limiter, req.ip ?? null, () => services.authenticator.authenticate(req.header('authorization')));
      actor.then(
        () => addStage(scope, 'auth', performance.now() - started),
        () => addStage(scope, 'auth', performance.now() - started),
      );
      actors.set(req, actor);
    }
    return actor;
  };
  app.use(
    '/graphql',
    timeStages('graphql'),
    refuseEmptyBudgets(limiter, authenticate),
    express.json({ limit: '2mb' }),
    batchLimit(config.GRAPHQL_MAX_BATCH),
    // Answers holding usage items written by PostgreSQL are sent in parts (src/core/responseSplices.ts).
    sendSplicedAnswers,
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        buildAppContext({
          requestId: req.requestId,
          ip: req.ip ?? null,
          actor: await authenticate(req).catch((error: unknown) => {
            // Authentication reads sessions and keys; without a database the answer is 503 + Retry-After, not 500.
            // Context creation is an edge of its own: Apollo would prefix a non-GraphQL error's message.
            if (isDatabaseOutage(error)) throw toGraphQLError(new ServiceUnavailableError());
            throw error instanceof DomainError ? toGraphQLError(error) : error;
          }),
          loaders: createLoaders(db, services),
          services,
          nodeFetchers,
        }),
    }),
  );
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    // Each dependency reports its own state. The database and the job queue gate readiness; a degraded limiter
    // store gates it only when the limiter refuses meanwhile (RATE_LIMIT_STORE_FAILURE=refuse: nothing could be
    // served). With the memory fallback it does not, so one Redis outage does not take every instance out, and
    // neither does a lost invalidation listener (its cache is bypassed until it is back).
    const [migrations, limiterHealth] = await Promise.all([
      // null: the database did not answer; false: it answered, but a migration this build knows is not applied.
      migrationsApplied(db).catch(() => null),
      limiter ? limiter.health() : Promise.resolve(null),
    ]);
    const queue = migrations === true ? await jobs.health() : null;
    const ready = migrations === true && queue?.up === true && limiterHealth?.fallback !== 'refuse';
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'unavailable',
      checks: {
        database: { status: migrations === null ? 'down' : 'up', migrations: migrations === true ? 'applied' : migrations === false ? 'pending' : 'unknown' },
        // Dead letters do not make the instance unready; they are work for an operator (`job_dead_letters`).
        queue: queue?.up ? { status: 'up', queued: queue.queued, deadLetters: queue.deadLetters } : { status: 'down' },
        limiter: limiterHealth ?? { status: 'off' },
        invalidation: invalidation.health(),
      },
    });
  });
  app.get('/metrics', async (req, res) => {
    // Production serves metrics only to the holder of METRICS_TOKEN (404 while none is configured).
    if (config.isProduction && !config.METRICS_TOKEN) return void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
    if (config.METRICS_TOKEN && !bearerMatches(req.headers.authorization, config.METRICS_TOKEN)) {
      return void res.status(401).set('www-authenticate', 'Bearer').json({ error: { code: 'UNAUTHENTICATED', message: 'Metrics need the metrics bearer token.' } });
    }
    samplePool(db);
    res.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
  });
  // The REST routes share one authentication, rate budget and error body (app/rest.ts, docs/rest.md).
  const rest: RestDeps = { services, limiter, log: (error, requestId) => logger.error({ err: error, requestId }, 'unhandled REST error') };
  const loadersFor = () => createLoaders(db, services);
  for (const module of modules) {
    if (module.restRoutes) app.use(module.restRoutes({ rest, services, limiter, logger, loadersFor }));
  }
  app.use('/v1', restNotFound());
  app.use((req, res) => sendHttpError(res, req, 404, 'NOT_FOUND', `No route for ${req.method} ${req.path}.`));
  app.use(errorHandler((error, requestId) => logger.error({ err: error, requestId }, 'unhandled HTTP error')));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? config.PORT, config.HOST, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const url = `http://${address.address}:${address.port}`;

  services.publicUrl.setListeningUrl(url);
  webhooks.start();
  emails.start();
  evaluations.start();
  retention.start();

  return {
    url,
    services,
    webhooks,
    emails,
    jobs,
    evaluations,
    retention,
    mailer,
    async close() {
      await webhooks.stop();
      await emails.stop();
      await evaluations.stop();
      await retention.stop();
      await jobs.stop();
      // apollo.stop() drains the HTTP server: no new connections, in-flight requests finish.
      await apollo.stop();
      await closeServices(services);
      await limiter?.close();
    },
  };
}

function samplePool(db: DataSource): void {
  const pool = (db.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } }).master;
  if (!pool) return;
  poolConnections.set({ state: 'total' }, pool.totalCount);
  poolConnections.set({ state: 'idle' }, pool.idleCount);
  poolConnections.set({ state: 'waiting' }, pool.waitingCount);
}

/** Constant-time comparison of `Authorization: Bearer <token>` with the expected token. */
function bearerMatches(header: string | undefined, expected: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '', 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  return given.length === wanted.length && crypto.timingSafeEqual(given, wanted);
}

/**
 * A credential whose budget is already empty is refused before its body is parsed: a refused client retrying in a
 * tight loop with large batches would otherwise make the server parse, validate and cost every operation only to
 * refuse it, and that work delays everyone else's requests (measured by bench/starvation.ts).
 */
function refuseEmptyBudgets(limiter: RateLimiter | null, authenticate: (req: express.Request) => Promise<Actor>): express.RequestHandler {
  return (req, res, next) => {
    if (!limiter || req.method !== 'POST') return next();
    authenticate(req).then(
      async (actor) => {
        const subject = subjectOf(actor, req.ip ?? null);
        let state: Awaited<ReturnType<RateLimiter['peekEmpty']>>;
        try {
          state = await limiter.peekEmpty(subject);
        } catch (error) {
          // RATE_LIMIT_STORE_FAILURE=refuse and the store is away: the same 503 the operation itself would get.
          if (!(error instanceof RateLimitStoreUnavailableError)) throw error;
          const retryAfter = Number(error.extensions.retryAfter);
          res.setHeader('retry-after', String(retryAfter));
          res.status(503).json({ errors: [{ message: error.message, extensions: { ...withoutHttp(error.extensions), requestId: req.requestId } }] });
          return;
        }
        if (!state.empty) return next();
        rateLimitRejections.inc({ class: subject.limitClass });
        const error = new RateLimitedError(state.retryAfterSeconds);
        res.setHeader('retry-after', String(state.retryAfterSeconds));
        res.status(429).json({ errors: [{ message: error.message, extensions: { code: 'RATE_LIMITED', retryAfter: state.retryAfterSeconds, requestId: req.requestId } }] });
      },
      // Authentication failures are answered by the GraphQL path, as before (401, or 429 for guessing IPs).
      () => next(),
    ).catch(next);
  };
}

function withoutHttp(extensions: Record<string, unknown>): Record<string, unknown> {
  const { http: _http, ...rest } = extensions;
  return rest;
}
