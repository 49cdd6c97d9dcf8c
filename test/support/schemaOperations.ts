import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Builds GraphQL documents straight from the schema, so tests that must cover "every operation" (fuzzing,
 * isolation probes) pick up operations added by new modules without being edited.
 */

export interface RootOperation {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

export function rootOperations(schema: GraphQLSchema): RootOperation[] {
  const query = Object.values(schema.getQueryType()?.getFields() ?? {}).map((field) => ({ kind: 'query' as const, field }));
  const mutation = Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => ({ kind: 'mutation' as const, field }));
  return [...query, ...mutation];
}

/**
 * A selection set for `type`: its scalar fields that take no required arguments, plus (down to `depth`) its object
 * fields. Abstract types select `__typename` and `id` through `... on Node` when they implement it.
 */
export function selectionFor(schema: GraphQLSchema, type: GraphQLNamedType, depth = 1): string {
  if (isLeafType(type)) return '';
  if (isAbstractType(type)) {
    const node = schema.getType('Node');
    const implementsNode = node && schema.getPossibleTypes(type).every((t) => t.getInterfaces().some((i) => i.name === 'Node'));
    return implementsNode ? '{ __typename ... on Node { id } }' : '{ __typename }';
  }
  if (!isObjectType(type)) return '{ __typename }';
  const parts: string[] = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (depth > 0) parts.push(`${field.name} ${selectionFor(schema, named, depth - 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/** `query Probe($a: T!, …) { field(a: $a, …) { … } }` with every argument passed as a variable. */
export function documentFor(schema: GraphQLSchema, op: RootOperation, depth = 1, name = 'Probe'): string {
  const args = op.field.args;
  const declarations = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const call = args.length ? `(${args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : '';
  return `${op.kind} ${name}${declarations ? `(${declarations})` : ''} { ${op.field.name}${call} ${selectionFor(schema, getNamedType(op.field.type), depth)} }`;
}

/** Object fields (not root fields) that take arguments; they are reached through a path from a root field. */
export function objectFieldsWithArguments(schema: GraphQLSchema): Array<{ type: GraphQLObjectType; field: GraphQLField<unknown, unknown> }> {
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name, schema.getSubscriptionType()?.name]);
  const found: Array<{ type: GraphQLObjectType; field: GraphQLField<unknown, unknown> }> = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || roots.has(type.name)) continue;
    for (const field of Object.values(type.getFields())) if (field.args.length) found.push({ type, field });
  }
  return found;
}

/** Plausible value for an input type: enough to pass variable coercion. `idValue` fills every ID position. */
export function plausibleValue(type: GraphQLInputType, idValue: string, argumentName = ''): unknown {
  if (isNonNullType(type)) return plausibleValue(type.ofType, idValue, argumentName);
  if (isListType(type)) return [plausibleValue(type.ofType, idValue, argumentName)];
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
        .map((field) => [field.name, plausibleValue(field.type, idValue, field.name)]),
    );
  }
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return idValue;
      case 'Int':
        return 1;
      case 'Float':
        return 1.5;
      case 'Boolean':
        return true;
      case 'DateTimeISO':
      case 'DateTime':
        return '2030-01-01T00:00:00.000Z';
      case 'Decimal':
        return '1.00';
      case 'JSON':
      case 'JSONObject':
        return {};
      default:
        return /email/i.test(argumentName) ? 'probe@example.com' : `probe-${argumentName || 'value'}`;
    }
  }
  return null;
}

export function requiredArguments(field: GraphQLField<unknown, unknown>): GraphQLArgument[] {
  return field.args.filter((arg) => isNonNullType(arg.type));
}
