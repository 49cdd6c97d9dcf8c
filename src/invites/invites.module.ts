import { In, type DataSource } from 'typeorm';
import { defineModule } from '../app/module';
import { OWNED_TABLES } from './tables';
import { loaderByKey } from '../core/loaderUtils';
import { reachable, withUuidKeys } from '../node/reachable';
import { Invite } from './invite.entity';
import { InviteMutationsResolver, InviteResolver } from './invites.resolver';
import { InvitesService } from './invites.service';

const inviteLoaders = (db: DataSource) => ({
  inviteById: loaderByKey<string, Invite>((ids) => db.getRepository(Invite).findBy({ id: In([...ids]) }), (i) => i.id),
});

declare module '../app/scope' {
  interface Services {
    invites: InvitesService;
  }
  interface Loaders extends ReturnType<typeof inviteLoaders> {}
}

export const invitesModule = defineModule({
  name: 'invites',
  tables: OWNED_TABLES,
  entities: [Invite],
  resolvers: [InviteResolver, InviteMutationsResolver],
  services: ({ db, publicUrl }) => ({ invites: new InvitesService(db, publicUrl) }),
  loaders: inviteLoaders,
  nodeFetchers: withUuidKeys({
    Invite: async (ctx, id) => {
      const invite = await ctx.loaders.inviteById.load(id);
      if (!invite || !(await ctx.access.canSeeInvite(invite))) return null;
      const team = invite.teamId ? await ctx.loaders.teamById.load(invite.teamId) : null;
      return reachable(ctx, invite.organizationId ?? team?.organizationId ?? null, invite);
    },
  }),
});
