import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../core/scalars';

/** One price version of an endpoint: valid from `effectiveFrom` until the next version. */
@Entity('model_prices')
@ObjectType('ModelPrice', { description: 'A price of a catalog endpoint, valid from `effectiveFrom` until the next one.' })
export class ModelPrice {
  @PrimaryColumn('text', { name: 'endpoint_id' })
  endpointId!: string;

  @PrimaryColumn('timestamptz', { name: 'effective_from' })
  @Field(() => Date, { description: 'First instant this price applies to.' })
  effectiveFrom!: Date;

  @Column('numeric', { name: 'unit_price' })
  @Field(() => DecimalScalar, { description: 'Price per unit.' })
  unitPrice!: string;

  @Column('text')
  @Field(() => String, { description: 'ISO 4217 currency code (USD).' })
  currency!: string;
}
