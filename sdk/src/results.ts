import { OrgraphError } from './errors.js';

/** A business-rule failure of a mutation, pointing at the input field that caused it. */
export interface UserError {
  /** Stable machine-readable code, e.g. `TAKEN`, `INVALID`, `LAST_ADMIN`. */
  readonly code: string;
  /** What went wrong, written for a person. */
  readonly message: string;
  /** Path to the input field at fault, e.g. `["input", "username"]`. */
  readonly field: ReadonlyArray<string> | null;
}

/**
 * What every mutation method returns: either the changed object, or the business-rule failures the server
 * reported. Check `ok` before reading `data`; TypeScript narrows the union for you.
 */
export type MutationResult<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly userErrors: ReadonlyArray<UserError> };

/**
 * Turns a mutation payload into a MutationResult. `pick` extracts the changed object; a payload with neither
 * userErrors nor that object breaks the API contract and is reported as a server error, not as success.
 */
export function toMutationResult<P extends { readonly userErrors: ReadonlyArray<UserError> }, T>(
  payload: P,
  pick: (payload: P) => T | null | undefined,
  operation: string,
): MutationResult<T> {
  if (payload.userErrors.length > 0) return { ok: false, userErrors: payload.userErrors };
  const data = pick(payload);
  if (data === null || data === undefined) {
    throw new OrgraphError('INTERNAL_SERVER_ERROR', `${operation} returned neither a result nor userErrors.`);
  }
  return { ok: true, data };
}
