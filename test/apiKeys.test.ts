import { graphql } from './support/gql';
import { startTestApp, type TestApp } from './support/testApp';
import { createOrganization, createTeam, signUp } from './support/factories';
import { addMember, localId } from './support/people';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const CREATE_KEY = graphql(`mutation ApiKeysCreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { key apiKey { id keyId alias scope expiresAt revokedAt owner { email } createdBy { email } team { username } } userErrors { field code } }
}`);
const REVOKE_KEY = graphql(`mutation ApiKeysRevokeApiKey($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { revokedAt } userErrors { code } } }`);
const LIST_KEYS = graphql(`query ApiKeysTeam($u: String!, $all: Boolean) { team(username: $u) { apiKeys(includeRevoked: $all) { totalCount edges { node { id alias lastUsedAt revokedAt } } } } }`);
const TRIVIAL = graphql(`query ApiKeysTypename { __typename }`);
const AS_KEY = graphql(`query ApiKeysTeam2($u: String!) { team(username: $u) { username } }`);

async function setup() {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const team = await createTeam(app, admin, org.id);
  return { admin, org, team };
}

describe('API keys', () => {
  it('shows the key once, stores only its SHA-256, authenticates, lists without secrets, and revokes at once', async () => {
    const { admin, team } = await setup();
    const { createApiKey } = await app.data(CREATE_KEY, { input: { teamId: team.id, alias: 'ci', scope: 'API' } }, { token: admin.token });
    expect(createApiKey.userErrors).toEqual([]);
    expect(createApiKey.key).toMatch(/^ogk_[0-9a-f]{24}:ogsk_[A-Za-z0-9_-]{43}$/);
    expect(createApiKey.apiKey).toMatchObject({ alias: 'ci', scope: 'API', revokedAt: null, createdBy: { email: admin.email }, team: { username: team.username } });
    const [keyId, secret] = createApiKey.key!.split(':');

    const [row] = await app.db.query(`SELECT * FROM api_keys WHERE key_id = $1`, [keyId]);
    expect(row.secret_hash).toBeInstanceOf(Buffer);
    expect(row.secret_hash).toHaveLength(32);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.secret_hash.toString('hex')).toBe(require('node:crypto').createHash('sha256').update(secret).digest('hex'));

    const used = await app.data(AS_KEY, { u: team.username }, { key: createApiKey.key! });
    expect(used.team.username).toBe(team.username);

    const listed = await app.gql(LIST_KEYS, { u: team.username }, { token: admin.token });
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(listed.body.data!.team.apiKeys!.edges.map((e) => e.node.alias)).toEqual(['ci']);
    const fields = await app.data(graphql(`query ApiKeysType { __type(name: "ApiKey") { fields { name } } }`));
    expect(fields.__type!.fields!.map((f) => f.name).filter((n) => /secret|hash/i.test(n))).toEqual([]);

    await app.server.services.apiKeyAuthenticator.flushLastUsed();
    const afterUse = await app.data(LIST_KEYS, { u: team.username }, { token: admin.token });
    expect(afterUse.team.apiKeys!.edges[0].node.lastUsedAt).not.toBeNull();

    const revoked = await app.data(REVOKE_KEY, { input: { apiKeyId: createApiKey.apiKey!.id } }, { token: admin.token });
    expect(revoked.revokeApiKey.apiKey!.revokedAt).not.toBeNull();
    const rejected = await app.gql(TRIVIAL, {}, { key: createApiKey.key! });
    expect(rejected.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const active = await app.data(LIST_KEYS, { u: team.username }, { token: admin.token });
    expect(active.team.apiKeys!.totalCount).toBe(0);
    const all = await app.data(LIST_KEYS, { u: team.username, all: true }, { token: admin.token });
    expect(all.team.apiKeys!.totalCount).toBe(1);
  });

  it('caches verified keys and batches lastUsedAt: repeated requests issue no SQL until the flush', async () => {
    const { admin, team } = await setup();
    const keys = await Promise.all(
      ['one', 'two'].map(async (alias) => (await app.data(CREATE_KEY, { input: { teamId: team.id, alias, scope: 'API' } }, { token: admin.token })).createApiKey.key!),
    );
    for (const key of keys) {
      const first = await app.gql(TRIVIAL, {}, { key });
      expect(first.body.data).toEqual({ __typename: 'Query' });
      expect(Number(first.headers.get('x-orgraph-sql-statements'))).toBe(1); // the key lookup
      for (let i = 0; i < 3; i++) {
        const again = await app.gql(TRIVIAL, {}, { key });
        expect(again.headers.get('x-orgraph-sql-statements')).toBe('0'); // cached, and no lastUsedAt write
      }
    }
    const keyIds = keys.map((key) => key.split(':')[0]);
    const before = await app.db.query(`SELECT last_used_at FROM api_keys WHERE key_id = ANY($1)`, [keyIds]);
    expect(before.map((row: any) => row.last_used_at)).toEqual([null, null]);
    const flushedAt = Date.now();
    await app.server.services.apiKeyAuthenticator.flushLastUsed();
    const after = await app.db.query(`SELECT last_used_at FROM api_keys WHERE key_id = ANY($1)`, [keyIds]);
    for (const row of after) {
      expect(row.last_used_at).toBeInstanceOf(Date);
      expect(row.last_used_at.getTime()).toBeLessThanOrEqual(flushedAt);
      expect(row.last_used_at.getTime()).toBeGreaterThan(flushedAt - 30_000);
    }
  });

  it('a key lookup still in flight when the key is revoked does not put the stale row back into the cache', async () => {
    const { admin, team } = await setup();
    const { createApiKey } = await app.data(CREATE_KEY, { input: { teamId: team.id, alias: 'racy', scope: 'API' } }, { token: admin.token });
    // Hold the result of the real lookup query (read before the revocation) until the revocation has committed.
    const original = app.db.query.bind(app.db);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const lookupDone = new Promise<void>((resolve) => (reached = resolve));
    const spy = jest.spyOn(app.db, 'query').mockImplementation(async (...args: Parameters<typeof app.db.query>) => {
      const result = await original(...args);
      if (String(args[0]).includes('FROM api_keys k JOIN teams t')) {
        reached();
        await gate;
      }
      return result;
    });
    try {
      const inFlight = app.gql(TRIVIAL, {}, { key: createApiKey.key! });
      await lookupDone;
      const revoked = await app.data(REVOKE_KEY, { input: { apiKeyId: createApiKey.apiKey!.id } }, { token: admin.token });
      expect(revoked.revokeApiKey.apiKey!.revokedAt).not.toBeNull();
      release();
      // The request that was already authenticating when the key was revoked may finish...
      expect((await inFlight).body.data).toEqual({ __typename: 'Query' });
    } finally {
      spy.mockRestore();
    }
    // ...but the next one must be refused, cache or not.
    const after = await app.gql(TRIVIAL, {}, { key: createApiKey.key! });
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('an expired key stops working at once, even when cached', async () => {
    const { admin, team } = await setup();
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const { createApiKey } = await app.data(CREATE_KEY, { input: { teamId: team.id, alias: 'short', scope: 'ADMIN', expiresAt } }, { token: admin.token });
    expect((await app.gql(TRIVIAL, {}, { key: createApiKey.key! })).body.data).toEqual({ __typename: 'Query' });
    while (Date.now() <= new Date(expiresAt).getTime()) await new Promise((resolve) => setTimeout(resolve, 50));
    const after = await app.gql(TRIVIAL, {}, { key: createApiKey.key! });
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('wrong secret, unknown key, revoked, expired and malformed keys all get one identical UNAUTHENTICATED answer', async () => {
    const { admin, team } = await setup();
    const make = async (alias: string, extra: Record<string, unknown> = {}) =>
      (await app.data(CREATE_KEY, { input: { teamId: team.id, alias, scope: 'ADMIN', ...extra } }, { token: admin.token })).createApiKey;
    const live = await make('live');
    const revoked = await make('revoked');
    await app.data(REVOKE_KEY, { input: { apiKeyId: revoked.apiKey!.id } }, { token: admin.token });
    const expiring = await make('expiring', { expiresAt: new Date(Date.now() + 1000).toISOString() });
    expect((await app.gql(TRIVIAL, {}, { key: expiring.key! })).body.data).toEqual({ __typename: 'Query' });
    // Cached now; it expires while cached.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const [liveId, liveSecret] = live.key!.split(':');
    const answers = [];
    for (const key of [
      `${liveId}:${liveSecret.slice(0, -1)}x`,
      `ogk_000000000000000000000000:${liveSecret}`,
      revoked.key!,
      expiring.key!,
      liveSecret,
      `${liveId}:`,
      `${liveId.toUpperCase()}:${liveSecret}`,
      `${live.key} `.repeat(20),
    ]) {
      const response = await app.gql(TRIVIAL, {}, { key });
      const [error] = response.body.errors ?? [];
      answers.push({ status: response.status, message: error?.message, extensions: { ...error?.extensions, requestId: undefined } });
    }
    expect((answers[0].extensions as { code?: unknown }).code).toBe('UNAUTHENTICATED');
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it('validates alias length, expiry, owner membership and scope', async () => {
    const { admin, org, team } = await setup();
    const outsider = await signUp(app);
    const outsiderId = (await app.data(graphql(`query ApiKeysViewer { viewer { user { id } } }`), {}, { token: outsider.token })).viewer.user.id;
    const member = await addMember(app, admin, org.id, { teams: [{ teamId: team.id, role: 'DEVELOPER' }] });
    const memberId = (await app.data(graphql(`query ApiKeysViewer2 { viewer { user { id } } }`), {}, { token: member.token })).viewer.user.id;
    const cases: Array<[Record<string, unknown>, string[], string]> = [
      [{ alias: '' }, ['input', 'alias'], 'INVALID'],
      [{ alias: 'x'.repeat(256) }, ['input', 'alias'], 'INVALID'],
      [{ alias: 'past', expiresAt: new Date(Date.now() - 1000).toISOString() }, ['input', 'expiresAt'], 'INVALID'],
      [{ alias: 'owner', ownerId: outsiderId }, ['input', 'ownerId'], 'NOT_A_MEMBER'],
    ];
    for (const [overrides, field, code] of cases) {
      const { createApiKey } = await app.data(CREATE_KEY, { input: { teamId: team.id, alias: 'a', scope: 'API', ...overrides } }, { token: admin.token });
      expect(createApiKey).toEqual({ key: null, apiKey: null, userErrors: [{ field, code }] });
    }
    const max = await app.data(CREATE_KEY, { input: { teamId: team.id, alias: 'x'.repeat(255), scope: 'API', ownerId: memberId } }, { token: admin.token });
    expect(max.createApiKey.apiKey!.owner).toEqual({ email: member.email });
    // 'ROOT' is not an ApiKeyScope: the type says so, and the server must refuse it too.
    const badScope = await app.gql(CREATE_KEY, { input: { teamId: team.id, alias: 'a', scope: 'ROOT' as never } }, { token: admin.token });
    expect(badScope.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const keys = await app.db.query(`SELECT 1 FROM api_keys WHERE team_id = $1`, [localId(team.id)]);
    expect(keys).toHaveLength(1);
  });

  it('keys of another organization look exactly like missing ones', async () => {
    const { admin, team } = await setup();
    const other = await setup();
    const { createApiKey } = await app.data(CREATE_KEY, { input: { teamId: team.id, alias: 'mine', scope: 'API' } }, { token: admin.token });
    const missingId = Buffer.from('ApiKey:00000000-0000-0000-0000-000000000000').toString('base64url');
    const foreign = await app.gql(REVOKE_KEY, { input: { apiKeyId: createApiKey.apiKey!.id } }, { token: other.admin.token });
    const missing = await app.gql(REVOKE_KEY, { input: { apiKeyId: missingId } }, { token: other.admin.token });
    expect(foreign.body.errors).toEqual(missing.body.errors?.map((e) => ({ ...e, extensions: { ...e.extensions, requestId: expect.any(String) } })));
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const node = await app.data(graphql(`query ApiKeysNode($id: ID!) { node(id: $id) { id } }`), { id: createApiKey.apiKey!.id }, { token: other.admin.token });
    expect(node.node).toBeNull();
    const createOnForeign = await app.gql(CREATE_KEY, { input: { teamId: team.id, alias: 'x', scope: 'API' } }, { token: other.admin.token });
    expect(createOnForeign.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('API-scoped keys are denied administration; root-team ADMIN keys act as organization admin', async () => {
    const { admin, org, team } = await setup();
    const apiKey = (await app.data(CREATE_KEY, { input: { teamId: team.id, alias: 'api', scope: 'API' } }, { token: admin.token })).createApiKey.key!;
    const denied = await app.gql(CREATE_KEY, { input: { teamId: team.id, alias: 'x', scope: 'API' } }, { key: apiKey });
    expect(denied.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'API_KEY_SCOPE' });

    const rootKey = (await app.data(CREATE_KEY, { input: { teamId: org.rootTeamId, alias: 'root', scope: 'ADMIN' } }, { token: admin.token })).createApiKey.key!;
    const created = await app.data(CREATE_KEY, { input: { teamId: team.id, alias: 'by-root-key', scope: 'ADMIN' } }, { key: rootKey });
    expect(created.createApiKey.apiKey!.createdBy).toBeNull();
    const members = await app.data(graphql(`query ApiKeysOrganization($s: String!) { organization(slug: $s) { members { totalCount } } }`), { s: org.slug }, { key: rootKey });
    expect(members.organization.members.totalCount).toBe(1);
  });
});
