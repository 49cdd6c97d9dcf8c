import { In, type DataSource } from 'typeorm';
import { defineModule } from '../app/module';
import { OWNED_TABLES } from './tables';
import { loaderByKey } from '../core/loaderUtils';
import { reachable, withUuidKeys } from '../node/reachable';
import { Member } from './member.entity';
import { MemberMutationsResolver, MemberResolver, OrganizationMembersResolver } from './members.resolver';
import { MembersService } from './members.service';
import { TeamMemberResolver, TeamPeopleResolver } from './teamMembers.resolver';
import { TeamMembersService } from './teamMembers.service';

const memberLoaders = (db: DataSource) => ({
  memberById: loaderByKey<string, Member>((ids) => db.getRepository(Member).findBy({ id: In([...ids]) }), (m) => m.id),
});

declare module '../app/scope' {
  interface Services {
    members: MembersService;
    teamMembers: TeamMembersService;
  }
  interface Loaders extends ReturnType<typeof memberLoaders> {}
}

export const membersModule = defineModule({
  name: 'members',
  tables: OWNED_TABLES,
  entities: [Member],
  resolvers: [MemberResolver, OrganizationMembersResolver, MemberMutationsResolver, TeamMemberResolver, TeamPeopleResolver],
  services: ({ db, apiKeys }) => ({ members: new MembersService(db, apiKeys), teamMembers: new TeamMembersService(db) }),
  loaders: memberLoaders,
  nodeFetchers: withUuidKeys({
    Member: async (ctx, id) => {
      const member = await ctx.loaders.memberById.load(id);
      return member && (await ctx.access.canSeeMember(member)) ? reachable(ctx, member.organizationId, member) : null;
    },
    TeamMember: async (ctx, id) => {
      const membership = await ctx.services.teamMembers.byId(id);
      const team = membership ? await ctx.loaders.teamById.load(membership.teamId) : null;
      if (!membership || !team || !(await ctx.access.canSeeTeam(team))) return null;
      return (await ctx.access.isTeamAdmin(team)) ? reachable(ctx, team.organizationId, membership) : null;
    },
  }),
});
