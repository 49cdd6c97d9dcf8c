import type { Actor } from '../auth/actor';
import type { Caller } from '../audit/audit';
import { Access } from '../authz/access';
import type { Loaders, Services } from './scope';

export type { Loaders, Services } from './scope';

/** How `node(id:)` fetches one type: the object when the caller may see it, else null (as if it did not exist). */
export type NodeFetcher = (ctx: AppContext, localId: string) => Promise<object | null>;

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
  /** `node(id:)` fetchers of every module, by GraphQL type name. */
  nodeFetchers: Readonly<Record<string, NodeFetcher>>;
}

export function buildAppContext(args: {
  requestId: string;
  ip: string | null;
  actor: Actor;
  loaders: Loaders;
  services: Services;
  nodeFetchers: Readonly<Record<string, NodeFetcher>>;
}): AppContext {
  return {
    ...args,
    access: new Access(args.actor, args.loaders),
    caller: { actor: args.actor, requestId: args.requestId, ip: args.ip },
  };
}
