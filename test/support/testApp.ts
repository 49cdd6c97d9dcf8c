import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { DataSource } from 'typeorm';
import { loadConfig, type Config } from '../../src/core/config';
import { createLogger, type Logger } from '../../src/core/logger';
import { createAppDataSource } from '../../src/app/database';
import { startServer, type RunningServer } from '../../src/app/server';
import { createIsolatedDatabase, setDatabaseTimeZone } from './testDatabase';

export const TEST_INGEST_TOKEN = 'test-ingest-token-0123456789abcdef';
export const TEST_OPERATOR_TOKEN = 'test-operator-token-0123456789abcdef';

export type Credential = { token: string } | { key: string } | { bearer: string } | undefined;

export interface GraphqlResponse<T = any> {
  status: number;
  headers: Headers;
  body: { data?: T; errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }> };
}

export interface TestApp {
  url: string;
  db: DataSource;
  server: RunningServer;
  config: Config;
  /**
   * POST a GraphQL operation through the real HTTP server. A document from `graphql()` (test/support/gql, generated
   * from the schema) types its variables and answer; a plain string stays untyped (for deliberately invalid documents).
   */
  gql<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables?: TVariables, credential?: Credential): Promise<GraphqlResponse<TResult>>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, credential?: Credential): Promise<GraphqlResponse<T>>;
  /** Like gql but fails the test on any GraphQL error and returns `data`. */
  data<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables?: TVariables, credential?: Credential): Promise<TResult>;
  data<T = any>(query: string, variables?: Record<string, unknown>, credential?: Credential): Promise<T>;
  /**
   * Runs the queued alert and budget evaluations (the `usage-evaluation` jobs ingest queued) until none is waiting
   * or running, instead of sleeping for the background worker. Fails when one keeps failing.
   */
  drainEvaluations(): Promise<void>;
  close(): Promise<void>;
}

/** Drains the evaluation queue of one server (see TestApp.drainEvaluations). */
export async function drainEvaluations(server: RunningServer, db: DataSource, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await server.evaluations.runOnce();
    // 'active' too: the background poller may hold a job this call could not fetch; wait for its outcome.
    const [pending] = await db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'usage-evaluation' AND state IN ('created', 'retry', 'active')`);
    if (pending.n === 0) return;
    if (Date.now() > deadline) throw new Error(`usage-evaluation jobs still pending after ${timeoutMs} ms (one keeps failing?)`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function authorizationHeader(credential: Credential): Record<string, string> {
  if (!credential) return {};
  if ('token' in credential) return { authorization: `Bearer ${credential.token}` };
  if ('key' in credential) return { authorization: `Key ${credential.key}` };
  return { authorization: `Bearer ${credential.bearer}` };
}

/**
 * Starts the real server on an ephemeral port over this test file's own database. Logs are silent unless a test
 * passes its own `logger` (to read what the server logged).
 */
export async function startTestApp(env: Record<string, string> = {}, options: { logger?: Logger; databaseTimeZone?: string } = {}): Promise<TestApp> {
  const database = await createIsolatedDatabase();
  if (options.databaseTimeZone) await setDatabaseTimeZone(database.url, options.databaseTimeZone);
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    ARGON2_MEMORY_KIB: '1024',
    INGEST_TOKEN: TEST_INGEST_TOKEN,
    OPERATOR_TOKEN: TEST_OPERATOR_TOKEN,
    // Every test file drives one server from one IP and signs many users up anonymously; the rate limiter is
    // switched on (with small budgets) by the files that test it (test/rateLimit.test.ts, test/fuzz.test.ts).
    RATE_LIMIT_ENABLED: 'false',
    // Webhook receivers and OIDC providers of tests listen on 127.0.0.1; test/outbound.test.ts turns this off to
    // prove the guard. Production refuses the setting (src/core/config.ts).
    ...(env.NODE_ENV === 'production' ? {} : { OUTBOUND_ALLOW_LOOPBACK: 'true' }),
    ...env,
  });
  const db = createAppDataSource({ url: database.url, poolSize: 8, statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS });
  await db.initialize();
  const server = await startServer({ db, config, logger: options.logger ?? createLogger('silent'), port: 0 });

  const gql = async <T>(document: string | TypedDocumentNode<unknown, unknown>, variables?: unknown, credential?: Credential) => {
    const query = typeof document === 'string' ? document : printed(document);
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorizationHeader(credential) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, headers: response.headers, body: await response.json() } as GraphqlResponse<T>;
  };

  return {
    url: server.url,
    db,
    server,
    config,
    gql,
    async data<T>(document: string | TypedDocumentNode<unknown, unknown>, variables?: unknown, credential?: Credential): Promise<T> {
      const response = await gql<T>(document, variables, credential);
      if (response.body.errors?.length) {
        throw new Error(`GraphQL errors: ${JSON.stringify(response.body.errors)}`);
      }
      return response.body.data as T;
    },
    drainEvaluations: () => drainEvaluations(server, db),
    async close() {
      await server.close();
      await db.destroy();
      await database.drop();
    },
  };
}

const printedDocuments = new WeakMap<object, string>();

/** Generated documents are ASTs; each is printed once per test file. */
function printed(document: TypedDocumentNode<unknown, unknown>): string {
  let text = printedDocuments.get(document);
  if (text === undefined) {
    text = print(document);
    printedDocuments.set(document, text);
  }
  return text;
}
