/**
 * Every failure the SDK reports is an `OrgraphError` with a `code` from this list, so callers can `switch` on it:
 * - the server's GraphQL error codes (`extensions.code`): UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND,
 *   RATE_LIMITED, SERVICE_UNAVAILABLE (the server is up but its database is not: retry), INTERNAL_SERVER_ERROR,
 *   and BAD_REQUEST (the server rejected the request itself: parse or validation failure, usually an SDK older or
 *   newer than the server);
 * - transport failures decided on the client: NETWORK (no HTTP answer), TIMEOUT (`timeoutMs` elapsed), ABORTED (the
 *   caller's `signal` fired).
 * Business-rule failures of mutations are NOT errors: they come back as `{ ok: false, userErrors }`.
 */
export type OrgraphErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | 'BAD_REQUEST'
  | 'NETWORK'
  | 'TIMEOUT'
  | 'ABORTED';

/** One GraphQL error as the server sent it (for callers that need more than the first one). */
export interface GraphqlErrorEntry {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
  readonly extensions?: Readonly<Record<string, unknown>>;
}

export interface OrgraphErrorDetails {
  /** Stable sub-code of FORBIDDEN (e.g. `ROLE_REQUIRED`), when the server gave one. */
  reason?: string | null;
  /** The request id (server-side logs carry it); quote it in support requests. */
  requestId?: string | null;
  /** HTTP status of the answer; null when there was none (NETWORK, TIMEOUT, ABORTED). */
  status?: number | null;
  /** For RATE_LIMITED: seconds the server asked to wait. */
  retryAfter?: number | null;
  /** The server's own `extensions.code` (may be more specific than `code`, e.g. GRAPHQL_VALIDATION_FAILED). */
  serverCode?: string | null;
  /** For BAD_USER_INPUT: the argument at fault, when the server named it. */
  argument?: string | null;
  /** All GraphQL errors of the answer, first one first. */
  errors?: ReadonlyArray<GraphqlErrorEntry>;
  /** Whether repeating the same request could succeed (network failures, 5xx, rate limits). */
  retryable?: boolean;
  /** How many HTTP attempts were made before giving up. */
  attempts?: number;
  cause?: unknown;
}

export class OrgraphError extends Error {
  override readonly name = 'OrgraphError';
  readonly code: OrgraphErrorCode;
  readonly reason: string | null;
  readonly requestId: string | null;
  readonly status: number | null;
  readonly retryAfter: number | null;
  readonly serverCode: string | null;
  readonly argument: string | null;
  readonly errors: ReadonlyArray<GraphqlErrorEntry>;
  readonly retryable: boolean;
  attempts: number;

  constructor(code: OrgraphErrorCode, message: string, details: OrgraphErrorDetails = {}) {
    super(message);
    // Keeps `instanceof` working when compiled to ES5-style classes by a consumer's bundler.
    Object.setPrototypeOf(this, new.target.prototype);
    this.code = code;
    this.reason = details.reason ?? null;
    this.requestId = details.requestId ?? null;
    this.status = details.status ?? null;
    this.retryAfter = details.retryAfter ?? null;
    this.serverCode = details.serverCode ?? null;
    this.argument = details.argument ?? null;
    this.errors = details.errors ?? [];
    this.retryable = details.retryable ?? false;
    this.attempts = details.attempts ?? 1;
    if (details.cause !== undefined) (this as { cause?: unknown }).cause = details.cause;
  }
}

export function isOrgraphError(value: unknown): value is OrgraphError {
  return value instanceof OrgraphError;
}

const SERVER_CODES: Readonly<Record<string, OrgraphErrorCode>> = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  BAD_REQUEST: 'BAD_REQUEST',
  GRAPHQL_PARSE_FAILED: 'BAD_REQUEST',
  GRAPHQL_VALIDATION_FAILED: 'BAD_REQUEST',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_REQUEST',
  OPERATION_RESOLUTION_FAILURE: 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'BAD_REQUEST',
};

/** Maps the server's `extensions.code` onto the SDK's codes; unknown codes count as server errors. */
export function codeFromServer(serverCode: string | null | undefined, status: number): OrgraphErrorCode {
  if (serverCode && SERVER_CODES[serverCode]) return SERVER_CODES[serverCode];
  return codeFromStatus(status);
}

/** For answers without a GraphQL error body (a proxy's HTML page, an empty 502). */
export function codeFromStatus(status: number): OrgraphErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  if (status >= 400 && status < 500) return 'BAD_REQUEST';
  return 'INTERNAL_SERVER_ERROR';
}
