import fc from 'fast-check';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import { buildOrgraphSchema } from '../src/app/schema';
import { startTestApp, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, signUp } from './support/factories';
import { documentFor, plausibleValue, rootOperations } from './support/schemaOperations';
import { toGlobalId } from '../src/core/relay';

/**
 * Hostile input against the real server: random and mutated GraphQL documents and variables. Whatever arrives,
 * the answer is a 2xx/4xx JSON (never a 500), carries no stack trace, file path or field suggestion, and comes
 * back within RESPONSE_TIMEOUT_MS. The rate limiter is on (with budgets out of reach) so its cost walk sees the
 * same input.
 */
const RESPONSE_TIMEOUT_MS = 5_000;
const LEAK = /\bat .*\.(ts|js):\d+|node_modules|\/src\/|\/work\/|stacktrace|TypeError|ReferenceError|QueryFailedError/i;

let app: TestApp;
let credentials: Array<Record<string, string>>;
let casesRun = 0;
const statuses = new Map<number, number>();

beforeAll(async () => {
  app = await startTestApp({
    RATE_LIMIT_ENABLED: 'true',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000000',
    RATE_LIMIT_USER_PER_MINUTE: '1000000000',
    RATE_LIMIT_API_KEY_PER_MINUTE: '1000000000',
  });
  const user = await signUp(app);
  const org = await createOrganization(app, user);
  const adminKey = await createApiKeyFor(app, org.slug, 'ADMIN');
  credentials = [{}, { authorization: `Bearer ${user.token}` }, { authorization: `Key ${adminKey}` }];
});
afterAll(async () => {
  console.log(`fuzz: ${casesRun} cases sent; HTTP statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  await app.close();
});

async function send(body: string, credentialIndex: number): Promise<void> {
  casesRun++;
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...credentials[credentialIndex % credentials.length] },
    body,
    signal: AbortSignal.timeout(RESPONSE_TIMEOUT_MS),
  });
  const text = await response.text();
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  // Schema suggestions read `Did you mean "viewer"?`. The lexer's lowercase hint ("did you mean to use a double
  // quote") names no schema element and is allowed.
  if (response.status >= 500 || LEAK.test(text) || text.includes('Did you mean')) {
    throw new Error(`status ${response.status} for body ${body.slice(0, 500)}\n→ ${text.slice(0, 1000)}`);
  }
  // Every answer is JSON in the GraphQL shape, even for garbage.
  const json = JSON.parse(text);
  const results = Array.isArray(json) ? json : [json];
  for (const result of results) expect(result.data !== undefined || Array.isArray(result.errors)).toBe(true);
}

// Seed operations: one per root field of the real schema (so new modules are fuzzed without edits), minus logout and
// signOutEverywhere, which would only end the fuzzer's own session.
const schema = buildOrgraphSchema();
const seeds = rootOperations(schema)
  .filter((op) => op.field.name !== 'logout' && op.field.name !== 'signOutEverywhere')
  .map((op) => ({ op, document: documentFor(schema, op, 2) }));

// eslint-disable-next-line no-loss-of-precision -- 2^53 + 1 is meant to arrive rounded, as a client would send it
const hugeNumber = fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1e308, -1e308, 1.5, -0, 9007199254740993);
const weirdString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ unit: 'grapheme', maxLength: 64 }),
  fc.constantFrom('', ' ', '\u0000', '\uFFFF', '\uD800', '💥'.repeat(500), "'; DROP TABLE teams; --", '../../etc/passwd', 'x'.repeat(100_000)),
  fc.base64String({ maxLength: 80 }),
  fc.constantFrom('VGVhbTowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA', 'T3JnYW5pemF0aW9uOm5vdC1hLXV1aWQ'),
);
const plausibleId = fc.oneof(
  fc.tuple(fc.constantFrom('Team', 'Organization', 'User', 'ApiKey', 'Nope'), fc.uuid()).map(([type, uuid]) => toGlobalId(type, uuid)),
  weirdString,
);
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), hugeNumber, weirdString);

/** A value of the right type most of the time, of a wrong type or out of range otherwise. */
function valueOf(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  const wrong = anyJson;
  if (isNonNullType(type)) return fc.oneof({ weight: 6, arbitrary: valueOf(type.ofType, depth) }, { weight: 1, arbitrary: fc.constant(null) });
  if (isListType(type)) return fc.oneof(fc.array(valueOf(type.ofType, depth + 1), { maxLength: 3 }), wrong);
  if (isInputObjectType(type)) {
    if (depth > 3) return wrong;
    const fields = Object.values(type.getFields());
    return fc.oneof(
      { weight: 5, arbitrary: fc.record(Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, depth + 1)])), { requiredKeys: [] }) },
      { weight: 1, arbitrary: wrong },
    );
  }
  if (isEnumType(type)) return fc.oneof(fc.constantFrom(...type.getValues().map((v) => v.name)), wrong);
  if (isScalarType(type)) {
    const right: Record<string, fc.Arbitrary<unknown>> = {
      Int: fc.oneof(fc.integer(), hugeNumber),
      Float: fc.oneof(fc.double(), hugeNumber),
      Boolean: fc.boolean(),
      DateTimeISO: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), weirdString),
      Decimal: fc.oneof(fc.stringMatching(/^-?\d{1,30}(\.\d{1,15})?$/), weirdString, hugeNumber),
    };
    return fc.oneof({ weight: 4, arbitrary: right[type.name] ?? weirdString }, { weight: 1, arbitrary: wrong });
  }
  return wrong;
}

/** Character-level mutations of a valid document: the parser and validator must reject every broken variant cleanly. */
const mutatedDocument = fc
  .record({
    seed: fc.constantFrom(...seeds),
    edits: fc.array(
      fc.record({
        kind: fc.constantFrom('insert', 'delete', 'replace', 'duplicate', 'truncate'),
        at: fc.nat(),
        text: fc.oneof(fc.constantFrom('{', '}', '(', ')', '$', '!', '...', '@skip(if: true)', '"', '#', ' on ', '__schema', ':', '[', ']', '0e9999'), weirdString),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ seed, edits }) => {
    let doc = seed.document;
    for (const edit of edits) {
      const at = edit.at % (doc.length + 1);
      if (edit.kind === 'insert') doc = doc.slice(0, at) + edit.text + doc.slice(at);
      else if (edit.kind === 'delete') doc = doc.slice(0, at) + doc.slice(at + 1 + (edit.text.length % 8));
      else if (edit.kind === 'replace') doc = doc.slice(0, at) + edit.text + doc.slice(at + edit.text.length);
      else if (edit.kind === 'duplicate') doc = doc.slice(0, at) + doc.slice(at, at + 40) + doc.slice(at);
      else doc = doc.slice(0, at);
    }
    return { doc, seed };
  });

const deepNesting = fc.oneof(
  fc.integer({ min: 10, max: 3000 }).map((n) => `{ ${'viewer { organizations { rootTeam { organization '.repeat(n % 200)}${'}'.repeat(n)} }`),
  fc.integer({ min: 10, max: 5000 }).map((n) => `{ ${'a{'.repeat(n)}${'}'.repeat(n)} }`),
  fc.integer({ min: 10, max: 5000 }).map((n) => `query($v: Int = ${'['.repeat(n)}1${']'.repeat(n)}) { __typename }`),
  fc.integer({ min: 10, max: 300 }).map((n) => `{ ${Array.from({ length: n }, (_, i) => `f${i}: __typename`).join(' ')} }`),
  fc.integer({ min: 10, max: 300 }).map((n) => `{ __typename ${'@skip(if: false) '.repeat(n)}}`),
  fc.integer({ min: 2, max: 50 }).map((n) => `query { ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ...F${(i + 1) % n} }`).join(' ')}`),
);

const RUNS = { seeded: 400, mutated: 500, random: 200, deep: 100, bodies: 150 };

describe('hostile input never breaks the server', () => {
  it('every schema operation with generated (often wrong) variables', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...seeds).chain((seed) =>
          fc.record({
            seed: fc.constant(seed),
            // Half well-typed (so resolvers, services and SQL run with random ids), half hostile.
            variables: fc.oneof(
              plausibleId.map((id) => Object.fromEntries(seed.op.field.args.map((arg) => [arg.name, plausibleValue(arg.type, id, arg.name)]))),
              fc.record(Object.fromEntries(seed.op.field.args.map((arg) => [arg.name, valueOf(arg.type)])), { requiredKeys: [] }),
            ),
            credential: fc.nat(),
          }),
        ),
        async ({ seed, variables, credential }) => send(JSON.stringify({ query: seed.document, variables }), credential),
      ),
      { numRuns: RUNS.seeded },
    );
  });

  it('mutated valid documents', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedDocument, fc.nat(), async ({ doc }, credential) => send(JSON.stringify({ query: doc }), credential)),
      { numRuns: RUNS.mutated },
    );
  });

  it('random strings as documents', async () => {
    await fc.assert(
      fc.asyncProperty(weirdString, fc.nat(), async (doc, credential) => send(JSON.stringify({ query: doc }), credential)),
      { numRuns: RUNS.random },
    );
  });

  it('deep nesting, many aliases, many directives, fragment cycles', async () => {
    await fc.assert(
      fc.asyncProperty(deepNesting, fc.nat(), async (doc, credential) => send(JSON.stringify({ query: doc }), credential)),
      { numRuns: RUNS.deep },
    );
  });

  it('malformed request bodies: wrong shapes, types and batches', async () => {
    const body = fc.oneof(
      fc.record({ query: anyJson, variables: anyJson, operationName: anyJson, extensions: anyJson }, { requiredKeys: [] }),
      fc.array(fc.record({ query: fc.oneof(fc.constantFrom(...seeds.map((s) => s.document)), anyJson), variables: anyJson }, { requiredKeys: [] }), { maxLength: 12 }),
      anyJson,
    );
    await fc.assert(
      fc.asyncProperty(body, fc.nat(), async (value, credential) => send(JSON.stringify(value) ?? 'null', credential)),
      { numRuns: RUNS.bodies },
    );
  });

  it('deeply nested variables JSON', async () => {
    for (const depth of [100, 1000, 10_000]) {
      await send(`{"query":"query($v: Int) { __typename }","variables":{"v":${'['.repeat(depth)}${']'.repeat(depth)}}}`, 0);
      await send(`{"query":"{ __typename }","variables":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`, 1);
    }
  });
});
