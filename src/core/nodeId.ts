import { FieldResolver, ID, Resolver, Root, type ClassType } from 'type-graphql';
import { toGlobalId } from './relay';

/**
 * Base resolver giving a `Node` type its opaque global `id`. Module resolvers extend it:
 * `@Resolver(() => Team) class TeamResolver extends NodeIdResolver(Team, 'Team') { ... }`.
 */
export function NodeIdResolver<T extends { id: string }>(objectType: ClassType<T>, typeName: string) {
  @Resolver(() => objectType)
  abstract class NodeIdResolverBase {
    @FieldResolver(() => ID, { description: 'Opaque global identifier of this object.' })
    id(@Root() object: T): string {
      return toGlobalId(typeName, object.id);
    }
  }
  return NodeIdResolverBase;
}
