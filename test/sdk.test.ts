import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createClient, login, OrgraphError, paginatePages, signUp, type FetchLike, type OrgraphClient, type Team } from '../sdk/src';
import { operationKind } from '../sdk/src/transport';
import { createApiKeyFor, unique } from './support/factories';
import { startTestApp, TEST_INGEST_TOKEN, type TestApp } from './support/testApp';

/**
 * The SDK against the live server: every operation in sdk/operations runs here at least once, plus the client's
 * error model, retries, timeouts and pagination (failures are injected through the `fetch` option, in front of
 * the real server).
 */
let app: TestApp;
let url: string;
/** Settings for every client of this file: the live server, through a fetch that records successful operations. */
let live: { url: string; fetch: FetchLike };
const password = 'correct horse battery';
const succeededOperations = new Set<string>();

const recordingFetch: FetchLike = async (target, init) => {
  const response = await fetch(target, init);
  const text = await response.text();
  const name = /^\s*(?:query|mutation)\s+(\w+)/.exec((JSON.parse(init.body) as { query: string }).query)?.[1];
  const parsed = JSON.parse(text) as { errors?: unknown[] };
  if (name && response.status === 200 && !parsed.errors) succeededOperations.add(name);
  return new Response(text, { status: response.status, headers: response.headers });
};

beforeAll(async () => {
  app = await startTestApp();
  url = `${app.url}/graphql`;
  live = { url, fetch: recordingFetch };
});
afterAll(() => app.close());

async function newUser(): Promise<{ email: string; token: string; client: OrgraphClient }> {
  const email = `${unique('sdk')}@example.com`;
  const result = await signUp(live, { email, name: 'SDK User', password });
  if (!result.ok) throw new Error(JSON.stringify(result.userErrors));
  return { email, token: result.data.token, client: createClient({ ...live, token: result.data.token }) };
}

async function newOrganization(client: OrgraphClient) {
  const slug = unique('sdkorg');
  const result = await client.createOrganization({ slug, name: `Org ${slug}` });
  if (!result.ok) throw new Error(JSON.stringify(result.userErrors));
  return result.data;
}

async function rejection(promise: Promise<unknown>): Promise<OrgraphError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof OrgraphError)) throw new Error(`expected an OrgraphError, got ${String(error)}`);
  return error;
}

/** Wraps the real fetch: counts calls and lets a test replace the answer of chosen attempts. */
function scriptedFetch(script: (call: number, body: string) => 'pass' | 'network' | { status: number; body: string }) {
  let calls = 0;
  const fetchImpl: FetchLike = async (target, init) => {
    calls += 1;
    const step = script(calls, init.body);
    if (step === 'pass') return recordingFetch(target, init);
    if (step === 'network') throw new TypeError('fetch failed');
    return new Response(step.body, { status: step.status, headers: { 'content-type': 'application/json' } });
  };
  return { fetchImpl, calls: () => calls };
}

describe('sessions: signUp, login, viewer, logout', () => {
  it('signs up, logs in, reads the viewer and logs out', async () => {
    const { email, client } = await newUser();
    const viewer = await client.viewer();
    expect(viewer).toMatchObject({ email, name: 'SDK User', sessionMethod: 'PASSWORD' });
    expect(viewer.personalAccount?.kind).toBe('PERSONAL');
    expect(viewer.organizations).toEqual([]);

    const loggedIn = await login(live, { email, password });
    if (!loggedIn.ok) throw new Error('login failed');
    expect(loggedIn.data.user.email).toBe(email);
    expect(typeof loggedIn.data.expiresAt).toBe('string');

    const second = createClient({ ...live, token: loggedIn.data.token });
    const logout = await second.logout();
    expect(logout).toEqual({ ok: true, data: { revoked: true } });
    // The revoked token no longer authenticates; the first session still does.
    expect((await rejection(second.viewer())).code).toBe('UNAUTHENTICATED');
    expect((await client.viewer()).email).toBe(email);
  });

  it('returns business-rule failures as { ok: false, userErrors }', async () => {
    const { email } = await newUser();
    const taken = await signUp(live, { email, name: 'Again', password });
    expect(taken.ok).toBe(false);
    if (!taken.ok) expect(taken.userErrors[0]).toMatchObject({ code: 'TAKEN', field: ['input', 'email'] });

    const wrong = await login(live, { email, password: 'not the password' });
    expect(wrong).toMatchObject({ ok: false, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
  });
});

describe('organizations and teams', () => {
  it('creates, reads, renames organizations and teams, and archives a team', async () => {
    const { client } = await newUser();
    const organization = await newOrganization(client);
    expect(organization.viewerRole).toBe('ADMIN');
    expect(organization.rootTeam.kind).toBe('ROOT');

    const renamedOrg = await client.renameOrganization({ organizationId: organization.id, name: 'Renamed Org' });
    expect(renamedOrg).toMatchObject({ ok: true, data: { id: organization.id, name: 'Renamed Org' } });

    const username = unique('sdkteam');
    const created = await client.createTeam({ organizationId: organization.id, username, name: 'First' });
    if (!created.ok) throw new Error(JSON.stringify(created.userErrors));
    expect(created.data).toMatchObject({ username, name: 'First', kind: 'TEAM', archivedAt: null, viewerRole: 'ADMIN' });

    const renamed = await client.renameTeam({ teamId: created.data.id, name: 'Second' });
    expect(renamed).toMatchObject({ ok: true, data: { name: 'Second' } });

    const fetched = await client.team(username);
    expect(fetched).toMatchObject({ id: created.data.id, name: 'Second', organization: { slug: organization.slug, name: 'Renamed Org' } });

    const withTeams = await client.organization(organization.slug, { teamsFirst: 10 });
    expect(withTeams.name).toBe('Renamed Org');
    expect(withTeams.teams.totalCount).toBe(1);
    expect(withTeams.teams.edges.map((edge) => edge.node.username)).toEqual([username]);

    const archived = await client.archiveTeam({ teamId: created.data.id });
    if (!archived.ok) throw new Error(JSON.stringify(archived.userErrors));
    expect(archived.data.archivedAt).toEqual(expect.any(String));
    expect((await client.organization(organization.slug)).teams.totalCount).toBe(0);
    expect((await client.organization(organization.slug, { includeArchivedTeams: true })).teams.totalCount).toBe(1);

    const viewer = await client.viewer();
    expect(viewer.organizations.map((org) => org.slug)).toEqual([organization.slug]);
  });

  it('reports userErrors for rule failures and typed errors for missing or forbidden objects', async () => {
    const { client } = await newUser();
    const organization = await newOrganization(client);
    const duplicate = await client.createOrganization({ slug: organization.slug, name: 'Dup' });
    expect(duplicate).toMatchObject({ ok: false, userErrors: [{ code: 'TAKEN' }] });

    const rootArchive = await client.archiveTeam({ teamId: organization.rootTeam.id });
    expect(rootArchive).toMatchObject({ ok: false, userErrors: [{ code: 'NOT_ARCHIVABLE', field: ['input', 'teamId'] }] });

    const missing = await rejection(client.organization(unique('nosuchorg')));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', serverCode: 'NOT_FOUND', retryable: false, attempts: 1 });
    // The SDK sends its own request id; the server keeps it and returns it with the error.
    expect(missing.requestId).toMatch(/^sdk-/);

    const stranger = await newUser();
    expect((await rejection(stranger.client.team(organization.rootTeam.username))).code).toBe('NOT_FOUND');
    expect((await rejection(stranger.client.renameOrganization({ organizationId: organization.id, name: 'x' }))).code).toBe('NOT_FOUND');
  });

  it('works with API keys: ADMIN keys administer, API keys are FORBIDDEN with a reason, neither has a viewer', async () => {
    const { client } = await newUser();
    const organization = await newOrganization(client);
    const adminKey = createClient({ ...live, apiKey: await createApiKeyFor(app, organization.rootTeam.username, 'ADMIN') });
    const created = await adminKey.createTeam({ organizationId: organization.id, username: unique('keyteam'), name: 'By key' });
    expect(created.ok).toBe(true);

    const viewerError = await rejection(adminKey.viewer());
    expect(viewerError).toMatchObject({ code: 'FORBIDDEN', reason: 'USER_SESSION_REQUIRED' });

    const apiKey = createClient({ ...live, apiKey: await createApiKeyFor(app, organization.rootTeam.username, 'API') });
    expect((await apiKey.team(organization.rootTeam.username)).id).toBe(organization.rootTeam.id);
    const forbidden = await rejection(apiKey.renameTeam({ teamId: organization.rootTeam.id, name: 'nope' }));
    expect(forbidden).toMatchObject({ code: 'FORBIDDEN', reason: 'API_KEY_SCOPE', status: 200 });

    const badKey = createClient({ ...live, apiKey: 'ok_nope:nope' });
    expect((await rejection(badKey.team(organization.rootTeam.username))).code).toBe('UNAUTHENTICATED');
  });

  it('node(id) returns a discriminated union, null when invisible', async () => {
    const { client } = await newUser();
    const organization = await newOrganization(client);
    const viewer = await client.viewer();

    const team = await client.node(organization.rootTeam.id);
    expect(team?.__typename).toBe('Team');
    if (team?.__typename === 'Team') expect(team.username).toBe(organization.rootTeam.username);

    const org = await client.node(organization.id);
    if (org?.__typename !== 'Organization') throw new Error(`expected an Organization, got ${org?.__typename}`);
    expect(org).toMatchObject({ slug: organization.slug, organizationRole: 'ADMIN' });

    const user = await client.node(viewer.user.id);
    expect(user).toMatchObject({ __typename: 'User', email: viewer.email });

    const stranger = await newUser();
    expect(await stranger.client.node(organization.id)).toBeNull();
  });
});

describe('pagination', () => {
  it('iterates every team across pages, fetching lazily', async () => {
    const { client, token } = await newUser();
    const organization = await newOrganization(client);
    const usernames: string[] = [];
    for (let i = 0; i < 5; i++) {
      const created = await client.createTeam({ organizationId: organization.id, username: unique(`page${i}`), name: `T${i}` });
      if (!created.ok) throw new Error(JSON.stringify(created.userErrors));
      usernames.push(created.data.username);
    }

    const seen: Team[] = [];
    for await (const team of client.teams(organization.slug, { pageSize: 2 })) seen.push(team);
    expect(seen.map((team) => team.username)).toEqual(usernames);

    const pages = [];
    for await (const page of client.teamPages(organization.slug, { pageSize: 2 })) pages.push(page);
    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
    expect(pages.map((page) => page.hasNextPage)).toEqual([true, true, false]);
    expect(pages.every((page) => page.totalCount === 5)).toBe(true);

    // Resuming from a page's endCursor continues where it stopped.
    const rest: string[] = [];
    for await (const team of client.teams(organization.slug, { pageSize: 2, after: pages[0].endCursor! })) rest.push(team.username);
    expect(rest).toEqual(usernames.slice(2));

    // `break` stops fetching: one request for the first page only.
    const counted = scriptedFetch(() => 'pass');
    const lazy = createClient({ ...live, token, fetch: counted.fetchImpl });
    for await (const team of lazy.teams(organization.slug, { pageSize: 2 })) {
      expect(team.username).toBe(usernames[0]);
      break;
    }
    expect(counted.calls()).toBe(1);
  });

  it('paginate helpers refuse a connection whose cursor does not advance', async () => {
    const stuck = paginatePages<number>(async () => ({ totalCount: 2, pageInfo: { hasNextPage: true, endCursor: 'same' }, edges: [{ cursor: 'same', node: 1 }] }));
    const pages: number[] = [];
    const error = await rejection(
      (async () => {
        for await (const page of stuck) pages.push(page.items.length);
      })(),
    );
    expect(error.code).toBe('INTERNAL_SERVER_ERROR');
    expect(pages).toEqual([1, 1]);
  });
});

describe('transport: retries, timeouts, aborts', () => {
  it('retries queries after network errors and 5xx answers, then succeeds', async () => {
    const { token, email } = await newUser();
    const flaky = scriptedFetch((call) => (call === 1 ? 'network' : call === 2 ? { status: 503, body: '<html>busy</html>' } : 'pass'));
    const client = createClient({ ...live, token, fetch: flaky.fetchImpl, retryDelayMs: 1 });
    expect((await client.viewer()).email).toBe(email);
    expect(flaky.calls()).toBe(3);
  });

  it('surfaces the server’s SERVICE_UNAVAILABLE (database outage) as its own code, retried after retryAfter', async () => {
    const { token, email } = await newUser();
    // The body the server sends while its database is unreachable (src/core/errors.ts, ServiceUnavailableError).
    const outage = JSON.stringify({
      errors: [{ message: 'The service is temporarily unavailable; retry shortly.', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: 0.01, requestId: 'outage-id-1' } }],
    });
    const recovering = scriptedFetch((call) => (call === 1 ? { status: 503, body: outage } : 'pass'));
    expect((await createClient({ ...live, token, fetch: recovering.fetchImpl }).viewer()).email).toBe(email);
    expect(recovering.calls()).toBe(2);

    const down = scriptedFetch(() => ({ status: 503, body: outage }));
    const error = await rejection(createClient({ ...live, token, fetch: down.fetchImpl, retries: 1 }).viewer());
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', serverCode: 'SERVICE_UNAVAILABLE', status: 503, retryable: true, retryAfter: 0.01, requestId: 'outage-id-1', attempts: 2 });
    // A proxy's bare 503 page means the same to a caller.
    const proxy = scriptedFetch(() => ({ status: 503, body: '<html>unavailable</html>' }));
    expect((await rejection(createClient({ ...live, token, fetch: proxy.fetchImpl, retries: 0 }).viewer())).code).toBe('SERVICE_UNAVAILABLE');
  });

  it('gives up after `retries` and reports the attempts', async () => {
    const { token } = await newUser();
    const down = scriptedFetch(() => 'network');
    const client = createClient({ ...live, token, fetch: down.fetchImpl, retries: 1, retryDelayMs: 1 });
    expect(await rejection(client.viewer())).toMatchObject({ code: 'NETWORK', retryable: true, attempts: 2, status: null });
    expect(down.calls()).toBe(2);
  });

  it('never retries a mutation', async () => {
    const { token } = await newUser();
    const down = scriptedFetch((call) => (call === 1 ? { status: 503, body: '' } : 'pass'));
    const client = createClient({ ...live, token, fetch: down.fetchImpl, retryDelayMs: 1 });
    const slug = unique('noretry');
    const error = await rejection(client.createOrganization({ slug, name: 'x' }));
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503, attempts: 1 });
    expect(down.calls()).toBe(1);
  });

  it('honours RATE_LIMITED retryAfter, and fails at once when it is longer than maxRetryDelayMs', async () => {
    const { token, email } = await newUser();
    const limited = (retryAfter: number) =>
      JSON.stringify({ errors: [{ message: 'Rate limit exceeded', extensions: { code: 'RATE_LIMITED', retryAfter, requestId: 'server-id-123' } }] });

    const brief = scriptedFetch((call) => (call === 1 ? { status: 429, body: limited(0.01) } : 'pass'));
    expect((await createClient({ ...live, token, fetch: brief.fetchImpl }).viewer()).email).toBe(email);
    expect(brief.calls()).toBe(2);

    const long = scriptedFetch(() => ({ status: 429, body: limited(120) }));
    const error = await rejection(createClient({ ...live, token, fetch: long.fetchImpl, maxRetryDelayMs: 1000 }).viewer());
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 120, requestId: 'server-id-123', status: 429, attempts: 1 });
    expect(long.calls()).toBe(1);
  });

  it('times out a stalled server (TIMEOUT) and honours the caller’s AbortSignal (ABORTED)', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const stalled = http.createServer(() => {
      /* never answers */
    });
    stalled.on('connection', (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    const stalledUrl = `http://127.0.0.1:${(stalled.address() as AddressInfo).port}/graphql`;
    try {
      const client = createClient({ url: stalledUrl, token: 'whatever', timeoutMs: 100, retryDelayMs: 1 });
      expect(await rejection(client.viewer())).toMatchObject({ code: 'TIMEOUT', attempts: 1 });

      const controller = new AbortController();
      const pending = client.team('anything', { signal: controller.signal, timeoutMs: 10_000 });
      setTimeout(() => controller.abort(), 20);
      expect((await rejection(pending)).code).toBe('ABORTED');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => stalled.close(resolve));
    }
  });

  it('generic request() runs any typed document; operation kinds decide retries', async () => {
    const { client } = await newUser();
    expect(operationKind('\n  # comment\n  mutation X { a }')).toBe('mutation');
    expect(operationKind('{ viewer { name } }')).toBe('query');
    // Fragments may come first in a caller's own document; braces in strings, comments and arguments do not count.
    expect(operationKind('fragment F on Team @x(a: { b: "}" }) { name } # mutation?\n mutation M { createTeam { ...F } }')).toBe('mutation');
    expect(operationKind('fragment query on Team { name } query Q { team { ...query } }')).toBe('query');
    expect(operationKind('"""{ query }""" mutation M { a }')).toBe('mutation');
    // Nothing recognisable is never retried.
    expect(operationKind('')).toBe('mutation');
    const document = { toString: () => 'query Mine { viewer { name } }' } as import('../sdk/src').OrgraphDocument<{ viewer: { name: string } }, Record<string, never>>;
    expect((await client.request(document, {})).viewer.name).toBe('SDK User');
  });

  it('request() never retries a mutation whose document starts with a fragment, and retries such a query', async () => {
    const { token, email } = await newUser();
    type Doc<T> = import('../sdk/src').OrgraphDocument<T, Record<string, never>>;
    const mutation = { toString: () => 'fragment S on LogoutPayload { revoked }\nmutation L { logout { ...S } }' } as Doc<{ logout: { revoked: boolean } }>;
    const failing = scriptedFetch((call) => (call === 1 ? { status: 503, body: '' } : 'pass'));
    const client = createClient({ ...live, token, fetch: failing.fetchImpl, retryDelayMs: 1 });
    expect(await rejection(client.request(mutation, {}))).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503, attempts: 1 });
    expect(failing.calls()).toBe(1);

    const query = { toString: () => 'fragment V on Viewer { email }\nquery Me { viewer { ...V } }' } as Doc<{ viewer: { email: string } }>;
    const flaky = scriptedFetch((call) => (call === 1 ? { status: 503, body: '' } : 'pass'));
    const retrying = createClient({ ...live, token, fetch: flaky.fetchImpl, retryDelayMs: 1 });
    expect((await retrying.request(query, {})).viewer.email).toBe(email);
    expect(flaky.calls()).toBe(2);
  });

  it('createClient rejects both or neither credential at compile time and at run time', () => {
    // @ts-expect-error both credentials
    expect(() => createClient({ ...live, apiKey: 'a:b', token: 't' })).toThrow(TypeError);
    // @ts-expect-error no credential
    expect(() => createClient({ url })).toThrow(TypeError);
  });
});

describe('people, keys, policies, usage and the audit log', () => {
  it('manages members and invites, keys, policies; checks model access; reads usage pages and the audit log', async () => {
    const admin = await newUser();
    const organization = await newOrganization(admin.client);
    const team = await admin.client.createTeam({ organizationId: organization.id, username: unique('sdkteam'), name: 'SDK team' });
    if (!team.ok) throw new Error(JSON.stringify(team.userErrors));

    // Invite a person, who accepts with the token from their email (the outbox stands in for the mailbox).
    const invitee = await newUser();
    const invite = await admin.client.createInvite({ organizationId: organization.id, email: invitee.email, organizationRole: 'MEMBER' });
    expect(invite.ok && invite.data.status).toBe('PENDING');
    const [mail] = await app.db.query(`SELECT body FROM email_outbox WHERE lower(recipient) = lower($1) ORDER BY created_at DESC LIMIT 1`, [invitee.email]);
    const token = /ogi_[A-Za-z0-9_-]+/.exec(mail.body)![0];
    const accepted = await invitee.client.acceptInvite({ token });
    expect(accepted.ok && accepted.data.status).toBe('ACCEPTED');

    const members: string[] = [];
    for await (const member of admin.client.members(organization.slug, { pageSize: 1 })) members.push(member.email);
    expect(members.sort()).toEqual([admin.email, invitee.email].sort());
    const inviteeMember = (await collect(admin.client.members(organization.slug, { filter: { role: 'MEMBER' } })))[0];
    const promoted = await admin.client.updateMemberRole({ memberId: inviteeMember.id, role: 'BILLING' });
    expect(promoted.ok && promoted.data.role).toBe('BILLING');

    // Keys: created once with the secret, listed without it, revoked.
    const created = await admin.client.createApiKey({ teamId: team.data.id, alias: 'sdk key', scope: 'API' });
    if (!created.ok) throw new Error(JSON.stringify(created.userErrors));
    expect(created.data.key).toMatch(/^ogk_[0-9a-f]{24}:ogsk_/);
    expect((await collect(admin.client.apiKeys(team.data.username))).map((k) => k.keyId)).toEqual([created.data.apiKey.keyId]);
    const revoked = await admin.client.revokeApiKey({ apiKeyId: created.data.apiKey.id });
    expect(revoked.ok && revoked.data.revokedAt).toEqual(expect.any(String));
    const tooLong = await admin.client.createApiKey({ teamId: team.data.id, alias: 'x'.repeat(256), scope: 'API' });
    expect(tooLong.ok).toBe(false);

    // Policies: lock request visibility to OWN; the team's effective policy says who decided.
    const policy = await admin.client.updateOrganizationPolicy({ organizationId: organization.id, settings: { requestVisibility: { value: 'OWN', locked: true } } });
    expect(policy.ok && policy.data.requestVisibility).toEqual({ value: 'OWN', level: 'ORGANIZATION', locked: true });
    expect((await admin.client.organizationPolicy(organization.slug)).requestVisibility.value).toBe('OWN');
    const effective = await admin.client.teamEffectivePolicy(team.data.username);
    expect(effective.requestVisibility).toMatchObject({ value: 'OWN', level: 'ORGANIZATION', locked: true });
    const checks = await admin.client.checkModelAccess([
      { teamUsername: team.data.username, endpointId: 'fal-ai/flux/dev', surface: 'API' },
      { teamUsername: 'no-such-team-sdk', endpointId: 'fal-ai/flux/dev', surface: 'API' },
    ]);
    expect(checks[0]).toMatchObject({ allowed: true, access: { decision: 'ALLOWED', level: 'DEFAULT' } });
    expect(checks[1].error?.code).toBe('TEAM_NOT_FOUND');

    // Usage pages: follow nextCursor until the last page; every bucket exactly once.
    const buckets: string[] = [];
    for await (const page of admin.client.usagePages(organization.slug, { start: '2025-01-01', end: '2025-01-04', timeframe: 'DAY', limit: 2, expand: ['TIME_SERIES', 'SUMMARY'] })) {
      buckets.push(...(page.timeSeries ?? []).map((bucket) => bucket.bucket));
      expect(page.summary).toEqual([]);
    }
    expect(buckets).toEqual(['2025-01-01T00:00:00+00:00', '2025-01-02T00:00:00+00:00', '2025-01-03T00:00:00+00:00']);
    const single = await admin.client.usage(organization.slug, { start: '2025-01-01', end: '2025-01-02' });
    expect(single.totalBuckets).toBe(24);

    // Billing: drafts for an open month, alerts with a signing secret.
    const alert = await admin.client.createSpendingAlert({ organizationId: organization.id, threshold: '250', period: 'MONTH', recipients: ['finance@example.com'] });
    expect(alert.ok && alert.data.signingSecret).toMatch(/^whsec_/);
    expect((await collect(admin.client.spendingAlerts(organization.slug))).map((a) => a.threshold)).toEqual(['250']);
    const badAlert = await admin.client.createSpendingAlert({ organizationId: organization.id, threshold: '-1', period: 'DAY' });
    expect(!badAlert.ok && badAlert.userErrors[0]?.code).toBe('INVALID');
    expect(await admin.client.billingSummary(organization.slug, '2025-01')).toEqual({ month: '2025-01', status: 'DRAFT', total: '0.00', invoiceCount: 0 });
    expect(await collect(admin.client.invoices(organization.slug, '2025-01'))).toEqual([]);

    // The audit log saw all of it.
    const actions = (await collect(admin.client.auditLog(organization.slug, { pageSize: 5 }))).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['organization.create', 'team.create', 'invite.create', 'invite.accept', 'apiKey.create', 'apiKey.revoke']));
    const onlyKeys = await collect(admin.client.auditLog(organization.slug, { filter: { action: 'apiKey.' } }));
    expect(onlyKeys.map((event) => event.action).sort()).toEqual(['apiKey.create', 'apiKey.revoke']);
  });
});

describe('the gateway, bulk invites, team usage and secrets', () => {
  it('routes a key, checks access, ingests requests and usage (ingest credential), then reads the team usage; invites in bulk; manages secrets', async () => {
    const admin = await newUser();
    const organization = await newOrganization(admin.client);
    const team = await admin.client.createTeam({ organizationId: organization.id, username: unique('sdkgw'), name: 'Gateway' });
    if (!team.ok) throw new Error(JSON.stringify(team.userErrors));
    const key = await admin.client.createApiKey({ teamId: team.data.id, alias: 'customer', scope: 'API' });
    if (!key.ok) throw new Error(JSON.stringify(key.userErrors));

    const gateway = createClient({ ...live, token: TEST_INGEST_TOKEN });
    const route = await gateway.apiKeyRoute(key.data.key);
    expect(route).toMatchObject({ keyId: key.data.apiKey.keyId, scope: 'API', team: { id: team.data.id, username: team.data.username } });
    expect(await gateway.apiKeyRoute(`${key.data.apiKey.keyId}:ogsk_wrong`)).toBeNull();
    // Only the gateway's credential may ask.
    expect((await rejection(admin.client.apiKeyRoute(key.data.key))).code).toBe('FORBIDDEN');
    const [decision] = await gateway.checkModelAccess([{ teamUsername: route!.team.username, endpointId: 'fal-ai/flux/dev', surface: 'API' }]);
    expect(decision.allowed).toBe(true);
    const at = new Date(Date.now() - 60_000).toISOString();
    const requests = await gateway.ingestRequests({
      records: [
        { id: 'sdk-gw-1', teamUsername: route!.team.username, endpointId: 'fal-ai/flux/dev', status: 'SUCCEEDED', startedAt: at, auth: { kind: 'API_KEY', keyId: route!.keyId } },
        { id: 'sdk-gw-2', teamUsername: 'no-such-team-gw', endpointId: 'fal-ai/flux/dev', status: 'SUCCEEDED', startedAt: at, auth: { kind: 'API_KEY', keyId: route!.keyId } },
      ],
    });
    expect(requests.ok && requests.data).toMatchObject({ accepted: 1, duplicates: 0, rejected: [{ index: 1, field: 'teamUsername', code: 'UNKNOWN_TEAM' }] });
    const record = { id: 'sdk-gw-1', timestamp: at, teamUsername: route!.team.username, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', quantity: '4', unitPrice: '0.25' };
    expect(await gateway.ingestUsage({ records: [record] })).toEqual({ ok: true, data: { accepted: 1, duplicates: 0, rejected: [] } });
    expect(await gateway.ingestUsage({ records: [record] })).toEqual({ ok: true, data: { accepted: 0, duplicates: 1, rejected: [] } });
    const usage = await admin.client.teamUsage(team.data.username, { start: new Date(Date.now() - 3_600_000).toISOString(), end: new Date(Date.now() + 60_000).toISOString() });
    expect(usage.map((item) => [item.product, item.cost])).toEqual([['MODEL_APIS', '1']]);

    const invited = await admin.client.createInvites({
      organizationId: organization.id,
      invitations: [{ email: `${unique('bulk')}@example.com` }, { email: 'not-an-email' }],
    });
    if (!invited.ok) throw new Error(JSON.stringify(invited.userErrors));
    expect(invited.data.map((result) => [Boolean(result.invite), result.userErrors.map((e) => e.code)])).toEqual([[true, []], [false, ['INVALID']]]);

    const secret = await admin.client.setTeamSecret({ teamId: team.data.id, name: 'GATEWAY_TOKEN', value: 's3cr3t' });
    expect(secret.ok && secret.data.name).toBe('GATEWAY_TOKEN');
    expect((await collect(admin.client.secrets(team.data.username))).map((s) => s.name)).toEqual(['GATEWAY_TOKEN']);
    expect(await admin.client.deleteTeamSecret({ teamId: team.data.id, name: 'GATEWAY_TOKEN' })).toEqual({ ok: true, data: { deletedName: 'GATEWAY_TOKEN' } });
    expect(await collect(admin.client.secrets(team.data.username))).toEqual([]);
  });
});

describe('SSO connection', () => {
  it('sets, tests and removes the OIDC connection with typed results and userErrors', async () => {
    const admin = await newUser();
    const organization = await newOrganization(admin.client);
    const input = { organizationId: organization.id, issuer: 'http://127.0.0.1:9', clientId: 'orgraph', clientSecret: 'sdk-secret' };
    const badIssuer = await admin.client.setSsoConnection({ ...input, issuer: 'ftp://idp.example.com' });
    expect(badIssuer.ok ? [] : badIssuer.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID_URL', ['input', 'issuer']]]);
    const set = await admin.client.setSsoConnection(input);
    if (!set.ok) throw new Error(JSON.stringify(set.userErrors));
    expect(set.data).toMatchObject({ issuer: 'http://127.0.0.1:9', clientId: 'orgraph', verifiedDomains: [], defaultTeamId: null });
    expect(JSON.stringify(set.data)).not.toContain('sdk-secret');
    // Nothing listens on port 9: the test reports it instead of failing the call.
    const checked = await admin.client.testSsoConnection({ organizationId: organization.id });
    expect(checked.ok).toBe(false);
    expect(checked.message).toMatch(/did not answer correctly/);
    const removed = await admin.client.removeSsoConnection({ organizationId: organization.id });
    expect(removed).toEqual({ ok: true, data: true });
    const again = await admin.client.removeSsoConnection({ organizationId: organization.id });
    expect(again.ok ? [] : again.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
  });

  it('claims, checks and removes an email domain with typed results and userErrors', async () => {
    const admin = await newUser();
    const organization = await newOrganization(admin.client);
    const domain = `${unique('sdk')}.test`;
    const added = await admin.client.addDomain({ organizationId: organization.id, domain });
    if (!added.ok) throw new Error(JSON.stringify(added.userErrors));
    expect(added.data).toMatchObject({ domain, status: 'PENDING', verifiedAt: null, txtRecordName: `_orgraph-challenge.${domain}` });
    expect(added.data.txtRecordValue).toMatch(/^orgraph-domain-verification=/);
    const bad = await admin.client.addDomain({ organizationId: organization.id, domain: 'not a domain' });
    expect(bad.ok ? [] : bad.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID', ['input', 'domain']]]);
    // Nothing publishes the record: the check reports it (which code depends on this machine's DNS), never a throw.
    const checked = await admin.client.verifyDomain({ domainId: added.data.id });
    expect(checked.ok ? [] : checked.userErrors.map((e) => e.code)).toEqual([expect.stringMatching(/^(DOMAIN_NOT_VERIFIED|DNS_UNAVAILABLE)$/)]);
    expect(await admin.client.removeDomain({ domainId: added.data.id })).toEqual({ ok: true, data: true });
  });
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('budgets: the gateway flow through the SDK', () => {
  it('checks, reserves, calls, ingests and settles; a used-up hard budget then denies the call', async () => {
    const admin = await newUser();
    const organization = await newOrganization(admin.client);
    const team = await admin.client.createTeam({ organizationId: organization.id, username: unique('gwteam'), name: 'Gateway team' });
    if (!team.ok) throw new Error(JSON.stringify(team.userErrors));
    const created = await admin.client.createApiKey({ teamId: team.data.id, alias: 'gateway caller', scope: 'API' });
    if (!created.ok) throw new Error(JSON.stringify(created.userErrors));
    const keyId = created.data.key.split(':')[0];
    const budget = await admin.client.setBudget({ subject: { organizationId: organization.id, scope: 'API_KEY', apiKeyId: created.data.apiKey.id }, period: 'DAY', amount: '1', hard: true });
    if (!budget.ok) throw new Error(JSON.stringify(budget.userErrors));
    expect(budget.data.signingSecret).toMatch(/^whsec_/);

    const gateway = createClient({ ...live, token: TEST_INGEST_TOKEN });
    const check = { teamUsername: team.data.username, endpointId: 'fal-ai/flux/dev', surface: 'API', keyId };
    // 1. check: allowed, with what remains of every budget of the caller.
    const [allowed] = await gateway.checkModelAccess([check]);
    expect(allowed.allowed).toBe(true);
    expect(allowed.budgets.map((b) => [b.scope, b.current.remaining])).toEqual([['API_KEY', '1']]);
    // 2. reserve the estimate; a second call's estimate no longer fits the hard budget.
    const requestId = unique('req');
    const held = await gateway.reserveSpend({ keyId, estimatedCost: '0.6', requestId });
    expect(held.reserved).toBe(true);
    expect(held.budgets[0].current).toMatchObject({ reserved: '0.6', remaining: '0.4' });
    const refused = await gateway.reserveSpend({ keyId, estimatedCost: '0.6', requestId: unique('req') });
    expect(refused.reserved).toBe(false);
    expect(refused.refusedBy?.scope).toBe('API_KEY');
    // 3. the call itself happens at the gateway, outside Orgraph; 4. the metering pipeline ingests its usage record,
    // under the reservation's request id.
    const ingested = await gateway.ingestUsage({
      records: [{ id: requestId, timestamp: new Date().toISOString(), teamUsername: team.data.username, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', quantity: '1', unitPrice: '0.25', auth: { kind: 'API_KEY', keyId } }],
    });
    expect(ingested).toMatchObject({ ok: true, data: { accepted: 1 } });
    // 5. settled: the hold is gone, the real cost counts, the difference is released.
    const [after] = await gateway.checkModelAccess([check]);
    expect(after.budgets[0].current).toMatchObject({ spend: '0.25', reserved: '0', remaining: '0.75' });
    const effective = await admin.client.effectiveBudgets({ organizationId: organization.id, scope: 'API_KEY', apiKeyId: created.data.apiKey.id });
    expect(effective.map((b) => [b.source, b.current.remaining])).toEqual([['OWN', '0.75']]);
    // Spend reaching the amount denies the key, naming the budget.
    await gateway.ingestUsage({
      records: [{ id: unique('req'), timestamp: new Date().toISOString(), teamUsername: team.data.username, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', quantity: '3', unitPrice: '0.25', auth: { kind: 'API_KEY', keyId } }],
    });
    const [denied] = await gateway.checkModelAccess([check]);
    expect(denied.allowed).toBe(false);
    expect(denied.access?.reasonCode).toBe('BUDGET_EXHAUSTED');
    expect(denied.access?.reason).toContain('API_KEY:');
  });
});

describe('coverage of sdk/operations', () => {
  it('every operation in sdk/operations ran successfully against the live server in this file', () => {
    const dir = path.join(__dirname, '..', 'sdk', 'operations');
    const declared = fs
      .readdirSync(dir)
      .filter((file) => file.endsWith('.graphql'))
      .flatMap((file) => [...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/^(?:query|mutation|subscription)\s+(\w+)/gm)].map((match) => match[1]));
    expect(declared.length).toBeGreaterThanOrEqual(13);
    expect(declared.filter((name) => !succeededOperations.has(name))).toEqual([]);
  });
});
