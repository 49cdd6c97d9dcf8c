import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Per-request facts that deep layers (SQL logger, audit) need without threading them through every call.
 * Only the request id and the SQL statement counter live here; everything else travels in the GraphQL context.
 */
export interface RequestScope {
  requestId: string;
  sqlStatements: number;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
