import net from 'node:net';
import { DateTime } from 'luxon';
import { startTestApp, TEST_INGEST_TOKEN, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, createTeam, signUp, type SignedUpUser } from './support/factories';
import { localId } from './support/people';

/**
 * Conformance to docs/rest-contract.md, row by row: the common rules (credential, error body and types,
 * unknown parameters, list forms), GET /v1/organization/teams, every parameter row and response field of
 * GET /v1/organization/usage, and GET /v1/account/model-access-controls. Written from the contract's text; every
 * expectation below quotes a line of it.
 */

let app: TestApp;
let fixture: Awaited<ReturnType<typeof buildFixture>>;
beforeAll(async () => {
  app = await startTestApp();
  fixture = await buildFixture();
});
afterAll(() => app.close());

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

async function get(path: string, authorization: string | null = `Key ${fixture.adminKey}`): Promise<Answer> {
  const response = await fetch(`${app.url}${path}`, { headers: authorization ? { authorization } : {} });
  const text = await response.text();
  let body: any = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** "Errors: a JSON body {"error": {"type": T, "message": "...", "request_id": "..."}}" — exactly these keys. */
function expectError(answer: Answer, status: number, type: string, mentions?: string) {
  expect({ status: answer.status, type: answer.body?.error?.type }).toEqual({ status, type });
  expect(Object.keys(answer.body)).toEqual(['error']);
  expect(Object.keys(answer.body.error).sort()).toEqual(['message', 'request_id', 'type']);
  expect(typeof answer.body.error.message).toBe('string');
  expect(answer.body.error.message.length).toBeGreaterThan(0);
  expect(answer.body.error.request_id).toBe(answer.headers.get('x-request-id'));
  if (mentions) expect(answer.body.error.message).toContain(mentions);
}

const usage = (query: string, key?: string) => get(`/v1/organization/usage?${query}`, key);

const DAY1 = DateTime.utc(2026, 2, 2);
const RANGE = 'start=2026-02-02&end=2026-02-05&timeframe=day';

async function buildFixture() {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const teamA = await createTeam(app, admin, org.id);
  const teamB = await createTeam(app, admin, org.id);
  const archived = await createTeam(app, admin, org.id);
  const rootUsername = org.slug;
  const adminKey = await createApiKeyFor(app, rootUsername, 'ADMIN');
  const rootApiKey = await createApiKeyFor(app, rootUsername, 'API');
  const teamAdminKey = await createApiKeyFor(app, teamA.username, 'ADMIN');
  const teamAKey = await createApiKeyFor(app, teamA.username, 'API');
  const otherAdmin = await signUp(app);
  const otherOrg = await createOrganization(app, otherAdmin);
  const stranger = await createTeam(app, otherAdmin, otherOrg.id);
  const [{ alias: keyAlias }] = await app.db.query(`SELECT alias FROM api_keys WHERE key_id = $1`, [teamAKey.split(':')[0]]);
  const [{ username: adminLogin }] = await app.db.query(`SELECT username FROM teams WHERE kind = 'PERSONAL' AND personal_owner_id = $1`, [localId(admin.id)]);

  // Three days of February 2026 (UTC). Day 1: team A on two endpoints by key and one by login, team B serverless;
  // day 2: nothing; day 3: team A compute. Plus records just outside the range and another organization's usage.
  let n = 0;
  const r = (team: string, at: DateTime, product: string, endpointId: string, quantity: string, unitPrice: string, extra: object = {}) => ({
    id: `k-${++n}`,
    timestamp: at.toISO(),
    teamUsername: team,
    product,
    endpointId,
    unit: 'unit',
    quantity,
    unitPrice,
    ...extra,
  });
  const keyAuth = { auth: { kind: 'API_KEY', keyId: teamAKey.split(':')[0] } };
  const loginAuth = { auth: { kind: 'LOGIN', userId: admin.id } };
  const records = [
    r(teamA.username, DAY1.plus({ hours: 1 }), 'MODEL_APIS', 'fal-ai/flux/dev', '2', '0.25', keyAuth),
    r(teamA.username, DAY1.plus({ hours: 2 }), 'MODEL_APIS', 'fal-ai/flux/dev', '1', '0.25', keyAuth),
    r(teamA.username, DAY1.plus({ hours: 3 }), 'MODEL_APIS', 'fal-ai/veo3', '4', '0.5', keyAuth),
    r(teamA.username, DAY1.plus({ hours: 4 }), 'MODEL_APIS', 'fal-ai/veo3', '1', '0.5', loginAuth),
    r(teamB.username, DAY1.plus({ hours: 5 }), 'SERVERLESS', 'acme/app', '10', '0.125'),
    r(teamA.username, DAY1.plus({ days: 2, hours: 6 }), 'COMPUTE', 'compute/a100', '3', '2'),
    r(teamA.username, DAY1.minus({ seconds: 1 }), 'MODEL_APIS', 'fal-ai/flux/dev', '1000', '1'),
    r(teamA.username, DAY1.plus({ days: 3 }), 'MODEL_APIS', 'fal-ai/flux/dev', '1000', '1'),
    r(stranger.username, DAY1.plus({ hours: 1 }), 'MODEL_APIS', 'fal-ai/flux/dev', '1000', '1'),
  ];
  const { ingestUsage } = await app.data(
    `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted rejected { index code field } } }`,
    { input: { records } },
    { bearer: TEST_INGEST_TOKEN },
  );
  if (ingestUsage.rejected.length) throw new Error(JSON.stringify(ingestUsage.rejected));
  const { archiveTeam } = await app.data(
    `mutation($input: ArchiveTeamInput!) { archiveTeam(input: $input) { userErrors { code } } }`,
    { input: { teamId: archived.id } },
    { token: admin.token },
  );
  expect(archiveTeam.userErrors).toEqual([]);
  return { admin, org, teamA, teamB, archived, stranger, rootUsername, adminKey, rootApiKey, teamAdminKey, teamAKey, keyAlias, adminLogin };
}

const ROUTES = ['/v1/organization/teams', '/v1/organization/usage', '/v1/account/model-access-controls'];

describe('common to every route', () => {
  it('Credential: missing/invalid → 401 authorization_error; a valid key that is not an organization admin key → 403', async () => {
    const session: SignedUpUser = fixture.admin;
    for (const route of ROUTES) {
      expectError(await get(route, null), 401, 'authorization_error');
      expectError(await get(route, 'Key ogk_000000000000000000000000:wrong'), 401, 'authorization_error');
      expectError(await get(route, 'Key not-even-a-key'), 401, 'authorization_error');
      expectError(await get(route, `Bearer ${session.token}x`), 401, 'authorization_error');
      // Valid credentials that are not an organization admin key: team ADMIN key, root API key, an admin's session.
      expectError(await get(route, `Key ${fixture.teamAdminKey}`), 403, 'authorization_error');
      expectError(await get(route, `Key ${fixture.rootApiKey}`), 403, 'authorization_error');
      expectError(await get(route, `Bearer ${session.token}`), 403, 'authorization_error');
      expect((await get(route)).status).toBe(200);
    }
  });

  it('Unknown query parameters are a validation_error naming the parameter, on every route', async () => {
    for (const route of ROUTES) {
      for (const name of ['team_usernames', 'products', 'Team_username', 'foo']) {
        expectError(await get(`${route}?${name}=x`), 400, 'validation_error', `\`${name}\``);
      }
    }
    // The GraphQL-era spellings a typo could produce on the usage route, each named.
    for (const name of ['endpoint_ids', 'api_key_ids', 'group_by', 'boundToTimeframe']) {
      expectError(await usage(`${RANGE}&${name}=x`), 400, 'validation_error', `\`${name}\``);
    }
  });

  it('404 not_found for unknown routes and methods under /v1', async () => {
    expectError(await get('/v1/organization/nope'), 404, 'not_found', 'GET /v1/organization/nope');
    expectError(await get('/v1/usage'), 404, 'not_found');
    const post = await fetch(`${app.url}/v1/organization/teams`, { method: 'POST', headers: { authorization: `Key ${fixture.adminKey}` } });
    expectError({ status: post.status, headers: post.headers, text: '', body: await post.json() }, 404, 'not_found');
    // A base URL ending in a slash (`//v1/…`, found by an outside client) is the same route, not the GraphQL 404.
    const doubled = await fetch(`${app.url}//v1/organization/teams`, { headers: { authorization: `Key ${fixture.adminKey}` } });
    expect(doubled.status).toBe(200);
    expect(await doubled.json()).toEqual((await get('/v1/organization/teams')).body);
    expectError(await get('//v1/organization/nope'), 404, 'not_found');
    expect((await fetch(`${app.url}//v1/organization/teams`)).status).toBe(401);
  });

  it('oversized URLs and headers (and malformed requests) still get the error body', async () => {
    // Longer than the REST routes read (8,192) but within Node's header limit: answered by the route.
    const longUrl = await usage(`${RANGE}&endpoint_id=${'x'.repeat(9000)}`);
    expectError(longUrl, 414, 'validation_error');
    // Beyond Node's 16 KiB header limit: the request line, then a header.
    for (const [request, status] of [
      [`GET /v1/organization/usage?${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 414],
      [`GET /v1/organization/teams HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
      // Malformed (a header line without a colon): refused by the parser, still the contract's body.
      [`GET /v1/organization/teams HTTP/1.1\r\nHost: x\r\nnot a header\r\n\r\n`, 400],
    ] as const) {
      const raw = await rawRequest(request);
      const [head, body] = raw.split('\r\n\r\n');
      expect(head.split('\r\n')[0]).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
      const requestId = /x-request-id: (\S+)/i.exec(head)?.[1];
      expect(JSON.parse(body)).toEqual({ error: { type: 'validation_error', message: expect.any(String), request_id: requestId } });
    }
  });

  it('429 rate_limited and 5xx (500, 503) server_error carry the same body', async () => {
    const limited = await startTestApp({ RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_API_KEY_PER_MINUTE: '30', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000', RATE_LIMIT_USER_PER_MINUTE: '1000' });
    try {
      const admin = await signUp(limited);
      const org = await createOrganization(limited, admin);
      const key = await createApiKeyFor(limited, org.slug, 'ADMIN');
      const secondKey = await createApiKeyFor(limited, org.slug, 'ADMIN');
      const call = async (path: string, credential = key) => {
        const response = await fetch(`${limited.url}${path}`, { headers: { authorization: `Key ${credential}` } });
        return { status: response.status, headers: response.headers, text: '', body: await response.json() };
      };
      const answers: Answer[] = [];
      for (let i = 0; i < 5; i++) answers.push(await call('/v1/organization/teams'));
      expect(answers.slice(0, 3).map((a) => a.status)).toEqual([200, 200, 200]);
      expectError(answers[3], 429, 'rate_limited');
      expect(Number(answers[3].headers.get('retry-after'))).toBeGreaterThan(0);

      // A broken database object (a real failure, not a mock) → 500 server_error, no stack trace.
      await limited.db.query(`ALTER TABLE model_endpoints RENAME TO model_endpoints_gone`);
      try {
        const broken = await call('/v1/account/model-access-controls', secondKey);
        expectError(broken, 500, 'server_error');
        expect(broken.body.error.message).not.toMatch(/model_endpoints|at .*\.ts/);
      } finally {
        await limited.db.query(`ALTER TABLE model_endpoints_gone RENAME TO model_endpoints`);
      }

      // No free database connection (every pooled one held): 503 server_error with Retry-After, then recovery.
      const pool = (limited.db.driver as any).master as { connect(): Promise<{ release(): void }> };
      const thirdKey = await createApiKeyFor(limited, org.slug, 'ADMIN');
      const held = await Promise.all(Array.from({ length: 8 }, () => pool.connect()));
      try {
        const unavailable = await call('/v1/organization/teams', thirdKey);
        expectError(unavailable, 503, 'server_error');
        expect(unavailable.headers.get('retry-after')).toBe('1');
      } finally {
        for (const client of held) client.release();
      }
      expect((await call('/v1/organization/teams', thirdKey)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('GET /v1/organization/teams', () => {
  it('every team including the root team; archived excluded unless include_archived=true; created_at UTC', async () => {
    const { body, status } = await get('/v1/organization/teams');
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['teams']);
    const byName = new Map(body.teams.map((t: any) => [t.username, t]));
    expect([...byName.keys()].sort()).toEqual([fixture.rootUsername, fixture.teamA.username, fixture.teamB.username].sort());
    for (const team of body.teams) {
      expect(Object.keys(team).sort()).toEqual(['created_at', 'is_org_root', 'name', 'username']);
      expect(team.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(team.is_org_root).toBe(team.username === fixture.rootUsername);
      expect(typeof team.name).toBe('string');
    }
    expect((byName.get(fixture.teamA.username) as any).name).toBe(`Team ${fixture.teamA.username}`);
    const all = await get('/v1/organization/teams?include_archived=true');
    expect(all.body.teams.map((t: any) => t.username).sort()).toEqual([fixture.rootUsername, fixture.teamA.username, fixture.teamB.username, fixture.archived.username].sort());
    expect((await get('/v1/organization/teams?include_archived=false')).body).toEqual(body);
    expectError(await get('/v1/organization/teams?include_archived=yes'), 400, 'validation_error', 'include_archived');
  });
});

describe('GET /v1/organization/usage — parameters', () => {
  const buckets = (answer: Answer) => answer.body.time_series.map((b: any) => b.bucket);
  const items = (answer: Answer) => answer.body.time_series.flatMap((b: any) => b.results);
  const totalCost = (answer: Answer) => items(answer).reduce((sum: number, item: any) => sum + item.cost, 0);

  it('start / end: ISO date or date-time; end exclusive', async () => {
    const dates = await usage(RANGE);
    expect(buckets(dates)).toEqual(['2026-02-02T00:00:00Z', '2026-02-03T00:00:00Z', '2026-02-04T00:00:00Z']);
    const dateTimes = await usage('start=2026-02-02T00:00:00Z&end=2026-02-05T00:00:00Z&timeframe=day');
    expect(dateTimes.body).toEqual(dates.body);
    // A record at 2026-02-05T00:00:00Z exists; end is exclusive, as is the record one second before start.
    expect(totalCost(dates)).toBe(0.5 + 0.25 + 2 + 0.5 + 1.25 + 6);
    expectError(await usage('start=yesterday&end=2026-02-05'), 400, 'validation_error', 'start');
    expectError(await usage('start=2026-02-02&end=2026-13-01'), 400, 'validation_error', 'end');
    expectError(await usage('start=2026-02-05&end=2026-02-02'), 400, 'validation_error');
  });

  it('start default 24 hours before now, end default now', async () => {
    const now = DateTime.utc();
    const answer = await usage('');
    expect(answer.status).toBe(200);
    const labels = buckets(answer);
    // 24 hours → auto timeframe `hour`, bound to the hour on both ends.
    const first = DateTime.fromISO(labels[0], { zone: 'utc' });
    const last = DateTime.fromISO(labels[labels.length - 1], { zone: 'utc' });
    expect(Math.abs(first.toMillis() - now.minus({ hours: 24 }).startOf('hour').toMillis())).toBeLessThanOrEqual(3_600_000);
    expect(last.toMillis()).toBeLessThanOrEqual(now.toMillis());
    expect(last.plus({ hours: 1 }).toMillis()).toBeGreaterThan(now.toMillis() - 60_000);
  });

  it('timezone: IANA zone for bucketing and date-only start/end; default UTC', async () => {
    const ny = await usage(`${RANGE}&timezone=America/New_York`);
    expect(buckets(ny)).toEqual(['2026-02-02T05:00:00Z', '2026-02-03T05:00:00Z', '2026-02-04T05:00:00Z']);
    const kathmandu = await usage(`${RANGE}&timezone=Asia/Kathmandu`);
    expect(buckets(kathmandu)).toEqual(['2026-02-01T18:15:00Z', '2026-02-02T18:15:00Z', '2026-02-03T18:15:00Z']);
    expect((await usage(`${RANGE}&timezone=UTC`)).body).toEqual((await usage(RANGE)).body);
    expectError(await usage(`${RANGE}&timezone=Mars/Olympus`), 400, 'validation_error', 'Mars/Olympus');
  });

  it('timeframe: minute, hour, day, week, month; absent → auto from end - start', async () => {
    const spacing = async (query: string) => {
      const labels = buckets(await usage(query));
      return labels.length > 1 ? DateTime.fromISO(labels[1]).diff(DateTime.fromISO(labels[0]), ['months', 'days', 'hours', 'minutes']).toObject() : null;
    };
    expect(await spacing('start=2026-02-02T00:00:00Z&end=2026-02-02T00:10:00Z&timeframe=minute')).toMatchObject({ minutes: 1 });
    expect(await spacing('start=2026-02-02&end=2026-02-03&timeframe=hour')).toMatchObject({ hours: 1 });
    expect(await spacing('start=2026-02-02&end=2026-02-05&timeframe=day')).toMatchObject({ days: 1 });
    expect(await spacing('start=2026-02-02&end=2026-03-02&timeframe=week')).toMatchObject({ days: 7 });
    expect(await spacing('start=2026-01-01&end=2026-04-01&timeframe=month')).toMatchObject({ months: 1 });
    // "< 2 h minute, < 2 d hour, < 64 d day, < 183 d week, else month", both sides of each threshold.
    const base = DateTime.utc(2026, 1, 5);
    const auto = async (duration: object) => spacing(`start=${base.toISO()}&end=${base.plus(duration).toISO()}`);
    expect(await auto({ minutes: 119 })).toMatchObject({ minutes: 1 });
    expect(await auto({ minutes: 120 })).toMatchObject({ hours: 1 });
    expect(await auto({ hours: 47 })).toMatchObject({ hours: 1 });
    expect(await auto({ hours: 48 })).toMatchObject({ days: 1 });
    expect(await auto({ days: 63 })).toMatchObject({ days: 1 });
    expect(await auto({ days: 64 })).toMatchObject({ days: 7 });
    expect(await auto({ days: 182 })).toMatchObject({ days: 7 });
    expect(await auto({ days: 183 })).toMatchObject({ months: 1 });
    expectError(await usage('timeframe=fortnight'), 400, 'validation_error', 'fortnight');
    expectError(await usage(RANGE.replace('day', 'DAY')), 400, 'validation_error', 'DAY');
  });

  it('bound_to_timeframe: true (default) moves start down and end up; false keeps the instants (partial first/last)', async () => {
    const query = 'start=2026-02-02T10:30:00Z&end=2026-02-04T05:00:00Z&timeframe=day';
    const bound = await usage(query);
    expect(buckets(bound)).toEqual(['2026-02-02T00:00:00Z', '2026-02-03T00:00:00Z', '2026-02-04T00:00:00Z']);
    expect((await usage(`${query}&bound_to_timeframe=true`)).body).toEqual(bound.body);
    const exact = await usage(`${query}&bound_to_timeframe=false`);
    expect(buckets(exact)).toEqual(['2026-02-02T10:30:00Z', '2026-02-03T00:00:00Z', '2026-02-04T00:00:00Z']);
    // The partial first day starts at 10:30: only day-1 records after it (none: they are at 01:00–05:00).
    expect(exact.body.time_series[0].results).toEqual([]);
    expect(bound.body.time_series[0].results.length).toBeGreaterThan(0);
    // The partial last day ends at 05:00: the 06:00 compute record on 02-04 falls outside.
    expect(exact.body.time_series[2].results).toEqual([]);
    expectError(await usage(`${query}&bound_to_timeframe=maybe`), 400, 'validation_error', 'bound_to_timeframe');
  });

  /** Each list parameter in each accepted form: comma-separated, repeated, both mixed. */
  const forms = (name: string, values: string[]) => [
    values.map((v) => `${name}=${encodeURIComponent(v)}`).join('&'),
    `${name}=${values.map(encodeURIComponent).join(',')}`,
    values.length > 2
      ? `${name}=${values.slice(0, 2).map(encodeURIComponent).join(',')}&${values.slice(2).map((v) => `${name}=${encodeURIComponent(v)}`).join('&')}`
      : `${name}=${encodeURIComponent(values[0])}&${name}=${encodeURIComponent(values[1])}`,
  ];

  it('team_username: one or more (1–50) in every list form; a username not of the organization is a validation_error', async () => {
    const one = await usage(`${RANGE}&team_username=${fixture.teamB.username}`);
    expect(new Set(items(one).map((i: any) => i.username))).toEqual(new Set([fixture.teamB.username]));
    const both = [fixture.teamA.username, fixture.teamB.username, fixture.rootUsername];
    const reference = await usage(RANGE);
    for (const form of forms('team_username', both)) {
      const answer = await usage(`${RANGE}&${form}`);
      expect([form, answer.body]).toEqual([form, reference.body]);
    }
    expectError(await usage(`${RANGE}&team_username=${fixture.stranger.username}`), 400, 'validation_error', fixture.stranger.username);
    expectError(await usage(`${RANGE}&team_username=${fixture.teamA.username},no-such-team`), 400, 'validation_error', 'no-such-team');
    const fiftyOne = Array.from({ length: 51 }, (_, i) => `t${i}x`).join(',');
    expectError(await usage(`${RANGE}&team_username=${fiftyOne}`), 400, 'validation_error', 'team_username');
    expectError(await usage(`${RANGE}&team_username=`), 400, 'validation_error', 'team_username');
  });

  it('product: model_apis, serverless, compute (lowercase); default all three', async () => {
    const all = await usage(RANGE);
    expect(new Set(items(all).map((i: any) => i.product))).toEqual(new Set(['model_apis', 'serverless', 'compute']));
    for (const product of ['model_apis', 'serverless', 'compute']) {
      const answer = await usage(`${RANGE}&product=${product}`);
      expect(new Set(items(answer).map((i: any) => i.product))).toEqual(new Set([product]));
    }
    for (const form of forms('product', ['model_apis', 'serverless', 'compute'])) expect((await usage(`${RANGE}&${form}`)).body).toEqual(all.body);
    for (const form of forms('product', ['model_apis', 'compute'])) {
      expect(new Set(items(await usage(`${RANGE}&${form}`)).map((i: any) => i.product))).toEqual(new Set(['model_apis', 'compute']));
    }
    expectError(await usage(`${RANGE}&product=MODEL_APIS`), 400, 'validation_error', 'MODEL_APIS');
    expectError(await usage(`${RANGE}&product=gpus`), 400, 'validation_error', 'gpus');
  });

  it('endpoint_id: 1–50 endpoint ids in every list form', async () => {
    for (const form of forms('endpoint_id', ['fal-ai/veo3', 'compute/a100', 'acme/app'])) {
      const answer = await usage(`${RANGE}&${form}`);
      expect(new Set(items(answer).map((i: any) => i.endpoint_id))).toEqual(new Set(['fal-ai/veo3', 'compute/a100', 'acme/app']));
    }
    const one = await usage(`${RANGE}&endpoint_id=fal-ai/flux/dev`);
    expect(totalCost(one)).toBe(0.75);
    const fiftyOne = Array.from({ length: 51 }, (_, i) => `e/${i}`).join(',');
    expectError(await usage(`${RANGE}&endpoint_id=${fiftyOne}`), 400, 'validation_error', 'endpoint_id');
  });

  it('api_key_id: 1–50 public key ids in every list form', async () => {
    const keyId = fixture.teamAKey.split(':')[0];
    const other = fixture.adminKey.split(':')[0];
    for (const form of forms('api_key_id', [keyId, other])) {
      const answer = await usage(`${RANGE}&${form}`);
      // Only the key-authenticated team A usage: 2×0.25 + 1×0.25 + 4×0.5.
      expect([form, totalCost(answer)]).toEqual([form, 2.75]);
    }
    expectError(await usage(`${RANGE}&api_key_id=ogk_nosuchkey`), 400, 'validation_error', 'ogk_nosuchkey');
    const fiftyOne = Array.from({ length: 51 }, (_, i) => `ogk_${i}`).join(',');
    expectError(await usage(`${RANGE}&api_key_id=${fiftyOne}`), 400, 'validation_error', 'api_key_id');
  });

  it('expand: any of time_series, summary, auth_method; at least one of the first two; default time_series', async () => {
    const plain = await usage(RANGE);
    expect(Object.keys(plain.body).sort()).toEqual(['has_more', 'next_cursor', 'time_series']);
    expect((await usage(`${RANGE}&expand=time_series`)).body).toEqual(plain.body);
    const summary = await usage(`${RANGE}&expand=summary`);
    expect(Object.keys(summary.body).sort()).toEqual(['has_more', 'next_cursor', 'summary']);
    for (const form of forms('expand', ['time_series', 'summary', 'auth_method'])) {
      const answer = await usage(`${RANGE}&${form}`);
      expect(Object.keys(answer.body).sort()).toEqual(['has_more', 'next_cursor', 'summary', 'time_series']);
      for (const item of [...items(answer), ...answer.body.summary]) expect(Object.keys(item)).toEqual(expect.arrayContaining(['auth_method', 'auth_method_structured']));
    }
    for (const item of items(plain)) expect(item).not.toHaveProperty('auth_method');
    expectError(await usage(`${RANGE}&expand=auth_method`), 400, 'validation_error', 'expand');
    expectError(await usage(`${RANGE}&expand=everything`), 400, 'validation_error', 'everything');
  });

  it('limit: maximum number of items on a page; buckets never split unless one bucket alone holds more', async () => {
    // Items per day: day 1 holds 3 (team A flux/dev and veo3 — key and login merge without auth_method — and
    // team B's app), day 2 none, day 3 one.
    const perBucket = (await usage(RANGE)).body.time_series.map((b: any) => b.results.length);
    expect(perBucket).toEqual([3, 0, 1]);
    const pages = async (limit: number) => {
      const result: Array<Array<[string, number]>> = [];
      let cursor: string | null = null;
      do {
        const answer: Answer = await usage(`${RANGE}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(answer.status).toBe(200);
        const count = items(answer).length;
        // The page holds at most `limit` items.
        expect(count).toBeLessThanOrEqual(limit);
        result.push(answer.body.time_series.map((b: any) => [b.bucket.slice(8, 10), b.results.length]));
        cursor = answer.body.next_cursor;
      } while (cursor);
      return result;
    };
    expect(await pages(4)).toEqual([[['02', 3], ['03', 0], ['04', 1]]]);
    expect(await pages(3)).toEqual([[['02', 3], ['03', 0]], [['04', 1]]]);
    // Day 1 alone holds 3 > 2 items: it goes out in slices of 2 then 1, then the next buckets.
    expect(await pages(2)).toEqual([[['02', 2]], [['02', 1]], [['03', 0], ['04', 1]]]);
    expect(await pages(1)).toEqual([[['02', 1]], [['02', 1]], [['02', 1]], [['03', 0], ['04', 1]]]);
    // Slices are disjoint and add up to the bucket.
    const sliced: any[] = [];
    for (const cursor of [null, 'Mg==', 'Mw==']) sliced.push(...(await usage(`${RANGE}&limit=1${cursor ? `&cursor=${cursor}` : ''}`)).body.time_series[0].results);
    expect(sliced).toEqual((await usage(RANGE)).body.time_series[0].results);
    for (const bad of ['0', '-1', 'ten', '1.5', '10001']) expectError(await usage(`${RANGE}&limit=${bad}`), 400, 'validation_error', 'limit');
    expect((await usage(`${RANGE}&limit=10000`)).status).toBe(200);
  });

  it('cursor: opaque base64 of the page number (Mg== is page 2); a malformed cursor is a validation_error', async () => {
    const first = await usage(`${RANGE}&limit=3`);
    expect(first.body.next_cursor).toBe('Mg==');
    expect(first.body.has_more).toBe(true);
    const second = await usage(`${RANGE}&limit=3&cursor=Mg==`);
    expect(second.body).toMatchObject({ next_cursor: null, has_more: false });
    expect(buckets(second)).toEqual(['2026-02-04T00:00:00Z']);
    for (const bad of ['%%%', 'bm9wZQ==', 'OTk=', 'MA==', '']) expectError(await usage(`${RANGE}&limit=3&cursor=${bad}`), 400, 'validation_error', 'cursor');
  });
});

describe('GET /v1/organization/usage — response body', () => {
  it('every field of the body and of Item, as the contract writes them', async () => {
    const answer = await usage(`${RANGE}&expand=time_series,summary&limit=3`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    const { body } = answer;
    expect(body.next_cursor).toBe('Mg==');
    expect(body.has_more).toBe(true);
    // "bucket is the bucket's start as a UTC instant (...Z)"; "every bucket of the range is present, empty ones with results: []".
    expect(body.time_series).toEqual([
      {
        bucket: '2026-02-02T00:00:00Z',
        results: [
          { username: fixture.teamA.username, product: 'model_apis', endpoint_id: 'fal-ai/flux/dev', unit: 'unit', quantity: 3, unit_price: 0.25, cost: 0.75, currency: 'USD' },
          { username: fixture.teamA.username, product: 'model_apis', endpoint_id: 'fal-ai/veo3', unit: 'unit', quantity: 5, unit_price: 0.5, cost: 2.5, currency: 'USD' },
          { username: fixture.teamB.username, product: 'serverless', endpoint_id: 'acme/app', unit: 'unit', quantity: 10, unit_price: 0.125, cost: 1.25, currency: 'USD' },
        ].sort((a, b) => (a.username + a.endpoint_id).localeCompare(b.username + b.endpoint_id)),
      },
      { bucket: '2026-02-03T00:00:00Z', results: [] },
    ].map((bucket) => ({ ...bucket, results: expect.arrayContaining(bucket.results) })));
    expect(body.time_series[0].results).toHaveLength(3);
    // "summary covers the whole range, not the page" (the compute record is on page 2).
    expect(body.summary).toEqual(
      expect.arrayContaining([
        { username: fixture.teamA.username, product: 'compute', endpoint_id: 'compute/a100', unit: 'unit', quantity: 3, unit_price: 2, cost: 6, currency: 'USD' },
      ]),
    );
    expect(body.summary).toHaveLength(4);
    // "Numbers are JSON numbers": the raw text has no quoted numbers.
    expect(answer.text).toMatch(/"cost":0\.75/);
  });

  it('auth_method and auth_method_structured with expand=auth_method', async () => {
    const answer = await usage(`${RANGE}&expand=time_series,auth_method&endpoint_id=fal-ai/veo3`);
    const results = answer.body.time_series[0].results;
    expect(results).toEqual(
      expect.arrayContaining([
        {
          username: fixture.teamA.username, product: 'model_apis', endpoint_id: 'fal-ai/veo3', unit: 'unit', quantity: 4, unit_price: 0.5, cost: 2, currency: 'USD',
          auth_method: 'api_key',
          auth_method_structured: { detail: fixture.keyAlias, api_key_id: fixture.teamAKey.split(':')[0], login_username: null },
        },
        {
          username: fixture.teamA.username, product: 'model_apis', endpoint_id: 'fal-ai/veo3', unit: 'unit', quantity: 1, unit_price: 0.5, cost: 0.5, currency: 'USD',
          auth_method: 'login',
          auth_method_structured: { detail: fixture.adminLogin, api_key_id: null, login_username: fixture.adminLogin },
        },
      ]),
    );
    expect(results).toHaveLength(2);
  });

  it('exact decimals on request: decimals=string returns the same values as strings (docs/rest.md)', async () => {
    const numbers = await usage(`${RANGE}&expand=time_series,summary`);
    const strings = await usage(`${RANGE}&expand=time_series,summary&decimals=string`);
    const numeric = (item: any) => ({ ...item, quantity: Number(item.quantity), unit_price: Number(item.unit_price), cost: Number(item.cost) });
    expect(strings.body.summary.map(numeric)).toEqual(numbers.body.summary);
    for (const item of strings.body.summary) for (const field of ['quantity', 'unit_price', 'cost']) expect(typeof item[field]).toBe('string');
    expectError(await usage(`${RANGE}&decimals=float`), 400, 'validation_error', 'decimals');
  });
});

describe('GET /v1/account/model-access-controls', () => {
  it('CSV, one row per (team, endpoint, surface), ALLOWED or BLOCKED, surfaces api and playground', async () => {
    await app.data(
      `mutation($input: AddModelAccessRuleInput!) { addModelAccessRule(input: $input) { userErrors { code } } }`,
      { input: { organizationId: fixture.org.id, pattern: 'fal-ai/*', effect: 'BLOCKED', surface: 'PLAYGROUND' } },
      { token: fixture.admin.token },
    );
    const answer = await get('/v1/account/model-access-controls');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...lines] = answer.text.trim().split('\n');
    expect(header).toBe('team_username,endpoint_id,surface,access,level,rule_pattern,reason_code,reason');
    const rows = lines.map((line) => parseCsvLine(line));
    const endpoints: Array<{ endpoint_id: string }> = await app.db.query(`SELECT endpoint_id FROM model_endpoints`);
    const teams = [fixture.rootUsername, fixture.teamA.username, fixture.teamB.username];
    expect(rows).toHaveLength(teams.length * endpoints.length * 2);
    const keys = new Set(rows.map((row) => `${row[0]}|${row[1]}|${row[2]}`));
    expect(keys.size).toBe(rows.length);
    for (const team of teams) for (const { endpoint_id } of endpoints) for (const surface of ['api', 'playground']) expect(keys.has(`${team}|${endpoint_id}|${surface}`)).toBe(true);
    for (const row of rows) {
      expect(['ALLOWED', 'BLOCKED']).toContain(row[3]);
      if (row[2] === 'playground' && row[1].startsWith('fal-ai/')) expect([row[3], row[5]]).toEqual(['BLOCKED', 'fal-ai/*']);
    }
    // The team_username filter "as above": every list form; an unknown team is a validation_error.
    const two = [fixture.teamA.username, fixture.teamB.username];
    for (const query of [`team_username=${two.join(',')}`, `team_username=${two[0]}&team_username=${two[1]}`, `team_username=${two[0]},${two[1]}&team_username=${two[0]}`]) {
      const filtered = await get(`/v1/account/model-access-controls?${query}`);
      const names = new Set(filtered.text.trim().split('\n').slice(1).map((line) => parseCsvLine(line)[0]));
      expect([query, [...names].sort()]).toEqual([query, [...two].sort()]);
    }
    expectError(await get(`/v1/account/model-access-controls?team_username=${fixture.stranger.username}`), 400, 'validation_error', fixture.stranger.username);
  });
});

function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    }
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

function rawRequest(request: string): Promise<string> {
  const { hostname, port } = new URL(app.url);
  return new Promise((resolve, reject) => {
    let data = '';
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    socket.on('data', (chunk) => (data += chunk.toString('utf8')));
    socket.on('end', () => resolve(data));
    socket.on('error', (error) => (data ? resolve(data) : reject(error)));
  });
}
