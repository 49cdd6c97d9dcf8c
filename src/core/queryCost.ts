import {
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  Kind,
  valueFromASTUntyped,
  type ArgumentNode,
  type FragmentDefinitionNode,
  type NamedTypeNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from './relay';
import type { GraphQLNamedType } from 'graphql';

/**
 * The cost of one operation as the rate limiter charges it. Unlike graphql-armor's validation-time cost (which sees
 * only literal `first:` values and is cached per document by Apollo), this runs per request on the operation that
 * will actually execute, with its variables, so `first: $n` costs what `$n` says.
 *
 * Model: every field that returns an object (or list of objects) costs 1 plus its sub-selection, times how many
 * objects it returns; scalars are free. How many:
 * - a field taking `first`/`last`: that page size, and the default page size when omitted (an omitted `first` is
 *   not a free page: the resolver still returns DEFAULT_PAGE_SIZE items);
 * - a field declaring a `cost.multiplier` (see FieldCost): what it computes from the arguments (one per check of
 *   `checkModelAccess`, buckets × groups of a usage report);
 * - any other list: its declared `cost.listSize` (field first, then the item type), else DEFAULT_LIST_SIZE;
 * - anything else: 1.
 * Each root mutation field costs an extra MUTATION_COST because writes hold transactions and write audit rows;
 * introspection (`__schema`, `__type`) costs a flat INTROSPECTION_COST. Every operation costs at least 1.
 */
export const MUTATION_COST = 10;
export const INTROSPECTION_COST = 10;
/** Page sizes above this are rejected by pagination anyway; charging beyond it would only punish a typo. */
const MAX_CHARGED_PAGE = 100;
/** What an unpaginated list is assumed to return when it declares nothing: a default page's worth. */
export const DEFAULT_LIST_SIZE = DEFAULT_PAGE_SIZE;

/**
 * How a field tells the cost model what it returns, as GraphQL extensions (`@Extensions({ cost: { ... } })` in
 * type-graphql, on a field or on an object type for every list of it).
 */
export interface FieldCost {
  /** Items an unpaginated list returns: its enforced maximum where there is one, else what it typically holds. */
  listSize?: number;
  /** Objects the field returns, computed from its arguments (variables substituted); replaces listSize. */
  multiplier?: (args: Record<string, unknown>) => number;
}

export function fieldCost(extensions: Readonly<Record<string, unknown>> | null | undefined): FieldCost | undefined {
  return (extensions?.cost as FieldCost | undefined) ?? undefined;
}

export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> | undefined,
): number {
  const rootType =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!rootType) return 1;
  const known = costsByOperation.get(operation);
  if (known && known.schema === schema) return known.cost;
  const perRootField = operation.operation === 'mutation' ? MUTATION_COST : 0;
  const walk: Walk = { schema, fragments, variables: variables ?? {}, visitingFragments: new Set(), readVariables: false };
  const cost = Math.max(1, Math.ceil(selectionSetCost(walk, operation.selectionSet, rootType, perRootField)));
  if (!walk.readVariables) costsByOperation.set(operation, { schema, cost });
  return cost;
}

/**
 * Costs that no variable entered, per operation node (Apollo hands back the same parsed document for every request
 * of the same query): those are fixed by the document, and the walk need not run again. An operation whose cost
 * read a variable (`first: $n`) is costed on every request, with that request's variables.
 */
const costsByOperation = new WeakMap<OperationDefinitionNode, { schema: GraphQLSchema; cost: number }>();

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  visitingFragments: Set<string>;
  /** Whether any argument the cost depended on held a variable. */
  readVariables: boolean;
}

/** An argument value with a variable anywhere in it (`$n`, `[$a]`, `{ first: $n }`). */
function holdsVariable(node: ValueNode): boolean {
  if (node.kind === Kind.VARIABLE) return true;
  if (node.kind === Kind.LIST) return node.values.some(holdsVariable);
  if (node.kind === Kind.OBJECT) return node.fields.some((field) => holdsVariable(field.value));
  return false;
}

function selectionSetCost(walk: Walk, selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, perField: number): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name === '__schema' || name === '__type') {
        total += INTROSPECTION_COST;
        continue;
      }
      if (name === '__typename') continue;
      const field = fieldOf(parentType, name);
      if (!field) continue; // validation already rejected unknown fields; nothing to charge
      total += perField;
      const namedType = getNamedType(field.type);
      if (!selection.selectionSet || !isCompositeType(namedType)) continue;
      const children = selectionSetCost(walk, selection.selectionSet, namedType, 0);
      total += (1 + children) * multiplierOf(walk, field, namedType, selection.arguments ?? []);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      total += selectionSetCost(walk, selection.selectionSet, conditionType(walk, selection.typeCondition, parentType), perField);
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments[name];
      // Validation rejects cycles; the guard only keeps a malformed document from recursing forever.
      if (!fragment || walk.visitingFragments.has(name)) continue;
      walk.visitingFragments.add(name);
      total += selectionSetCost(walk, fragment.selectionSet, conditionType(walk, fragment.typeCondition, parentType), perField);
      walk.visitingFragments.delete(name);
    }
  }
  return total;
}

function fieldOf(type: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  // Unions have no fields of their own; selections on them come through fragments.
  return 'getFields' in type ? type.getFields()[name] : undefined;
}

/** Fragments on a sub-type (`... on Team`) select that sub-type's fields. */
function conditionType(walk: Walk, condition: NamedTypeNode | undefined, parentType: GraphQLCompositeType): GraphQLCompositeType {
  const type = condition ? walk.schema.getType(condition.name.value) : undefined;
  return type && isCompositeType(type) ? type : parentType;
}

function multiplierOf(walk: Walk, field: GraphQLField<unknown, unknown>, namedType: GraphQLNamedType, args: ReadonlyArray<ArgumentNode>): number {
  const paged = field.args.some((arg) => arg.name === 'first' || arg.name === 'last');
  if (paged) return pageSizeOf(args, walk);
  const declared = fieldCost(field.extensions);
  if (declared?.multiplier) {
    if (args.some((arg) => holdsVariable(arg.value))) walk.readVariables = true;
    const values = Object.fromEntries(args.map((arg) => [arg.name.value, valueFromASTUntyped(arg.value, walk.variables)]));
    const computed = declared.multiplier(values);
    return Number.isFinite(computed) ? Math.max(1, computed) : 1;
  }
  if (!isListField(field)) return 1;
  return declared?.listSize ?? fieldCost(namedType.extensions)?.listSize ?? DEFAULT_LIST_SIZE;
}

function isListField(field: GraphQLField<unknown, unknown>): boolean {
  const type = isNonNullType(field.type) ? field.type.ofType : field.type;
  return isListType(type);
}

function pageSizeOf(args: ReadonlyArray<ArgumentNode>, walk: Walk) {
  const first = args.find((arg) => arg.name.value === 'first' || arg.name.value === 'last');
  if (first && holdsVariable(first.value)) walk.readVariables = true;
  // Omitted (or null): the resolver serves a default page, so that is what is charged.
  const value = first ? valueFromASTUntyped(first.value, walk.variables) : DEFAULT_PAGE_SIZE;
  const size = typeof value === 'number' && Number.isFinite(value) ? value : DEFAULT_PAGE_SIZE;
  return Math.min(MAX_CHARGED_PAGE, Math.max(1, Math.floor(size)));
}
