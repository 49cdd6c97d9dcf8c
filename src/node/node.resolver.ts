import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../app/context';
import { Node, fromGlobalId } from '../core/relay';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Fetch any object by its global id; null when it does not exist or is not visible to you.',
  })
  async node(@Arg('id', () => ID, { description: 'A global id from any `id` field.' }) id: string, @Ctx() ctx: AppContext) {
    ctx.access.requireCustomer();
    const decoded = fromGlobalId(id);
    const fetch = decoded && Object.hasOwn(ctx.nodeFetchers, decoded.typeName) ? ctx.nodeFetchers[decoded.typeName] : undefined;
    return decoded && fetch ? fetch(ctx, decoded.localId) : null;
  }
}
