import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../core/relay';

@Entity('organizations')
@ObjectType('Organization', {
  implements: Node,
  description: 'A parent account over many teams. The organization owns policy; its teams own execution.',
})
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  @Field({ description: 'URL-safe unique handle (lowercase letters, digits, hyphens; 3–40 characters).' })
  slug!: string;

  @Column('text')
  @Field({ description: 'Display name.' })
  name!: string;

  @Column('uuid', { name: 'root_team_id', nullable: true })
  rootTeamId!: string | null;

  /** Months raw usage and request records are kept (src/retention); shown to ADMINs by the retention resolver. */
  @Column('integer', { name: 'raw_retention_months', default: 13 })
  rawRetentionMonths!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field({ description: 'When the organization was created.' })
  createdAt!: Date;
}
