import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  parseType,
  typeFromAST,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { buildOrgraphSchema } from '../src/app/schema';
import { stringInputs } from '../src/core/inputLimits';
import { isEmailAddress } from '../src/core/email';
import { startTestApp, type TestApp } from './support/testApp';

/**
 * Input size class (issue 16): every string argument and input field OF THE SCHEMA, one character over its maximum,
 * is a quick BAD_USER_INPUT; at its maximum it is accepted by the check and does not hold up other requests.
 * Operations are generated from the schema, so fields added later are covered without editing this file.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const schema = buildOrgraphSchema();

interface Probe { coordinate: string; max: number; target: GraphQLArgument | GraphQLInputField; build(length: number): { query: string; variables: Record<string, unknown> } }

/** Selections from a root to `typeName` (breadth first), with every required argument declared as a variable. */
function pathsFromRoot(schema: GraphQLSchema): Map<string, { kind: 'query' | 'mutation'; open: string; close: string; decls: string[] }> {
  const paths = new Map<string, { kind: 'query' | 'mutation'; open: string; close: string; decls: string[] }>();
  const queue: string[] = [];
  for (const [kind, root] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
    if (root) {
      paths.set(root.name, { kind, open: '', close: '', decls: [] });
      queue.push(root.name);
    }
  }
  let counter = 0;
  while (queue.length) {
    const typeName = queue.shift()!;
    const type = schema.getType(typeName);
    const from = paths.get(typeName)!;
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      if (!isObjectType(target) || paths.has(target.name) || from.kind === 'mutation') continue;
      const decls = [...from.decls];
      const args = field.args.filter((arg) => isNonNullType(arg.type)).map((arg) => {
        const name = `p${(counter += 1)}`;
        decls.push(`$${name}: ${String(arg.type)}`);
        return `${arg.name}: $${name}`;
      });
      paths.set(target.name, { kind: from.kind, open: `${from.open} ${field.name}${args.length ? `(${args.join(', ')})` : ''} {`, close: ` } ${from.close}`, decls });
      queue.push(target.name);
    }
  }
  return paths;
}

/** A JSON value of `type` that carries `leaf` at input field `target` (null when `type` cannot reach it). */
function valueReaching(type: GraphQLInputType, target: string, leaf: unknown, seen = new Set<string>()): unknown {
  const nullable = getNullableType<GraphQLInputType>(type);
  if (isListType(nullable)) {
    const inner = valueReaching(nullable.ofType, target, leaf, seen);
    return inner === null ? null : [inner];
  }
  if (!isInputObjectType(nullable) || seen.has(nullable.name)) return null;
  seen.add(nullable.name);
  for (const field of Object.values(nullable.getFields())) {
    if (`${nullable.name}.${field.name}` === target) return { [field.name]: isListType(getNullableType(field.type)) ? [leaf] : leaf };
    const inner = valueReaching(field.type, target, leaf, seen);
    if (inner !== null) return { [field.name]: inner };
  }
  return null;
}

function probes(): Probe[] {
  const paths = pathsFromRoot(schema);
  const fields: Array<{ owner: string; field: GraphQLField<unknown, unknown> }> = [];
  for (const [owner] of paths) {
    const type = schema.getType(owner);
    if (isObjectType(type)) for (const field of Object.values(type.getFields())) fields.push({ owner, field });
  }
  const selection = (field: GraphQLField<unknown, unknown>) => (isObjectType(getNamedType(field.type)) || !('serialize' in getNamedType(field.type)) ? ' { __typename }' : '');
  const document = (owner: string, field: GraphQLField<unknown, unknown>, argName: string) => {
    const path = paths.get(owner)!;
    const args = field.args.map((arg) => `${arg.name}: $a_${arg.name}`);
    const decls = [...path.decls, ...field.args.map((arg) => `$a_${arg.name}: ${String(arg.type)}`)];
    return { query: `${path.kind} Probe(${decls.join(', ')}) {${path.open} ${field.name}(${args.join(', ')})${selection(field)}${path.close} }`, variable: `a_${argName}` };
  };
  return stringInputs(schema).map(({ coordinate, max, target }) => {
    const argument = /^(\w+)\.(\w+)\((\w+)\)$/.exec(coordinate);
    if (argument) {
      const [, owner, fieldName, argName] = argument;
      const field = (schema.getType(owner) as any).getFields()[fieldName] as GraphQLField<unknown, unknown>;
      if (!paths.has(owner)) throw new Error(`${coordinate}: its type is not reachable from a root`);
      const { query, variable } = document(owner, field, argName);
      const list = isListType(getNullableType(field.args.find((arg) => arg.name === argName)!.type));
      return { coordinate, max, target, build: (length: number) => ({ query, variables: { [variable]: list ? ['x'.repeat(length)] : 'x'.repeat(length) } }) };
    }
    for (const { owner, field } of fields) {
      for (const arg of field.args) {
        if (valueReaching(arg.type, coordinate, '') === null) continue;
        const { query, variable } = document(owner, field, arg.name);
        return { coordinate, max, target, build: (length: number) => ({ query, variables: { [variable]: valueReaching(arg.type, coordinate, 'x'.repeat(length)) } }) };
      }
    }
    throw new Error(`${coordinate}: no argument of the schema carries it`);
  });
}

/** An enum value in a literal (printed bare). */
class EnumValue {
  constructor(readonly name: string) {}
}

/** A placeholder of `type` that validates as a literal (the probes leave required fields out). */
function placeholder(type: GraphQLInputType): unknown {
  const nullable = getNullableType<GraphQLInputType>(type);
  if (isListType(nullable)) return [];
  if (isInputObjectType(nullable)) return completeRequired(nullable, {});
  if (isEnumType(nullable)) return new EnumValue(nullable.getValues()[0].name);
  const samples: Record<string, unknown> = { Int: 1, Float: 1, Boolean: false, DateTimeISO: '2025-01-01T00:00:00.000Z', Decimal: '1', JSON: {} };
  return nullable.name in samples ? samples[nullable.name] : 'x';
}

/** `value` with every required input field it lacks filled in, recursively, so that it is a valid default value. */
function completeRequired(type: GraphQLInputType, value: unknown): unknown {
  const nullable = getNullableType<GraphQLInputType>(type);
  if (isListType(nullable)) return Array.isArray(value) ? value.map((item) => completeRequired(nullable.ofType, item)) : value;
  if (!isInputObjectType(nullable) || value === null || typeof value !== 'object') return value;
  const complete: Record<string, unknown> = {};
  for (const field of Object.values(nullable.getFields())) {
    if (field.name in (value as Record<string, unknown>)) complete[field.name] = completeRequired(field.type, (value as Record<string, unknown>)[field.name]);
    else if (isNonNullType(field.type) && field.defaultValue === undefined) complete[field.name] = placeholder(field.type);
  }
  return complete;
}

/** A GraphQL literal of a JSON value. */
function literal(value: unknown): string {
  if (value instanceof EnumValue) return value.name;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${k}: ${literal(v)}`).join(', ')}}`;
  return JSON.stringify(value);
}

function typeFromString(text: string): GraphQLInputType {
  return typeFromAST(schema, parseType(text)) as GraphQLInputType;
}

/** The same operation with its variables moved into the declarations' default values, and none sent. */
function asDefaults(built: { query: string; variables: Record<string, unknown> }): { query: string } {
  let query = built.query;
  for (const [name, value] of Object.entries(built.variables)) {
    query = query.replace(new RegExp(`\\$${name}: ([^,)]+)`), (declaration, typeName: string) => `${declaration} = ${literal(completeRequired(typeFromString(typeName), value))}`);
  }
  return { query };
}

async function post(body: unknown): Promise<{ status: number; body: any; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json(), ms: performance.now() - started };
}

describe('string input limits', () => {
  const all = probes();

  it('covers every string argument and input field of the schema, with its maximum in the description', () => {
    expect(all.length).toBeGreaterThan(100);
    for (const input of stringInputs(schema)) expect([input.coordinate, input.target.description]).toEqual([input.coordinate, expect.stringContaining(`Maximum length: ${input.max} characters.`)]);
  });

  it('answers one character over the maximum with a quick BAD_USER_INPUT naming the field, for every one of them', async () => {
    const failures: unknown[] = [];
    for (const probe of all) {
      const result = await post(probe.build(probe.max + 1));
      const error = result.body.errors?.[0];
      if (result.status !== 400 || error?.extensions?.code !== 'BAD_USER_INPUT' || error?.extensions?.argument !== probe.coordinate || result.ms > 1000) {
        failures.push({ coordinate: probe.coordinate, status: result.status, error, ms: Math.round(result.ms) });
      }
    }
    expect(failures).toEqual([]);
  });

  it('checks a variable’s default value like a given value, for every one of them (red-team D14)', async () => {
    const failures: unknown[] = [];
    for (const probe of all) {
      const result = await post(asDefaults(probe.build(probe.max + 1)));
      const error = result.body.errors?.[0];
      // Custom scalars (DateTimeISO, Decimal) parse literals during validation, so their over-long defaults are refused
      // there, before anything runs: also a 400 that reaches no resolver.
      const scalarLiteral = !['String', 'ID'].includes(getNamedType(probe.target.type).name) && error?.extensions?.code === 'GRAPHQL_VALIDATION_FAILED';
      if (result.status !== 400 || (!scalarLiteral && (error?.extensions?.code !== 'BAD_USER_INPUT' || error?.extensions?.argument !== probe.coordinate))) {
        failures.push({ coordinate: probe.coordinate, status: result.status, error });
      }
    }
    expect(failures).toEqual([]);
    // The attack as reported: a default on a nullable variable, with no variables sent at all.
    const team = await post({ query: `query($u: String = ${JSON.stringify('a'.repeat(200_000))}) { team(username: $u) { id } }` });
    expect(team.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'Query.team(username)' });
    // A default within its limit is still used.
    const fine = await post({ query: `query($u: String = "nobody-here") { team(username: $u) { id } }` });
    expect(fine.body.errors?.[0]?.extensions?.code).not.toBe('BAD_USER_INPUT');
  });

  it('refuses a NUL character (U+0000) in every one of them with BAD_USER_INPUT naming the field (red-team D4)', async () => {
    const withNul = (value: unknown) => replacingProbeText(value, 'x\u0000x');
    const failures: unknown[] = [];
    for (const probe of all) {
      const built = probe.build(3);
      for (const body of [{ query: built.query, variables: withNul(built.variables) }, asDefaults({ query: built.query, variables: withNul(built.variables) as Record<string, unknown> })]) {
        const result = await post(body);
        const error = result.body.errors?.[0];
        const scalarLiteral = !('variables' in body) && !['String', 'ID'].includes(getNamedType(probe.target.type).name) && error?.extensions?.code === 'GRAPHQL_VALIDATION_FAILED';
        if (result.status !== 400 || (!scalarLiteral && (error?.extensions?.code !== 'BAD_USER_INPUT' || error?.extensions?.argument !== probe.coordinate || !/NUL character/.test(error?.message)))) {
          failures.push({ coordinate: probe.coordinate, default: !('variables' in body), status: result.status, error });
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses half a UTF-16 character (an unpaired surrogate) in every one of them with BAD_USER_INPUT naming the field', async () => {
    // Found by an outside attacker: an API key alias with a lone \ud800 answered 500 (PostgreSQL's JSON refused the
    // audit entry), and elsewhere such text was stored as U+FFFD, silently changed. (GraphQL's own parser refuses it
    // in a literal, so only variables are sent.)
    const withHalf = (value: unknown) => replacingProbeText(value, 'x\ud800x');
    const failures: unknown[] = [];
    for (const probe of all) {
      const built = probe.build(3);
      const result = await post({ query: built.query, variables: withHalf(built.variables) });
      const error = result.body.errors?.[0];
      if (result.status !== 400 || error?.extensions?.code !== 'BAD_USER_INPUT' || error?.extensions?.argument !== probe.coordinate || !/unpaired UTF-16 surrogate/.test(error?.message)) {
        failures.push({ coordinate: probe.coordinate, status: result.status, error });
      }
    }
    expect(failures).toEqual([]);
    // A pair (one whole character) is fine wherever a string is.
    expect(JSON.stringify((await post({ query: 'query($u: String!) { team(username: $u) { id } }', variables: { u: 'x😀x' } })).body)).not.toContain('surrogate');
  });

  it('lets a maximal input past the length check, and maximal inputs do not hold up a concurrent { __typename }', async () => {
    const typename = async () => (await post({ query: '{ __typename }' })).ms;
    const baseline: number[] = [];
    for (let i = 0; i < 10; i += 1) baseline.push(await typename());
    const tooLong: string[] = [];
    /** The slowest concurrent `{ __typename }` while these maximal inputs are sent one after the other. */
    const worstTypenameDuring = async (probes: Probe[]) => {
      const during: number[] = [];
      let running = true;
      const prober = (async () => {
        while (running) during.push(await typename());
      })();
      for (const probe of probes) {
        const result = await post(probe.build(probe.max));
        if (JSON.stringify(result.body).includes('longer than its maximum')) tooLong.push(probe.coordinate);
      }
      running = false;
      await prober;
      return Math.max(...during);
    };
    // Fields at the default-sized limits, then the few megabyte-sized payload fields, whose cost is the 2 MB body's
    // own (reading and parsing it), bounded by the HTTP body limit rather than by this check.
    const small = await worstTypenameDuring(all.filter((probe) => probe.max <= 20_000));
    const large = await worstTypenameDuring(all.filter((probe) => probe.max > 20_000));
    expect(tooLong).toEqual([]);
    // Generous (the server shares its process and two busy cores with this client): the point is "not seconds per
    // request", as when the backtracking email check froze every request.
    expect({ small: small < Math.max(...baseline) + 1500, large: large < Math.max(...baseline) + 5000, measured: { small, large } }).toEqual({ small: true, large: true, measured: { small, large } });
  });

  it('checks email addresses in linear time, as the old pattern did in what it accepted', () => {
    const OLD = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
    for (const value of ['a@b.co', 'a@b', 'a@.co', 'a@b.', '@b.co', 'a b@c.de', 'a@@b.co', 'a@b@c.de', 'x.y@sub.example.com', 'a@b..c', 'a@.b.c']) {
      expect([value, isEmailAddress(value)]).toEqual([value, OLD.test(value)]);
    }
    const hostile = `a@${'a'.repeat(200_000)}`;
    const started = performance.now();
    expect(isEmailAddress(hostile)).toBe(false);
    expect(isEmailAddress(`a@${'.'.repeat(200)}`)).toBe(OLD.test(`a@${'.'.repeat(200)}`));
    expect(performance.now() - started).toBeLessThan(50);
  });
});

/** The probes' variables with every `xxx` (the 3-character value `build(3)` writes) replaced by `text`, at any depth. */
function replacingProbeText(value: unknown, text: string): unknown {
  if (typeof value === 'string') return value.replace(/^xxx$/, text);
  if (Array.isArray(value)) return value.map((item) => replacingProbeText(item, text));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replacingProbeText(v, text)]));
  return value;
}
