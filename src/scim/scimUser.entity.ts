import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../core/relay';

/** A person the organization's identity provider manages; the row outlives deactivation. */
@Entity('scim_users')
@ObjectType('ScimUser', { implements: Node, description: 'A person provisioned over SCIM, active or deactivated (deactivated people are not members until reactivated).' })
export class ScimUser {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text', { name: 'external_id', nullable: true })
  @Field(() => String, { nullable: true, description: 'The identity provider’s own id of the person, if it sent one.' })
  externalId!: string | null;

  @Column('text', { name: 'given_name', nullable: true })
  givenName!: string | null;

  @Column('text', { name: 'family_name', nullable: true })
  familyName!: string | null;

  @Column('text', { name: 'display_name', nullable: true })
  displayName!: string | null;

  @Column('boolean')
  @Field({ description: 'False once the identity provider deactivated the person (memberships, sessions and owned keys ended).' })
  active!: boolean;

  @Column('text', { name: 'suspended_role', nullable: true })
  suspendedRole!: string | null;

  @Column('integer')
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field({ description: 'When the identity provider created (or adopted) the person.' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'last_synced_at' })
  @Field({ description: 'Last SCIM change to the person.' })
  lastSyncedAt!: Date;
}
