import { getNamedType, isNonNullType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { buildOrgraphSchema } from '../src/app/schema';
import { startTestApp, TEST_INGEST_TOKEN, type Credential, type GraphqlResponse, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, createTeam, signUp, unique, type CreatedOrganization, type SignedUpUser } from './support/factories';
import { addMember, localId } from './support/people';
import { selectionFor } from './support/schemaOperations';

/**
 * A Team reaches the graph through many fields (`team(username:)`, `node(id:)`, `Organization.rootTeam`,
 * `viewer.teams`, `ApiKey.team`, `Invoice.team`, …). Whatever the path, a team the caller may not see must answer
 * every field beyond its identity exactly like a team that does not exist. `Organization.rootTeam` hands the root
 * team to everyone in the organization, so it is the path probed here: every field of `Team`, enumerated from the
 * schema (a field added later is probed without editing this file), for every kind of caller that sees the
 * organization but not its root team — and, for those who may see it, the same answers as through `team(username:)`.
 */

/** What anyone who reaches a Team may read: what names it (the root team's username is the organization's slug). */
const IDENTITY_FIELDS = ['archivedAt', 'createdAt', 'id', 'kind', 'name', 'username', 'viewerRole'];

/** Arguments for Team fields that require some (a required argument without an entry here fails the test). */
const FIELD_ARGUMENTS: Record<string, string> = {
  modelAccess: '(surface: API)',
  spend: '(period: MONTH)',
  usageSummary: '(range: { start: "2025-01-01T00:00:00Z", end: "2025-02-01T00:00:00Z" })',
  // Fixed so that two reads a moment apart answer the same buckets.
  usage: '(start: "2025-01-10", end: "2025-01-12", expand: [TIME_SERIES, SUMMARY])',
};

/** Arguments for Organization fields that require some. */
const ORGANIZATION_FIELD_ARGUMENTS: Record<string, string> = {
  invoices: '(month: "2025-01")',
  billingSummary: '(month: "2025-01")',
  usage: FIELD_ARGUMENTS.usage,
};
const ORGANIZATION_IDENTITY_FIELDS = ['createdAt', 'id', 'name', 'rootTeam', 'slug', 'viewerRole'];

/** Strings only the root team's own data contains: none may reach a caller who cannot see the root team. */
const MARK = unique('rootmark').replace(/-/g, '');
const MARKERS = [`${MARK}-key`, `${MARK.toUpperCase()}_SECRET`, `fal-ai/${MARK}/*`, `${MARK}-request`, '987.65', `fal-ai/${MARK}-org/*`];

let app: TestApp;
let org: CreatedOrganization;
let team: { id: string; username: string };
let admin: SignedUpUser;
let teamFields: Array<GraphQLField<unknown, unknown>>;
let organizationFields: Array<GraphQLField<unknown, unknown>>;
let teamKeys: Array<{ name: string; credential: Credential }>;
let organizationViewers: Array<{ name: string; credential: Credential }>;

/** Callers who see the organization but not its root team, and how each of them can reach the root team. */
let blind: Array<{ name: string; credential: Credential; paths: Array<'organization' | 'viewer' | 'ownTeam'> }>;
/** Callers docs/authorization.md lets see the root team. */
let sighted: Array<{ name: string; credential: Credential }>;

const ingest = (mutation: string, input: unknown) => app.data(mutation, { input }, { bearer: TEST_INGEST_TOKEN });

beforeAll(async () => {
  app = await startTestApp();
  const schema = buildOrgraphSchema();
  teamFields = Object.values((schema.getType('Team') as GraphQLObjectType).getFields());
  organizationFields = Object.values((schema.getType('Organization') as GraphQLObjectType).getFields());

  admin = await signUp(app);
  org = await createOrganization(app, admin);
  team = await createTeam(app, admin, org.id);
  const asAdmin = { token: admin.token };

  // The root team's own data, each piece carrying a marker.
  const rootKey = await app.data(
    `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key userErrors { code } } }`,
    { i: { teamId: org.rootTeamId, alias: `${MARK}-key`, scope: 'ADMIN' } },
    asAdmin,
  );
  const rootKeyId = (rootKey.createApiKey.key as string).split(':')[0];
  await app.data(`mutation($i: SetTeamSecretInput!) { setTeamSecret(input: $i) { userErrors { code } } }`, {
    i: { teamId: org.rootTeamId, name: `${MARK.toUpperCase()}_SECRET`, value: 'root secret value' },
  }, asAdmin);
  const rule = await app.data(`mutation($i: AddModelAccessRuleInput!) { addModelAccessRule(input: $i) { userErrors { code message } } }`, {
    i: { organizationId: org.id, teamId: org.rootTeamId, surface: 'API', pattern: `fal-ai/${MARK}/*`, effect: 'BLOCKED' },
  }, asAdmin);
  expect(rule.addModelAccessRule.userErrors).toEqual([]);
  const organizationRule = await app.data(`mutation($i: AddModelAccessRuleInput!) { addModelAccessRule(input: $i) { userErrors { code message } } }`, {
    i: { organizationId: org.id, surface: 'API', pattern: `fal-ai/${MARK}-org/*`, effect: 'BLOCKED' },
  }, asAdmin);
  expect(organizationRule.addModelAccessRule.userErrors).toEqual([]);
  const requests = await ingest(`mutation($input: IngestRequestsInput!) { ingestRequests(input: $input) { accepted } }`, {
    records: [{
      id: `${MARK}-request`, teamUsername: org.slug, endpointId: 'fal-ai/flux/dev', status: 'SUCCEEDED',
      startedAt: new Date(Date.now() - 60_000).toISOString(), auth: { kind: 'API_KEY', keyId: rootKeyId },
      input: JSON.stringify({ prompt: `${MARK} prompt` }), output: JSON.stringify({ ok: true }),
    }],
  });
  expect(requests.ingestRequests.accepted).toBe(1);
  const usage = await ingest(`mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted } }`, {
    records: [
      { id: `${MARK}-u1`, timestamp: '2025-01-10T12:00:00Z', teamUsername: org.slug, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/schnell', quantity: '1', unitPrice: '987.65' },
      { id: `${MARK}-u2`, timestamp: new Date(Date.now() - 60_000).toISOString(), teamUsername: org.slug, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/schnell', quantity: '1', unitPrice: '987.65' },
    ],
  });
  expect(usage.ingestUsage.accepted).toBe(2);

  // Organization MEMBER on no team; MEMBER who is DEVELOPER of a team; a user on a team with no organization role.
  const orgMember = await addMember(app, admin, org.id, { role: 'MEMBER' });
  const teamMember = await addMember(app, admin, org.id, { role: 'MEMBER', teams: [{ teamId: team.id, role: 'ADMIN' }] });
  const teamOnly = await signUp(app);
  await app.db.query(
    `INSERT INTO team_memberships (team_id, organization_id, user_id, role) SELECT $1, organization_id, u.id, 'DEVELOPER' FROM teams, users u WHERE teams.id = $1 AND u.email = $2`,
    [localId(team.id), teamOnly.email],
  );
  const orgBilling = await addMember(app, admin, org.id, { role: 'BILLING' });

  blind = [
    { name: 'organization MEMBER on no team', credential: { token: orgMember.token }, paths: ['organization', 'viewer'] },
    { name: 'organization MEMBER, ADMIN of a team', credential: { token: teamMember.token }, paths: ['organization', 'viewer', 'ownTeam'] },
    { name: 'team-only member (no organization role)', credential: { token: teamOnly.token }, paths: ['organization', 'viewer', 'ownTeam'] },
    { name: 'ADMIN key of a team', credential: { key: await createApiKeyFor(app, team.username, 'ADMIN') }, paths: ['ownTeam'] },
    { name: 'API key of a team', credential: { key: await createApiKeyFor(app, team.username, 'API') }, paths: ['ownTeam'] },
  ];
  teamKeys = blind.filter((caller) => caller.credential && 'key' in caller.credential);
  organizationViewers = [
    ...blind.filter((caller) => caller.paths.includes('ownTeam') && !teamKeys.includes(caller)),
    { name: 'organization BILLING', credential: { token: orgBilling.token } },
  ];
  sighted = [
    { name: 'organization ADMIN', credential: asAdmin },
    { name: 'organization BILLING', credential: { token: orgBilling.token } },
    { name: 'root-team ADMIN key', credential: { key: rootKey.createApiKey.key } },
  ];
});
afterAll(() => app.close());

/** `field(args) { selection }` for one Team (or Organization) field. */
function fieldSelection(field: GraphQLField<unknown, unknown>, table = FIELD_ARGUMENTS): string {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const args = table[field.name];
  if (required.length && !args) throw new Error(`${field.name} takes required arguments: add an entry for it in test/teamVisibility.test.ts`);
  return `${field.name}${args ?? ''} ${selectionFor(buildOrgraphSchema(), getNamedType(field.type), 1)}`;
}

const PATHS = {
  organization: (selection: string) => [`query($s: String!) { organization(slug: $s) { rootTeam { ${selection} } } }`, { s: org.slug }] as const,
  viewer: (selection: string) => [`{ viewer { organizations { rootTeam { ${selection} } } } }`, {}] as const,
  ownTeam: (selection: string) => [`query($u: String!) { team(username: $u) { organization { rootTeam { ${selection} } } } }`, { u: team.username }] as const,
};

/** The one error of a response, without what differs per request and per path. */
function soleError(response: GraphqlResponse): { message: string; extensions: Record<string, unknown> } {
  expect(response.body.errors).toHaveLength(1);
  const { message, extensions } = response.body.errors![0];
  const { requestId: _requestId, ...rest } = extensions ?? {};
  return { message, extensions: rest };
}

/** A field's value at the end of an error path, or null when the error nulled something above it. */
function valueAt(data: unknown, path: ReadonlyArray<string | number>): unknown {
  let value: any = data;
  for (const key of path) {
    if (value === null || value === undefined) return null;
    value = value[key];
  }
  return value ?? null;
}

/**
 * A field's value and the kinds of errors beside it. Kinds, not a list: once an error nulls a non-null parent, how
 * many of its siblings still report theirs depends on timing.
 */
function comparable(response: GraphqlResponse, value: unknown): string {
  const kinds = new Set((response.body.errors ?? []).map((e) => JSON.stringify([e.message, e.extensions?.code, e.extensions?.reason])));
  return JSON.stringify({ value, errors: [...kinds].sort() });
}

describe('a team reached through Organization.rootTeam', () => {
  it('answers every field beyond its identity like a missing team for callers who cannot see it', async () => {
    const gated = teamFields.filter((field) => !IDENTITY_FIELDS.includes(field.name));
    expect(gated.map((f) => f.name)).toEqual(expect.arrayContaining(['governance', 'effectivePolicy', 'modelAccess', 'modelAccessRules', 'requests', 'apiKeys', 'secrets', 'invoices', 'usage', 'spend', 'usageSummary', 'organization']));
    const failures: string[] = [];
    for (const field of gated) {
      const selection = fieldSelection(field);
      for (const caller of blind) {
        // What a team that does not exist answers this caller, and what the root team answers by its username.
        const missing = soleError(await app.gql(`query($u: String!) { team(username: $u) { ${selection} } }`, { u: unique('missing') }, caller.credential));
        const byUsername = soleError(await app.gql(`query($u: String!) { team(username: $u) { ${selection} } }`, { u: org.slug }, caller.credential));
        expect(byUsername).toEqual(missing);
        expect(missing.extensions.code).toBe('NOT_FOUND');
        for (const path of caller.paths) {
          const [query, variables] = PATHS[path](selection);
          const response = await app.gql(query, variables, caller.credential);
          const label = `Team.${field.name} as ${caller.name} through ${path}`;
          const text = JSON.stringify(response.body);
          for (const marker of MARKERS) if (text.includes(marker)) failures.push(`${label}: answer contains ${marker}: ${text}`);
          if (response.body.errors?.length !== 1) {
            failures.push(`${label}: expected one NOT_FOUND error, got ${text}`);
            continue;
          }
          const error = response.body.errors[0];
          if (JSON.stringify(soleError(response)) !== JSON.stringify(missing)) failures.push(`${label}: ${JSON.stringify(error)} is not ${JSON.stringify(missing)}`);
          if (error.path?.at(-1) !== field.name || error.path.at(-2) !== 'rootTeam') failures.push(`${label}: error at ${JSON.stringify(error.path)}`);
          if (valueAt(response.body.data, error.path ?? []) !== null) failures.push(`${label}: the field still has a value`);
        }
        // node(id:) of the root team is what it is for a missing id: null, no error.
        const node = await app.gql(`query($id: ID!) { node(id: $id) { ... on Team { ${selection} } } }`, { id: org.rootTeamId }, caller.credential);
        if (JSON.stringify(node.body) !== JSON.stringify({ data: { node: null } })) failures.push(`Team.${field.name} as ${caller.name} through node: ${JSON.stringify(node.body)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('still answers the root team’s identity to everyone in the organization (the SDK’s OrganizationFields selects it)', async () => {
    const identity = IDENTITY_FIELDS.join(' ');
    for (const caller of blind.filter((c) => c.paths.includes('organization'))) {
      const { organization } = await app.data(`query($s: String!) { organization(slug: $s) { rootTeam { ${identity} } } }`, { s: org.slug }, caller.credential);
      expect(organization.rootTeam).toMatchObject({ id: org.rootTeamId, username: org.slug, kind: 'ROOT', viewerRole: null, archivedAt: null });
    }
    // Every name in the identity list is a field of Team (a renamed field must not silently leave the list).
    expect(IDENTITY_FIELDS.filter((name) => !teamFields.some((f) => f.name === name))).toEqual([]);
  });

  it('answers every field for organization ADMINs, BILLING users and root-team ADMIN keys as team(username:) does', async () => {
    const failures: string[] = [];
    for (const field of teamFields) {
      const selection = fieldSelection(field);
      for (const caller of sighted) {
        const through = await app.gql(`query($s: String!) { organization(slug: $s) { rootTeam { ${selection} } } }`, { s: org.slug }, caller.credential);
        const direct = await app.gql(`query($u: String!) { team(username: $u) { ${selection} } }`, { u: org.slug }, caller.credential);
        const a = comparable(through, through.body.data?.organization?.rootTeam?.[field.name] ?? null);
        const b = comparable(direct, direct.body.data?.team?.[field.name] ?? null);
        if (a !== b) failures.push(`Team.${field.name} as ${caller.name}:\n  through rootTeam ${a}\n  by username      ${b}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('gives each of them what the table of docs/authorization.md says', async () => {
    const ROOT = `query($s: String!) { organization(slug: $s) { rootTeam {
      apiKeys { edges { node { alias } } }
      secrets { edges { node { name } } }
      requests { edges { node { requestId payload { input } payloadHiddenReason } } }
      modelAccessRules { edges { node { pattern } } }
      usageSummary(range: { start: "2025-01-01T00:00:00Z", end: "2025-02-01T00:00:00Z" }) { cost }
      invoices { edges { node { total } } }
      governance { environment }
      effectivePolicy { requestVisibility { value } }
    } } }`;
    const [orgAdmin, orgBilling, rootAdminKey] = await Promise.all(sighted.map((c) => app.gql(ROOT, { s: org.slug }, c.credential)));

    for (const response of [orgAdmin, rootAdminKey]) {
      expect(response.body.errors).toBeUndefined();
      const root = response.body.data!.organization.rootTeam;
      expect(root.apiKeys.edges.map((e: any) => e.node.alias)).toContain(`${MARK}-key`);
      expect(root.secrets.edges.map((e: any) => e.node.name)).toEqual([`${MARK.toUpperCase()}_SECRET`]);
      expect(root.requests.edges).toEqual([{ node: { requestId: `${MARK}-request`, payload: { input: { prompt: `${MARK} prompt` } }, payloadHiddenReason: null } }]);
      expect(root.modelAccessRules.edges.map((e: any) => e.node.pattern)).toEqual([`fal-ai/${MARK}/*`]);
      expect(root.usageSummary.map((i: any) => i.cost)).toEqual(['987.65']);
    }

    // Organization BILLING: usage, invoices, policy and the request log's metadata; not keys, secrets or payloads.
    const billingErrors = (orgBilling.body.errors ?? []).map((e) => [e.path?.at(-1), e.extensions?.code, e.extensions?.reason]);
    expect(billingErrors.sort()).toEqual([
      ['apiKeys', 'FORBIDDEN', 'TEAM_ADMIN_REQUIRED'],
      ['secrets', 'FORBIDDEN', 'TEAM_DEVELOPER_REQUIRED'],
    ]);
    const root = orgBilling.body.data!.organization.rootTeam;
    expect(root.apiKeys).toBeNull();
    expect(root.secrets).toBeNull();
    expect(root.requests.edges).toEqual([{ node: { requestId: `${MARK}-request`, payload: null, payloadHiddenReason: 'METADATA_ONLY_ROLE' } }]);
    expect(root.usageSummary.map((i: any) => i.cost)).toEqual(['987.65']);
    expect(root.modelAccessRules.edges.map((e: any) => e.node.pattern)).toEqual([`fal-ai/${MARK}/*`]);
    expect(root.effectivePolicy.requestVisibility.value).toBe('ALL');
  });
});

describe('an organization reached through Team.organization', () => {
  it('answers its team’s keys every field beyond its identity like a missing organization (keys cannot look it up by slug)', async () => {
    const gated = organizationFields.filter((field) => !ORGANIZATION_IDENTITY_FIELDS.includes(field.name));
    expect(gated.map((f) => f.name)).toEqual(expect.arrayContaining(['policy', 'teams', 'usage', 'members', 'invoices']));
    const failures: string[] = [];
    for (const field of gated) {
      const selection = fieldSelection(field, ORGANIZATION_FIELD_ARGUMENTS);
      for (const caller of teamKeys) {
        const missing = soleError(await app.gql(`query($s: String!) { organization(slug: $s) { ${selection} } }`, { s: unique('missing') }, caller.credential));
        const bySlug = soleError(await app.gql(`query($s: String!) { organization(slug: $s) { ${selection} } }`, { s: org.slug }, caller.credential));
        expect(bySlug).toEqual(missing);
        expect(missing.extensions.code).toBe('NOT_FOUND');
        const response = await app.gql(`query($u: String!) { team(username: $u) { organization { ${selection} } } }`, { u: team.username }, caller.credential);
        const label = `Organization.${field.name} as ${caller.name} through team.organization`;
        const text = JSON.stringify(response.body);
        for (const marker of MARKERS) if (text.includes(marker)) failures.push(`${label}: answer contains ${marker}`);
        if (response.body.errors?.length !== 1) {
          failures.push(`${label}: expected one NOT_FOUND error, got ${text}`);
          continue;
        }
        const error = response.body.errors[0];
        if (JSON.stringify(soleError(response)) !== JSON.stringify(missing)) failures.push(`${label}: ${JSON.stringify(error)} is not ${JSON.stringify(missing)}`);
        if (JSON.stringify(error.path) !== JSON.stringify(['team', 'organization', field.name])) failures.push(`${label}: error at ${JSON.stringify(error.path)}`);
        if (valueAt(response.body.data, error.path ?? []) !== null) failures.push(`${label}: the field still has a value`);
      }
    }
    expect(failures).toEqual([]);
    // Its identity is still theirs to read (the SDK's Team operation selects organization { id slug name }).
    for (const caller of teamKeys) {
      const { team: found } = await app.data(`query($u: String!) { team(username: $u) { organization { id slug name rootTeam { username } } } }`, { u: team.username }, caller.credential);
      expect(found.organization).toMatchObject({ id: org.id, slug: org.slug, rootTeam: { username: org.slug } });
    }
  });

  it('answers people who see the organization every field as organization(slug:) does', async () => {
    const failures: string[] = [];
    for (const field of organizationFields) {
      const selection = fieldSelection(field, ORGANIZATION_FIELD_ARGUMENTS);
      for (const caller of organizationViewers) {
        const through = await app.gql(`query($u: String!) { team(username: $u) { organization { ${selection} } } }`, { u: team.username }, caller.credential);
        const direct = await app.gql(`query($s: String!) { organization(slug: $s) { ${selection} } }`, { s: org.slug }, caller.credential);
        // Org BILLING sees every team, so team(username:) reaches the organization for them too.
        const a = comparable(through, through.body.data?.team?.organization?.[field.name] ?? null);
        const b = comparable(direct, direct.body.data?.organization?.[field.name] ?? null);
        if (a !== b) failures.push(`Organization.${field.name} as ${caller.name}:\n  through team ${a}\n  by slug      ${b}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers a password session of an organization that requires SSO only its identity through viewer.organizations', async () => {
    const person = await signUp(app);
    const ssoOrg = await createOrganization(app, person);
    // Set directly: the API refuses to require SSO before an admin has signed in through it (SSO_LOCKOUT).
    await app.db.query(
      `INSERT INTO organization_policy_settings (organization_id, setting, value, locked, updated_at) VALUES ($1, 'ssoRequired', 'true', false, now())`,
      [localId(ssoOrg.id)],
    );
    const bySlug = soleError(await app.gql(`query($s: String!) { organization(slug: $s) { policy { __typename } } }`, { s: ssoOrg.slug }, { token: person.token }));
    expect(bySlug.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SSO_REQUIRED' });
    const throughViewer = await app.gql(`{ viewer { organizations { policy { __typename } } } }`, {}, { token: person.token });
    expect(soleError(throughViewer)).toEqual(bySlug);
    const identity = await app.data(`{ viewer { organizations { slug viewerRole rootTeam { username } } } }`, {}, { token: person.token });
    expect(identity.viewer.organizations).toEqual([{ slug: ssoOrg.slug, viewerRole: 'ADMIN', rootTeam: { username: ssoOrg.slug } }]);
  });
});
