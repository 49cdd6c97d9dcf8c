import { In, type DataSource } from 'typeorm';
import { defineModule } from '../app/module';
import { OWNED_TABLES } from './tables';
import { loaderByKey } from '../core/loaderUtils';
import { withUuidKeys } from '../node/reachable';
import { PasswordsService } from './passwords.service';
import { Session } from './session.entity';
import { User } from './user.entity';
import { SessionResolver, UserResolver, ViewerResolver } from './users.resolver';
import { UsersService } from './users.service';

const userLoaders = (db: DataSource) => ({
  userById: loaderByKey<string, User>((ids) => db.getRepository(User).findBy({ id: In([...ids]) }), (u) => u.id),
});

declare module '../app/scope' {
  interface Services {
    users: UsersService;
    passwords: PasswordsService;
  }
  interface Loaders extends ReturnType<typeof userLoaders> {}
}

export const usersModule = defineModule({
  name: 'users',
  tables: OWNED_TABLES,
  entities: [User, Session],
  resolvers: [UserResolver, ViewerResolver, SessionResolver],
  services: ({ db, config, teams, publicUrl }) => {
    const users = new UsersService(db, teams, { sessionTtlHours: config.SESSION_TTL_HOURS, argon2MemoryKiB: config.ARGON2_MEMORY_KIB }, publicUrl);
    return { users, passwords: new PasswordsService(db, users, publicUrl) };
  },
  loaders: userLoaders,
  nodeFetchers: withUuidKeys({
    // Users are visible to themselves only; admins reach other people through Member.
    User: async (ctx, id) => (ctx.actor.kind === 'USER' && ctx.actor.userId === id ? ctx.loaders.userById.load(id) : null),
  }),
});
