import 'reflect-metadata';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from './core/config';
import { createLogger } from './core/logger';
import { migrate } from './core/db';
import { createAppDataSource } from './app/database';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './core/embeddedPostgres';
import { startServer } from './app/server';
import { seedDemo } from './seed/demo';
import { devCredentialsFile, loadDevCredentials, saveDevCredentials, type DevCredentials } from './seed/devCredentials';

/**
 * `npm start`: validate configuration, bring up PostgreSQL (embedded unless DATABASE_URL is set), migrate, seed the
 * demo organization on first start, serve, and shut down gracefully on SIGTERM/SIGINT.
 */
async function main(): Promise<void> {
  const startedAt = Date.now();
  let config: Config;
  let credentials: DevCredentials | null = null;
  try {
    const loaded = loadConfig();
    credentials = loaded.isProduction ? null : loadDevCredentials(devCredentialsFile(path.dirname(loaded.EMBEDDED_PG_DIR)));
    config = withDevelopmentCredentials(loaded, credentials);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);

  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    logger.info({ dataDir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT }, 'starting embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({
      dataDir: config.EMBEDDED_PG_DIR,
      port: config.EMBEDDED_PG_PORT,
      onLog: (line) => logger.debug({ postgres: line }),
    });
    databaseUrl = await ensureDatabase(embedded, 'orgraph');
  }

  const db = createAppDataSource({ url: databaseUrl, poolSize: config.DATABASE_POOL_SIZE, statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS });
  await db.initialize();
  const applied = await migrate(db);
  if (applied.length) logger.info({ migrations: applied }, 'applied migrations');
  // Outside production the first start also seeds 90 days of demo activity (usage, a closed month, alerts).
  // PORT=0 (an ephemeral port) is known only after listening: links then fall back to PUBLIC_URL or the host alone.
  const listeningUrl = config.PORT ? `http://${config.HOST}:${config.PORT}` : undefined;
  const demo = config.seedDemo ? await seedDemo(db, { activity: !config.isProduction, listeningUrl }) : null;
  if (demo?.activity) logger.info(demo.activity, 'seeded demo activity');
  if (demo?.adminKey && credentials) saveDevCredentials(devCredentialsFile(path.dirname(config.EMBEDDED_PG_DIR)), { ...credentials, demoAdminKey: demo.adminKey });
  const demoAdminKey = demo?.adminKey ?? credentials?.demoAdminKey ?? null;

  const server = await startServer({ db, config, logger });
  logger.info({ url: server.url, ms: Date.now() - startedAt }, 'ready');
  printBanner(server.url, config, demo, demoAdminKey, server.mailer.description);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.error('graceful shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS);
    force.unref();
    await server.close().catch((error: unknown) => logger.error({ err: error }, 'error while stopping the server'));
    logger.info('HTTP server closed; closing the database pool');
    await db.destroy().catch((error: unknown) => logger.error({ err: error }, 'error while closing the pool'));
    if (embedded) {
      logger.info('stopping embedded PostgreSQL');
      await embedded.stop().catch((error: unknown) => logger.error({ err: error }, 'error while stopping PostgreSQL'));
    }
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

async function ensureDatabase(embedded: EmbeddedDatabase, name: string): Promise<string> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: embedded.adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  return embedded.urlFor(name);
}

/**
 * Outside production, internal credentials not set in the environment come from the data folder (created on the
 * first start, the same on every later one), so the demo works at once and scripts keep working across restarts.
 */
function withDevelopmentCredentials(config: Config, credentials: DevCredentials | null): Config {
  if (!credentials) return config;
  return { ...config, INGEST_TOKEN: config.INGEST_TOKEN ?? credentials.ingestToken, OPERATOR_TOKEN: config.OPERATOR_TOKEN ?? credentials.operatorToken };
}

function printBanner(url: string, config: Config, demo: Awaited<ReturnType<typeof seedDemo>> | null, demoAdminKey: string | null, emails: string): void {
  const lines = [
    '',
    `  Orgraph is running`,
    `  GraphQL endpoint : ${url}/graphql`,
    `  GraphQL IDE      : ${url}/graphql (open in a browser)`,
    `  Health           : ${url}/healthz  ${url}/readyz  ${url}/metrics`,
    `  Emails           : ${emails}`,
  ];
  if (demo) {
    lines.push(
      '',
      `  Demo organization "${demo.organizationSlug}" (teams: ${demo.teamUsernames.join(', ')})`,
      `  Demo admin login : ${demo.adminEmail} / ${demo.adminPassword}`,
    );
    if (demoAdminKey) lines.push(`  Demo org admin key: Authorization: Key ${demoAdminKey}`);
    else lines.push('  Demo org admin key: shown on the start that created it only.');
  }
  lines.push(
    '  New org admin key: in the IDE, sign in (Login tab), read organization { rootTeam { id } } (Keys tab), then run',
    '                     mutation { createApiKey(input: { teamId: "<rootTeam.id>", alias: "admin", scope: ADMIN }) { key userErrors { message } } }',
  );
  if (!config.isProduction) {
    lines.push(
      '',
      `  Ingest token     : Bearer ${config.INGEST_TOKEN}`,
      `  Operator token   : Bearer ${config.OPERATOR_TOKEN}`,
      `  (development credentials are kept in ${devCredentialsFile(path.dirname(config.EMBEDDED_PG_DIR))}; delete it for new ones)`,
    );
  }
  console.log(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(`Orgraph failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
