import { defineModule } from '../app/module';
import { OWNED_TABLES } from './tables';
import { reachable, withUuidKeys } from '../node/reachable';
import { Team } from './team.entity';
import { TeamMembership } from './teamMembership.entity';
import { createTeamLoaders, type TeamLoaders } from './teams.loaders';
import { TeamResolver } from './teams.resolver';
import { createTeamsRouter } from './teams.rest';
import { TeamsService } from './teams.service';

declare module '../app/scope' {
  interface Services {
    teams: TeamsService;
  }
  interface Loaders extends TeamLoaders {}
}

export const teamsModule = defineModule({
  name: 'teams',
  tables: OWNED_TABLES,
  entities: [Team, TeamMembership],
  resolvers: [TeamResolver],
  services: ({ db, apiKeyAuthenticator }) => ({ teams: new TeamsService(db, apiKeyAuthenticator) }),
  loaders: (db, { teams }) => createTeamLoaders(db, teams),
  nodeFetchers: withUuidKeys({
    Team: async (ctx, id) => {
      const team = await ctx.loaders.teamById.load(id);
      return team && (await ctx.access.canSeeTeam(team)) ? reachable(ctx, team.organizationId, team, team.personalOwnerId) : null;
    },
  }),
  restRoutes: ({ rest }) => createTeamsRouter(rest),
});
