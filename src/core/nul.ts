/**
 * U+0000 in input (red-team D4). PostgreSQL text cannot hold it (`invalid byte sequence for encoding "UTF8": 0x00`),
 * so a NUL that reached a query surfaced as a 500. Every surface refuses it up front as bad input: GraphQL in the
 * input-limits pass (src/core/inputLimits.ts), REST /v1 in `restRoute` and the NDJSON ingest, SCIM before routing.
 */
export const NUL = '\u0000';

const MAX_DEPTH = 64;

/** Whether a string, or any string or key inside a JSON value, contains U+0000. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.some((item) => containsNul(item, depth + 1));
  return Object.entries(value as Record<string, unknown>).some(([key, item]) => key.includes(NUL) || containsNul(item, depth + 1));
}

/** Whether the URL's path or query, percent-decoded, contains U+0000 (`%00`). Undecodable URLs are left to the router. */
export function urlContainsNul(url: string): boolean {
  if (url.includes(NUL)) return true;
  if (!url.includes('%00')) return false;
  try {
    return decodeURIComponent(url.replace(/\+/g, ' ')).includes(NUL);
  } catch {
    return true;
  }
}
