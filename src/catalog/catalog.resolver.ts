import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { toGlobalId } from '../core/relay';
import { mutationPayload } from '../core/mutation';
import type { AppContext } from '../app/context';
import { DecimalScalar } from '../core/scalars';
import { ModelEndpoint } from './modelEndpoint.entity';
import { ModelPrice } from './modelPrice.entity';
import {
  AddModelPriceInput,
  ModelEndpointConnection,
  ModelEndpointFilter,
  ModelEndpointPayload,
  ModelPricePayload,
  UpsertModelEndpointInput,
} from './catalog.types';

@Resolver(() => ModelEndpoint)
export class CatalogResolver {
  @Query(() => ModelEndpointConnection, { description: 'The platform’s model catalog, ordered by endpoint id.' })
  modelEndpoints(
    @Arg('filter', () => ModelEndpointFilter, { nullable: true, description: 'Optional filters.' }) filter: ModelEndpointFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last item of the previous page.' }) after: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<ModelEndpointConnection> {
    if (ctx.actor.kind !== 'OPERATOR') ctx.access.requireCustomer();
    return ctx.services.catalog.connection(filter, { first, after });
  }

  @FieldResolver(() => ID, { description: 'Opaque global identifier of this object (`endpointId` is the readable key).' })
  id(@Root() endpoint: ModelEndpoint): string {
    return toGlobalId('ModelEndpoint', endpoint.endpointId);
  }

  @FieldResolver(() => [ModelPrice], { description: 'Every price version of this endpoint, oldest first.' })
  priceHistory(@Root() endpoint: ModelEndpoint, @Ctx() ctx: AppContext): Promise<ModelPrice[]> {
    return ctx.loaders.pricesByEndpoint.load(endpoint.endpointId);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'The unit price in effect now (USD).' })
  async currentUnitPrice(@Root() endpoint: ModelEndpoint, @Ctx() ctx: AppContext): Promise<string | null> {
    const prices = await ctx.loaders.pricesByEndpoint.load(endpoint.endpointId);
    const now = Date.now();
    return prices.filter((price) => price.effectiveFrom.getTime() <= now).at(-1)?.unitPrice ?? null;
  }

  @Mutation(() => ModelEndpointPayload, { description: 'Create or update a catalog endpoint (operator credential). Audited.' })
  upsertModelEndpoint(
    @Arg('input', () => UpsertModelEndpointInput) input: UpsertModelEndpointInput,
    @Ctx() ctx: AppContext,
  ): Promise<ModelEndpointPayload> {
    ctx.access.requireOperator();
    return mutationPayload(async () => ({ endpoint: await ctx.services.catalog.upsertEndpoint(ctx.caller, input) }));
  }

  @Mutation(() => ModelPricePayload, { description: 'Add a price version to a catalog endpoint (operator credential). Audited.' })
  addModelPrice(@Arg('input', () => AddModelPriceInput) input: AddModelPriceInput, @Ctx() ctx: AppContext): Promise<ModelPricePayload> {
    ctx.access.requireOperator();
    return mutationPayload(async () => ({
      price: await ctx.services.catalog.addPrice(ctx.caller, { ...input, currency: input.currency ?? 'USD' }),
    }));
  }
}
