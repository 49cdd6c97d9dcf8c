import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../core/relay';

export enum TeamKind {
  ROOT = 'ROOT',
  TEAM = 'TEAM',
  PERSONAL = 'PERSONAL',
}
registerEnumType(TeamKind, {
  name: 'TeamKind',
  description: 'What a team is for.',
  valuesConfig: {
    ROOT: { description: 'The organization’s own account; ADMIN keys on it are organization admin keys.' },
    TEAM: { description: 'A team (project) inside an organization, or a standalone team.' },
    PERSONAL: { description: 'A user’s personal account.' },
  },
});

@Entity('teams')
@ObjectType('Team', {
  implements: Node,
  description:
    'One unit of execution context (what other platforms call a project): its own API keys, secrets, apps, billing and members.',
})
export class Team {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organization_id', nullable: true })
  organizationId!: string | null;

  @Column('text')
  @Field(() => TeamKind, { description: 'Root team, regular team or personal account.' })
  kind!: TeamKind;

  @Column('text')
  @Field({
    description:
      'Platform-wide unique handle and the attribution key in usage: 3–39 characters of lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen.',
  })
  username!: string;

  @Column('text')
  @Field({ description: 'Display name.' })
  name!: string;

  @Column('uuid', { name: 'personal_owner_id', nullable: true })
  personalOwnerId!: string | null;

  @Column('timestamptz', { name: 'archived_at', nullable: true })
  @Field(() => Date, {
    nullable: true,
    description: 'When the team was archived. Archived teams are locked: keys stop working, models are denied; history stays.',
  })
  archivedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field({ description: 'When the team was created.' })
  createdAt!: Date;
}
