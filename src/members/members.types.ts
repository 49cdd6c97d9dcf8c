import { MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, UserError } from '../core/relay';
import { OrganizationRole } from '../organizations/organizationMembership.entity';
import { Organization } from '../organizations/organization.entity';
import { Team } from '../teams/team.entity';
import { TeamRole } from '../teams/teamMembership.entity';
import { User } from '../users/user.entity';
import { Member, MemberStatus } from './member.entity';

/** Longest accepted member search text. */
export const MAX_MEMBER_SEARCH_LENGTH = 100;

export const MemberConnection = Connection(Member, 'Member', 'A page of organization members and open invites.');
export type MemberConnection = InstanceType<typeof MemberConnection>;

@InputType({ description: 'Narrows the members list; all given conditions must hold.' })
export class MemberFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only people on (or invited to) this team (a Team global id).' })
  teamId?: string | null;

  @Field(() => OrganizationRole, { nullable: true, description: 'Only people with this organization role.' })
  role?: OrganizationRole | null;

  @Field(() => MemberStatus, { nullable: true, description: 'Only people with this status.' })
  status?: MemberStatus | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only people whose name or email contains this text (case-insensitive, at most 100 characters; PENDING invites match by email).',
  })
  @MaxLength(MAX_MEMBER_SEARCH_LENGTH)
  search?: string | null;
}

@ArgsType()
export class MembersArgs {
  @Field(() => MemberFilterInput, { nullable: true, description: 'Filters.' })
  filter?: MemberFilterInput | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  after?: string | null;
}

@InputType({ description: 'Change a member’s organization role.' })
export class UpdateMemberRoleInput {
  @Field(() => ID, { description: 'The member’s global id.' })
  memberId!: string;

  @Field(() => OrganizationRole, { description: 'The new role.' })
  role!: OrganizationRole;
}

export enum MemberApiKeysAction {
  REVOKE = 'REVOKE',
  TRANSFER = 'TRANSFER',
}
registerEnumType(MemberApiKeysAction, {
  name: 'MemberApiKeysAction',
  description: 'What happens to the API keys a leaving member created or owns.',
  valuesConfig: {
    REVOKE: { description: 'Revoke them: they stop authenticating at once.' },
    TRANSFER: { description: 'Hand them to `transferToUserId`, who becomes their owner; they keep working.' },
  },
});

@InputType({
  description:
    'The explicit choice for the API keys a leaving member created or owns in the scope they leave (and keys minted with those keys). Required when there are any.',
})
export class MemberApiKeysInput {
  @Field(() => MemberApiKeysAction, { description: 'Revoke the keys, or transfer them.' })
  action!: MemberApiKeysAction;

  @Field(() => ID, {
    nullable: true,
    description: 'For TRANSFER: the new owner (a User global id), a remaining member of each key’s team or an organization ADMIN.',
  })
  transferToUserId?: string | null;
}

@InputType({ description: 'Remove a member from the organization and all its teams.' })
export class RemoveMemberInput {
  @Field(() => ID, { description: 'The member’s global id.' })
  memberId!: string;

  @Field(() => MemberApiKeysInput, {
    nullable: true,
    description: 'What to do with the API keys they created or own in the organization; required when there are any (userError `API_KEYS_DISPOSITION_REQUIRED`).',
  })
  apiKeys?: MemberApiKeysInput | null;
}

@InputType({ description: 'Leave an organization (and all its teams) yourself.' })
export class LeaveOrganizationInput {
  @Field(() => ID, { description: 'The organization’s global id.' })
  organizationId!: string;

  @Field(() => MemberApiKeysInput, {
    nullable: true,
    description: 'What to do with the API keys you created or own in the organization; required when there are any (userError `API_KEYS_DISPOSITION_REQUIRED`).',
  })
  apiKeys?: MemberApiKeysInput | null;
}

@InputType({ description: 'Put an organization member on a team with a role, or change their role there.' })
export class AssignTeamMemberInput {
  @Field(() => ID, { description: 'The team’s global id.' })
  teamId!: string;

  @Field(() => ID, { description: 'The user’s global id; they must be a member of the team’s organization.' })
  userId!: string;

  @Field(() => TeamRole, { description: 'Their role in the team.' })
  role!: TeamRole;
}

@InputType({ description: 'Take a person off a team (they stay in the organization).' })
export class UnassignTeamMemberInput {
  @Field(() => ID, { description: 'The team’s global id.' })
  teamId!: string;

  @Field(() => ID, { description: 'The user’s global id.' })
  userId!: string;

  @Field(() => MemberApiKeysInput, {
    nullable: true,
    description: 'What to do with the API keys they created or own on this team; required when there are any (userError `API_KEYS_DISPOSITION_REQUIRED`).',
  })
  apiKeys?: MemberApiKeysInput | null;
}

@ObjectType({ description: 'Result of a member mutation.' })
export class MemberPayload {
  @Field(() => Member, { nullable: true, description: 'The member after the change.' })
  member?: Member | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of removing a member.' })
export class RemoveMemberPayload {
  @Field(() => ID, { nullable: true, description: 'Global id of the removed member.' })
  removedMemberId?: string | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of leaving an organization.' })
export class LeaveOrganizationPayload {
  @Field(() => Organization, { nullable: true, description: 'The organization you left.' })
  organization?: Organization | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of a team assignment change.' })
export class TeamMemberPayload {
  @Field(() => Team, { nullable: true, description: 'The team.' })
  team?: Team | null;

  @Field(() => User, { nullable: true, description: 'The person.' })
  user?: User | null;

  @Field(() => TeamRole, { nullable: true, description: 'Their role in the team now; null after unassigning.' })
  role?: TeamRole | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}
