import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app/context';
import { localIdOf, toGlobalId } from '../core/relay';
import { mutationPayload } from '../core/mutation';
import { NodeIdResolver } from '../core/nodeId';
import { NotFoundError, UserInputFailure } from '../core/errors';
import { Organization } from '../organizations/organization.entity';
import { organizationByGlobalId } from '../organizations/organizations.lookup';
import { teamByGlobalId } from '../teams/teams.lookup';
import { Team } from '../teams/team.entity';
import { User } from '../users/user.entity';
import { Invite } from '../invites/invite.entity';
import { Member } from './member.entity';
import type { KeyDisposition } from '../apiKeys/apiKeys.service';
import { TeamAssignment } from './teamAssignment';
import { loadAssignments, memberSearch } from './members.lookup';
import {
  AssignTeamMemberInput,
  LeaveOrganizationInput,
  MemberApiKeysAction,
  type MemberApiKeysInput,
  LeaveOrganizationPayload,
  MemberConnection,
  MemberPayload,
  MembersArgs,
  RemoveMemberInput,
  RemoveMemberPayload,
  TeamMemberPayload,
  UnassignTeamMemberInput,
  UpdateMemberRoleInput,
} from './members.types';

async function memberByGlobalId(ctx: AppContext, globalId: string): Promise<Member | null> {
  const localId = localIdOf(globalId, 'Member');
  return localId ? ctx.loaders.memberById.load(localId) : null;
}

@Resolver(() => Member)
export class MemberResolver extends NodeIdResolver(Member, 'Member') {
  @FieldResolver(() => User, { nullable: true, description: 'The person’s account; null while their invite is PENDING.' })
  user(@Root() member: Member, @Ctx() ctx: AppContext): Promise<User | null> | null {
    return member.userId ? ctx.loaders.userById.load(member.userId) : null;
  }

  @FieldResolver(() => Invite, { nullable: true, description: 'The open invite, for PENDING members.' })
  invite(@Root() member: Member, @Ctx() ctx: AppContext): Promise<Invite | null> | null {
    return member.inviteId ? ctx.loaders.inviteById.load(member.inviteId) : null;
  }

  @FieldResolver(() => Organization, { description: 'The organization.' })
  async organization(@Root() member: Member, @Ctx() ctx: AppContext): Promise<Organization> {
    return (await ctx.loaders.organizationById.load(member.organizationId))!;
  }

  @FieldResolver(() => [TeamAssignment], {
    description: 'Live teams of the organization the person belongs to, with roles (for PENDING members: the teams the invite assigns).',
  })
  async teams(@Root() member: Member, @Ctx() ctx: AppContext): Promise<TeamAssignment[]> {
    if (member.userId) {
      const memberships = await ctx.loaders.teamMembershipsByUser.load(member.userId);
      return loadAssignments(ctx, memberships.filter((m) => m.organizationId === member.organizationId));
    }
    const invite = member.inviteId ? await ctx.loaders.inviteById.load(member.inviteId) : null;
    if (!invite) return [];
    return loadAssignments(ctx, invite.teamId ? [{ teamId: invite.teamId, role: invite.teamRole! }] : invite.teamAssignments);
  }
}

@Resolver(() => Organization)
export class OrganizationMembersResolver {
  @FieldResolver(() => MemberConnection, {
    description: 'Everyone in the organization, with open invites as PENDING (organization ADMIN only), oldest first.',
  })
  async members(@Root() organization: Organization, @Args(() => MembersArgs) args: MembersArgs, @Ctx() ctx: AppContext) {
    await ctx.access.requireOrganizationAdmin(organization);
    const teamId = args.filter?.teamId ? localIdOf(args.filter.teamId, 'Team') : undefined;
    // A team id that is not a team's matches nobody (like any unknown id) rather than being ignored.
    const filter = { ...args.filter, teamId: args.filter?.teamId ? (teamId ?? '00000000-0000-0000-0000-000000000000') : null, search: memberSearch(args.filter?.search) };
    return ctx.services.members.connection(organization.id, filter, args);
  }
}

@Resolver()
export class MemberMutationsResolver {
  @Mutation(() => MemberPayload, { description: 'Change a member’s organization role (organization ADMIN). The last ADMIN cannot be demoted.' })
  async updateMemberRole(@Arg('input', () => UpdateMemberRoleInput) input: UpdateMemberRoleInput, @Ctx() ctx: AppContext): Promise<MemberPayload> {
    const member = await ctx.access.requireMemberAdmin(await memberByGlobalId(ctx, input.memberId));
    return mutationPayload(async () => ({ member: await ctx.services.members.updateRole(ctx.caller, member, input.role) }));
  }

  @Mutation(() => RemoveMemberPayload, {
    description: 'Remove a member from the organization and all its teams (organization ADMIN). The last ADMIN cannot be removed.',
  })
  async removeMember(@Arg('input', () => RemoveMemberInput) input: RemoveMemberInput, @Ctx() ctx: AppContext): Promise<RemoveMemberPayload> {
    const member = await ctx.access.requireMemberAdmin(await memberByGlobalId(ctx, input.memberId));
    return mutationPayload(async () => {
      await ctx.services.members.remove(ctx.caller, member, keyDisposition(input.apiKeys));
      return { removedMemberId: toGlobalId('Member', member.id) };
    });
  }

  @Mutation(() => LeaveOrganizationPayload, { description: 'Leave an organization and all its teams (signed-in user). The last ADMIN cannot leave.' })
  async leaveOrganization(
    @Arg('input', () => LeaveOrganizationInput) input: LeaveOrganizationInput,
    @Ctx() ctx: AppContext,
  ): Promise<LeaveOrganizationPayload> {
    const userId = ctx.access.requireUser();
    const organization = await ctx.access.visibleOrganization(await organizationByGlobalId(ctx, input.organizationId));
    const member = await ctx.services.members.findByUser(organization.id, userId);
    if (!member) throw new NotFoundError('Organization');
    return mutationPayload(async () => {
      await ctx.services.members.remove(ctx.caller, member, keyDisposition(input.apiKeys), 'member.leave');
      return { organization };
    });
  }

  @Mutation(() => TeamMemberPayload, { description: 'Put an organization member on a team, or change their team role (team ADMIN).' })
  async assignTeamMember(@Arg('input', () => AssignTeamMemberInput) input: AssignTeamMemberInput, @Ctx() ctx: AppContext): Promise<TeamMemberPayload> {
    const team = await ctx.access.requireTeamAdmin(await teamByGlobalId(ctx, input.teamId));
    return mutationPayload(async () => {
      const userId = await memberUserIdOf(ctx, team, input.userId);
      const membership = await ctx.services.members.assignToTeam(ctx.caller, team, userId, input.role);
      return { team, user: await ctx.loaders.userById.load(userId), role: membership.role };
    });
  }

  @Mutation(() => TeamMemberPayload, { description: 'Take a person off a team; they stay in the organization (team ADMIN).' })
  async unassignTeamMember(
    @Arg('input', () => UnassignTeamMemberInput) input: UnassignTeamMemberInput,
    @Ctx() ctx: AppContext,
  ): Promise<TeamMemberPayload> {
    const team = await ctx.access.requireTeamAdmin(await teamByGlobalId(ctx, input.teamId));
    return mutationPayload(async () => {
      const userId = await memberUserIdOf(ctx, team, input.userId);
      await ctx.services.members.unassignFromTeam(ctx.caller, team, userId, keyDisposition(input.apiKeys));
      return { team, user: await ctx.loaders.userById.load(userId), role: null };
    });
  }
}

/** People outside the team's organization look exactly like unknown ids. */
async function memberUserIdOf(ctx: AppContext, team: Team, userGlobalId: string): Promise<string> {
  const userId = localIdOf(userGlobalId, 'User');
  const member = userId && team.organizationId ? await ctx.services.members.findByUser(team.organizationId, userId) : null;
  if (!member || !userId) {
    throw new UserInputFailure('NOT_A_MEMBER', 'No member of this organization has that id.', ['input', 'userId']);
  }
  return userId;
}

/** The mutation input's choice for a leaving member's keys, as the service takes it. */
function keyDisposition(input: MemberApiKeysInput | null | undefined): KeyDisposition | null {
  if (!input) return null;
  if (input.action === MemberApiKeysAction.REVOKE) {
    if (input.transferToUserId) throw new UserInputFailure('INVALID', 'transferToUserId is only for TRANSFER.', ['input', 'apiKeys', 'transferToUserId']);
    return { action: 'REVOKE' };
  }
  const toUserId = input.transferToUserId ? localIdOf(input.transferToUserId, 'User') : null;
  if (!toUserId) {
    throw new UserInputFailure('NOT_A_MEMBER', 'TRANSFER needs transferToUserId: a remaining member of each key’s team.', ['input', 'apiKeys', 'transferToUserId']);
  }
  return { action: 'TRANSFER', toUserId };
}
