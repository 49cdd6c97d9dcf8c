import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app/context';
import { localIdOf } from '../core/relay';
import { mutationPayload } from '../core/mutation';
import { NodeIdResolver } from '../core/nodeId';
import { UserInputFailure } from '../core/errors';
import { Team } from '../teams/team.entity';
import { teamByGlobalId } from '../teams/teams.lookup';
import { User } from '../users/user.entity';
import { ApiKey } from './apiKey.entity';
import { ApiKeyConnection, ApiKeyPayload, ApiKeysArgs, CreateApiKeyInput, CreateApiKeyPayload, RevokeApiKeyInput } from './apiKeys.types';

@Resolver(() => ApiKey)
export class ApiKeyResolver extends NodeIdResolver(ApiKey, 'ApiKey') {
  @FieldResolver(() => Team, { description: 'The team the key belongs to.' })
  async team(@Root() apiKey: ApiKey, @Ctx() ctx: AppContext): Promise<Team> {
    return (await ctx.loaders.teamById.load(apiKey.teamId))!;
  }

  @FieldResolver(() => User, { nullable: true, description: 'The member the key acts for; requests made with it are attributed to them.' })
  owner(@Root() apiKey: ApiKey, @Ctx() ctx: AppContext): Promise<User | null> | null {
    return apiKey.ownerId ? ctx.loaders.userById.load(apiKey.ownerId) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who created the key (null when another key or an operator did).' })
  createdBy(@Root() apiKey: ApiKey, @Ctx() ctx: AppContext): Promise<User | null> | null {
    return apiKey.createdByUserId ? ctx.loaders.userById.load(apiKey.createdByUserId) : null;
  }
}

@Resolver(() => Team)
export class TeamApiKeysResolver {
  @FieldResolver(() => ApiKeyConnection, {
    nullable: true,
    description: 'The team’s API keys, newest first, never with secrets (team ADMIN; FORBIDDEN otherwise).',
  })
  async apiKeys(@Root() team: Team, @Args(() => ApiKeysArgs) args: ApiKeysArgs, @Ctx() ctx: AppContext) {
    await ctx.access.requireTeamAdmin(team);
    return ctx.services.apiKeys.connection(team.id, args);
  }
}

@Resolver()
export class ApiKeyMutationsResolver {
  @Mutation(() => CreateApiKeyPayload, { description: 'Create an API key (team ADMIN); the response carries the full key exactly once. Archived teams get none (userError `ARCHIVED`).' })
  async createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() ctx: AppContext): Promise<CreateApiKeyPayload> {
    const team = await ctx.access.requireTeamAdmin(await teamByGlobalId(ctx, input.teamId));
    return mutationPayload(async () => {
      let ownerId: string | null = null;
      if (input.ownerId) {
        ownerId = localIdOf(input.ownerId, 'User');
        if (!ownerId) throw new UserInputFailure('NOT_A_MEMBER', 'The owner must be a member of the team.', ['input', 'ownerId']);
      }
      return ctx.services.apiKeys.create(ctx.caller, team, { alias: input.alias, scope: input.scope, ownerId, expiresAt: input.expiresAt });
    });
  }

  @Mutation(() => ApiKeyPayload, { description: 'Revoke an API key (team ADMIN); it stops authenticating immediately.' })
  async revokeApiKey(@Arg('input', () => RevokeApiKeyInput) input: RevokeApiKeyInput, @Ctx() ctx: AppContext): Promise<ApiKeyPayload> {
    const localId = localIdOf(input.apiKeyId, 'ApiKey');
    const { apiKey } = await ctx.access.requireApiKeyAdmin(localId ? await ctx.loaders.apiKeyById.load(localId) : null);
    return mutationPayload(async () => ({ apiKey: await ctx.services.apiKeys.revoke(ctx.caller, apiKey) }));
  }
}
