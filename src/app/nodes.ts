import type { NodeFetcher } from './context';
import { modules } from './modules';

/**
 * How `node(id:)` fetches each type, from the modules' manifests, with the same visibility rules as the type's own
 * queries: anything the caller may not see comes back as null, exactly like an id that does not exist.
 */
export const nodeFetchers: Readonly<Record<string, NodeFetcher>> = Object.freeze(
  Object.fromEntries(
    modules.flatMap((module) => Object.entries(module.nodeFetchers ?? {})).map(([type, fetch], index, all) => {
      if (all.findIndex(([other]) => other === type) !== index) throw new Error(`Two modules declare node(id:) for ${type}.`);
      return [type, fetch];
    }),
  ),
);
