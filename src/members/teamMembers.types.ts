import { MaxLength } from 'class-validator';
import { ArgsType, Field, InputType, Int, ObjectType } from 'type-graphql';
import { Connection, Node } from '../core/relay';
import { Invite, InviteStatus } from '../invites/invite.entity';
import { TeamRole } from '../teams/teamMembership.entity';
import { MAX_MEMBER_SEARCH_LENGTH } from './members.types';

/** One person on a team (a row of `team_memberships`); its global id is `TeamMember:<membership id>`. */
@ObjectType('TeamMember', { implements: Node, description: 'A person on a team, with their role there.' })
export class TeamMember {
  id!: string;
  teamId!: string;
  organizationId!: string | null;
  userId!: string;

  @Field(() => TeamRole, { description: 'The person’s role in the team.' })
  role!: TeamRole;

  @Field(() => Date, { description: 'When the person joined the team (or got this membership).' })
  createdAt!: Date;
}

export const TeamMemberConnection = Connection(TeamMember, 'TeamMember', 'A page of a team’s members, oldest first.');
export type TeamMemberConnection = InstanceType<typeof TeamMemberConnection>;

export const InviteConnection = Connection(Invite, 'Invite', 'A page of invites, newest first.');
export type InviteConnection = InstanceType<typeof InviteConnection>;

@InputType({ description: 'Narrows a team’s member list; all given conditions must hold.' })
export class TeamMemberFilterInput {
  @Field(() => TeamRole, { nullable: true, description: 'Only people with this team role.' })
  role?: TeamRole | null;

  @Field(() => String, { nullable: true, description: 'Only people whose name or email contains this text (case-insensitive, at most 100 characters).' })
  @MaxLength(MAX_MEMBER_SEARCH_LENGTH)
  search?: string | null;
}

@ArgsType()
export class TeamMembersArgs {
  @Field(() => TeamMemberFilterInput, { nullable: true, description: 'Filters.' })
  filter?: TeamMemberFilterInput | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  after?: string | null;
}

@ArgsType()
export class TeamInvitesArgs {
  @Field(() => InviteStatus, { nullable: true, description: 'Only invites in this state (PENDING: open and not expired).' })
  status?: InviteStatus | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  after?: string | null;
}
