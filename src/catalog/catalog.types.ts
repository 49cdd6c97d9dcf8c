import { Field, InputType, ObjectType } from 'type-graphql';
import { Connection, UserError } from '../core/relay';
import { DecimalScalar } from '../core/scalars';
import { ModelEndpoint, Product } from './modelEndpoint.entity';
import { ModelPrice } from './modelPrice.entity';

export const ModelEndpointConnection = Connection(ModelEndpoint, 'ModelEndpoint', 'A page of catalog endpoints, by endpoint id.');
export type ModelEndpointConnection = InstanceType<typeof ModelEndpointConnection>;

@InputType({ description: 'Narrow the catalog listing.' })
export class ModelEndpointFilter {
  @Field(() => Product, { nullable: true, description: 'Only endpoints of this product line.' })
  product?: Product | null;

  @Field(() => Boolean, { nullable: true, description: 'Only endpoints with this enterprise-ready flag.' })
  enterpriseReady?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only endpoints whose id starts with this prefix, e.g. `fal-ai/flux`.' })
  endpointIdPrefix?: string | null;
}

@InputType({ description: 'Create or update a catalog endpoint (platform operators).' })
export class UpsertModelEndpointInput {
  @Field(() => String, { description: 'Endpoint id, e.g. `fal-ai/flux/dev` (lowercase letters, digits, `.`, `_`, `-`, `/`).' })
  endpointId!: string;

  @Field(() => String, { description: 'Human-readable name, 1–200 characters.' })
  displayName!: string;

  @Field(() => Product, { description: 'Product line the endpoint is billed under.' })
  product!: Product;

  @Field(() => String, { description: 'Billing unit, e.g. `megapixel`, `second`, `gpu_hour`.' })
  unit!: string;

  @Field(() => Boolean, { description: 'Vetted for enterprise use (allowed by default under the ENTERPRISE_READY mode).' })
  enterpriseReady!: boolean;
}

@InputType({ description: 'Add a price version to a catalog endpoint (platform operators). Prices are never edited in place.' })
export class AddModelPriceInput {
  @Field(() => String, { description: 'The catalog endpoint id.' })
  endpointId!: string;

  @Field(() => Date, { description: 'First instant the price applies to; it applies until the next version.' })
  effectiveFrom!: Date;

  @Field(() => DecimalScalar, { description: 'Price per unit, a non-negative decimal string.' })
  unitPrice!: string;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency code (default USD).' })
  currency?: string | null;
}

@ObjectType({ description: 'Result of a catalog endpoint mutation.' })
export class ModelEndpointPayload {
  @Field(() => ModelEndpoint, { nullable: true, description: 'The endpoint after the change.' })
  endpoint?: ModelEndpoint | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of adding a price version.' })
export class ModelPricePayload {
  @Field(() => ModelPrice, { nullable: true, description: 'The new price version.' })
  price?: ModelPrice | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}
