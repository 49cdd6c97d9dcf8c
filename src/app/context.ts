import type { Actor } from '../auth/actor';
import type { Caller } from '../audit/audit';
import { Access } from '../authz/access';
import type { Loaders } from './loaders';
import type { Services } from './services';

/** What every resolver receives: who is calling, per-request loaders, the authorization oracle and services. */
export interface AppContext {
  requestId: string;
  ip: string | null;
  actor: Actor;
  loaders: Loaders;
  access: Access;
  services: Services;
  /** The caller as services and the audit log see it. */
  caller: Caller;
}

export function buildAppContext(args: {
  requestId: string;
  ip: string | null;
  actor: Actor;
  loaders: Loaders;
  services: Services;
}): AppContext {
  return {
    ...args,
    access: new Access(args.actor, args.loaders),
    caller: { actor: args.actor, requestId: args.requestId, ip: args.ip },
  };
}
