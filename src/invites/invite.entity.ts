import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../core/relay';
import { OrganizationRole } from '../organizations/organizationMembership.entity';
import { TeamRole } from '../teams/teamMembership.entity';

export enum InviteStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(InviteStatus, {
  name: 'InviteStatus',
  description: 'Lifecycle of an invite.',
  valuesConfig: {
    PENDING: { description: 'Open: the recipient may accept it until it expires.' },
    ACCEPTED: { description: 'Accepted; the recipient became a member.' },
    REVOKED: { description: 'Withdrawn by an admin; the link no longer works.' },
    EXPIRED: { description: 'Not accepted in time; the link no longer works.' },
  },
});

export interface StoredTeamAssignment {
  teamId: string;
  role: TeamRole;
}

/** An invitation to an organization (optionally with team assignments) or to one team. Only the token's hash is stored. */
@Entity('invites')
@ObjectType('Invite', { implements: Node, description: 'An invitation to join an organization or a team, sent by email.' })
export class Invite {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organization_id', nullable: true })
  organizationId!: string | null;

  @Column('uuid', { name: 'team_id', nullable: true })
  teamId!: string | null;

  @Column('text')
  @Field(() => String, { description: 'The invited email address.' })
  email!: string;

  @Column('text', { name: 'organization_role', nullable: true })
  @Field(() => OrganizationRole, { nullable: true, description: 'Organization role granted on acceptance (organization invites).' })
  organizationRole!: OrganizationRole | null;

  @Column('text', { name: 'team_role', nullable: true })
  @Field(() => TeamRole, { nullable: true, description: 'Team role granted on acceptance (team invites).' })
  teamRole!: TeamRole | null;

  @Column('jsonb', { name: 'team_assignments', default: () => "'[]'::jsonb" })
  teamAssignments!: StoredTeamAssignment[];

  @Column('text', { name: 'token_hash', select: false })
  tokenHash!: string;

  @Column('text')
  status!: InviteStatus;

  @Column('timestamptz', { name: 'expires_at' })
  @Field(() => Date, { description: 'When the invite link stops working.' })
  expiresAt!: Date;

  @Column('uuid', { name: 'invited_by_user_id', nullable: true })
  invitedByUserId!: string | null;

  @Column('uuid', { name: 'accepted_by_user_id', nullable: true })
  acceptedByUserId!: string | null;

  @Column('timestamptz', { name: 'accepted_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the invite was accepted.' })
  acceptedAt!: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the invite was revoked.' })
  revokedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => Date, { description: 'When the invite was created.' })
  createdAt!: Date;
}

/** PENDING invites past their expiry read as EXPIRED everywhere, whether or not a write has caught up yet. */
export function effectiveInviteStatus(invite: Pick<Invite, 'status' | 'expiresAt'>, now = Date.now()): InviteStatus {
  return invite.status === InviteStatus.PENDING && invite.expiresAt.getTime() <= now ? InviteStatus.EXPIRED : invite.status;
}
