/**
 * SCIM group → team sync cost: how long mapping a large pushed group to a team takes, and a membership PATCH of one
 * member vs of every member, side by side in one run (the per-member cost should stay flat as groups grow).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx ts-node --transpile-only bench/scimGroupSync.ts [members]
 *
 * DATABASE_URL names any database on the server (used as the admin connection); the bench creates a fresh
 * database, migrates it, provisions `members` people (default 1000) through /scim/v2 and drops it afterwards.
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '../src/core/config';
import { createLogger } from '../src/core/logger';
import { migrate } from '../src/core/db';
import { createAppDataSource } from '../src/app/database';
import { startServer, type RunningServer } from '../src/app/server';

const members = Number(process.argv[2] ?? 1000);
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

async function admin<T>(adminUrl: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server (any database there; a fresh one is created).');
  const name = `orgraph_bench_${crypto.randomBytes(4).toString('hex')}`;
  await admin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = createAppDataSource({ url: url.toString(), poolSize: 10 });
  let server: RunningServer | null = null;
  try {
    await db.initialize();
    await migrate(db);
    const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', PORT: '0', ENCRYPTION_KEY: crypto.randomBytes(24).toString('hex'), SEED_DEMO: 'false', RATE_LIMIT_ENABLED: 'false', ARGON2_MEMORY_KIB: '1024' });
    server = await startServer({ db, config, logger: createLogger('silent'), port: 0 });
    const gql = async (query: string, variables: unknown, token?: string) => {
      const response = await fetch(`${server!.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data: any; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const signUp = await gql(`mutation($input: SignUpInput!) { signUp(input: $input) { token } }`, { input: { email: 'admin@bench.example', name: 'Admin', password: 'correct horse battery' } });
    const adminToken = signUp.signUp.token as string;
    const org = await gql(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`, { input: { slug: 'bench-org', name: 'Bench' } }, adminToken);
    const organizationId = org.createOrganization.organization.id as string;
    const team = await gql(`mutation($input: CreateTeamInput!) { createTeam(input: $input) { team { id } } }`, { input: { organizationId, username: 'bench-team', name: 'Bench team' } }, adminToken);
    const [orgRow] = await db.query(`SELECT id FROM organizations WHERE slug = 'bench-org'`);
    await db.query(`INSERT INTO organization_domains (organization_id, domain, verification_token, verified_at) VALUES ($1, 'corp.example', 'bench', now())`, [orgRow.id]);
    const tokenData = await gql(`mutation($input: CreateScimTokenInput!) { createScimToken(input: $input) { token } }`, { input: { organizationId, description: 'bench' } }, adminToken);
    const token = tokenData.createScimToken.token as string;
    const scim = async (method: string, path: string, body: unknown) => {
      const started = performance.now();
      const response = await fetch(`${server!.url}/scim/v2${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' }, body: JSON.stringify(body) });
      const json = response.status === 204 ? null : ((await response.json()));
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return { json, ms: performance.now() - started };
    };

    const ids: string[] = [];
    for (let i = 0; i < members; i++) ids.push((await scim('POST', '/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: `p${i}@corp.example` })).json.id);
    const group = await scim('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Everyone', members: ids.map((value) => ({ value })) });
    const groupGlobalId = Buffer.from(`ScimGroup:${group.json.id}`).toString('base64url');

    let started = performance.now();
    await gql(`mutation($input: SetScimGroupMappingInput!) { setScimGroupMapping(input: $input) { userErrors { code } } }`, { input: { groupId: groupGlobalId, teamId: team.createTeam.team.id, role: 'DEVELOPER' } }, adminToken);
    const mapMs = performance.now() - started;
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM team_memberships tm JOIN teams t ON t.id = tm.team_id WHERE t.username = 'bench-team'`);
    if (n !== members) throw new Error(`expected ${members} team members after mapping, found ${n}`);

    const removeOne = await scim('PATCH', `/Groups/${group.json.id}`, { schemas: [PATCH], Operations: [{ op: 'remove', path: `members[value eq "${ids[0]}"]` }] });
    const addOne = await scim('PATCH', `/Groups/${group.json.id}`, { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: ids[0] }] }] });
    const removeAll = await scim('PATCH', `/Groups/${group.json.id}`, { schemas: [PATCH], Operations: [{ op: 'remove', path: 'members' }] });
    const addAll = await scim('PATCH', `/Groups/${group.json.id}`, { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: ids.map((value) => ({ value })) }] });
    started = performance.now();
    await scim('DELETE', `/Groups/${group.json.id}`, undefined);
    const deleteMs = performance.now() - started;

    console.log(`SCIM group of ${members} members mapped to a team (team sync included):`);
    console.log(`  setScimGroupMapping (all ${members} join)  : ${mapMs.toFixed(0)} ms`);
    console.log(`  PATCH remove 1 member                   : ${removeOne.ms.toFixed(0)} ms`);
    console.log(`  PATCH add 1 member                      : ${addOne.ms.toFixed(0)} ms`);
    console.log(`  PATCH remove all ${members} members        : ${removeAll.ms.toFixed(0)} ms (${((removeAll.ms / members) * 1000).toFixed(0)} µs per member)`);
    console.log(`  PATCH add all ${members} members           : ${addAll.ms.toFixed(0)} ms (${((addAll.ms / members) * 1000).toFixed(0)} µs per member)`);
    console.log(`  DELETE group (all ${members} lose the team): ${deleteMs.toFixed(0)} ms`);
  } finally {
    if (server) await server.close();
    if (db.isInitialized) await db.destroy();
    await admin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
