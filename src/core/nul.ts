/**
 * Text PostgreSQL cannot store as sent. U+0000 (red-team D4): PostgreSQL text cannot hold it (`invalid byte sequence
 * for encoding "UTF8": 0x00`), so a NUL that reached a query surfaced as a 500; and half a UTF-16 character (below).
 * Every surface refuses both up front as bad input: GraphQL in the input-limits pass (src/core/inputLimits.ts), REST
 * /v1 in `restRoute` (URLs) and the NDJSON ingest, SCIM before routing.
 */
export const NUL = '\u0000';

const MAX_DEPTH = 64;

// A high surrogate not followed by a low one, or a low one not preceded by a high one: half a character. As UTF-8,
// node-postgres sends it as U+FFFD (the text is silently changed) and PostgreSQL's JSON refuses its escape (an
// audited key alias of one answered 500). Linear: each alternative looks one code unit around.
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What makes a string unstorable as sent (a NUL, or half a UTF-16 character), for an error message; null if none. */
export function unstorableText(text: string): string | null {
  if (text.includes(NUL)) return 'a NUL character (U+0000)';
  if (UNPAIRED_SURROGATE.test(text)) return 'an unpaired UTF-16 surrogate (half a character)';
  return null;
}

/** The first reason a string, or any string or key inside a JSON value, is unstorable; null if none. */
export function unstorableIn(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return unstorableText(value);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  const entries: Array<[string | null, unknown]> = Array.isArray(value) ? value.map((item) => [null, item]) : Object.entries(value as Record<string, unknown>);
  for (const [key, item] of entries) {
    const reason = (key !== null ? unstorableText(key) : null) ?? unstorableIn(item, depth + 1);
    if (reason) return reason;
  }
  return null;
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
