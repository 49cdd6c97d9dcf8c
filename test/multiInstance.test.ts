import http from 'node:http';
import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { createAppDataSource } from '../src/app/database';
import { createLogger } from '../src/core/logger';
import type { Config } from '../src/core/config';
import { startServer, type RunningServer } from '../src/app/server';
import { authorizationHeader, startTestApp, TEST_INGEST_TOKEN, TEST_OPERATOR_TOKEN, type Credential, type TestApp } from './support/testApp';
import { createOrganization, createTeam, signUp, unique } from './support/factories';
import { startServerProcess, stopServerProcess, type ServerProcess } from './support/serverProcess';
import { socketOwner } from './support/socketOwner';
import { addMember, CREATE_INVITE } from './support/people';

/**
 * Issue 23: three API instances on one database behave as one. Instance 1 is the test's own server (in this
 * process, so the test can reach its database); instances 2 and 3 are separate operating-system processes running
 * `src/main.ts` of the same build, with their own pools, listeners, limiters and job workers — and one of them is
 * killed with SIGKILL in the middle of a webhook delivery.
 */

// Budgets per minute, small enough to exhaust in a few dozen requests.
const KEY_BUDGET = 30;
/**
 * The bound the docs state for a revocation to reach every instance (docs/reliability.md); measured in ms. The
 * notification takes milliseconds; the bound leaves room for a loaded machine.
 */
const PROPAGATION_BOUND_MS = 1_000;
const WEBHOOK_TIMEOUT_MS = 2_000;
/** Job settings of every instance: fast polls and a short expiry, so a killed worker's job is taken over quickly. */
const WORKER_ENV = {
  WEBHOOK_POLL_MS: '50',
  WEBHOOK_RETRY_BASE_MS: '100',
  WEBHOOK_MAX_ATTEMPTS: '3',
  WEBHOOK_TIMEOUT_MS: String(WEBHOOK_TIMEOUT_MS),
  JOB_MAINTENANCE_SECONDS: '1',
  JOB_EXPIRY_MARGIN_SECONDS: '1',
};

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } userErrors { code } } }`;
const REVOKE_KEY = `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { revokedAt } userErrors { code } } }`;
const ARCHIVE_TEAM = `mutation($input: ArchiveTeamInput!) { archiveTeam(input: $input) { userErrors { code } } }`;
const AS_KEY = `query($u: String!) { team(username: $u) { username } }`;

interface Instance {
  url: string;
  server: RunningServer;
  close(): Promise<void>;
}

/** One more in-process server on the test app's database (for configurations the processes do not have). */
async function startInstance(app: TestApp, config: Config): Promise<Instance> {
  const db: DataSource = createAppDataSource({ url: (app.db.options as { url: string }).url, poolSize: 4 });
  await db.initialize();
  const server = await startServer({ db, config, logger: createLogger('silent'), port: 0 });
  return {
    url: server.url,
    server,
    async close() {
      await server.close();
      await db.destroy();
    },
  };
}

async function post(url: string, query: string, variables: Record<string, unknown>, credential: Credential) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorizationHeader(credential) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) };
}

/** Requests sent before the first refusal, per measurement (to tell propagation from one request's latency). */
const attemptsSeen: number[] = [];

/** Sends requests back to back until the key is refused; returns ms from `since`, or null past `limitMs`. */
async function msUntilRefused(url: string, key: string, team: string, since: number, limitMs = 5_000): Promise<number | null> {
  for (let attempts = 1; ; attempts++) {
    const response = await post(url, AS_KEY, { u: team }, { key });
    if (response.body.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED') {
      attemptsSeen.push(attempts);
      return performance.now() - since;
    }
    if (performance.now() - since > limitMs) return null;
  }
}

/**
 * Revokes a key in the database without any notification: `session_replication_role = replica` skips the
 * invalidation trigger (as a missed notification would). Only a superuser may set it; the tests connect as one.
 */
async function revokeSilently(db: DataSource, key: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`SET LOCAL session_replication_role = replica`);
    await tx.query(`UPDATE api_keys SET revoked_at = now() WHERE key_id = $1`, [key.split(':')[0]]);
  });
}

function envFor(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    RATE_LIMIT_ENABLED: 'true',
    RATE_LIMIT_API_KEY_PER_MINUTE: String(KEY_BUDGET),
    // Sign-ups from 127.0.0.1 and the admin's mutations must not run out.
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000',
    RATE_LIMIT_USER_PER_MINUTE: '100000',
    ...overrides,
  };
}

/** Drives one credential round-robin over the instances until all three refuse; returns what each allowed. */
async function drainSharedBudget(urls: string[], key: string, team: string) {
  const allowedCost = urls.map(() => 0);
  let refusedInARow = 0;
  for (let i = 0; i < 200 && refusedInARow < urls.length; i++) {
    const at = i % urls.length;
    const response = await post(urls[at], AS_KEY, { u: team }, { key });
    if (response.status === 200 && !response.body.errors) {
      allowedCost[at] += Number(response.headers.get('x-orgraph-query-cost'));
      refusedInARow = 0;
    } else {
      expect(response.status).toBe(429);
      expect(response.body.errors[0].extensions.code).toBe('RATE_LIMITED');
      refusedInARow += 1;
    }
  }
  return allowedCost;
}

describe('three instances on one database (PostgreSQL limiter store)', () => {
  let app: TestApp;
  let processes: ServerProcess[] = [];
  let urls: string[];
  beforeAll(async () => {
    // Instance 1 takes requests only (its webhook poll is an hour): the two processes run the delivery workers.
    app = await startTestApp(envFor({ ...WORKER_ENV, WEBHOOK_POLL_MS: '3600000' }));
    const env = { ...envFor(WORKER_ENV), OUTBOUND_ALLOW_LOOPBACK: 'true', INGEST_TOKEN: TEST_INGEST_TOKEN, OPERATOR_TOKEN: TEST_OPERATOR_TOKEN };
    const databaseUrl = (app.db.options as { url: string }).url;
    processes = await Promise.all([startServerProcess(databaseUrl, env), startServerProcess(databaseUrl, env)]);
    urls = [app.url, ...processes.map((p) => p.url)];
  }, 180_000);
  afterAll(async () => {
    await Promise.all(processes.map(stopServerProcess));
    await app?.close();
  }, 60_000);

  async function keyOnNewTeam() {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    const { createApiKey } = await app.data(CREATE_KEY, { input: { teamId: team.id, alias: unique('k'), scope: 'API' } }, { token: admin.token });
    return { admin, team, key: createApiKey.key as string, apiKeyId: createApiKey.apiKey.id as string };
  }

  it('every instance reports its dependencies on /readyz', async () => {
    for (const url of urls) {
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({
        status: 'ready',
        checks: {
          database: { status: 'up', migrations: 'applied' },
          queue: { status: 'up', queued: expect.any(Object), deadLetters: expect.any(Number) },
          limiter: { status: 'up', store: 'postgres' },
          invalidation: { status: 'up', channel: 'orgraph_invalidation' },
        },
      });
    }
  });

  it('a key revoked on instance 1 is refused by instances 2 and 3 within the bound, though they had it cached', async () => {
    const { admin, team, key, apiKeyId } = await keyOnNewTeam();
    // The control: a key revoked without a notification stays cached on instance 2 — so what follows is the
    // notification's doing, not an absent cache.
    const control = await keyOnNewTeam();
    for (const url of urls) expect((await post(url, AS_KEY, { u: control.team.username }, { key: control.key })).status).toBe(200);
    await revokeSilently(app.db, control.key);
    expect((await post(urls[1], AS_KEY, { u: control.team.username }, { key: control.key })).body.data.team.username).toBe(control.team.username);

    // Warm every instance's cache with the key, then revoke it through instance 1.
    for (const url of urls) expect((await post(url, AS_KEY, { u: team.username }, { key })).body.data.team.username).toBe(team.username);
    const revoked = await post(urls[0], REVOKE_KEY, { input: { apiKeyId } }, { token: admin.token });
    const since = performance.now();
    expect(revoked.body.data.revokeApiKey.apiKey.revokedAt).not.toBeNull();

    const [onTwo, onThree] = await Promise.all([msUntilRefused(urls[1], key, team.username, since), msUntilRefused(urls[2], key, team.username, since)]);
    console.log(`revocation propagation after the revoking response: instance 2 ${onTwo?.toFixed(1)} ms, instance 3 ${onThree?.toFixed(1)} ms (bound ${PROPAGATION_BOUND_MS} ms; requests until refused: ${attemptsSeen.slice(-2).join(', ')})`);
    expect(onTwo).not.toBeNull();
    expect(onThree).not.toBeNull();
    expect(onTwo!).toBeLessThan(PROPAGATION_BOUND_MS);
    expect(onThree!).toBeLessThan(PROPAGATION_BOUND_MS);
  });

  it('archiving a team on instance 3 stops its keys on instances 1 and 2 within the bound', async () => {
    const { admin, team, key } = await keyOnNewTeam();
    for (const url of urls) expect((await post(url, AS_KEY, { u: team.username }, { key })).status).toBe(200);
    const archived = await post(urls[2], ARCHIVE_TEAM, { input: { teamId: team.id } }, { token: admin.token });
    const since = performance.now();
    expect(archived.body.data.archiveTeam.userErrors).toEqual([]);
    const [onOne, onTwo] = await Promise.all([msUntilRefused(urls[0], key, team.username, since), msUntilRefused(urls[1], key, team.username, since)]);
    expect(onOne!).toBeLessThan(PROPAGATION_BOUND_MS);
    expect(onTwo!).toBeLessThan(PROPAGATION_BOUND_MS);
  });

  it('a change made by plain SQL (an operator, a migration) reaches every instance too: the trigger notifies', async () => {
    const { key, team } = await keyOnNewTeam();
    for (const url of urls) expect((await post(url, AS_KEY, { u: team.username }, { key })).status).toBe(200);
    await app.db.query(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE key_id = $1`, [key.split(':')[0]]);
    const since = performance.now();
    const refused = await Promise.all(urls.map((url) => msUntilRefused(url, key, team.username, since)));
    for (const ms of refused) expect(ms!).toBeLessThan(PROPAGATION_BOUND_MS);
  });

  it('a catalog change reaches every instance’s cached catalog at once, not after its 10 s lifetime', async () => {
    const { team } = await keyOnNewTeam();
    const endpointId = `test/${unique('model')}`;
    let sequence = 0;
    const ingestOn = async (url: string) => {
      const record = { id: `mi-${endpointId}-${++sequence}`, timestamp: new Date(Date.now() - 3_600_000).toISOString(), teamUsername: team.username, product: 'MODEL_APIS', endpointId, quantity: '1' };
      const { body } = await post(url, `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted rejected { code } } }`, { input: { records: [record] } }, { bearer: TEST_INGEST_TOKEN });
      return body.data.ingestUsage as { accepted: number; rejected: Array<{ code: string }> };
    };
    // Every instance loads (and caches) a catalog without the endpoint.
    for (const url of urls) expect((await ingestOn(url)).rejected).toEqual([{ code: 'UNKNOWN_ENDPOINT' }]);
    await app.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO model_endpoints (endpoint_id, display_name, product, unit) VALUES ($1, 'Test model', 'MODEL_APIS', 'image')`, [endpointId]);
      await tx.query(`INSERT INTO model_prices (endpoint_id, effective_from, unit_price) VALUES ($1, now() - interval '1 day', 0.5)`, [endpointId]);
    });
    const since = performance.now();
    for (const url of urls.slice(1)) {
      let accepted = 0;
      while (accepted === 0 && performance.now() - since < 5_000) accepted = (await ingestOn(url)).accepted;
      expect(accepted).toBe(1);
      expect(performance.now() - since).toBeLessThan(PROPAGATION_BOUND_MS);
    }
  });

  it('a session ended on one instance is refused by the others at once', async () => {
    const user = await signUp(app);
    for (const url of urls) expect((await post(url, '{ viewer { email } }', {}, { token: user.token })).status).toBe(200);
    const { body } = await post(urls[0], `mutation { logout { revoked } }`, {}, { token: user.token });
    expect(body.data.logout.revoked).toBe(true);
    for (const url of urls.slice(1)) {
      expect((await post(url, '{ viewer { email } }', {}, { token: user.token })).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a notification missed while instances cannot LISTEN keeps no key alive, and they listen again by themselves', async () => {
    const { team, key } = await keyOnNewTeam();
    for (const url of urls) expect((await post(url, AS_KEY, { u: team.username }, { key })).status).toBe(200);
    // Cut every instance's listening connection, then revoke without a notification. How soon a process notices its
    // connection is gone depends on the machine's load, so the check waits until every instance has listened again
    // (reconnection is automatic, backoff from 250 ms): noticing flushed its cache, and while it was down it read
    // every key anew, so the revocation it never heard of holds everywhere.
    const [{ cutAt }] = await app.db.query<Array<{ cutAt: Date }>>(`SELECT clock_timestamp() AS "cutAt"`);
    await app.db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'orgraph-invalidation' AND datname = current_database()`);
    await revokeSilently(app.db, key);
    await until(async () => {
      const [{ listening }] = await app.db.query<Array<{ listening: number }>>(
        `SELECT count(*)::int AS listening FROM pg_stat_activity
          WHERE application_name = 'orgraph-invalidation' AND datname = current_database() AND backend_start > $1`,
        [cutAt],
      );
      return listening >= urls.length;
    }, 10_000);
    for (const url of urls) {
      let state: any = null;
      for (let attempt = 0; attempt < 50; attempt++) {
        state = (await (await fetch(`${url}/readyz`)).json()).checks.invalidation;
        if (state.status === 'up') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(state).toEqual({ status: 'up', channel: 'orgraph_invalidation' });
      expect((await post(url, AS_KEY, { u: team.username }, { key })).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('one API key has one budget across the three instances', async () => {
    const { team, key } = await keyOnNewTeam();
    const allowed = await drainSharedBudget(urls, key, team.username);
    console.log(`shared budget (PostgreSQL): allowed cost per instance ${JSON.stringify(allowed)}, budget ${KEY_BUDGET}`);
    expect(allowed.reduce((a, b) => a + b, 0)).toBe(KEY_BUDGET);
    // Every instance took part, so the sum is not one instance's own budget.
    for (const share of allowed) expect(share).toBeGreaterThan(0);
    // The early refusal (before the body is parsed) reads the shared budget too: malformed JSON gets 429 everywhere.
    for (const url of urls) {
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Key ${key}` }, body: '{not json' });
      expect(response.status).toBe(429);
    }
  });

  it('one user has one budget across their sessions and the instances', async () => {
    const BUDGET = 20;
    const config = { ...app.config, RATE_LIMIT_USER_PER_MINUTE: BUDGET };
    const small = [await startInstance(app, config), await startInstance(app, config)];
    try {
      const user = await signUp(app);
      const second = await app.data(
        `mutation($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`,
        { input: { email: user.email, password: 'correct horse battery' } },
      );
      const sessions = [user.token, second.login.token as string];
      let spent = 0;
      for (let i = 0; i < 60; i++) {
        const response = await post(small[i % 2].url, '{ viewer { email } }', {}, { token: sessions[Math.floor(i / 2) % 2] });
        if (response.status !== 200) break;
        spent += Number(response.headers.get('x-orgraph-query-cost'));
      }
      expect(spent).toBe(BUDGET);
    } finally {
      for (const instance of small) await instance.close();
    }
  });

  it('removing a member on instance 1 stops their keys on instances 2 and 3 within the bound, and their access at once', async () => {
    const owner = await signUp(app);
    const org = await createOrganization(app, owner);
    const team = await createTeam(app, owner, org.id);
    const member = await addMember(app, owner, org.id, { teams: [{ teamId: team.id, role: 'ADMIN' }] });
    const { createApiKey } = await app.data(CREATE_KEY, { input: { teamId: team.id, alias: unique('m'), scope: 'API' } }, { token: member.token });
    const key = createApiKey.key as string;
    const ORG = `query($slug: String!) { organization(slug: $slug) { id } }`;
    for (const url of urls) {
      expect((await post(url, AS_KEY, { u: team.username }, { key })).status).toBe(200);
      expect((await post(url, ORG, { slug: org.slug }, { token: member.token })).body.data.organization.id).toBe(org.id);
    }
    const removed = await post(urls[0], `mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedMemberId userErrors { code } } }`, { input: { memberId: member.memberId, apiKeys: { action: 'REVOKE' } } }, { token: owner.token });
    const since = performance.now();
    expect(removed.body.data.removeMember.userErrors).toEqual([]);
    const [onTwo, onThree] = await Promise.all([msUntilRefused(urls[1], key, team.username, since), msUntilRefused(urls[2], key, team.username, since)]);
    expect(onTwo!).toBeLessThan(PROPAGATION_BOUND_MS);
    expect(onThree!).toBeLessThan(PROPAGATION_BOUND_MS);
    // Memberships are read per request: the removed person's session sees the organization nowhere any more.
    for (const url of urls.slice(1)) expect((await post(url, ORG, { slug: org.slug }, { token: member.token })).body.data?.organization ?? null).toBeNull();
  });

  it('a policy changed on instance 1 holds on instances 2 and 3 on their next request (policies are read per request)', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    const teamAdmin = await addMember(app, admin, org.id, { teams: [{ teamId: team.id, role: 'ADMIN' }] });
    const invite = (url: string) => post(url, CREATE_INVITE, { input: { teamId: team.id, email: `${unique('i')}@example.com`, teamRole: 'DEVELOPER' } }, { token: teamAdmin.token });
    for (const url of urls) expect((await invite(url)).body.data.createInvite.userErrors).toEqual([]);
    const changed = await post(urls[0], `mutation($input: UpdateOrganizationPolicyInput!) { updateOrganizationPolicy(input: $input) { userErrors { code } } }`, { input: { organizationId: org.id, settings: { invitePermission: { value: 'ORG_ADMINS' } } } }, { token: admin.token });
    expect(changed.body.data.updateOrganizationPolicy.userErrors).toEqual([]);
    for (const url of urls.slice(1)) expect((await invite(url)).body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'INVITE_POLICY' });
  });

  it('a webhook is delivered exactly once while instances 2 and 3 run workers and the one mid-delivery is SIGKILLed', async () => {
    // A receiver that dedupes on X-Orgraph-Delivery (the contract: at-least-once transport, stable id). The first
    // POST it gets stalls, and the process that sent it is killed with SIGKILL while it waits for the answer.
    const sends: Array<{ id: string; pid: number | null }> = [];
    const applied = new Map<string, number>();
    let stalled: string | null = null;
    let killed: ServerProcess | null = null;
    const receiver = http.createServer((req, res) => {
      const id = String(req.headers['x-orgraph-delivery']);
      const live = processes.filter((p) => p !== killed).map((p) => p.child.pid!);
      // A POST whose socket no live process owns was sent by the killed one (its sends still in flight when it died;
      // instance 1 delivers nothing).
      const pid = socketOwner(req.socket.remotePort!, (receiver.address() as AddressInfo).port, live) ?? (killed)?.child.pid ?? null;
      sends.push({ id, pid });
      req.resume();
      req.on('end', () => {
        if (stalled === null) {
          stalled = id;
          killed = processes.find((p) => p.child.pid === pid) ?? null;
          killed?.child.kill('SIGKILL');
          return;
        }
        // What a receiver does with the stable id: a repeat is acknowledged, its effect not applied again.
        if (!applied.has(id)) applied.set(id, 1);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      const admin = await signUp(app);
      const org = await createOrganization(app, admin);
      const teams: string[] = [];
      for (let i = 0; i < 4; i++) {
        const team = await createTeam(app, admin, org.id);
        const { createSpendingAlert } = await app.data(
          `mutation($input: CreateSpendingAlertInput!) { createSpendingAlert(input: $input) { userErrors { code } } }`,
          { input: { organizationId: org.id, teamId: team.id, threshold: '1', period: 'DAY', webhookUrl: url } },
          { token: admin.token },
        );
        expect(createSpendingAlert.userErrors).toEqual([]);
        teams.push(team.username);
      }
      // Ingest through instance 1: every alert fires, and its delivery is a job the two processes compete for.
      const records = teams.map((team) => ({ id: unique('w'), timestamp: new Date().toISOString(), teamUsername: team, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', quantity: '2', unitPrice: '1' }));
      const { ingestUsage } = await app.data(`mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { rejected { code } } }`, { input: { records } }, { bearer: TEST_INGEST_TOKEN });
      expect(ingestUsage.rejected).toEqual([]);
      // Alerts are evaluated by a queued job (any of the three instances may run it): wait for their deliveries.
      const deliveriesNow = async (): Promise<string[]> =>
        (await app.db.query(`SELECT id FROM webhook_deliveries WHERE url = $1 ORDER BY id`, [url])).map((row: { id: string }) => row.id);
      await until(async () => (await deliveriesNow()).length >= teams.length, 15_000);
      const deliveries = await deliveriesNow();
      expect(deliveries).toHaveLength(teams.length);

      await until(async () => killed !== null, 30_000);
      expect(await killed!.exited).toBe('SIGKILL');
      const survivor = processes.find((p) => p !== killed)!;
      expect(survivor.child.exitCode).toBeNull();
      // The killed worker's job expires (timeout + margin) and the survivor delivers it.
      await until(async () => {
        const [{ pending }] = await app.db.query(`SELECT count(*)::int AS pending FROM webhook_deliveries WHERE id = ANY($1) AND status <> 'SUCCEEDED'`, [deliveries]);
        return pending === 0;
      }, 60_000);
      expect(deliveries).toContain(stalled);
      const killedPid = killed!.child.pid!;
      const survivorPid = survivor.child.pid!;
      const sentBy = (id: string, pid: number) => sends.filter((send) => send.id === id && send.pid === pid).length;
      console.log(`webhook sends (delivery → sender): ${JSON.stringify(sends.map((send) => [send.id.slice(0, 8), send.pid === killedPid ? 'killed' : send.pid === survivorPid ? 'survivor' : send.pid]))}`);
      for (const id of deliveries) {
        // Every POST came from one of the two worker processes (instance 1 does not deliver).
        expect(sends.filter((send) => send.id === id).every((send) => send.pid === killedPid || send.pid === survivorPid)).toBe(true);
        // The survivor sent each delivery at most once; a second POST of an id happens only when the killed process
        // had sent it before it died without recording it (at-least-once transport, the id is stable for dedupe).
        expect([id, sentBy(id, survivorPid) <= 1]).toEqual([id, true]);
        expect([id, sentBy(id, killedPid) <= 1]).toEqual([id, true]);
      }
      // Exactly once where it counts: every delivery applied once by the deduping receiver, the stalled one included.
      expect(Object.fromEntries(deliveries.map((id) => [id, applied.get(id)]))).toEqual(Object.fromEntries(deliveries.map((id) => [id, 1])));
      expect(sentBy(stalled!, killedPid)).toBe(1);
      expect(sentBy(stalled!, survivorPid)).toBe(1);
      const attempts: Array<{ delivery_id: string; status_code: number }> = await app.db.query(
        `SELECT delivery_id, status_code FROM webhook_attempts WHERE delivery_id = ANY($1)`,
        [deliveries],
      );
      expect(attempts.map((a) => a.delivery_id).sort()).toEqual([...deliveries].sort());
      expect(new Set(attempts.map((a) => a.status_code))).toEqual(new Set([204]));
      // The survivor still serves, and every instance still shares one budget table and one listener channel.
      expect((await fetch(`${survivor.url}/readyz`)).status).toBe(200);
    } finally {
      receiver.close();
    }
  }, 120_000);
});

async function until(condition: () => Promise<boolean>, ms: number): Promise<void> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; ) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not met in time');
}

/**
 * The Redis store is exercised against a local Redis at 127.0.0.1:6379 when one answers; otherwise these tests are
 * skipped (and say so), since Redis is optional.
 */
const redisUp =
  spawnSync(
    process.execPath,
    [
      '-e',
      `const s=require('net').connect(6379,'127.0.0.1',()=>s.write('PING\\r\\n'));s.on('data',d=>process.exit(String(d).startsWith('+PONG')?0:1));s.on('error',()=>process.exit(1));setTimeout(()=>process.exit(1),1000);`,
    ],
    { timeout: 3_000 },
  ).status === 0;
if (!redisUp) console.warn('multiInstance.test.ts: no Redis answers at 127.0.0.1:6379 — the Redis limiter store tests are SKIPPED.');

(redisUp ? describe : describe.skip)('three instances sharing a Redis limiter store (REDIS_URL)', () => {
  let app: TestApp;
  let others: Instance[];
  let urls: string[];
  beforeAll(async () => {
    app = await startTestApp(envFor({ REDIS_URL: 'redis://127.0.0.1:6379', RATE_LIMIT_REDIS_PREFIX: `orgraph-test:${unique('run')}` }));
    others = [await startInstance(app, app.config), await startInstance(app, app.config)];
    urls = [app.url, ...others.map((o) => o.url)];
  });
  afterAll(async () => {
    for (const other of others ?? []) await other.close();
    await app?.close();
  });

  it('reports the Redis store and shares one API key budget across the instances', async () => {
    for (const url of urls) expect((await (await fetch(`${url}/readyz`)).json()).checks.limiter).toEqual({ status: 'up', store: 'redis' });
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    const { createApiKey } = await app.data(CREATE_KEY, { input: { teamId: team.id, alias: 'redis', scope: 'API' } }, { token: admin.token });
    const allowed = await drainSharedBudget(urls, createApiKey.key, team.username);
    console.log(`shared budget (Redis): allowed cost per instance ${JSON.stringify(allowed)}, budget ${KEY_BUDGET}`);
    expect(allowed.reduce((a, b) => a + b, 0)).toBe(KEY_BUDGET);
    // Nothing about this budget went to PostgreSQL.
    expect(await app.db.query(`SELECT count(*)::int AS n FROM rate_limit_budgets WHERE key LIKE 'API_KEY:%'`)).toEqual([{ n: 0 }]);
  });

  it('falls back to memory, visibly, when Redis is unreachable', async () => {
    const config = { ...app.config, REDIS_URL: 'redis://127.0.0.1:1' };
    const lines: string[] = [];
    const db = createAppDataSource({ url: (app.db.options as { url: string }).url, poolSize: 2 });
    await db.initialize();
    const { Writable } = await import('node:stream');
    const logger = createLogger('warn', new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));
    const server = await startServer({ db, config, logger, port: 0 });
    try {
      const user = await signUp(app);
      // Still answers (limited per instance) instead of failing every request.
      expect((await post(server.url, '{ viewer { email } }', {}, { token: user.token })).status).toBe(200);
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect((await ready.json()).checks.limiter).toMatchObject({ status: 'degraded', store: 'redis' });
      expect(lines.some((line) => line.includes('rate-limit store unreachable'))).toBe(true);
    } finally {
      await server.close();
      await db.destroy();
    }
  });
});
