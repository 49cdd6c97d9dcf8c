import { Field, InputType } from 'type-graphql';
import { Connection } from '../core/relay';
import { ModelEndpoint, Product } from './modelEndpoint.entity';

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
