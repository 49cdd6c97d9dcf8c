import 'reflect-metadata';
import crypto from 'node:crypto';
import { fork } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { ApiKeyScope } from '../../src/apiKeys/apiKey.entity';
import { startServer, type RunningServer } from '../../src/app/server';
import { loadConfig } from '../../src/core/config';
import { migrate } from '../../src/core/db';
import { createAppDataSource } from '../../src/app/database';
import { createLogger } from '../../src/core/logger';
import { Team } from '../../src/teams/team.entity';
import type { DriverRequest, DriverResult } from './driver';

/**
 * Shared set-up of the load benchmarks: a FRESH database on the PostgreSQL server named by DATABASE_URL (created,
 * migrated, dropped at the end), the Orgraph server started in this process on 127.0.0.1, and fixtures made
 * through the public API. The load itself comes from a forked driver process (autocannon), so this process's
 * memory and event loop are the server's alone.
 */

export interface Fixtures {
  sessionToken: string;
  organizationSlug: string;
  teamUsername: string;
  /** ADMIN key on the organization's root team (organization admin). */
  orgAdminKey: string;
  /** API-scoped key on an ordinary team. */
  teamApiKey: string;
  /** The gateway's credential (checkModelAccess, ingest). */
  ingestToken: string;
}

export interface Bench {
  url: string;
  db: DataSource;
  server: RunningServer;
  fixtures: Fixtures;
  stop(): Promise<void>;
}

export function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${raw}`);
  return value;
}

export async function startBench(): Promise<Bench> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('Set DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (a fresh database is created on that server)');
  const name = `orgraph_bench_${crypto.randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;

  const config = loadConfig({
    NODE_ENV: 'production',
    ENCRYPTION_KEY: 'bench-encryption-key-0123456789abcdef-0123',
    PUBLIC_URL: 'https://orgraph.test',
    HOST: '127.0.0.1', // loopback only
    PORT: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '10',
    INGEST_TOKEN: 'bench-ingest-token-0123456789abcdef',
    OPERATOR_TOKEN: 'bench-operator-token-0123456789abcdef',
    // The limiter runs (its cost is part of every request) with budgets the benchmark cannot exhaust.
    RATE_LIMIT_ENABLED: 'true',
    RATE_LIMIT_USER_PER_MINUTE: '1000000000',
    RATE_LIMIT_API_KEY_PER_MINUTE: '1000000000',
    RATE_LIMIT_INGEST_PER_MINUTE: '1000000000',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000000',
  });
  const dropDatabase = () =>
    process.env.KEEP_DB ? Promise.resolve() : withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const db = createAppDataSource({ url: url.toString(), poolSize: config.DATABASE_POOL_SIZE });
  let server: RunningServer | null = null;
  let fixtures: Fixtures;
  try {
    await db.initialize();
    await migrate(db);
    server = await startServer({ db, config, logger: createLogger(config.LOG_LEVEL), port: 0 });
    fixtures = await createFixtures(server);
  } catch (error) {
    await server?.close().catch(() => undefined);
    if (db.isInitialized) await db.destroy();
    await dropDatabase();
    throw error;
  }
  return {
    url: server.url,
    db,
    server,
    fixtures,
    async stop() {
      await server.close();
      await db.destroy();
      await dropDatabase();
    },
  };

  async function createFixtures(running: RunningServer): Promise<Fixtures> {
    const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const response = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: unknown };
      if (body.errors) throw new Error(`fixture request failed: ${JSON.stringify(body.errors)}`);
      return body.data;
    };
    const suffix = crypto.randomBytes(3).toString('hex');
    const signUp = await gql(`mutation($input: SignUpInput!) { signUp(input: $input) { token } }`, {
      input: { email: `bench-user-${suffix}@example.com`, name: 'Bench', password: 'correct horse battery' },
    });
    const token = signUp.signUp.token as string;
    const slug = `bench-${suffix}`;
    const created = await gql(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } userErrors { field message } } }`, {
      input: { slug, name: 'Bench Org' },
    }, token);
    if (!created.createOrganization.organization) throw new Error(JSON.stringify(created.createOrganization.userErrors));
    const organizationId = created.createOrganization.organization.id;
    let teamUsername = '';
    for (let i = 0; i < 20; i++) {
      teamUsername = `bench-${suffix}-t${i}`;
      await gql(`mutation($input: CreateTeamInput!) { createTeam(input: $input) { team { id } } }`, {
        input: { organizationId, username: teamUsername, name: `Team ${i}` },
      }, token);
    }
    const keyFor = async (username: string, scope: ApiKeyScope) => {
      const team = await db.getRepository(Team).findOneByOrFail({ username });
      const { key } = await running.services.apiKeys.create({ actor: { kind: 'OPERATOR' }, requestId: 'bench', ip: null }, team, {
        alias: `bench ${scope}`,
        scope,
      });
      return key;
    };
    return {
      sessionToken: token,
      organizationSlug: slug,
      teamUsername,
      orgAdminKey: await keyFor(slug, ApiKeyScope.ADMIN),
      teamApiKey: await keyFor(teamUsername, ApiKeyScope.API),
      ingestToken: config.INGEST_TOKEN!,
    };
  }
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Runs autocannon in a child process over the given requests (cycled per connection) and returns its summary. */
export function drive(options: { url: string; requests: DriverRequest[]; seconds: number; connections: number; rate?: number }): Promise<DriverResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'driver.ts'), [], {
      execArgv: ['-r', 'ts-node/register/transpile-only'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (message) => resolve(message as DriverResult));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load driver exited with ${code}`));
    });
    child.send(options);
  });
}

export function poolCounts(db: DataSource): { total: number; idle: number; waiting: number } {
  const pool = (db.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } }).master;
  return { total: pool?.totalCount ?? 0, idle: pool?.idleCount ?? 0, waiting: pool?.waitingCount ?? 0 };
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
