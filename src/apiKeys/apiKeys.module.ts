import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { defineModule } from '../app/module';
import { OWNED_TABLES } from './tables';
import { loaderByKey } from '../core/loaderUtils';
import { reachable, withUuidKeys } from '../node/reachable';
import { ApiKey } from './apiKey.entity';
import { ApiKeyAuthenticator } from './apiKeyAuthenticator';
import { ApiKeyMutationsResolver, ApiKeyResolver, TeamApiKeysResolver } from './apiKeys.resolver';
import { ApiKeysService } from './apiKeys.service';
import { GatewayRouteResolver } from './gatewayRoute.resolver';

const apiKeyLoaders = (db: DataSource) => ({
  apiKeyById: loaderByKey<string, ApiKey>((ids) => db.getRepository(ApiKey).findBy({ id: In([...ids]) }), (k) => k.id),
  /** Key names by public key id (an audit page names many keys). */
  apiKeyAliasByKeyId: new DataLoader<string, string | null>(async (keyIds) => {
    const keys = await db.getRepository(ApiKey).find({ select: { keyId: true, alias: true }, where: { keyId: In([...keyIds]) } });
    return keyIds.map((id) => keys.find((key) => key.keyId === id)?.alias ?? null);
  }),
});

declare module '../app/scope' {
  interface Services {
    apiKeyAuthenticator: ApiKeyAuthenticator;
    apiKeys: ApiKeysService;
  }
  interface Loaders extends ReturnType<typeof apiKeyLoaders> {}
}

export const apiKeysModule = defineModule({
  name: 'apiKeys',
  tables: OWNED_TABLES,
  entities: [ApiKey],
  resolvers: [ApiKeyResolver, TeamApiKeysResolver, ApiKeyMutationsResolver, GatewayRouteResolver],
  services: ({ db, config, invalidation }) => {
    const apiKeyAuthenticator = new ApiKeyAuthenticator(db, { cache: config.API_KEY_AUTH_CACHE });
    // Revocations on any instance drop cached keys here at once; while not listening the cache is bypassed.
    apiKeyAuthenticator.useInvalidationBus(invalidation);
    return { apiKeyAuthenticator, apiKeys: new ApiKeysService(db, apiKeyAuthenticator) };
  },
  loaders: apiKeyLoaders,
  nodeFetchers: withUuidKeys({
    ApiKey: async (ctx, id) => {
      const apiKey = await ctx.loaders.apiKeyById.load(id);
      const team = apiKey ? await ctx.loaders.teamById.load(apiKey.teamId) : null;
      return apiKey && team && (await ctx.access.isTeamAdmin(team)) ? reachable(ctx, team.organizationId, apiKey, team.personalOwnerId) : null;
    },
  }),
});
