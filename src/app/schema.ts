import 'reflect-metadata';
import { defaultFieldResolver, getNamedType, isObjectType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { VISIBILITY_GATES } from '../authz/access';
import { allResolvers } from '../registry';
import { annotateStringLimits } from '../core/inputLimits';
import type { AppContext } from './context';

let built: GraphQLSchema | null = null;

/** The GraphQL schema, built once per process from the type-graphql decorators. */
export function buildOrgraphSchema(): GraphQLSchema {
  // Every string argument and input field gets its maximum length (src/core/inputLimits.ts), shown in its description.
  built ??= annotateStringLimits(describeRootsAndInputs(gateObjectFields(buildSchemaSync({ resolvers: allResolvers, validate: false }))));
  return built;
}

/**
 * Descriptions type-graphql cannot take from decorators: the root types, and each mutation's single `input`
 * argument, which says what its input object type says (one input per mutation, so the two say the same). The
 * schema linter (test/schemaLint.test.ts) holds every other description to zero findings.
 */
function describeRootsAndInputs(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description ??= 'Reads: start from `viewer`, an organization by slug, a team by username, or any object by `node(id:)`.';
  if (mutation) mutation.description ??= 'Changes: each takes one `input` and returns a payload with the changed object and `userErrors`. Every change is audited.';
  for (const root of [query, mutation]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      for (const argument of field.args) {
        if (argument.name === 'input' && !argument.description) argument.description = getNamedType(argument.type).description ?? `The input of \`${field.name}\`.`;
      }
    }
  }
  return schema;
}

/**
 * Puts the visibility check of `VISIBILITY_GATES` in front of every non-identity field of those types, whatever
 * module declares the field, so that no field resolver has to trust how its root object was reached.
 */
function gateObjectFields(schema: GraphQLSchema): GraphQLSchema {
  for (const [typeName, gate] of Object.entries(VISIBILITY_GATES)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`VISIBILITY_GATES names ${typeName}, which is not an object type of the schema`);
    const fields = type.getFields();
    for (const name of gate.identityFields) {
      if (!fields[name]) throw new Error(`VISIBILITY_GATES lists ${typeName}.${name}, which the schema does not have`);
    }
    for (const field of Object.values(fields)) {
      if (gate.identityFields.includes(field.name)) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = async (source, args, context: AppContext, info) => {
        await gate.require(context.access, source);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

/** The printed SDL committed as `schema/schema.graphql` (sorted, so the diff of a change is readable). */
export function printOrgraphSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildOrgraphSchema()))}\n`;
}
