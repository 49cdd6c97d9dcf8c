import { In, type DataSource } from 'typeorm';
import { defineModule } from '../app/module';
import { OWNED_TABLES } from './tables';
import { loaderByKey } from '../core/loaderUtils';
import { reachable, withUuidKeys } from '../node/reachable';
import { TeamSecretMutationsResolver, TeamSecretResolver, TeamSecretsResolver } from './secrets.resolver';
import { SecretsService } from './secrets.service';
import { TeamSecret } from './teamSecret.entity';

const secretLoaders = (db: DataSource) => ({
  teamSecretById: loaderByKey<string, TeamSecret>((ids) => db.getRepository(TeamSecret).findBy({ id: In([...ids]) }), (s) => s.id),
});

declare module '../app/scope' {
  interface Services {
    secrets: SecretsService;
  }
  interface Loaders extends ReturnType<typeof secretLoaders> {}
}

export const secretsModule = defineModule({
  name: 'secrets',
  tables: OWNED_TABLES,
  entities: [TeamSecret],
  resolvers: [TeamSecretResolver, TeamSecretsResolver, TeamSecretMutationsResolver],
  services: ({ db, config }) => ({ secrets: new SecretsService(db, config.encryptionKey) }),
  loaders: secretLoaders,
  nodeFetchers: withUuidKeys({
    TeamSecret: async (ctx, id) => {
      const secret = await ctx.loaders.teamSecretById.load(id);
      const team = secret ? await ctx.loaders.teamById.load(secret.teamId) : null;
      return secret && team && (await ctx.access.canUseTeam(team)) ? reachable(ctx, team.organizationId, secret, team.personalOwnerId) : null;
    },
  }),
});
