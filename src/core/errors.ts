import { GraphQLError } from 'graphql';

/**
 * The error vocabulary of the API. Authentication and authorization failures and invalid arguments are plain
 * `DomainError`s carrying a code, translated at each edge (GraphQL: `extensions.code`; REST: the contract's error
 * body in app/rest.ts); business-rule failures of mutations are `userErrors` in the payload instead.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'QUERY_TIMEOUT'
  | 'INTERNAL_SERVER_ERROR';

/** What an edge may say about an error's HTTP answer (status and headers such as Retry-After). */
export interface HttpHint {
  status: number;
  headers?: Map<string, string>;
}

/**
 * A failure the caller can act on. A plain class, not a GraphQL error: services and the REST routes throw it too.
 * `extensions` is the GraphQL edge's reading of it: graphql-js (and graphql-jit) copy an original error's
 * `extensions` onto the error they report, and Apollo takes the HTTP status and headers from its `http` entry.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Machine-readable details shown next to the code (`reason`, `argument`, `retryAfter`). */
    readonly details: Readonly<Record<string, unknown>> = {},
    readonly http: HttpHint | null = null,
  ) {
    super(message);
    this.name = new.target.name;
  }

  get extensions(): Record<string, unknown> {
    return { code: this.code, ...this.details, ...(this.http ? { http: this.http } : {}) };
  }
}

/** The GraphQL edge where Apollo needs a GraphQL error itself (context creation would otherwise prefix the message). */
export function toGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: error.extensions });
}

/** The single message for every credential problem, so a caller cannot learn which part was wrong. */
export const UNAUTHENTICATED_MESSAGE = 'Authentication required: the credential is missing, malformed, expired or revoked.';

export class UnauthenticatedError extends DomainError {
  /** `hint`: how to send the credential, when its shape alone shows the scheme is wrong (never whether it is valid). */
  constructor(hint?: string) {
    super('UNAUTHENTICATED', hint ? `${UNAUTHENTICATED_MESSAGE} ${hint}` : UNAUTHENTICATED_MESSAGE, {}, { status: 401 });
  }
}

/** Authenticated but not allowed; `reason` is a stable machine-readable code (e.g. `ROLE_REQUIRED`). */
export class ForbiddenError extends DomainError {
  constructor(reason: string, message = 'You are not allowed to do this.') {
    super('FORBIDDEN', message, { reason });
  }
}

/** The one message for everything a caller cannot see, whatever its type and wherever the lookup failed. */
export const NOT_FOUND_MESSAGE = 'Not found: no such object, or you may not see it.';

/**
 * Used both for missing objects and for objects the caller may not know exist. The message never names the type
 * that failed: "Team not found" where a random id gives "SpendingAlert not found" told callers that the alert
 * existed in a team they cannot see (issue 16). `what` stays for readers of the code.
 */
export class NotFoundError extends DomainError {
  constructor(readonly what: string) {
    super('NOT_FOUND', NOT_FOUND_MESSAGE);
  }
}

/** A malformed argument; `argument` names it so clients can point at the field. */
export class BadUserInputError extends DomainError {
  constructor(message: string, argument?: string) {
    super('BAD_USER_INPUT', message, argument ? { argument } : {});
  }
}

/** Over the credential's rate budget: HTTP 429 with `Retry-After`, and `extensions.retryAfter` in seconds. */
export class RateLimitedError extends DomainError {
  constructor(retryAfterSeconds: number) {
    // Apollo moves `http` into the response head (status and headers) and strips it from the body.
    super('RATE_LIMITED', `Rate limit exceeded; retry after ${retryAfterSeconds} s.`, { retryAfter: retryAfterSeconds }, { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) });
  }
}

/** Too many operations of one credential in flight at once (src/core/concurrency.ts): retry shortly. */
export class TooManyInFlightError extends DomainError {
  constructor(maxInFlight: number, scope = 'for this credential') {
    super('RATE_LIMITED', `Too many operations in flight ${scope} (at most ${maxInFlight} at once); retry after 1 s.`, { reason: 'CONCURRENCY', retryAfter: 1 }, { status: 429, headers: new Map([['retry-after', '1']]) });
  }
}

/**
 * A database statement ran past the per-statement timeout (PostgreSQL `statement_timeout`, SQLSTATE 57014) and was
 * cancelled: the request asked for more work than one statement may do. Not retryable as is.
 */
export function queryTimeoutMessage(timeoutMs: number): string {
  return `The operation was stopped: a database statement ran longer than the ${timeoutMs} ms limit. Ask for less (a smaller page, a shorter range, fewer groups) and retry.`;
}

export const SERVICE_UNAVAILABLE_MESSAGE = 'The service is temporarily unavailable; retry shortly.';

/** The database is unreachable (pool exhausted, restart, failover): retryable, HTTP 503 when nothing executed. */
export class ServiceUnavailableError extends DomainError {
  constructor(retryAfterSeconds = 1) {
    super('SERVICE_UNAVAILABLE', SERVICE_UNAVAILABLE_MESSAGE, { retryAfter: retryAfterSeconds }, { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) });
  }
}

/**
 * The shared rate-limit store did not answer and RATE_LIMIT_STORE_FAILURE=refuse: the operation is not run unmetered.
 * Same code as any other outage (clients retry the same way); `reason` tells operators and clients which one.
 */
export class RateLimitStoreUnavailableError extends DomainError {
  constructor(retryAfterSeconds = 5) {
    super(
      'SERVICE_UNAVAILABLE',
      'Rate limiting is temporarily unavailable, so the operation was not run; retry shortly.',
      { reason: 'RATE_LIMIT_STORE_UNAVAILABLE', retryAfter: retryAfterSeconds },
      { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    );
  }
}

/** A business-rule failure reported inside a mutation payload. */
export interface UserErrorShape {
  field: string[] | null;
  message: string;
  code: string;
}

/** Thrown by services for rule failures; mutation resolvers turn it into `userErrors`. */
export class UserInputFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field: string[] | null = null,
  ) {
    super(message);
  }

  toUserError(): UserErrorShape {
    return { field: this.field, message: this.message, code: this.code };
  }
}
