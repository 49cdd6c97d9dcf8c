import { startTestApp, TEST_INGEST_TOKEN, TEST_OPERATOR_TOKEN, type TestApp } from './support/testApp';
import crypto from 'node:crypto';
import { createApiKeyFor, createOrganization, createTeam, signUp, unique, type SignedUpUser } from './support/factories';
import { globalId, localId as localIdOf } from './support/people';
import { ApiKeyScope } from '../src/apiKeys/apiKey.entity';
import { Team } from '../src/teams/team.entity';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ REQUEST_PAYLOAD_MAX_BYTES: '2048' });
});
afterAll(() => app.close());

const INGEST = `mutation($input: IngestRequestsInput!) {
  ingestRequests(input: $input) { accepted duplicates rejected { index field code message } userErrors { code message } }
}`;
const REQUESTS = `query($username: String!, $filter: RequestFilter, $first: Int, $after: String) {
  team(username: $username) {
    requests(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id requestId endpointId status identity { kind keyId keyOwner { email } user { email } } payload { input output } payloadHiddenReason } }
    }
  }
}`;

const ingest = (records: unknown[]) => app.data(INGEST, { input: { records } }, { bearer: TEST_INGEST_TOKEN });

async function addMember(teamUsername: string, user: SignedUpUser, role: 'ADMIN' | 'DEVELOPER' | 'BILLING') {
  await app.db.query(
    `INSERT INTO team_memberships (team_id, organization_id, user_id, role)
     SELECT t.id, t.organization_id, u.id, $3 FROM teams t, users u WHERE t.username = $1 AND u.email = $2`,
    [teamUsername, user.email, role],
  );
  await app.db.query(
    `INSERT INTO organization_memberships (organization_id, user_id, role)
     SELECT t.organization_id, u.id, 'MEMBER' FROM teams t, users u WHERE t.username = $1 AND u.email = $2 ON CONFLICT DO NOTHING`,
    [teamUsername, user.email],
  );
}

async function keyFor(teamUsername: string, scope: 'API' | 'ADMIN', owner: SignedUpUser | null) {
  const team = await app.db.getRepository(Team).findOneByOrFail({ username: teamUsername });
  const ownerId = owner ? (await app.db.query(`SELECT id FROM users WHERE email = $1`, [owner.email]))[0].id : null;
  const { key } = await app.server.services.apiKeys.create(
    { actor: { kind: 'OPERATOR' }, requestId: 'test', ip: null },
    team,
    { alias: `key ${scope}`, scope: scope as ApiKeyScope, ownerId },
  );
  return { key, keyId: key.split(':')[0] };
}

function record(team: string, id: string, auth: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    id,
    teamUsername: team,
    endpointId: 'fal-ai/flux/dev',
    status: 'SUCCEEDED',
    httpStatus: 200,
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    finishedAt: new Date(Date.now() - 58_000).toISOString(),
    auth,
    input: JSON.stringify({ prompt: `prompt of ${id}` }),
    output: JSON.stringify({ images: [`${id}.png`] }),
    ...extra,
  };
}

describe('request ingest', () => {
  it('keeps valid records, reports bad ones by index, and is idempotent on retry', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    const { keyId } = await keyFor(team.username, 'API', null);
    const batch = [
      record(team.username, 'r-ok-1', { kind: 'API_KEY', keyId }),
      record('no-such-team-x', 'r-bad-team', { kind: 'API_KEY', keyId }),
      record(team.username, 'r-big', { kind: 'API_KEY', keyId }, { input: JSON.stringify({ blob: 'x'.repeat(4000) }) }),
      record(team.username, 'r-future', { kind: 'API_KEY', keyId }, { startedAt: new Date(Date.now() + 86_400_000).toISOString() }),
      record(team.username, 'r-json', { kind: 'API_KEY', keyId }, { output: '{"not json' }),
      record(team.username, 'r-login', { kind: 'LOGIN', userId: admin.id }),
      record(team.username, 'r-bad-key', { kind: 'API_KEY', keyId: 'ogk_000000000000000000000000' }),
    ];
    const first = await ingest(batch);
    expect(first.ingestRequests.accepted).toBe(2);
    expect(first.ingestRequests.duplicates).toBe(0);
    expect(first.ingestRequests.rejected.map((r: any) => [r.index, r.field, r.code])).toEqual([
      [1, 'teamUsername', 'UNKNOWN_TEAM'],
      [2, 'input', 'PAYLOAD_TOO_LARGE'],
      [3, 'startedAt', 'FUTURE_TIMESTAMP'],
      [4, 'output', 'INVALID_JSON'],
      [6, 'auth.keyId', 'UNKNOWN_KEY'],
    ]);
    const retry = await ingest(batch);
    expect(retry.ingestRequests).toMatchObject({ accepted: 0, duplicates: 2 });
    const [{ count }] = await app.db.query(`SELECT count(*)::int AS count FROM request_records WHERE team_id = (SELECT id FROM teams WHERE username = $1)`, [team.username]);
    expect(count).toBe(2);
  });

  it('checks every record on its own at the edges: size limit, far-future times, either payload, unknown users; keeps the rest', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    const { keyId } = await keyFor(team.username, 'API', null);
    const auth = { kind: 'API_KEY', keyId };
    const limit = 2048; // REQUEST_PAYLOAD_MAX_BYTES of this file's server
    const exactly = (bytes: number) => JSON.stringify({ p: 'x'.repeat(bytes - '{"p":""}'.length) });
    const batch = [
      record(team.username, 'at-limit', auth, { input: exactly(limit - 2), output: '{}' }),
      record(team.username, 'one-over', auth, { input: exactly(limit - 1), output: '{}' }),
      record(team.username, 'big-output', auth, { input: null, output: exactly(limit + 500) }),
      record(team.username, 'year-2999', auth, { startedAt: '2999-01-01T00:00:00Z' }),
      record(team.username, 'soon', auth, { startedAt: new Date(Date.now() + 60_000).toISOString(), finishedAt: null }),
      record(team.username, 'bad-input-json', auth, { input: "{'single': 'quotes'}" }),
      record(team.username, 'trailing-garbage', auth, { output: '{"a":1} x' }),
      record(team.username, 'nobody', { kind: 'LOGIN', userId: Buffer.from('User:00000000-0000-0000-0000-000000000000').toString('base64url') }),
      record(team.username, 'no-payloads', auth, { input: null, output: null }),
      record(team.username, 'at-limit', auth),
    ];
    const { ingestRequests } = await ingest(batch);
    expect(ingestRequests.rejected.map((r: any) => [batch[r.index].id, r.field, r.code])).toEqual([
      ['one-over', 'input', 'PAYLOAD_TOO_LARGE'],
      ['big-output', 'output', 'PAYLOAD_TOO_LARGE'],
      ['year-2999', 'startedAt', 'FUTURE_TIMESTAMP'],
      ['bad-input-json', 'input', 'INVALID_JSON'],
      ['trailing-garbage', 'output', 'INVALID_JSON'],
      ['nobody', 'auth.userId', 'UNKNOWN_USER'],
      ['at-limit', 'id', 'DUPLICATE_IN_BATCH'],
    ]);
    for (const rejection of ingestRequests.rejected) expect(rejection.message).toMatch(/\S/);
    expect(ingestRequests).toMatchObject({ accepted: 3, duplicates: 0 });
    const stored = await app.db.query(
      `SELECT id, payload_bytes, input IS NULL AS no_input FROM request_records WHERE team_id = (SELECT id FROM teams WHERE username = $1) ORDER BY id`,
      [team.username],
    );
    // Kept whole: the record at the limit is stored with every byte (never truncated).
    expect(stored).toEqual([
      { id: 'at-limit', payload_bytes: limit, no_input: false },
      { id: 'no-payloads', payload_bytes: 0, no_input: true },
      { id: 'soon', payload_bytes: expect.any(Number), no_input: false },
    ]);
    const { team: listed } = await app.data(REQUESTS, { username: team.username, filter: { endpointIds: ['fal-ai/flux/dev'] } }, { token: admin.token });
    const atLimit = listed.requests.edges.find((e: any) => e.node.requestId === 'at-limit').node;
    expect(JSON.stringify(atLimit.payload.input)).toBe(exactly(limit - 2));
  });

  it('concurrent retries of one batch store each record once', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    const batch = Array.from({ length: 40 }, (_, i) => record(team.username, `c-${i}`, { kind: 'LOGIN', userId: admin.id }));
    const results = await Promise.all(Array.from({ length: 4 }, () => ingest(batch)));
    const totals = results.reduce((sum, r) => ({ accepted: sum.accepted + r.ingestRequests.accepted, duplicates: sum.duplicates + r.ingestRequests.duplicates }), { accepted: 0, duplicates: 0 });
    expect(totals).toEqual({ accepted: 40, duplicates: 120 });
    const [{ count }] = await app.db.query(`SELECT count(*)::int AS count FROM request_records WHERE team_id = (SELECT id FROM teams WHERE username = $1)`, [team.username]);
    expect(count).toBe(40);
  });

  it('only the ingest credential may write records', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    const adminKey = await keyFor(team.username, 'ADMIN', null);
    const rootUsername = (await app.db.query(`SELECT username FROM teams WHERE id = $1`, [Buffer.from(org.rootTeamId, 'base64url').toString('utf8').split(':')[1]]))[0].username;
    const rootKey = await keyFor(rootUsername, 'ADMIN', null);
    const records = [record(team.username, 'not-from-the-gateway', { kind: 'LOGIN', userId: admin.id })];
    for (const credential of [{ token: admin.token }, { key: adminKey.key }, { key: rootKey.key }, { bearer: TEST_OPERATOR_TOKEN }]) {
      const response = await app.gql(INGEST, { input: { records } }, credential);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'INGEST_CREDENTIAL_REQUIRED' });
    }
    expect((await app.gql(INGEST, { input: { records } })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await app.db.query(`SELECT 1 FROM request_records WHERE id = 'not-from-the-gateway'`)).toEqual([]);
    // And the ingest credential reads nothing: it is not a customer.
    const read = await app.gql(REQUESTS, { username: team.username }, { bearer: TEST_INGEST_TOKEN });
    expect(read.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CUSTOMER_CREDENTIAL_REQUIRED' });
    const empty = await ingest([]);
    expect(empty.ingestRequests.userErrors[0].code).toBe('INVALID_BATCH');
  });
});

describe('request log pagination', () => {
  it('pages newest first through every record exactly once', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    const base = Date.now() - 3_600_000;
    // Several records share a timestamp so the id tie-breaker is exercised.
    await ingest(
      Array.from({ length: 25 }, (_, i) =>
        record(team.username, `p-${String(i).padStart(2, '0')}`, { kind: 'LOGIN', userId: admin.id }, { startedAt: new Date(base + Math.floor(i / 3) * 1000).toISOString() }),
      ),
    );
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const { team: page }: any = await app.data(REQUESTS, { username: team.username, first: 4, after }, { token: admin.token });
      seen.push(...page.requests.edges.map((e: any) => e.node.requestId));
      after = page.requests.pageInfo.hasNextPage ? page.requests.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen[0]).toBe('p-24');
    expect(seen.at(-1)).toBe('p-00');

    const filtered = await app.data(REQUESTS, { username: team.username, filter: { statuses: ['FAILED'] } }, { token: admin.token });
    expect(filtered.team.requests.totalCount).toBe(0);
    const tooMany = await app.gql(REQUESTS, { username: team.username, filter: { endpointIds: Array.from({ length: 51 }, (_, i) => `e${i}`) } }, { token: admin.token });
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('request log keyset pagination', () => {
  it('pages with a keyset predicate on the (team, started_at, id) index: no OFFSET, no sort', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    await app.db.query(
      `INSERT INTO request_records (team_id, organization_id, id, endpoint_id, status, started_at, auth_kind, user_id, input, output, payload_bytes)
       SELECT t.id, t.organization_id, 'k-' || g, 'fal-ai/flux/dev', 'SUCCEEDED', now() - (g || ' seconds')::interval, 'LOGIN', u.id, '{}', '{}', 4
         FROM teams t, users u, generate_series(1, 5000) g WHERE t.username = $1 AND u.email = $2`,
      [team.username, admin.email],
    );
    await app.db.query('ANALYZE request_records');

    const statements: Array<{ sql: string; parameters: unknown[] }> = [];
    const spy = jest.spyOn(app.db.logger, 'logQuery').mockImplementation((sql: string, parameters?: unknown[]) => {
      if (sql.includes('FROM "request_records"') && sql.includes('LIMIT')) statements.push({ sql, parameters: parameters ?? [] });
    });
    const PAGE = `query($u: String!, $after: String) { team(username: $u) { requests(first: 100, after: $after) { pageInfo { endCursor } edges { node { requestId } } } } }`;
    let after: string | null = null;
    const pages: string[][] = [];
    try {
      for (let page = 0; page < 30; page++) {
        const { team: t }: any = await app.data(PAGE, { u: team.username, after }, { token: admin.token });
        pages.push(t.requests.edges.map((e: any) => e.node.requestId));
        after = t.requests.pageInfo.endCursor;
      }
    } finally {
      spy.mockRestore();
    }
    expect(pages[0][0]).toBe('k-1');
    expect(pages[29].at(-1)).toBe('k-3000');
    expect(statements).toHaveLength(30);
    for (const { sql } of statements) expect(sql).not.toMatch(/OFFSET/i);
    const last = statements.at(-1)!;
    expect(last.sql).toMatch(/\("r"?\.?"?started_at"?, "?r"?\.?"?id"?\) < \(/);

    // The planner walks the index from the cursor: an index scan, no sort, however deep the page.
    const [{ 'QUERY PLAN': plan }] = await app.db.query(`EXPLAIN (FORMAT JSON) ${last.sql}`, last.parameters);
    const nodes: any[] = [];
    const walk = (node: any) => {
      nodes.push(node);
      (node.Plans ?? []).forEach(walk);
    };
    walk(plan[0].Plan);
    expect(nodes.map((n) => n['Node Type'])).not.toContain('Sort');
    // The table is partitioned by month: the scan uses the partitions' copies of the (team, started_at, id) index.
    const partitionIndexes = await partitionIndexNames('request_records_team_time_idx');
    expect(nodes.some((n) => /Index/.test(n['Node Type']) && partitionIndexes.includes(n['Index Name']))).toBe(true);
  });

  it('restricted view (OWN) pages on the identity index too, even when a member’s requests are all old', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    const developer = await signUp(app);
    await addMember(team.username, developer, 'DEVELOPER');
    const { keyId } = await keyFor(team.username, 'API', developer);
    // 5,000 recent Playground requests of the admin, then the developer's: 150 old key requests, 150 old Playground ones.
    await app.db.query(
      `INSERT INTO request_records (team_id, organization_id, id, endpoint_id, status, started_at, auth_kind, user_id, api_key_id, key_owner_id, payload_bytes)
       SELECT t.id, t.organization_id, 'n-' || g, 'fal-ai/flux/dev', 'SUCCEEDED', now() - (g || ' seconds')::interval, 'LOGIN', a.id, NULL, NULL, 0
         FROM teams t, users a, generate_series(1, 5000) g WHERE t.username = $1 AND a.email = $2
       UNION ALL
       SELECT t.id, t.organization_id, 'd-' || g, 'fal-ai/flux/dev', 'SUCCEEDED', now() - interval '30 days' - (g || ' seconds')::interval,
              CASE WHEN g % 2 = 0 THEN 'API_KEY' ELSE 'LOGIN' END,
              CASE WHEN g % 2 = 0 THEN NULL ELSE d.id END,
              CASE WHEN g % 2 = 0 THEN k.id END,
              CASE WHEN g % 2 = 0 THEN d.id END, 0
         FROM teams t, users d, api_keys k, generate_series(1, 300) g WHERE t.username = $1 AND d.email = $3 AND k.key_id = $4`,
      [team.username, admin.email, developer.email, keyId],
    );
    await app.db.query('ANALYZE request_records');
    await app.data(
      `mutation($input: UpdateOrganizationPolicyInput!) { updateOrganizationPolicy(input: $input) { userErrors { code } } }`,
      { input: { organizationId: org.id, settings: { requestVisibility: { value: 'OWN' } } } },
      { token: admin.token },
    );

    const statements: Array<{ sql: string; parameters: unknown[] }> = [];
    const spy = jest.spyOn(app.db.logger, 'logQuery').mockImplementation((sql: string, parameters?: unknown[]) => {
      if (sql.includes('FROM "request_records"') && sql.includes('LIMIT')) statements.push({ sql, parameters: parameters ?? [] });
    });
    const seen: string[] = [];
    try {
      let after: string | null = null;
      do {
        const { team: t }: any = await app.data(
          `query($u: String!, $after: String) { team(username: $u) { requests(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { requestId } } } } }`,
          { u: team.username, after },
          { token: developer.token },
        );
        expect(t.requests.totalCount).toBe(300);
        seen.push(...t.requests.edges.map((e: any) => e.node.requestId));
        after = t.requests.pageInfo.hasNextPage ? t.requests.pageInfo.endCursor : null;
      } while (after);
    } finally {
      spy.mockRestore();
    }
    expect(seen).toEqual(Array.from({ length: 300 }, (_, i) => `d-${i + 1}`));

    const last = statements.at(-1)!;
    const [{ 'QUERY PLAN': plan }] = await app.db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${last.sql}`, last.parameters);
    const nodes: any[] = [];
    const walk = (node: any) => {
      nodes.push(node);
      (node.Plans ?? []).forEach(walk);
    };
    walk(plan[0].Plan);
    // Partitioned by month: the admin's recent rows and the developer's old ones live in different partitions. The
    // partition holding the admin's 5,000 is read through its identity index (nothing of theirs matches); the small
    // old partition may be scanned and its ≤ 300 matching rows sorted — either way no admin row is looked at.
    const identityIndexes = await partitionIndexNames('request_records_team_identity_idx');
    const scan = nodes.find((n) => identityIndexes.includes(n['Index Name']));
    expect(scan).toBeDefined();
    const scans = nodes.filter((n) => /Scan/.test(n['Node Type']));
    const examined = scans.reduce((sum, n) => sum + (n['Actual Rows'] ?? 0) + (n['Rows Removed by Filter'] ?? 0), 0);
    expect(examined).toBeLessThanOrEqual(300);
    expect(scan['Actual Rows'] + (scan['Rows Removed by Filter'] ?? 0)).toBeLessThanOrEqual(101);
  });
});

type Visibility = 'ALL' | 'OWN';
const VIEWERS = ['orgAdmin', 'teamAdmin', 'developerA', 'developerB', 'billing', 'orgBilling', 'teamAdminKey', 'rootAdminKey', 'teamApiKey'] as const;
type Viewer = (typeof VIEWERS)[number];
const REQUEST_KINDS = ['playgroundA', 'keyOwnedByA', 'keyOwnedByB', 'unownedKey', 'adminKey'] as const;
type RequestKind = (typeof REQUEST_KINDS)[number];

/** Whose identity each request carries (the unowned and ADMIN keys have no owner: they match nobody). */
const IDENTITY: Record<RequestKind, Viewer | null> = { playgroundA: 'developerA', keyOwnedByA: 'developerA', keyOwnedByB: 'developerB', unownedKey: null, adminKey: null };

/**
 * docs/requests.md as a table: which requests each viewer lists under each visibility, and whether their payloads open.
 * Admins (users and ADMIN keys) see everything; under ALL every member (and API-scoped keys) sees everything, while
 * organization BILLING users who are not on the team see metadata only; under OWN people see only their identity
 * (`billing` is the team's BILLING member, `orgBilling` an organization BILLING user who is not on the team) and
 * API-scoped keys may not search at all.
 */
type Cell = { listed: RequestKind[]; payloads: boolean } | 'FORBIDDEN';
const ALL_OPEN: Cell = { listed: [...REQUEST_KINDS], payloads: true };
const EXPECTED: Record<Visibility, Record<Viewer, Cell>> = {
  ALL: {
    orgAdmin: ALL_OPEN,
    teamAdmin: ALL_OPEN,
    developerA: ALL_OPEN,
    developerB: ALL_OPEN,
    billing: ALL_OPEN,
    orgBilling: { listed: [...REQUEST_KINDS], payloads: false },
    teamAdminKey: ALL_OPEN,
    rootAdminKey: ALL_OPEN,
    teamApiKey: ALL_OPEN,
  },
  OWN: {
    orgAdmin: ALL_OPEN,
    teamAdmin: ALL_OPEN,
    developerA: { listed: ['playgroundA', 'keyOwnedByA'], payloads: true },
    developerB: { listed: ['keyOwnedByB'], payloads: true },
    billing: { listed: [], payloads: true },
    orgBilling: { listed: [], payloads: true },
    teamAdminKey: ALL_OPEN,
    rootAdminKey: ALL_OPEN,
    teamApiKey: 'FORBIDDEN',
  },
};

describe('restricted request view matrix', () => {
  let fixture: Awaited<ReturnType<typeof buildFixture>>;

  async function buildFixture() {
    const orgAdmin = await signUp(app);
    const org = await createOrganization(app, orgAdmin);
    const team = await createTeam(app, orgAdmin, org.id);
    const people = { teamAdmin: await signUp(app), developerA: await signUp(app), developerB: await signUp(app), billing: await signUp(app), orgBilling: await signUp(app) };
    await addMember(team.username, people.teamAdmin, 'ADMIN');
    await addMember(team.username, people.developerA, 'DEVELOPER');
    await addMember(team.username, people.developerB, 'DEVELOPER');
    await addMember(team.username, people.billing, 'BILLING');
    await app.db.query(
      `INSERT INTO organization_memberships (organization_id, user_id, role)
       SELECT t.organization_id, u.id, 'BILLING' FROM teams t, users u WHERE t.username = $1 AND u.email = $2`,
      [team.username, people.orgBilling.email],
    );
    const rootTeam = (await app.db.query(`SELECT username FROM teams WHERE id = $1`, [Buffer.from(org.rootTeamId, 'base64url').toString('utf8').split(':')[1]]))[0].username;
    const keys = {
      ownedByA: await keyFor(team.username, 'API', people.developerA),
      ownedByB: await keyFor(team.username, 'API', people.developerB),
      unowned: await keyFor(team.username, 'API', null),
      admin: await keyFor(team.username, 'ADMIN', null),
      root: await keyFor(rootTeam, 'ADMIN', null),
    };
    const started = (i: number) => ({ startedAt: new Date(Date.now() - 100_000 + i * 1000).toISOString() });
    const result = await ingest([
      record(team.username, 'playgroundA', { kind: 'LOGIN', userId: people.developerA.id }, started(1)),
      record(team.username, 'keyOwnedByA', { kind: 'API_KEY', keyId: keys.ownedByA.keyId }, started(2)),
      record(team.username, 'keyOwnedByB', { kind: 'API_KEY', keyId: keys.ownedByB.keyId }, started(3)),
      record(team.username, 'unownedKey', { kind: 'API_KEY', keyId: keys.unowned.keyId }, started(4)),
      record(team.username, 'adminKey', { kind: 'API_KEY', keyId: keys.admin.keyId }, started(5)),
    ]);
    expect(result.ingestRequests.accepted).toBe(5);
    const credentials: Record<Viewer, { token: string } | { key: string }> = {
      orgAdmin: { token: orgAdmin.token },
      teamAdmin: { token: people.teamAdmin.token },
      developerA: { token: people.developerA.token },
      developerB: { token: people.developerB.token },
      billing: { token: people.billing.token },
      orgBilling: { token: people.orgBilling.token },
      teamAdminKey: { key: keys.admin.key },
      rootAdminKey: { key: keys.root.key },
      teamApiKey: { key: keys.unowned.key },
    };
    return { team, organizationId: org.id, viewers: { orgAdmin, ...people }, keys, credentials };
  }

  beforeAll(async () => {
    fixture = await buildFixture();
  });

  /** Sets the organization's request visibility through the real policy mutation. */
  async function setOrganizationVisibility(value: Visibility, locked = false) {
    const { updateOrganizationPolicy } = await app.data(
      `mutation($input: UpdateOrganizationPolicyInput!) { updateOrganizationPolicy(input: $input) { userErrors { code message } } }`,
      { input: { organizationId: fixture.organizationId, settings: { requestVisibility: { value, locked } } } },
      { token: fixture.viewers.orgAdmin.token },
    );
    expect(updateOrganizationPolicy.userErrors).toEqual([]);
  }

  async function setTeamOverride(value: Visibility | null) {
    const { updateTeamPolicy } = await app.data(
      `mutation($input: TeamPolicyOverridesInput!) { updateTeamPolicy(input: $input) { userErrors { code message } } }`,
      { input: { teamId: fixture.team.id, requestVisibility: value } },
      { token: fixture.viewers.orgAdmin.token },
    );
    return updateTeamPolicy.userErrors;
  }

  const listedBy = async (viewer: Viewer) => {
    const { team } = await app.data(REQUESTS, { username: fixture.team.username, first: 50 }, fixture.credentials[viewer]);
    return team.requests.edges.map((e: any) => e.node.requestId).sort();
  };

  for (const visibility of ['ALL', 'OWN'] as const) {
    for (const viewer of VIEWERS) {
      const cell = EXPECTED[visibility][viewer];
      const title =
        cell === 'FORBIDDEN'
          ? 'is FORBIDDEN (REQUEST_VIEW_RESTRICTED)'
          : `lists exactly ${cell.listed.join(', ') || 'nothing'} ${cell.payloads ? 'with payloads' : 'without payloads (METADATA_ONLY_ROLE)'}`;
      it(`${visibility}: ${viewer} ${title}; every payload opened by someone else is audited`, async () => {
        await setOrganizationVisibility(visibility);
        const response = await app.gql(REQUESTS, { username: fixture.team.username, first: 50 }, fixture.credentials[viewer]);
        const events = await app.db.query(`SELECT target_id FROM audit_events WHERE action = 'request.payloadRead' AND request_id = $1`, [response.headers.get('x-request-id')]);
        if (cell === 'FORBIDDEN') {
          expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'REQUEST_VIEW_RESTRICTED' });
          expect(events).toEqual([]);
          return;
        }
        expect(response.body.errors).toBeUndefined();
        const listed = response.body.data.team.requests.edges.map((e: any) => e.node);
        expect(listed.map((n: any) => n.requestId).sort()).toEqual([...cell.listed].sort());
        expect(response.body.data.team.requests.totalCount).toBe(cell.listed.length);
        for (const node of listed) {
          if (cell.payloads) {
            expect(node.payload).toEqual({ input: { prompt: `prompt of ${node.requestId}` }, output: { images: [`${node.requestId}.png`] } });
            expect(node.payloadHiddenReason).toBeNull();
          } else {
            expect(node.payload).toBeNull();
            expect(node.payloadHiddenReason).toBe('METADATA_ONLY_ROLE');
          }
        }
        // "Who viewed which payload": every opened payload whose identity is not the viewer, once each; no others.
        const audited = cell.payloads ? cell.listed.filter((kind) => IDENTITY[kind] !== viewer) : [];
        expect(events.map((e: any) => e.target_id).sort()).toEqual([...audited].sort());
      });
    }
  }

  /** node(id:) of every request of the fixture in one document, aliased by kind. */
  const NODES = `query(${REQUEST_KINDS.map((kind) => `$${kind}: ID!`).join(', ')}) { ${REQUEST_KINDS.map(
    (kind) => `${kind}: node(id: $${kind}) { ... on RequestRecord { id requestId endpointId status identity { kind keyId } payload { input output } payloadHiddenReason } }`,
  ).join(' ')} }`;
  const nodeIds = () => Object.fromEntries(REQUEST_KINDS.map((kind) => [kind, globalId('RequestRecord', `${localIdOf(fixture.team.id)}/${kind}`)]));

  for (const visibility of ['ALL', 'OWN'] as const) {
    for (const viewer of VIEWERS) {
      const cell = EXPECTED[visibility][viewer];
      const title = cell === 'FORBIDDEN' ? 'null for every request' : `${cell.listed.join(', ') || 'nothing'} as listed, null for the rest`;
      it(`${visibility}: node(id:) answers ${viewer} ${title}; payload reads audited as in the log`, async () => {
        await setOrganizationVisibility(visibility);
        const list = cell === 'FORBIDDEN' ? null : await app.gql(REQUESTS, { username: fixture.team.username, first: 50 }, fixture.credentials[viewer]);
        const response = await app.gql(NODES, nodeIds(), fixture.credentials[viewer]);
        expect(response.body.errors).toBeUndefined();
        const events = await app.db.query(`SELECT target_id FROM audit_events WHERE action = 'request.payloadRead' AND request_id = $1`, [response.headers.get('x-request-id')]);
        const listed = new Map<string, any>((list?.body.data.team.requests.edges ?? []).map((e: any) => [e.node.requestId, e.node]));
        for (const kind of REQUEST_KINDS) {
          const node = response.body.data[kind];
          if (!listed.has(kind)) {
            expect(node).toBeNull();
            continue;
          }
          // Field for field what the request log shows this viewer (restricted payloads null with their reason).
          const { identity, ...fromList } = listed.get(kind);
          expect(node).toEqual({ ...fromList, endpointId: 'fal-ai/flux/dev', status: 'SUCCEEDED', identity: { kind: identity.kind, keyId: identity.keyId } });
        }
        const audited = cell !== 'FORBIDDEN' && cell.payloads ? cell.listed.filter((kind) => IDENTITY[kind] !== viewer) : [];
        expect(events.map((e: any) => e.target_id).sort()).toEqual([...audited].sort());
      });
    }
  }

  it('a team override applies while the organization setting is unlocked; a lock makes it inert; unlock brings it back', async () => {
    await setOrganizationVisibility('ALL');
    expect(await setTeamOverride('OWN')).toEqual([]);
    expect(await listedBy('developerA')).toEqual(['keyOwnedByA', 'playgroundA']);
    await setOrganizationVisibility('ALL', true);
    expect(await listedBy('developerA')).toHaveLength(5);
    await setOrganizationVisibility('ALL', false);
    expect(await listedBy('developerA')).toEqual(['keyOwnedByA', 'playgroundA']);
    expect(await setTeamOverride(null)).toEqual([]);
    expect(await listedBy('developerA')).toHaveLength(5);
    await setOrganizationVisibility('OWN', true);
    expect(await listedBy('developerB')).toEqual(['keyOwnedByB']);
    expect((await setTeamOverride('ALL')).map((e: any) => e.code)).toEqual(['SETTING_LOCKED']);
    await setOrganizationVisibility('ALL', false);
  });

  it('an ALL team override opens an OWN organization while unlocked; locking OWN closes it again (override kept, inert)', async () => {
    await setOrganizationVisibility('OWN');
    expect(await listedBy('developerB')).toEqual(['keyOwnedByB']);
    expect(await setTeamOverride('ALL')).toEqual([]);
    expect(await listedBy('developerB')).toHaveLength(5);
    expect((await app.gql(REQUESTS, { username: fixture.team.username }, fixture.credentials.teamApiKey)).body.data.team.requests.totalCount).toBe(5);

    await setOrganizationVisibility('OWN', true);
    expect(await listedBy('developerB')).toEqual(['keyOwnedByB']);
    const forbidden = await app.gql(REQUESTS, { username: fixture.team.username }, fixture.credentials.teamApiKey);
    expect(forbidden.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'REQUEST_VIEW_RESTRICTED' });
    const { team } = await app.data(
      `query($u: String!) { team(username: $u) { effectivePolicy { requestVisibility { value level locked teamOverride overriddenByLock } } } }`,
      { u: fixture.team.username },
      { token: fixture.viewers.orgAdmin.token },
    );
    expect(team.effectivePolicy.requestVisibility).toEqual({ value: 'OWN', level: 'ORGANIZATION', locked: true, teamOverride: 'ALL', overriddenByLock: true });

    await setOrganizationVisibility('OWN', false);
    expect(await listedBy('developerB')).toHaveLength(5);
    expect(await setTeamOverride(null)).toEqual([]);
    expect(await listedBy('developerB')).toEqual(['keyOwnedByB']);
    await setOrganizationVisibility('ALL', false);
  });

  it('the identity filter narrows within what the viewer may see, never beyond it', async () => {
    await setOrganizationVisibility('OWN');
    const userId = (person: SignedUpUser) => person.id;
    const mine = await app.data(REQUESTS, { username: fixture.team.username, filter: { identity: { userId: userId(fixture.viewers.developerA) } } }, fixture.credentials.developerA);
    expect(mine.team.requests.edges.map((e: any) => e.node.requestId).sort()).toEqual(['keyOwnedByA', 'playgroundA']);
    const theirs = await app.data(REQUESTS, { username: fixture.team.username, filter: { identity: { userId: userId(fixture.viewers.developerB) } } }, fixture.credentials.developerA);
    expect(theirs.team.requests.totalCount).toBe(0);
    const unownedKey = await app.data(REQUESTS, { username: fixture.team.username, filter: { identity: { keyId: fixture.keys.unowned.keyId } } }, fixture.credentials.developerA);
    expect(unownedKey.team.requests.totalCount).toBe(0);
    const asAdmin = await app.data(REQUESTS, { username: fixture.team.username, filter: { identity: { keyId: fixture.keys.unowned.keyId } } }, fixture.credentials.teamAdmin);
    expect(asAdmin.team.requests.edges.map((e: any) => e.node.requestId)).toEqual(['unownedKey']);
    await setOrganizationVisibility('ALL');
  });
});

describe('isolation', () => {
  it('a team reached through another object (organization.rootTeam) is as hidden as by username', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const rootTeam = (await app.db.query(`SELECT username FROM teams WHERE id = $1`, [Buffer.from(org.rootTeamId, 'base64url').toString('utf8').split(':')[1]]))[0].username;
    const { keyId } = await keyFor(rootTeam, 'ADMIN', null);
    expect((await ingest([record(rootTeam, 'root-1', { kind: 'API_KEY', keyId })])).ingestRequests.accepted).toBe(1);
    const team = await createTeam(app, admin, org.id);
    const member = await signUp(app);
    await addMember(team.username, member, 'DEVELOPER');
    const THROUGH_ROOT = `query($s: String!) { organization(slug: $s) { rootTeam { requests { totalCount edges { node { requestId identity { keyId } } } } } } }`;

    // The member sees the organization but not its root team: by username and through the organization alike.
    const byUsername = await app.gql(REQUESTS, { username: rootTeam }, { token: member.token });
    expect(byUsername.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const throughOrganization = await app.gql(THROUGH_ROOT, { s: org.slug }, { token: member.token });
    expect(throughOrganization.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(throughOrganization.body)).not.toContain('root-1');
    const asAdmin = await app.data(THROUGH_ROOT, { s: org.slug }, { token: admin.token });
    expect(asAdmin.organization.rootTeam.requests.edges.map((e: any) => e.node.requestId)).toEqual(['root-1']);
  });

  it('node(id:) of a request answers a foreign organization’s id, an invisible team’s and a malformed one like a missing id', async () => {
    const alice = await signUp(app);
    const org = await createOrganization(app, alice);
    const team = await createTeam(app, alice, org.id);
    const { keyId } = await keyFor(team.username, 'API', null);
    const rootUsername = (await app.db.query(`SELECT username FROM teams WHERE id = $1`, [localIdOf(org.rootTeamId)]))[0].username;
    const { keyId: rootKeyId } = await keyFor(rootUsername, 'ADMIN', null);
    await ingest([record(team.username, 'alice-1', { kind: 'API_KEY', keyId }), record(rootUsername, 'root-1', { kind: 'API_KEY', keyId: rootKeyId })]);
    const mallory = await signUp(app);
    const malloryOrg = await createOrganization(app, mallory, unique('mal'));
    const malloryTeam = await createTeam(app, mallory, malloryOrg.id);
    const member = await signUp(app);
    await addMember(team.username, member, 'DEVELOPER');

    const NODE = `query($id: ID!) { node(id: $id) { __typename ... on RequestRecord { requestId payload { input } } } }`;
    const aliceRequest = globalId('RequestRecord', `${localIdOf(team.id)}/alice-1`);
    const rootRequest = globalId('RequestRecord', `${localIdOf(org.rootTeamId)}/root-1`);
    expect((await app.data(NODE, { id: aliceRequest }, { token: alice.token })).node).toEqual({
      __typename: 'RequestRecord', requestId: 'alice-1', payload: { input: { prompt: 'prompt of alice-1' } },
    });
    const missing = [
      globalId('RequestRecord', `${localIdOf(malloryTeam.id)}/alice-1`),
      globalId('RequestRecord', `${localIdOf(team.id)}/no-such-request`),
      globalId('RequestRecord', `${crypto.randomUUID()}/alice-1`),
      globalId('RequestRecord', 'alice-1'),
      globalId('RequestRecord', `not-a-uuid/alice-1`),
    ];
    const asMissing = async (id: string, credential: { token: string } | { key: string }) => {
      const response = await app.gql(NODE, { id }, credential);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ data: { node: null } });
      // Nothing was opened, so nothing is audited.
      expect(await app.db.query(`SELECT 1 FROM audit_events WHERE request_id = $1`, [response.headers.get('x-request-id')])).toEqual([]);
    };
    for (const id of missing) await asMissing(id, { token: mallory.token });
    // Another organization: the id of a real request is answered exactly like these.
    await asMissing(aliceRequest, { token: mallory.token });
    await asMissing(aliceRequest, { key: await createApiKeyFor(app, malloryOrg.slug, 'ADMIN') });
    // Inside the organization: a team member does not see the root team, so not its requests either.
    await asMissing(rootRequest, { token: member.token });
    // Its admin opens it; the payload read by someone other than its identity (an unowned key) is audited.
    const asAdmin = await app.gql(NODE, { id: rootRequest }, { token: alice.token });
    expect(asAdmin.body.data.node).toEqual({ __typename: 'RequestRecord', requestId: 'root-1', payload: { input: { prompt: 'prompt of root-1' } } });
    const audited = await app.db.query(`SELECT target_type, target_id, team_id FROM audit_events WHERE action = 'request.payloadRead' AND request_id = $1`, [asAdmin.headers.get('x-request-id')]);
    expect(audited).toEqual([{ target_type: 'RequestRecord', target_id: 'root-1', team_id: localIdOf(org.rootTeamId) }]);
  });

  it('another organization cannot see a team’s requests', async () => {
    const alice = await signUp(app);
    const mallory = await signUp(app);
    const org = await createOrganization(app, alice);
    const team = await createTeam(app, alice, org.id);
    await createOrganization(app, mallory, unique('mal'));
    const response = await app.gql(REQUESTS, { username: team.username }, { token: mallory.token });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

/** Names of the monthly partitions' copies of a partitioned index (the plan names those, not the parent). */
async function partitionIndexNames(parentIndex: string): Promise<string[]> {
  const rows: Array<{ name: string }> = await app.db.query(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass`,
    [parentIndex],
  );
  expect(rows.length).toBeGreaterThan(0);
  return rows.map((row) => row.name);
}
