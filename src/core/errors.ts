import { GraphQLError } from 'graphql';

/**
 * The error vocabulary of the API. Authentication and authorization failures and invalid arguments are GraphQL
 * errors carrying `extensions.code`; business-rule failures of mutations are `userErrors` in the payload instead.
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

/** The single message for every credential problem, so a caller cannot learn which part was wrong. */
export const UNAUTHENTICATED_MESSAGE = 'Authentication required: the credential is missing, malformed, expired or revoked.';

export class UnauthenticatedError extends GraphQLError {
  /** `hint`: how to send the credential, when its shape alone shows the scheme is wrong (never whether it is valid). */
  constructor(hint?: string) {
    super(hint ? `${UNAUTHENTICATED_MESSAGE} ${hint}` : UNAUTHENTICATED_MESSAGE, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}

/** Authenticated but not allowed; `reason` is a stable machine-readable code (e.g. `ROLE_REQUIRED`). */
export class ForbiddenError extends GraphQLError {
  constructor(reason: string, message = 'You are not allowed to do this.') {
    super(message, { extensions: { code: 'FORBIDDEN', reason } });
  }
}

/** The one message for everything a caller cannot see, whatever its type and wherever the lookup failed. */
export const NOT_FOUND_MESSAGE = 'Not found: no such object, or you may not see it.';

/**
 * Used both for missing objects and for objects the caller may not know exist. The message never names the type
 * that failed: "Team not found" where a random id gives "SpendingAlert not found" told callers that the alert
 * existed in a team they cannot see (issue 16). `what` stays for readers of the code.
 */
export class NotFoundError extends GraphQLError {
  constructor(readonly what: string) {
    super(NOT_FOUND_MESSAGE, { extensions: { code: 'NOT_FOUND' } });
  }
}

/** A malformed argument; `argument` names it so clients can point at the field. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, argument?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
  }
}

/** Over the credential's rate budget: HTTP 429 with `Retry-After`, and `extensions.retryAfter` in seconds. */
export class RateLimitedError extends GraphQLError {
  constructor(retryAfterSeconds: number) {
    super(`Rate limit exceeded; retry after ${retryAfterSeconds} s.`, {
      extensions: {
        code: 'RATE_LIMITED',
        retryAfter: retryAfterSeconds,
        // Apollo moves `http` into the response head (status and headers) and strips it from the body.
        http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      },
    });
  }
}

/** Too many operations of one credential in flight at once (src/core/concurrency.ts): retry shortly. */
export class TooManyInFlightError extends GraphQLError {
  constructor(maxInFlight: number, scope = 'for this credential') {
    super(`Too many operations in flight ${scope} (at most ${maxInFlight} at once); retry after 1 s.`, {
      extensions: {
        code: 'RATE_LIMITED',
        reason: 'CONCURRENCY',
        retryAfter: 1,
        http: { status: 429, headers: new Map([['retry-after', '1']]) },
      },
    });
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
export class ServiceUnavailableError extends GraphQLError {
  constructor(retryAfterSeconds = 1) {
    super(SERVICE_UNAVAILABLE_MESSAGE, {
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        retryAfter: retryAfterSeconds,
        http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      },
    });
  }
}

/**
 * The shared rate-limit store did not answer and RATE_LIMIT_STORE_FAILURE=refuse: the operation is not run unmetered.
 * Same code as any other outage (clients retry the same way); `reason` tells operators and clients which one.
 */
export class RateLimitStoreUnavailableError extends GraphQLError {
  constructor(retryAfterSeconds = 5) {
    super('Rate limiting is temporarily unavailable, so the operation was not run; retry shortly.', {
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        reason: 'RATE_LIMIT_STORE_UNAVAILABLE',
        retryAfter: retryAfterSeconds,
        http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      },
    });
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
