import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../core/relay';

/** A team environment secret. The value is AES-256-GCM encrypted at rest and is never returned by the API. */
@Entity('team_secrets')
@ObjectType('TeamSecret', { implements: Node, description: 'A team environment secret: its name and timestamps (the value is write-only).' })
export class TeamSecret {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'team_id' })
  teamId!: string;

  @Column('text')
  @Field(() => String, { description: 'Environment variable name: uppercase letters, digits and underscores, 1–128 characters.' })
  name!: string;

  @Column('bytea', { select: false })
  ciphertext!: Buffer;

  @Column('bytea', { select: false })
  iv!: Buffer;

  @Column('bytea', { name: 'auth_tag', select: false })
  authTag!: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => Date, { description: 'When the secret was first set.' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  @Field(() => Date, { description: 'When the value was last replaced.' })
  updatedAt!: Date;
}
