import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { expressMiddleware } from '@as-integrations/express5';
import type { DataSource } from 'typeorm';
import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import { createApolloServer } from '../core/graphqlServer';
import { batchLimit, errorHandler, requestScope, sendHttpError } from '../core/http';
import { chargeFailedAuthentication, limiterFromConfig, subjectOf, type TokenBucketLimiter } from '../core/rateLimit';
import type { Actor } from '../auth/actor';
import { rateLimitRejections } from '../core/metrics';
import { migrationsApplied } from '../core/db';
import { isDatabaseOutage } from '../core/dbErrors';
import { DomainError, RateLimitedError, ServiceUnavailableError, toGraphQLError } from '../core/errors';
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

export interface RunningServer {
  url: string;
  services: Services;
  /** Delivers spending-alert webhooks in the background (tests may call runOnce()). */
  webhooks: WebhookDispatcher;
  /** Delivers the email outbox in the background (tests may call runOnce()). */
  emails: EmailDispatcher;
  /** The PostgreSQL job queue both dispatchers work from (tests may call expireStalled()). */
  jobs: JobQueue;
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
  const services = createServices(db, config);
  const jobs = new JobQueue(db, { maintenanceSeconds: config.JOB_MAINTENANCE_SECONDS }, logger);
  await jobs.start();
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
  answerOversizedRestRequests(httpServer);
  app.disable('x-powered-by');
  // Express would hash every response body for a weak ETag (a usage page is ~8 MB); authenticated API answers that
  // change with each ingest gain nothing from conditional requests.
  app.set('etag', false);
  app.set('trust proxy', 'loopback');

  const limiter = limiterFromConfig(config);
  const apollo = createApolloServer<AppContext>({ schema: buildOrgraphSchema(), config, logger, httpServer, limiter });
  await apollo.start();

  app.use(requestScope);
  app.use(corsFor(config.CORS_ORIGINS));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    // null: the database did not answer; false: it answered, but a migration this build knows is not applied.
    const migrations = await migrationsApplied(db).catch(() => null);
    const queue = migrations === true ? await jobs.health() : null;
    const ready = migrations === true && queue?.up === true;
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'unavailable',
      database: migrations !== null,
      migrations: migrations === true,
      checks: {
        database: { state: migrations === null ? 'down' : 'up', migrations: migrations === true },
        // Dead letters do not make the instance unready; they are work for an operator (`job_dead_letters`).
        queue: queue?.up ? { state: 'up', queued: queue.queued, deadLetters: queue.deadLetters } : { state: 'down' },
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
  app.use(createIdeRouter({ graphqlPath: '/graphql' }));
  // The REST routes share one authentication, rate budget and error body (app/rest.ts, docs/rest.md).
  const rest: RestDeps = { services, limiter, log: (error, requestId) => logger.error({ err: error, requestId }, 'unhandled REST error') };
  const loadersFor = () => createLoaders(db, services);
  for (const module of modules) {
    if (module.restRoutes) app.use(module.restRoutes({ rest, services, limiter, logger, loadersFor }));
  }
  // Authentication once per HTTP request: the early refusal below and the GraphQL context share it.
  const actors = new WeakMap<express.Request, Promise<Actor>>();
  const authenticate = (req: express.Request): Promise<Actor> => {
    let actor = actors.get(req);
    if (!actor) {
      actor = chargeFailedAuthentication(limiter, req.ip ?? null, () => services.authenticator.authenticate(req.header('authorization')));
      actors.set(req, actor);
    }
    return actor;
  };
  app.use(
    '/graphql',
    refuseEmptyBudgets(limiter, authenticate),
    express.json({ limit: '2mb' }),
    batchLimit(config.GRAPHQL_MAX_BATCH),
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

  return {
    url,
    services,
    webhooks,
    emails,
    jobs,
    mailer,
    async close() {
      await webhooks.stop();
      await emails.stop();
      await jobs.stop();
      // apollo.stop() drains the HTTP server: no new connections, in-flight requests finish.
      await apollo.stop();
      await closeServices(services);
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
function refuseEmptyBudgets(limiter: TokenBucketLimiter | null, authenticate: (req: express.Request) => Promise<Actor>): express.RequestHandler {
  return (req, res, next) => {
    if (!limiter || req.method !== 'POST') return next();
    authenticate(req).then(
      (actor) => {
        const subject = subjectOf(actor, req.ip ?? null);
        const state = limiter.peekEmpty(subject);
        if (!state.empty) return next();
        rateLimitRejections.inc({ class: subject.limitClass });
        const error = new RateLimitedError(state.retryAfterSeconds);
        res.setHeader('retry-after', String(state.retryAfterSeconds));
        res.status(429).json({ errors: [{ message: error.message, extensions: { code: 'RATE_LIMITED', retryAfter: state.retryAfterSeconds, requestId: req.requestId } }] });
      },
      // Authentication failures are answered by the GraphQL path, as before (401, or 429 for guessing IPs).
      () => next(),
    );
  };
}
