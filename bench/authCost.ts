/**
 * Authentication cost per request: requests/second of a trivial key-authenticated query (`{ __typename }` with an
 * `Authorization: Key …` header) with the API-key auth cache on and off, side by side in one run.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx ts-node --transpile-only bench/authCost.ts
 *
 * DATABASE_URL names any database on the server (used as the admin connection); the bench creates a fresh
 * database, migrates it, runs two servers over it (cache on / cache off) and drops it afterwards.
 * Optional: BENCH_SECONDS (default 8 per round), BENCH_CONNECTIONS (default 10), BENCH_ROUNDS (default 2).
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import { Client } from 'pg';
import autocannon from 'autocannon';
import { loadConfig } from '../src/core/config';
import { createLogger } from '../src/core/logger';
import { migrate } from '../src/core/db';
import { createAppDataSource } from '../src/app/database';
import { startServer, type RunningServer } from '../src/app/server';
import { Team, TeamKind } from '../src/teams/team.entity';
import { ApiKeyScope } from '../src/apiKeys/apiKey.entity';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);

async function admin<T>(adminUrl: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function measure(server: RunningServer, key: string): Promise<number> {
  const result = await autocannon({
    url: `${server.url}/graphql`,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Key ${key}` },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`bench requests failed: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server (any database there; a fresh one is created).');
  const name = `orgraph_bench_${crypto.randomBytes(4).toString('hex')}`;
  await admin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = createAppDataSource({ url: url.toString(), poolSize: 20 });
  const servers: RunningServer[] = [];
  try {
    await db.initialize();
    await migrate(db);
    // The rate limiter is off: this measures authentication, and thousands of requests a second would exhaust a key's budget.
    const base = { NODE_ENV: 'production', PUBLIC_URL: 'https://orgraph.test', LOG_LEVEL: 'silent', PORT: '0', ENCRYPTION_KEY: crypto.randomBytes(24).toString('hex'), SEED_DEMO: 'false', RATE_LIMIT_ENABLED: 'false' };
    const withCache = await startServer({ db, config: loadConfig({ ...base, API_KEY_AUTH_CACHE: 'true' }), logger: createLogger('silent'), port: 0 });
    servers.push(withCache);
    const withoutCache = await startServer({ db, config: loadConfig({ ...base, API_KEY_AUTH_CACHE: 'false' }), logger: createLogger('silent'), port: 0 });
    servers.push(withoutCache);

    const team = await db.getRepository(Team).save(db.getRepository(Team).create({ kind: TeamKind.TEAM, username: 'bench-team', name: 'Bench', organizationId: null, personalOwnerId: null }));
    const operator = { actor: { kind: 'OPERATOR' as const }, requestId: 'bench', ip: null };
    const { key } = await withCache.services.apiKeys.create(operator, team, { alias: 'bench', scope: ApiKeyScope.API });

    // Warm both servers (JIT, pool connections) before measuring.
    await measure(withCache, key).catch(() => 0);
    await measure(withoutCache, key).catch(() => 0);
    const on: number[] = [];
    const off: number[] = [];
    for (let round = 0; round < rounds; round++) {
      on.push(await measure(withCache, key));
      off.push(await measure(withoutCache, key));
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const cacheOn = mean(on);
    const cacheOff = mean(off);
    console.log(`Key-authenticated { __typename }: ${connections} connections, ${rounds} × ${seconds} s per mode`);
    console.log(`  auth cache ON : ${cacheOn.toFixed(0)} req/s  (rounds: ${on.map((v) => v.toFixed(0)).join(', ')})`);
    console.log(`  auth cache OFF: ${cacheOff.toFixed(0)} req/s  (rounds: ${off.map((v) => v.toFixed(0)).join(', ')})`);
    console.log(`  ratio on/off  : ${(cacheOn / cacheOff).toFixed(2)}×`);
  } finally {
    for (const server of servers) await server.close();
    if (db.isInitialized) await db.destroy();
    await admin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
