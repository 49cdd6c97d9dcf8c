import {
  getNamedType,
  isCompositeType,
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
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from './relay';

/**
 * The cost of one operation as the rate limiter charges it. Unlike graphql-armor's validation-time cost (which sees
 * only literal `first:` values and is cached per document by Apollo), this runs per request on the operation that
 * will actually execute, with its variables, so `first: $n` costs what `$n` says.
 *
 * Model: every field that returns an object (or list of objects) costs 1; scalars are free; a field taking `first`
 * multiplies the cost of its sub-selection by that page size (default page size when omitted, at least 1);
 * each root mutation field costs an extra MUTATION_COST because writes hold transactions and write audit rows;
 * introspection (`__schema`, `__type`) costs a flat INTROSPECTION_COST. Every operation costs at least 1.
 */
export const MUTATION_COST = 10;
export const INTROSPECTION_COST = 10;
/** Page sizes above this are rejected by pagination anyway; charging beyond it would only punish a typo. */
const MAX_CHARGED_PAGE = 100;

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
  const perRootField = operation.operation === 'mutation' ? MUTATION_COST : 0;
  const walk: Walk = { schema, fragments, variables: variables ?? {}, visitingFragments: new Set() };
  const cost = selectionSetCost(walk, operation.selectionSet, rootType, perRootField);
  return Math.max(1, Math.ceil(cost));
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  visitingFragments: Set<string>;
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
      total += (1 + children) * pageSizeOf(selection.arguments ?? [], walk.variables);
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

function pageSizeOf(args: ReadonlyArray<ArgumentNode>, variables: Record<string, unknown>) {
  const first = args.find((arg) => arg.name.value === 'first' || arg.name.value === 'last');
  if (!first) return 1;
  const value = valueFromASTUntyped(first.value, variables);
  const size = typeof value === 'number' && Number.isFinite(value) ? value : DEFAULT_PAGE_SIZE;
  return Math.min(MAX_CHARGED_PAGE, Math.max(1, Math.floor(size)));
}
