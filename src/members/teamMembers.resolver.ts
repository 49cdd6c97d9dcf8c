import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app/context';
import { NodeIdResolver } from '../core/nodeId';
import { Team } from '../teams/team.entity';
import { User } from '../users/user.entity';
import { memberSearch } from './members.lookup';
import { InviteConnection, TeamInvitesArgs, TeamMember, TeamMemberConnection, TeamMembersArgs } from './teamMembers.types';

@Resolver(() => TeamMember)
export class TeamMemberResolver extends NodeIdResolver(TeamMember, 'TeamMember') {
  @FieldResolver(() => User, { description: 'The person’s account (email and name).' })
  async user(@Root() member: TeamMember, @Ctx() ctx: AppContext): Promise<User> {
    return (await ctx.loaders.userById.load(member.userId))!;
  }

  @FieldResolver(() => Team, { description: 'The team.' })
  async team(@Root() member: TeamMember, @Ctx() ctx: AppContext): Promise<Team> {
    return (await ctx.loaders.teamById.load(member.teamId))!;
  }
}

@Resolver(() => Team)
export class TeamPeopleResolver {
  @FieldResolver(() => TeamMemberConnection, {
    description:
      'The team’s members with their team roles, oldest first, searchable by name or email (team ADMIN — organization ADMINs included — and ADMIN keys of the team or organization).',
  })
  async members(@Root() team: Team, @Args(() => TeamMembersArgs) args: TeamMembersArgs, @Ctx() ctx: AppContext): Promise<TeamMemberConnection> {
    await ctx.access.requireTeamAdmin(team);
    return ctx.services.teamMembers.members(team.id, { role: args.filter?.role, search: memberSearch(args.filter?.search) }, args);
  }

  @FieldResolver(() => InviteConnection, { description: 'Invites sent to this team, newest first (team ADMIN: whoever may manage them).' })
  async invites(@Root() team: Team, @Args(() => TeamInvitesArgs) args: TeamInvitesArgs, @Ctx() ctx: AppContext): Promise<InviteConnection> {
    await ctx.access.requireTeamAdmin(team);
    return ctx.services.teamMembers.invites(team.id, args.status, args);
  }
}
