import { Arg, Ctx, Field, ID, InputType, ObjectType, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../app/context';
import { BadUserInputError } from '../core/errors';
import { toGlobalId } from '../core/relay';
import { Team } from '../teams/team.entity';
import { ApiKeyScope } from './apiKey.entity';

@InputType({ description: 'A customer’s API key as the gateway received it.' })
export class ApiKeyRouteInput {
  @Field(() => String, { description: 'The whole credential, `key_id:key_secret` (what follows `Authorization: Key `); at most 300 characters.' })
  key!: string;
}

@ObjectType({ description: 'Where the gateway routes and attributes calls made with a key.' })
export class ApiKeyRoute {
  @Field(() => String, { description: 'The key’s public id (`ogk_…`), as usage and request records name it (`auth.keyId`).' })
  keyId!: string;

  @Field(() => ID, { description: 'Global id of the ApiKey.' })
  apiKeyId!: string;

  @Field(() => ApiKeyScope, { description: 'API or ADMIN.' })
  scope!: ApiKeyScope;

  @Field(() => Team, { description: 'The team the key belongs to: pass its `username` as `teamUsername` to checkModelAccess and ingest.' })
  team!: Team;

  @Field(() => ID, { nullable: true, description: 'Global id of the member the key acts for (requests are attributed to them), if any.' })
  ownerUserId!: string | null;
}

/** The gateway's first question for each customer call: which team does this key belong to (and is it live)? */
@Resolver()
export class GatewayRouteResolver {
  @Query(() => ApiKeyRoute, {
    nullable: true,
    description:
      'The gateway’s key lookup (ingest credential only): the team and key behind a customer’s `key_id:key_secret`, verified as the API verifies it; null for a key that is unknown, wrong, revoked, expired or of an archived team (one answer for all of them).',
  })
  async apiKeyRoute(@Arg('input', () => ApiKeyRouteInput) input: ApiKeyRouteInput, @Ctx() ctx: AppContext): Promise<ApiKeyRoute | null> {
    ctx.access.requireIngest();
    if (input.key.length > 300) throw new BadUserInputError('`key` is at most 300 characters.', 'input.key');
    const actor = await ctx.services.apiKeyAuthenticator.authenticate(input.key);
    const team = actor ? await ctx.loaders.teamById.load(actor.teamId) : null;
    if (!actor || !team) return null;
    return {
      keyId: actor.keyId,
      apiKeyId: toGlobalId('ApiKey', actor.apiKeyId),
      scope: actor.scope as ApiKeyScope,
      team,
      ownerUserId: actor.ownerUserId ? toGlobalId('User', actor.ownerUserId) : null,
    };
  }
}
