import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { allResolvers } from '../registry';

let built: GraphQLSchema | null = null;

/** The GraphQL schema, built once per process from the type-graphql decorators. */
export function buildOrgraphSchema(): GraphQLSchema {
  built ??= buildSchemaSync({ resolvers: allResolvers, validate: false });
  return built;
}

/** The printed SDL committed as `schema/schema.graphql` (sorted, so the diff of a change is readable). */
export function printOrgraphSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildOrgraphSchema()))}\n`;
}
