import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../core/relay';
import { ModelAccessEffect, ModelSurface } from './policy.enums';

/** A model access rule of an organization (teamId null) or of one of its teams. */
@Entity('model_access_rules')
@ObjectType('ModelAccessRule', {
  implements: Node,
  description: 'A rule `pattern -> ALLOWED | BLOCKED` for one surface, set by an organization or one of its teams.',
})
export class ModelAccessRule {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('uuid', { name: 'team_id', nullable: true })
  teamId!: string | null;

  @Column('text')
  @Field(() => ModelSurface, { description: 'The surface the rule applies to.' })
  surface!: ModelSurface;

  @Column('text')
  @Field(() => String, { description: 'An exact endpoint id (`fal-ai/flux/dev`) or a prefix glob (`fal-ai/flux/*`, `*`).' })
  pattern!: string;

  @Column('text')
  @Field(() => ModelAccessEffect, { description: 'What the rule does to matching endpoints.' })
  effect!: ModelAccessEffect;

  @Column('boolean')
  @Field(() => Boolean, { description: 'Locked organization rules decide before any team rule (only organization rules can be locked).' })
  locked!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => Date, { description: 'When the rule was created.' })
  createdAt!: Date;

}
