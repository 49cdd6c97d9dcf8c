import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  TypeInfo,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isScalarType,
  visit,
  visitWithTypeInfo,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { unstorableIn, unstorableText } from './nul';

/**
 * Maximum length of every string the schema accepts (issue 16: one 30,000-character email froze the server).
 *
 * Every argument and input field whose type is a string-valued scalar (String, ID and the custom scalars, which all
 * arrive as strings) gets `DEFAULT_STRING_MAX` unless listed below by schema coordinate (`Type.field` for input
 * fields, `Type.field(arg)` for arguments). New fields are covered by the default without anyone listing them.
 * Limits count UTF-16 code units (JavaScript `length`), apply to each element of a list, and are checked on the
 * operation (literals and variables) before any variable is coerced, any scalar parsed or any resolver runs.
 */
export const DEFAULT_STRING_MAX = 1000;

export const STRING_LIMITS: Readonly<Record<string, number>> = {
  // Request payloads: the service then enforces REQUEST_PAYLOAD_MAX_BYTES; the HTTP body limit (2 MB) bounds both.
  'RequestRecordInput.input': 2_000_000,
  'RequestRecordInput.output': 2_000_000,
  // Secret values (certificates, service-account JSON) may be long.
  'SetTeamSecretInput.value': 16_384,
  // URLs and provider credentials.
  'CreateSpendingAlertInput.webhookUrl': 2000,
  'SetSsoConnectionInput.issuer': 2000,
  'SetSsoConnectionInput.clientSecret': 2000,
  // Email fields keep the default: their services refuse more than 254 characters (RFC 5321) as a field-level
  // INVALID user error, after this bound, with the linear check of src/core/email.ts.
};

const NON_STRING_SCALARS = new Set(['Int', 'Float', 'Boolean']);

/** The limit of one argument or input field, or null when it does not take strings. */
function limitOf(coordinate: string, type: GraphQLInputType): number | null {
  const named = getNamedType(type);
  if (!isScalarType(named) || NON_STRING_SCALARS.has(named.name)) return null;
  return STRING_LIMITS[coordinate] ?? DEFAULT_STRING_MAX;
}

export interface StringInput {
  coordinate: string;
  max: number;
}

/** Every string-taking argument and input field of the schema with its limit (the tests enumerate from this too). */
export function stringInputs(schema: GraphQLSchema): Array<StringInput & { target: GraphQLArgument | GraphQLInputField }> {
  const found: Array<StringInput & { target: GraphQLArgument | GraphQLInputField }> = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        const max = limitOf(`${type.name}.${field.name}`, field.type);
        if (max !== null) found.push({ coordinate: `${type.name}.${field.name}`, max, target: field });
      }
    }
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) {
          const coordinate = `${type.name}.${field.name}(${arg.name})`;
          const max = limitOf(coordinate, arg.type);
          if (max !== null) found.push({ coordinate, max, target: arg });
        }
      }
    }
  }
  return found;
}

/** Writes each limit into the description, so clients (and the committed SDL) see it. Fails on a stale listing. */
export function annotateStringLimits(schema: GraphQLSchema): GraphQLSchema {
  const inputs = stringInputs(schema);
  const known = new Set(inputs.map((input) => input.coordinate));
  const stale = Object.keys(STRING_LIMITS).filter((coordinate) => !known.has(coordinate));
  if (stale.length) throw new Error(`STRING_LIMITS names coordinates the schema does not have: ${stale.join(', ')}`);
  for (const { target, max } of inputs) {
    const note = `Maximum length: ${max} characters.`;
    if (!target.description?.includes(note)) target.description = `${target.description ? `${target.description.trimEnd()} ` : ''}${note}`;
  }
  return schema;
}

/**
 * U+0000 (red-team D4: PostgreSQL refuses it, so it used to end as a 500) or half a UTF-16 character (stored as U+FFFD,
 * or refused by PostgreSQL's JSON) anywhere in a string input.
 */
function unstorable(coordinate: string, reason: string): GraphQLError {
  return new GraphQLError(`${coordinate} contains ${reason}, which is not allowed.`, {
    extensions: { code: 'BAD_USER_INPUT', argument: coordinate, http: { status: 400 } },
  });
}

function tooLong(coordinate: string, max: number): GraphQLError {
  return new GraphQLError(`${coordinate} is longer than its maximum of ${max} characters.`, {
    extensions: { code: 'BAD_USER_INPUT', argument: coordinate, http: { status: 400 } },
  });
}

/** A variable's value (JSON) along an input type. */
function checkValue(value: unknown, type: GraphQLInputType, coordinate: string): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType<GraphQLInputType>(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) for (const item of value) checkValue(item, nullable.ofType, coordinate);
    else checkValue(value, nullable.ofType, coordinate);
    return;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== 'object') return;
    const fields = nullable.getFields();
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      if (field) checkValue(item, field.type, `${nullable.name}.${field.name}`);
    }
    return;
  }
  const max = limitOf(coordinate, nullable);
  if (max !== null && typeof value === 'string' && value.length > max) throw tooLong(coordinate, max);
  // Strings, and those inside JSON-valued scalars, whatever their type.
  const reason = unstorableIn(value);
  if (reason) throw unstorable(coordinate, reason);
}

/** Any string or field name inside a constant literal (JSON scalar values). */
function checkConstantText(node: ValueNode, coordinate: string): void {
  const reason = node.kind === Kind.STRING ? unstorableText(node.value) : null;
  if (reason) throw unstorable(coordinate, reason);
  if (node.kind === Kind.LIST) for (const item of node.values) checkConstantText(item, coordinate);
  if (node.kind === Kind.OBJECT) {
    for (const field of node.fields) {
      const inName = unstorableText(field.name.value);
      if (inName) throw unstorable(coordinate, inName);
      checkConstantText(field.value, coordinate);
    }
  }
}

/** The request's variables, and the operation's default values for the variables the request leaves out. */
interface OperationVariables {
  values: Record<string, unknown>;
  defaults: ReadonlyMap<string, ValueNode>;
}

/** A literal (or a variable in it) along an input type. */
function checkLiteral(node: ValueNode, type: GraphQLInputType, coordinate: string, variables: OperationVariables): void {
  const nullable = getNullableType<GraphQLInputType>(type);
  switch (node.kind) {
    case Kind.VARIABLE: {
      const name = node.name.value;
      if (Object.prototype.hasOwnProperty.call(variables.values, name)) return checkValue(variables.values[name], type, coordinate);
      // Left out, the variable takes its declared default, which graphql-js coerces like any literal (red-team D14:
      // `query($u: String = "<200,000 characters>")` used to pass unchecked). Defaults are constants: no variables.
      const fallback = variables.defaults.get(name);
      if (fallback) checkLiteral(fallback, type, coordinate, { values: {}, defaults: new Map() });
      return;
    }
    case Kind.LIST:
      for (const item of node.values) checkLiteral(item, isListType(nullable) ? nullable.ofType : nullable, coordinate, variables);
      return;
    case Kind.OBJECT: {
      // A JSON-valued scalar written as an object literal: its strings reach the database too.
      if (!isInputObjectType(nullable)) return checkConstantText(node, coordinate);
      const fields = nullable.getFields();
      for (const item of node.fields) {
        const field = fields[item.name.value];
        if (field) checkLiteral(item.value, field.type, `${nullable.name}.${field.name}`, variables);
      }
      return;
    }
    case Kind.STRING: {
      const max = limitOf(coordinate, isListType(nullable) ? nullable.ofType : nullable);
      if (max !== null && node.value.length > max) throw tooLong(coordinate, max);
      const reason = unstorableText(node.value);
      if (reason) throw unstorable(coordinate, reason);
      return;
    }
    default:
      return;
  }
}

/** One argument of the operation with where its limit comes from: the part of the check that is per document. */
interface ArgumentCheck {
  value: ValueNode;
  type: GraphQLInputType;
  coordinate: string;
}

/** The document's arguments, found once per (schema, document, operation): Apollo hands back the same parsed document for every request of the same query. */
const argumentsByDocument = new WeakMap<object, { schema: GraphQLSchema; byOperation: Map<OperationDefinitionNode | null, { checks: ArgumentCheck[]; defaults: Map<string, ValueNode> }> }>();

function argumentChecks(schema: GraphQLSchema, document: Parameters<typeof visit>[0], operation: OperationDefinitionNode | null) {
  let cached = argumentsByDocument.get(document);
  if (!cached || cached.schema !== schema) {
    cached = { schema, byOperation: new Map() };
    argumentsByDocument.set(document, cached);
  }
  let plan = cached.byOperation.get(operation);
  if (plan) return plan;
  const defaults = new Map<string, ValueNode>();
  const operations = operation ? [operation] : ((document as { definitions?: readonly { kind: string }[] }).definitions ?? []).filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  for (const op of operations) for (const definition of op.variableDefinitions ?? []) if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  const checks: ArgumentCheck[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const arg = typeInfo.getArgument();
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!arg || !parent || !field) return;
        checks.push({ value: node.value, type: arg.type, coordinate: `${parent.name}.${field.name}(${arg.name})` });
      },
    }),
  );
  plan = { checks, defaults };
  cached.byOperation.set(operation, plan);
  return plan;
}

/**
 * Every argument of the operation, literal or variable (given, or its default), against its limit: linear in the size
 * of the request. `operation` is the one that runs (its variables' defaults count); without it, every operation's.
 * Finding the arguments (a typed walk of the document) happens once per document; each request only checks them.
 */
export function checkStringLimits(schema: GraphQLSchema, document: Parameters<typeof visit>[0], values: Record<string, unknown>, operation?: OperationDefinitionNode | null): void {
  const { checks, defaults } = argumentChecks(schema, document, operation ?? null);
  if (checks.length === 0) return;
  const variables: OperationVariables = { values, defaults };
  for (const check of checks) checkLiteral(check.value, check.type, check.coordinate, variables);
}

/** Apollo plugin: runs after the document validated, before variables are coerced and anything executes. */
export function stringLimitsPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operation }) {
          checkStringLimits(schema, document, request.variables ?? {}, operation);
        },
      };
    },
  };
}
