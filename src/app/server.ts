import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { expressMiddleware } from '@as-integrations/express5';
import type { DataSource } from 'typeorm';
import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import { createApolloServer } from '../core/graphqlServer';
import { batchLimit, errorHandler, requestScope, sendHttpError } from '../core/http';
import { chargeFailedAuthentication, limiterFromConfig } from '../core/rateLimit';
import { migrationsApplied } from '../core/db';
import { isDatabaseOutage } from '../core/dbErrors';
import { ServiceUnavailableError } from '../core/errors';
import { metricsRegistry, poolConnections } from '../core/metrics';
import { buildOrgraphSchema } from './schema';
import { corsFor } from '../core/cors';
import { createLoaders } from './loaders';
import { buildAppContext, type AppContext } from './context';
import { closeServices, createServices, type Services } from './services';
import { createIdeRouter } from '../ide/ideRouter';
import { createUsageRouter } from '../usage/usage.rest';
import { Access } from '../authz/access';
import { WebhookDispatcher } from '../billing/webhookDispatcher';
import { createBillingRouter } from '../billing/billing.rest';
import { createSsoRouter } from '../sso/sso.rest';

export interface RunningServer {
  url: string;
  services: Services;
  /** Delivers spending-alert webhooks in the background (tests may call runOnce()). */
  webhooks: WebhookDispatcher;
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
  const webhooks = new WebhookDispatcher(
    db,
    (alertId) => services.alerts.signingSecret(alertId),
    { pollMs: config.WEBHOOK_POLL_MS, retryBaseMs: config.WEBHOOK_RETRY_BASE_MS, maxAttempts: config.WEBHOOK_MAX_ATTEMPTS, timeoutMs: config.WEBHOOK_TIMEOUT_MS },
    logger,
  );
  const app = express();
  const httpServer = http.createServer(app);
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
    const ready = migrations === true;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', database: migrations !== null, migrations: ready });
  });
  app.get('/metrics', async (_req, res) => {
    samplePool(db);
    res.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
  });
  app.use(createIdeRouter({ graphqlPath: '/graphql' }));
  app.use(createBillingRouter(services));
  app.use(createSsoRouter(services, config.PUBLIC_URL));
  app.use(
    createUsageRouter(services, async (actor, organizationId) => {
      const loaders = createLoaders(db, services);
      return new Access(actor, loaders).usageTeams((await loaders.organizationById.load(organizationId))!);
    }),
  );
  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    batchLimit(config.GRAPHQL_MAX_BATCH),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        buildAppContext({
          requestId: req.requestId,
          ip: req.ip ?? null,
          actor: await chargeFailedAuthentication(limiter, req.ip ?? null, () =>
            services.authenticator.authenticate(req.header('authorization')),
          ).catch((error: unknown) => {
            // Authentication reads sessions and keys; without a database the answer is 503 + Retry-After, not 500.
            throw isDatabaseOutage(error) ? new ServiceUnavailableError() : error;
          }),
          loaders: createLoaders(db, services),
          services,
        }),
    }),
  );
  app.use((req, res) => sendHttpError(res, req, 404, 'NOT_FOUND', `No route for ${req.method} ${req.path}.`));
  app.use(errorHandler((error, requestId) => logger.error({ err: error, requestId }, 'unhandled HTTP error')));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? config.PORT, config.HOST, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const url = `http://${address.address}:${address.port}`;

  webhooks.start();

  return {
    url,
    services,
    webhooks,
    async close() {
      await webhooks.stop();
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
