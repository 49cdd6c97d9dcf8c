/**
 * Starvation benchmark (issue 16). Run: `DATABASE_URL=postgres://... npx ts-node --transpile-only bench/starvation.ts`
 *
 * Creates its own database, starts the server in this process with the production defaults of every limit (rate
 * limiting on, cost limit, per-credential in-flight cap, statement timeout), and gives organization A 40 teams and
 * usage over 90 days (BENCH_RECORDS, default 50,000). A client in its own process (so its work does not slow the
 * server's event loop) then times a light `{ viewer { email } }` of organization B's user on the idle server, and
 * again while A's admin session and four ADMIN keys send, from six workers each, HTTP batches of the heaviest
 * operations the limits allow (bench/starvationLoad.ts). Prints both p50/p95 and the ratio.
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import { fork } from 'node:child_process';
import { Client } from 'pg';
import { loadConfig } from '../src/core/config';
import { createLogger } from '../src/core/logger';
import { migrate } from '../src/core/db';
import { createAppDataSource } from '../src/app/database';
import { startServer } from '../src/app/server';
import { heaviestBatch, measureLightQueryUnderLoad, type Credential, type Operation, type StarvationResult } from './starvationLoad';

interface ClientJob {
  url: string;
  heavy: Array<{ credential: Credential; batch: Operation[] }>;
  lightCredential: Credential;
  samples: number;
}

if (process.argv[2] === '--client') {
  process.once('message', async (job: ClientJob) => {
    const result = await measureLightQueryUnderLoad(job.url, job);
    process.send!(result, () => process.exit(0));
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

const INGEST_TOKEN = crypto.randomBytes(24).toString('hex');

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server the benchmark may create a database on.');
  const name = `orgraph_bench_${crypto.randomBytes(4).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', ARGON2_MEMORY_KIB: '1024', INGEST_TOKEN, SEED_DEMO: 'false' });
  const db = createAppDataSource({ url: url.toString(), poolSize: config.DATABASE_POOL_SIZE, statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS });
  await db.initialize();
  await migrate(db);
  const server = await startServer({ db, config, logger: createLogger('silent'), port: 0 });
  try {
    const gql = async (query: string, variables: Record<string, unknown>, authorization: string) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const signUp = async (who: string) =>
      (await gql(`mutation($input: SignUpInput!) { signUp(input: $input) { token } }`, { input: { email: `${who}-${name}@example.com`, name: who, password: 'correct horse battery' } }, ''))
        .signUp.token as string;

    const adminToken = await signUp('a-admin');
    const org = (await gql(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id slug } } }`, { input: { slug: 'bench-a', name: 'A' } }, `Bearer ${adminToken}`))
      .createOrganization.organization;
    const teams: string[] = [org.slug];
    for (let i = 0; i < 40; i++) {
      const created = await gql(`mutation($input: CreateTeamInput!) { createTeam(input: $input) { team { username } } }`, { input: { organizationId: org.id, username: `bench-a-${i}`, name: `A ${i}` } }, `Bearer ${adminToken}`);
      teams.push(created.createTeam.team.username);
    }
    const keys: string[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await gql(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`, { input: { teamId: (await rootTeamId(org.slug)), alias: `heavy ${i}`, scope: 'ADMIN' } }, `Bearer ${adminToken}`);
      keys.push(created.createApiKey.key);
    }
    const endpoints: string[] = (await gql(`{ modelEndpoints(first: 100) { edges { node { endpointId unit } } } }`, {}, `Bearer ${adminToken}`)).modelEndpoints.edges.map((e: any) => e.node.endpointId);

    const records = Number(process.env.BENCH_RECORDS ?? 50_000);
    const now = Date.now();
    for (let offset = 0; offset < records; offset += 10_000) {
      const batch = Array.from({ length: Math.min(10_000, records - offset) }, (_, i) => ({
        id: `r-${offset + i}`,
        timestamp: new Date(now - Math.floor(Math.random() * 90 * 86_400_000)).toISOString(),
        teamUsername: teams[(offset + i) % teams.length],
        product: 'MODEL_APIS',
        endpointId: endpoints[(offset + i) % endpoints.length],
        unit: 'request',
        quantity: '1',
        unitPrice: '0.01',
      }));
      await gql(`mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted } }`, { input: { records: batch } }, `Bearer ${INGEST_TOKEN}`);
    }
    const lightToken = await signUp('b-user');
    await gql(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`, { input: { slug: 'bench-b', name: 'B' } }, `Bearer ${lightToken}`);

    const batch = heaviestBatch(org.slug, teams, endpoints);
    const job: ClientJob = {
      url: server.url,
      heavy: [{ token: adminToken }, ...keys.map((key) => ({ key }))].map((credential) => ({ credential, batch })),
      lightCredential: { token: lightToken },
      samples: Number(process.env.BENCH_SAMPLES ?? 60),
    };
    const child = fork(__filename, ['--client'], { execArgv: ['-r', 'ts-node/register/transpile-only'] });
    const result = await new Promise<StarvationResult>((resolve, reject) => {
      child.once('message', (message) => resolve(message as StarvationResult));
      child.once('error', reject);
      child.send(job);
    });
    console.log(`starvation: ${records} usage records, 41 teams; heavy load from 1 session + 4 ADMIN keys × 6 workers, batches of 10`);
    console.log(`light { viewer { email } } from organization B, ${result.idle.samples} samples each:`);
    console.log(`  idle:        p50 ${result.idle.p50.toFixed(1)} ms, p95 ${result.idle.p95.toFixed(1)} ms, max ${result.idle.max.toFixed(1)} ms`);
    console.log(`  under load:  p50 ${result.loaded.p50.toFixed(1)} ms, p95 ${result.loaded.p95.toFixed(1)} ms, max ${result.loaded.max.toFixed(1)} ms`);
    console.log(`  p95 ratio:   ${result.ratio.toFixed(1)}×`);
    console.log(`  heavy requests: ${result.heavyRequests} ${JSON.stringify(result.heavyStatuses)}`);
  } finally {
    await server.close();
    await db.destroy();
    await admin(adminUrl, `DROP DATABASE ${name} WITH (FORCE)`);
  }

  async function rootTeamId(slug: string): Promise<string> {
    const [row] = await db.query(`SELECT t.id FROM teams t JOIN organizations o ON o.root_team_id = t.id WHERE o.slug = $1`, [slug]);
    return Buffer.from(`Team:${row.id}`, 'utf8').toString('base64url');
  }
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
