import type { NonEmptyArray } from 'type-graphql';
import { modules } from './app/modules';

/** Every TypeORM entity, from the modules' manifests. */
export const allEntities = modules.flatMap((module) => module.entities ?? []);

/** Every GraphQL resolver, from the modules' manifests. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql takes resolver classes
export const allResolvers = modules.flatMap((module) => module.resolvers ?? []) as NonEmptyArray<Function>;
