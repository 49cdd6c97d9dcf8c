import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { registerEnumType } from 'type-graphql';

export enum TeamRole {
  ADMIN = 'ADMIN',
  DEVELOPER = 'DEVELOPER',
  BILLING = 'BILLING',
}
registerEnumType(TeamRole, {
  name: 'TeamRole',
  description: 'A person’s role in a team.',
  valuesConfig: {
    ADMIN: { description: 'Manages the team: members, keys, secrets, settings.' },
    DEVELOPER: { description: 'Uses the team: calls models, deploys apps, sees requests as policy allows.' },
    BILLING: { description: 'Sees the team’s usage and invoices.' },
  },
});

@Entity('team_memberships')
export class TeamMembership {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'team_id' })
  teamId!: string;

  @Column('uuid', { name: 'organization_id', nullable: true })
  organizationId!: string | null;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text')
  role!: TeamRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
