/**
 * Model access benchmark (issue 4). Run: `DATABASE_URL=postgres://... npx ts-node --transpile-only bench/modelAccess.ts`
 *
 * Creates its own fresh database on DATABASE_URL's server, migrates it, starts the server in-process and prints:
 *  - checkModelAccess throughput: one call of 100 checks over 50 teams, repeated, side by side with the same 100
 *    checks asked one per call (ratios are what count on a noisy machine);
 *  - SQL statements of an organization's 200-team effective-policy listing, side by side with a 1-team listing.
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '../src/core/config';
import { createLogger } from '../src/core/logger';
import { migrate } from '../src/core/db';
import { createAppDataSource } from '../src/app/database';
import { startServer } from '../src/app/server';

const INGEST_TOKEN = crypto.randomBytes(24).toString('hex');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server the benchmark may create a database on.');
  const name = `orgraph_bench_${crypto.randomBytes(4).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = createAppDataSource({ url: url.toString(), poolSize: 10 });
  await db.initialize();
  await migrate(db);
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', ARGON2_MEMORY_KIB: '1024', INGEST_TOKEN, SEED_DEMO: 'false',
    // Two 100-team pages in one request exceed the default cost limit; the bench measures statements, not limits.
    GRAPHQL_MAX_COST: '200000' });
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
      return { data: body.data, statements: Number(response.headers.get('x-orgraph-sql-statements')) };
    };

    // An organization with 200 teams; 50 of them carry their own rules, the organization a few (one locked).
    const signUp = await gql(
      `mutation($input: SignUpInput!) { signUp(input: $input) { token } }`,
      { input: { email: `bench-${name}@example.com`, name: 'Bench', password: 'correct horse battery' } },
      '',
    );
    const user = `Bearer ${signUp.data.signUp.token}`;
    const org = await gql(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
      { input: { slug: 'bench-org', name: 'Bench org' } },
      user,
    );
    const organizationId: string = org.data.createOrganization.organization.id;
    const localOrgId = Buffer.from(organizationId, 'base64url').toString().split(':')[1];
    await db.query(
      `INSERT INTO teams (organization_id, kind, username, name) SELECT $1, 'TEAM', 'bench-team-' || i, 'Team ' || i FROM generate_series(1, 200) i`,
      [localOrgId],
    );
    const teams: Array<{ id: string; username: string }> = await db.query(
      `SELECT id, username FROM teams WHERE organization_id = $1 AND kind = 'TEAM' ORDER BY username LIMIT 50`,
      [localOrgId],
    );
    const toGlobal = (id: string) => Buffer.from(`Team:${id}`).toString('base64url');
    await gql(
      `mutation($input: PolicyChangeInput!) { applyPolicyChange(input: $input) { userErrors { code message } } }`,
      {
        input: {
          organizationId,
          settings: { requestVisibility: { value: 'OWN' } },
          addRules: [
            { surface: 'API', pattern: 'fal-ai/flux/*', effect: 'BLOCKED' },
            { surface: 'API', pattern: 'fal-ai/face-swap', effect: 'BLOCKED', locked: true },
            { surface: 'PLAYGROUND', pattern: 'fal-ai/any-llm', effect: 'ALLOWED' },
            ...teams.map((team, i) => ({ teamId: toGlobal(team.id), surface: 'API', pattern: i % 2 ? 'fal-ai/flux/dev' : 'fal-ai/*', effect: i % 2 ? 'ALLOWED' : 'BLOCKED' })),
          ],
        },
      },
      user,
    );

    const endpoints: Array<{ endpoint_id: string }> = await db.query(`SELECT endpoint_id FROM model_endpoints ORDER BY endpoint_id`);
    const checks = Array.from({ length: 100 }, (_, i) => ({
      teamUsername: teams[i % 50].username,
      endpointId: endpoints[(i * 7) % endpoints.length].endpoint_id,
      surface: i % 4 ? 'API' : 'PLAYGROUND',
    }));
    const CHECK = `query($checks: [ModelAccessCheckInput!]!) { checkModelAccess(checks: $checks) { allowed error { code } access { decision level reasonCode reason } } }`;
    const ingest = `Bearer ${INGEST_TOKEN}`;
    for (let i = 0; i < 20; i++) await gql(CHECK, { checks }, ingest); // warm-up (JIT, catalog cache, pool)

    let statements = 0;
    let started = process.hrtime.bigint();
    for (let round = 0; round < ROUNDS; round++) statements = (await gql(CHECK, { checks }, ingest)).statements;
    const batchedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const batchedRate = (ROUNDS * checks.length) / batchedSeconds;

    const singleRounds = Math.max(2, Math.floor(ROUNDS / 10));
    started = process.hrtime.bigint();
    for (let round = 0; round < singleRounds; round++) {
      for (const single of checks) await gql(CHECK, { checks: [single] }, ingest);
    }
    const singleSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const singleRate = (singleRounds * checks.length) / singleSeconds;

    // 200-team effective-policy listing in ONE request (two pages of 100 via aliases) vs an organization with one team.
    const firstPage = await gql(`query { organization(slug: "bench-org") { teams(first: 100) { pageInfo { endCursor } } } }`, {}, user);
    const cursor: string = firstPage.data.organization.teams.pageInfo.endCursor;
    const TEAM_FIELDS = `edges { node { username effectivePolicy {
      teamCreation { value level locked } requestVisibility { value level locked teamOverride overriddenByLock }
      modelAccessMode { value level } crossTeamVisibility { value } } modelAccessRules(first: 100) { edges { node { pattern effect } } } } }`;
    const LIST = `query($slug: String!, $after: String) { organization(slug: $slug) {
      first: teams(first: 100) { ${TEAM_FIELDS} } second: teams(first: 100, after: $after) { ${TEAM_FIELDS} } } }`;
    const listing = await gql(LIST, { slug: 'bench-org', after: cursor }, user);
    const listed = listing.data.organization.first.edges.length + listing.data.organization.second.edges.length;
    const small = await gql(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
      { input: { slug: 'bench-small', name: 'Small' } },
      user,
    );
    const smallId = Buffer.from(small.data.createOrganization.organization.id, 'base64url').toString().split(':')[1];
    await db.query(`INSERT INTO teams (organization_id, kind, username, name) VALUES ($1, 'TEAM', 'bench-small-team', 'Small team')`, [smallId]);
    const smallListing = await gql(LIST, { slug: 'bench-small', after: null }, user);

    console.log('checkModelAccess (100 checks over 50 teams per call, ingest credential)');
    console.log(`  batched : ${batchedRate.toFixed(0)} checks/s  (${(batchedSeconds * 1000 / ROUNDS).toFixed(1)} ms per 100-check call, ${ROUNDS} calls, ${statements} SQL statements per call)`);
    console.log(`  1/call  : ${singleRate.toFixed(0)} checks/s  (${singleRounds * checks.length} calls)`);
    console.log(`  ratio   : batched is ${(batchedRate / singleRate).toFixed(1)}x the one-check-per-call rate`);
    console.log('effective-policy listing (one request, every team with effectivePolicy and its rules)');
    console.log(`  ${listed} teams : ${listing.statements} SQL statements`);
    console.log(`  1 team    : ${smallListing.statements} SQL statements`);
  } finally {
    await server.close();
    await db.destroy();
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function admin(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
