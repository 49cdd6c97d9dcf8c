import { defineModule } from '../app/module';
import { Authenticator } from './authenticate';

declare module '../app/scope' {
  interface Services {
    /** The one authentication of GraphQL and REST: a credential header to an actor. */
    authenticator: Authenticator;
  }
}

export const authModule = defineModule({
  name: 'auth',
  tables: [],
  services: ({ db, config, apiKeyAuthenticator }) => ({ authenticator: new Authenticator(db, config, apiKeyAuthenticator) }),
});
