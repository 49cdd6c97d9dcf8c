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

/** Used both for missing objects and for objects the caller may not know exist. */
export class NotFoundError extends GraphQLError {
  constructor(what: string) {
    super(`${what} not found.`, { extensions: { code: 'NOT_FOUND' } });
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
