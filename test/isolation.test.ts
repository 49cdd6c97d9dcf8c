import crypto from 'node:crypto';
import {
  buildSchema,
  getNamedType,
  parse,
  validate,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { buildOrgraphSchema } from '../src/app/schema';
import { localIdOf, toGlobalId } from '../src/core/relay';
import { startTestApp, TEST_INGEST_TOKEN, type Credential, type TestApp } from './support/testApp';
import { addMember, CREATE_INVITE } from './support/people';
import { createApiKeyFor, createOrganization, createTeam, signUp, unique, type CreatedOrganization, type SignedUpUser } from './support/factories';
import { documentFor, objectFieldsWithArguments, plausibleValue, rootOperations, selectionFor } from './support/schemaOperations';

/**
 * Tenant isolation probes. Every query, mutation and object field that takes an identifier (an `ID`, a team
 * username, an organization slug, or an id-like String) is called with ORGANIZATION B's identifiers by every
 * credential kind of ORGANIZATION A, and must answer exactly as it answers for an identifier that does not exist.
 * Afterwards no table may have changed.
 *
 * The operations are enumerated from the built schema, so operations added by new modules are probed without
 * editing this file — unless they take an identifier of a kind this file cannot produce: then the test FAILS and
 * says which generator to add to FOREIGN_IDS / FOREIGN_STRINGS / OWN_PATHS below. Nothing is skipped silently.
 */

interface Tenant {
  admin: SignedUpUser;
  org: CreatedOrganization;
  team: { id: string; username: string };
  orgAdminKey: string;
  teamApiKey: string;
  teamAdminKey: string;
  /** Global ids of this tenant's objects per type, read from the database by FOREIGN_IDS after the data exists. */
  nodeIds: Record<string, string[]>;
}

// ---- How to obtain the other tenant's identifiers (add a line when a module adds an id-bearing type) ----------

/**
 * B's objects per GraphQL type: SQL returning local ids (`$1` = B's organization id), turned into global ids.
 * Every type implementing Node needs an entry (node(id:) takes them all). At most three of each are probed.
 */
const FOREIGN_IDS: Record<string, string> = {
  Organization: `SELECT id FROM organizations WHERE id = $1`,
  Team: `SELECT id FROM teams WHERE organization_id = $1 ORDER BY kind DESC, created_at`,
  ApiKey: `SELECT k.id FROM api_keys k JOIN teams t ON t.id = k.team_id WHERE t.organization_id = $1`,
  User: `SELECT user_id AS id FROM organization_memberships WHERE organization_id = $1`,
  Member: `SELECT id FROM organization_memberships WHERE organization_id = $1`,
  Invite: `SELECT id FROM invites WHERE organization_id = $1`,
  TeamSecret: `SELECT s.id FROM team_secrets s JOIN teams t ON t.id = s.team_id WHERE t.organization_id = $1`,
  AuditEvent: `SELECT id FROM audit_events WHERE organization_id = $1 ORDER BY created_at`,
  ModelAccessRule: `SELECT id FROM model_access_rules WHERE organization_id = $1`,
  RequestRecord: `SELECT team_id || '/' || id AS id FROM request_records WHERE organization_id = $1`,
  SpendingAlert: `SELECT id FROM spending_alerts WHERE organization_id = $1`,
  OrganizationDomain: `SELECT id FROM organization_domains WHERE organization_id = $1`,
  Budget: `SELECT id FROM budgets WHERE organization_id = $1`,
  ScimToken: `SELECT id FROM scim_tokens WHERE organization_id = $1`,
  ScimUser: `SELECT id FROM scim_users WHERE organization_id = $1`,
  ScimGroup: `SELECT id FROM scim_groups WHERE organization_id = $1`,
  EmailDelivery: `SELECT id FROM email_outbox WHERE organization_id = $1`,
  TeamMember: `SELECT id FROM team_memberships WHERE organization_id = $1`,
  // Keyed `teamId/YYYY-MM`: every team has (at least) the running month's draft.
  Invoice: `SELECT id || '/' || to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM') AS id FROM teams WHERE organization_id = $1`,
  WebhookDelivery: `SELECT d.id FROM webhook_deliveries d JOIN alert_events e ON e.id = d.alert_event_id JOIN spending_alerts s ON s.id = e.alert_id WHERE s.organization_id = $1`,
};

/** Node types that belong to the platform, not to an organization (the model catalog): every customer sees them. */
const PLATFORM_NODES = new Set(['ModelEndpoint']);

/** ID argument names that do not spell their type (`teamId` → Team is inferred; these are not). */
const ID_NAME_ALIASES: Record<string, string> = {
  ruleId: 'ModelAccessRule',
  alertId: 'SpendingAlert',
  removeRuleIds: 'ModelAccessRule',
  ownerId: 'User',
  transferToUserId: 'User',
  defaultTeamId: 'Team',
  domainId: 'OrganizationDomain',
  groupId: 'ScimGroup',
  tokenId: 'ScimToken',
};

/** String identifiers of B's objects, by argument / input-field name. */
const FOREIGN_STRINGS: Record<string, (b: Tenant) => string[]> = {
  username: (b) => [b.team.username, b.org.slug],
  teamUsername: (b) => [b.team.username, b.org.slug],
  slug: (b) => [b.org.slug],
  organizationSlug: (b) => [b.org.slug],
  keyId: (b) => [publicKeyId(b.teamApiKey), publicKeyId(b.orgAdminKey)],
  apiKeyIds: (b) => [publicKeyId(b.teamApiKey)],
  teamUsernames: (b) => [b.team.username],
  // The gateway's request ids (reservations are per organization): B's request records use these.
  requestId: () => ['probe-1'],
};

/** How to reach an object of A that a credential of A can see, to probe that type's id-taking fields. */
const OWN_PATHS: Record<string, (a: Tenant) => { open: string; close: string }> = {
  Query: () => ({ open: '', close: '' }),
  Organization: (a) => ({ open: `organization(slug: ${JSON.stringify(a.org.slug)}) {`, close: '}' }),
  Team: (a) => ({ open: `team(username: ${JSON.stringify(a.team.username)}) {`, close: '}' }),
  Viewer: () => ({ open: 'viewer {', close: '}' }),
};

/**
 * Id-like names that identify nothing a tenant owns (nothing to isolate): catalog endpoints are global, and an SSO
 * `clientId` is the identity provider's name for Orgraph, not an Orgraph object.
 */
const NOT_TENANT_SCOPED = new Set<string>(['endpointId', 'endpointIds', 'endpointIdPrefix', 'clientId']);

// -----------------------------------------------------------------------------------------------------------------

const ID_LIKE_ARGUMENT = /^(id|ids|username|slug)$|(Id|Ids|Username|Slug)$/;
// Inside inputs a bare `username`/`slug` is the NEW name of the object being created, not a reference.
const ID_LIKE_INPUT_FIELD = /.(Id|Ids|Username|Slug)$/;

function publicKeyId(key: string): string {
  return key.split(':')[0];
}

type Slot =
  | { kind: 'id'; path: string[]; typeName: string; list: boolean }
  | { kind: 'string'; path: string[]; name: string; list: boolean };

let app: TestApp;
let schema: GraphQLSchema;
let a: Tenant;
let b: Tenant;
let credentials: Array<{ name: string; credential: Credential }>;

/** "Full data": teams, keys, a member with a team role, a pending invite, a secret, a policy rule, request records. */
async function createTenant(): Promise<Tenant> {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const team = await createTeam(app, admin, org.id);
  await createTeam(app, admin, org.id);
  const keys = {
    orgAdminKey: await createApiKeyFor(app, org.slug, 'ADMIN'),
    teamApiKey: await createApiKeyFor(app, team.username, 'API'),
    teamAdminKey: await createApiKeyFor(app, team.username, 'ADMIN'),
  };
  const asAdmin = { token: admin.token };
  await addMember(app, admin, org.id, { role: 'MEMBER', teams: [{ teamId: team.id, role: 'DEVELOPER' }] });
  await expectNoUserErrors(
    app.data(`mutation($input: AddDomainInput!) { addDomain(input: $input) { userErrors { code message } } }`, {
      input: { organizationId: org.id, domain: `${unique('tenant')}.test` },
    }, asAdmin),
  );
  await expectNoUserErrors(app.data(CREATE_INVITE, { input: { organizationId: org.id, email: `${unique('invitee')}@example.com`, organizationRole: 'MEMBER' } }, asAdmin));
  await expectNoUserErrors(
    app.data(`mutation($input: SetTeamSecretInput!) { setTeamSecret(input: $input) { userErrors { code message } } }`, {
      input: { teamId: team.id, name: 'PROBE_SECRET', value: 'secret value of this tenant' },
    }, asAdmin),
  );
  await expectNoUserErrors(
    app.data(`mutation($input: AddModelAccessRuleInput!) { addModelAccessRule(input: $input) { userErrors { code message } } }`, {
      input: { organizationId: org.id, effect: 'BLOCKED', surface: 'API', pattern: 'fal-ai/probe-*' },
    }, asAdmin),
  );
  await expectNoUserErrors(
    app.data(`mutation($input: CreateSpendingAlertInput!) { createSpendingAlert(input: $input) { userErrors { code message } } }`, {
      input: { organizationId: org.id, teamId: team.id, threshold: '100', period: 'MONTH', hardLimit: true },
    }, asAdmin),
  );
  await expectNoUserErrors(
    app.data(`mutation($input: SetBudgetInput!) { setBudget(input: $input) { userErrors { code message } } }`, {
      input: { subject: { organizationId: org.id, scope: 'TEAM', teamId: team.id }, period: 'MONTH', amount: '100', hard: true },
    }, asAdmin),
  );
  await expectNoUserErrors(
    app.data(`mutation($input: IngestRequestsInput!) { ingestRequests(input: $input) { accepted userErrors { code message } } }`, {
      input: {
        records: [1, 2].map((n) => ({
          id: `probe-${n}`,
          teamUsername: team.username,
          endpointId: 'fal-ai/flux/dev',
          status: 'SUCCEEDED',
          httpStatus: 200,
          startedAt: new Date(Date.now() - 60_000).toISOString(),
          finishedAt: new Date(Date.now() - 59_000).toISOString(),
          auth: { kind: 'API_KEY', keyId: publicKeyId(keys.teamApiKey) },
          input: JSON.stringify({ prompt: 'tenant data' }),
          output: JSON.stringify({ ok: true }),
        })),
      },
    }, { bearer: TEST_INGEST_TOKEN }),
  );

  const organizationId = localIdOf(org.id, 'Organization')!;
  // SCIM: a token, a proven domain (the row the SSO module's DNS proof leaves), a provisioned person and a group.
  const { createScimToken } = await app.data(
    `mutation($input: CreateScimTokenInput!) { createScimToken(input: $input) { token userErrors { code message } } }`,
    { input: { organizationId: org.id, description: 'probe IdP' } },
    asAdmin,
  );
  const scimDomain = `${unique('scim')}.example`;
  await app.db.query(`INSERT INTO organization_domains (organization_id, domain, verification_token, verified_at) VALUES ($1, $2, md5(random()::text), now())`, [organizationId, scimDomain]);
  const scimPost = (path: string, body: unknown) =>
    fetch(`${app.url}/scim/v2${path}`, { method: 'POST', headers: { authorization: `Bearer ${createScimToken.token}`, 'content-type': 'application/scim+json' }, body: JSON.stringify(body) }).then((response) => response.json());
  const scimUser = await scimPost('/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: `probe@${scimDomain}` });
  await scimPost('/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Probe group', members: [{ value: scimUser.id }] });
  const nodeIds: Record<string, string[]> = {};
  for (const [typeName, sql] of Object.entries(FOREIGN_IDS)) {
    const rows: Array<{ id: string }> = await app.db.query(sql, [organizationId]);
    nodeIds[typeName] = rows.slice(0, 3).map((row) => toGlobalId(typeName, row.id));
  }
  return { admin, org, team, ...keys, nodeIds };
}

async function expectNoUserErrors(pending: Promise<Record<string, { userErrors: unknown[] }>>): Promise<void> {
  const payload = Object.values(await pending)[0];
  if (payload.userErrors.length) throw new Error(`fixture failed: ${JSON.stringify(payload.userErrors)}`);
}

/** A fingerprint of every table (minus columns that legitimately move on reads, like `last_used_at`). */
async function databaseFingerprint(): Promise<Record<string, string>> {
  const tables: Array<{ table_name: string }> = await app.db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
        AND table_name NOT IN ('migrations', 'typeorm_metadata') ORDER BY table_name`,
  );
  const fingerprint: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [row] = await app.db.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg((to_jsonb(t) - 'last_used_at')::text, ',' ORDER BY (to_jsonb(t) - 'last_used_at')::text), '')) AS h
         FROM "${table_name}" t`,
    );
    fingerprint[table_name] = `${row.n}:${row.h}`;
  }
  return fingerprint;
}

beforeAll(async () => {
  app = await startTestApp();
  schema = buildOrgraphSchema();
  a = await createTenant();
  b = await createTenant();
  credentials = [
    { name: 'session of organization admin', credential: { token: a.admin.token } },
    { name: 'organization admin key', credential: { key: a.orgAdminKey } },
    { name: 'team API key', credential: { key: a.teamApiKey } },
    { name: 'team ADMIN key', credential: { key: a.teamAdminKey } },
  ];
});
afterAll(() => app.close());

/** Id-typed type name from a name like `teamId` / `apiKeyIds`; `*` when the name says nothing (`id`). */
function typeNameOf(name: string): string {
  if (ID_NAME_ALIASES[name]) return ID_NAME_ALIASES[name];
  const stem = name.replace(/Ids?$/, '');
  if (stem === 'id' || stem === '' || stem === name) return '*';
  return stem.charAt(0).toUpperCase() + stem.slice(1);
}

function isIdType(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  return isScalarType(named) && named.name === 'ID';
}

/** Finds every identifier position in a field's arguments (recursing into input objects). */
function slotsOf(args: readonly GraphQLArgument[]): Slot[] {
  const slots: Slot[] = [];
  const visit = (name: string, type: GraphQLInputType, path: string[], topLevel: boolean, depth: number) => {
    const named = getNamedType(type);
    const list = isListType(isNonNullType(type) ? type.ofType : type);
    if (NOT_TENANT_SCOPED.has(name)) return;
    if (isIdType(type)) slots.push({ kind: 'id', path, typeName: typeNameOf(name), list });
    else if (isScalarType(named) && named.name === 'String' && (topLevel ? ID_LIKE_ARGUMENT : ID_LIKE_INPUT_FIELD).test(name)) {
      slots.push({ kind: 'string', path, name, list });
    } else if (isInputObjectType(named) && depth < 4) {
      for (const field of Object.values(named.getFields())) visit(field.name, field.type, [...path, field.name], false, depth + 1);
    }
  };
  for (const arg of args) visit(arg.name, arg.type, [arg.name], true, 0);
  return slots;
}

/** B's values for a slot, or an instruction to the developer when this file cannot produce them. */
function foreignValues(slot: Slot, where: string): string[] {
  if (slot.kind === 'string') {
    const generator = FOREIGN_STRINGS[slot.name];
    if (!generator) {
      throw new Error(`${where}: id-like String "${slot.path.join('.')}" has no generator — add FOREIGN_STRINGS.${slot.name} in test/isolation.test.ts (or NOT_TENANT_SCOPED if it names nothing a tenant owns)`);
    }
    return generator(b);
  }
  if (slot.typeName === '*') return Object.values(b.nodeIds).flat();
  if (!FOREIGN_IDS[slot.typeName]) {
    throw new Error(
      `${where}: ID "${slot.path.join('.')}" looks like a ${slot.typeName} id but FOREIGN_IDS has no ${slot.typeName} generator — add one in test/isolation.test.ts (or an ID_NAME_ALIASES entry if ${slot.typeName} is not the type's name)`,
    );
  }
  const values = b.nodeIds[slot.typeName] ?? [];
  if (!values.length) throw new Error(`${where}: organization B has no ${slot.typeName}; extend createTenant() so it does`);
  return values;
}

function missingValue(slot: Slot): string {
  if (slot.kind === 'string') return slot.name === 'keyId' ? `ogk_${crypto.randomBytes(8).toString('hex')}` : unique('missing');
  return toGlobalId(slot.typeName === '*' ? 'Team' : slot.typeName, crypto.randomUUID());
}

/**
 * Arguments built from their types: required fields get plausible values, optional ones are left out unless an
 * identifier position lies inside them, and every identifier position holds `valueOf(slot)`.
 */
function buildArguments(args: readonly GraphQLArgument[], slots: Slot[], valueOf: (slot: Slot) => string): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const arg of args) {
    const path = [arg.name];
    if (isNonNullType(arg.type) || slots.some((slot) => startsWith(slot.path, path))) {
      variables[arg.name] = buildValue(arg.type, path, arg.name, slots, valueOf);
    }
  }
  return variables;
}

function buildValue(type: GraphQLInputType, path: string[], name: string, slots: Slot[], valueOf: (slot: Slot) => string): unknown {
  const slot = slots.find((s) => s.path.join('.') === path.join('.'));
  if (slot) return slot.list ? [valueOf(slot)] : valueOf(slot);
  if (isNonNullType(type)) return buildValue(type.ofType, path, name, slots, valueOf);
  if (isListType(type)) return [buildValue(type.ofType, path, name, slots, valueOf)];
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const fieldPath = [...path, field.name];
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      if (required || slots.some((s) => startsWith(s.path, fieldPath))) {
        value[field.name] = buildValue(field.type, fieldPath, field.name, slots, valueOf);
      }
    }
    return value;
  }
  // New objects get fresh valid handles so a probe fails for the identifier, not for a taken name.
  if (name === 'username' || name === 'slug') return `p${crypto.randomBytes(5).toString('hex')}`;
  return plausibleValue(type, 'unused', name);
}

function startsWith(path: string[], prefix: string[]): boolean {
  return prefix.every((key, index) => path[index] === key);
}

interface Probe {
  where: string;
  document: string;
  args: readonly GraphQLArgument[];
  slots: Slot[];
}

function probesFromSchema(schema: GraphQLSchema, own: Tenant): { probes: Probe[]; problems: string[] } {
  const probes: Probe[] = [];
  const problems: string[] = [];
  for (const op of rootOperations(schema)) {
    const slots = slotsOf(op.field.args);
    if (slots.length) probes.push({ where: `${op.kind} ${op.field.name}`, document: documentFor(schema, op, 1), args: op.field.args, slots });
  }
  for (const { type, field } of objectFieldsWithArguments(schema)) {
    const slots = slotsOf(field.args);
    if (!slots.length) continue;
    const path = OWN_PATHS[type.name];
    if (!path) {
      problems.push(`${type.name}.${field.name} takes an identifier but OWN_PATHS has no way to reach a ${type.name} — add one in test/isolation.test.ts`);
      continue;
    }
    probes.push({ where: `${type.name}.${field.name}`, document: fieldDocument(schema, type.name, field, own), args: field.args, slots });
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node') && !FOREIGN_IDS[type.name] && !PLATFORM_NODES.has(type.name)) {
      problems.push(`${type.name} implements Node but FOREIGN_IDS has no ${type.name} generator — add one in test/isolation.test.ts`);
    }
  }
  return { probes, problems };
}

function fieldDocument(schema: GraphQLSchema, typeName: string, field: GraphQLField<unknown, unknown>, own: Tenant): string {
  const { open, close } = OWN_PATHS[typeName](own);
  const declarations = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const call = `${field.name}(${field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})`;
  return `query Probe${declarations ? `(${declarations})` : ''} { ${open} ${call} ${selectionFor(schema, getNamedType(field.type), 1)} ${close} }`;
}

/** The response with request ids and the probed identifier itself masked, so a foreign and a missing id compare. */
function normalized(response: { status: number; body: unknown }, identifiers: string[]): string {
  let text = JSON.stringify({ status: response.status, body: response.body }).replace(/"requestId":"[^"]+"/g, '"requestId":"…"');
  for (const id of identifiers) text = text.split(JSON.stringify(id).slice(1, -1)).join('<identifier>');
  return text;
}

describe('tenant isolation probes', () => {
  it('every identifier-taking operation treats the other organization’s identifiers as missing', async () => {
    const { probes, problems } = probesFromSchema(schema, a);
    expect(problems).toEqual([]);
    const before = await databaseFingerprint();
    const failures: string[] = [];
    let tried = 0;

    for (const probe of probes) {
      // One attempt per foreign value of each slot (the other slots hold their first foreign value).
      const choices = probe.slots.map((slot) => foreignValues(slot, probe.where));
      const attempts: Array<Map<Slot, string>> = [];
      probe.slots.forEach((slot, index) => {
        for (const value of choices[index]) {
          attempts.push(new Map(probe.slots.map((s, i) => [s, s === slot ? value : choices[i][0]])));
        }
      });
      for (const attempt of attempts) {
        for (const { name, credential } of credentials) {
          const missing = new Map(probe.slots.map((slot) => [slot, missingValue(slot)]));
          // Built once with markers, then filled twice: the two requests differ in the identifiers and nothing else.
          const template = JSON.stringify(buildArguments(probe.args, probe.slots, (slot) => `\u0000slot${probe.slots.indexOf(slot)}\u0000`));
          const fill = (values: Map<Slot, string>) =>
            JSON.parse(template.replace(/\\u0000slot(\d+)\\u0000/g, (_, index) => JSON.stringify(values.get(probe.slots[Number(index)])!).slice(1, -1)));
          const variables = fill(attempt);
          const missingVariables = fill(missing);
          const foreign = await app.gql(probe.document, variables, credential);
          const baseline = await app.gql(probe.document, missingVariables, credential);
          tried++;
          const label = `${probe.where} as ${name} with ${[...attempt.values()].join(', ')}`;
          if (baseline.status !== 200) {
            failures.push(`${label}: the probe itself is invalid (HTTP ${baseline.status}: ${JSON.stringify(baseline.body.errors)}) — fix the input builder`);
            continue;
          }
          const seen = normalized(foreign, [...attempt.values()]);
          const expected = normalized(baseline, [...missing.values()]);
          if (seen !== expected) failures.push(`${label}:\n    foreign → ${seen}\n    missing → ${expected}`);
        }
      }
    }

    console.log(`isolation: ${tried} probes over ${probes.length} identifier-taking operations × ${credentials.length} credential kinds`);
    expect(failures).toEqual([]);
    expect(tried).toBeGreaterThan(0);
    // Give batched writers (key last-used timestamps) nothing to hide behind: compare after the probes finished.
    expect(await databaseFingerprint()).toEqual(before);
  }, 300_000);

  it('enumerates id-taking object fields into valid documents, and reports what it cannot probe', () => {
    const future = buildSchema(`
      interface Node { id: ID! }
      type User implements Node { id: ID! name: String }
      type Widget implements Node { id: ID! }
      type Invoice { lines(lineId: ID!): [String!]! }
      type Organization implements Node { id: ID! member(userId: ID!): User invoices(first: Int): [Invoice!]! }
      input InviteInput { organizationId: ID! email: String! username: String! }
      type Query { organization(slug: String!): Organization node(id: ID!): Node }
      type Mutation { invite(input: InviteInput!): Organization }
    `);
    const { probes, problems } = probesFromSchema(future, a);
    expect(probes.map((p) => p.where).sort()).toEqual(['Organization.member', 'mutation invite', 'query node', 'query organization']);
    for (const probe of probes) expect(validate(future, parse(probe.document))).toEqual([]);
    const member = probes.find((p) => p.where === 'Organization.member')!;
    expect(member.slots).toEqual([{ kind: 'id', path: ['userId'], typeName: 'User', list: false }]);
    // Inside an input a bare `username` is a new name, not a reference; `organizationId` is a reference.
    expect(probes.find((p) => p.where === 'mutation invite')!.slots).toEqual([
      { kind: 'id', path: ['input', 'organizationId'], typeName: 'Organization', list: false },
    ]);
    expect(problems).toEqual([
      'Invoice.lines takes an identifier but OWN_PATHS has no way to reach a Invoice — add one in test/isolation.test.ts',
      'Widget implements Node but FOREIGN_IDS has no Widget generator — add one in test/isolation.test.ts',
    ]);
  });

  it('fails loudly when an identifier kind has no generator', () => {
    expect(() => foreignValues({ kind: 'id', path: ['input', 'widgetId'], typeName: 'Widget', list: false }, 'mutation x')).toThrow(
      /FOREIGN_IDS has no Widget generator/,
    );
    expect(() => foreignValues({ kind: 'string', path: ['invoiceNumber'], name: 'invoiceNumberSlug', list: false }, 'query y')).toThrow(
      /add FOREIGN_STRINGS.invoiceNumberSlug/,
    );
  });
});
