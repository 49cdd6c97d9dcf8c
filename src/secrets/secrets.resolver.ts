import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app/context';
import { mutationPayload } from '../core/mutation';
import { NodeIdResolver } from '../core/nodeId';
import { Team } from '../teams/team.entity';
import { teamByGlobalId } from '../teams/teams.lookup';
import { TeamSecret } from './teamSecret.entity';
import { DeleteTeamSecretInput, DeleteTeamSecretPayload, SetTeamSecretInput, TeamSecretConnection, TeamSecretPayload, TeamSecretsArgs } from './secrets.types';

@Resolver(() => TeamSecret)
export class TeamSecretResolver extends NodeIdResolver(TeamSecret, 'TeamSecret') {
  @FieldResolver(() => Team, { description: 'The team the secret belongs to.' })
  async team(@Root() secret: TeamSecret, @Ctx() ctx: AppContext): Promise<Team> {
    return (await ctx.loaders.teamById.load(secret.teamId))!;
  }
}

@Resolver(() => Team)
export class TeamSecretsResolver {
  @FieldResolver(() => TeamSecretConnection, {
    nullable: true,
    description: 'Names and timestamps of the team’s secrets, by name (team ADMIN and DEVELOPER; FORBIDDEN otherwise). Values are never returned.',
  })
  async secrets(@Root() team: Team, @Args(() => TeamSecretsArgs) args: TeamSecretsArgs, @Ctx() ctx: AppContext) {
    await ctx.access.requireTeamUser(team);
    return ctx.services.secrets.connection(team.id, args);
  }
}

@Resolver()
export class TeamSecretMutationsResolver {
  @Mutation(() => TeamSecretPayload, { description: 'Create a secret or replace its value (team ADMIN). The value is encrypted at rest and never returned. Archived teams take no new values (userError `ARCHIVED`).' })
  async setTeamSecret(@Arg('input', () => SetTeamSecretInput) input: SetTeamSecretInput, @Ctx() ctx: AppContext): Promise<TeamSecretPayload> {
    const team = await ctx.access.requireTeamAdmin(await teamByGlobalId(ctx, input.teamId));
    return mutationPayload(async () => ({ secret: await ctx.services.secrets.set(ctx.caller, team, input.name, input.value) }));
  }

  @Mutation(() => DeleteTeamSecretPayload, { description: 'Delete a secret (team ADMIN).' })
  async deleteTeamSecret(@Arg('input', () => DeleteTeamSecretInput) input: DeleteTeamSecretInput, @Ctx() ctx: AppContext): Promise<DeleteTeamSecretPayload> {
    const team = await ctx.access.requireTeamAdmin(await teamByGlobalId(ctx, input.teamId));
    return mutationPayload(async () => {
      await ctx.services.secrets.delete(ctx.caller, team, input.name);
      return { deletedName: input.name };
    });
  }
}
