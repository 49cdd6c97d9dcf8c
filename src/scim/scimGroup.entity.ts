import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../core/relay';
import { TeamRole } from '../teams/teamMembership.entity';

/** A group pushed by the organization's identity provider, and the team (with a role) it is mapped to. */
@Entity('scim_groups')
@ObjectType('ScimGroup', { implements: Node, description: 'A group provisioned over SCIM. Once an organization admin maps it to a team, its members are that team’s members with the mapped role.' })
export class ScimGroup {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'display_name' })
  @Field({ description: 'The group’s name at the identity provider.' })
  displayName!: string;

  @Column('text', { name: 'external_id', nullable: true })
  @Field(() => String, { nullable: true, description: 'The identity provider’s own id of the group, if it sent one.' })
  externalId!: string | null;

  @Column('uuid', { name: 'team_id', nullable: true })
  teamId!: string | null;

  @Column('text', { name: 'team_role', nullable: true })
  @Field(() => TeamRole, { nullable: true, description: 'The team role the group’s members get; null while unmapped.' })
  teamRole!: TeamRole | null;

  @Column('boolean', { name: 'team_created_by_group' })
  @Field({ description: 'The team was created from this group (renaming the group renames the team).' })
  teamCreatedByGroup!: boolean;

  @Column('integer')
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field({ description: 'When the identity provider created the group.' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'last_synced_at' })
  @Field({ description: 'Last SCIM change to the group or its members.' })
  lastSyncedAt!: Date;
}
