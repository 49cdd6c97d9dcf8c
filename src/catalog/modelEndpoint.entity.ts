import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../core/relay';

export enum Product {
  MODEL_APIS = 'MODEL_APIS',
  SERVERLESS = 'SERVERLESS',
  COMPUTE = 'COMPUTE',
}
registerEnumType(Product, {
  name: 'Product',
  description: 'The platform’s product lines, as usage and invoices group them.',
  valuesConfig: {
    MODEL_APIS: { description: 'Hosted model endpoints called per request (images, video, audio, LLM).' },
    SERVERLESS: { description: 'A team’s own deployed apps, billed per GPU/CPU second.' },
    COMPUTE: { description: 'Dedicated machines, billed per hour.' },
  },
});

/** A catalog entry: one callable endpoint with its billing unit. Prices live in `model_prices`, versioned. */
@Entity('model_endpoints')
@ObjectType('ModelEndpoint', { implements: Node, description: 'A model endpoint of the platform catalog.' })
export class ModelEndpoint {
  @PrimaryColumn('text', { name: 'endpoint_id' })
  @Field(() => String, { description: 'Endpoint id, e.g. `fal-ai/flux/dev`.' })
  endpointId!: string;

  @Column('text', { name: 'display_name' })
  @Field(() => String, { description: 'Human-readable name.' })
  displayName!: string;

  @Column('text')
  @Field(() => Product, { description: 'Product line the endpoint is billed under.' })
  product!: Product;

  @Column('text')
  @Field(() => String, { description: 'Billing unit, e.g. `image`, `megapixel`, `second`, `1k_tokens`, `gpu_hour`.' })
  unit!: string;

  @Column('boolean', { name: 'enterprise_ready' })
  @Field(() => Boolean, {
    description: 'Vetted for enterprise use; allowed by default under the `ENTERPRISE_READY` model-access mode.',
  })
  enterpriseReady!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => Date, { description: 'When the endpoint was added to the catalog.' })
  createdAt!: Date;
}
