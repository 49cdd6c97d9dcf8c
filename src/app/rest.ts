import crypto from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Actor, ApiKeyActor } from '../auth/actor';
import { DomainError, UserInputFailure } from '../core/errors';
import { isDatabaseOutage, isStatementTimeout } from '../core/dbErrors';
import { chargeFailedAuthentication, subjectOf, type RateLimiter } from '../core/rateLimit';
import { rateLimitRejections } from '../core/metrics';
import type { Services } from './scope';
import { urlContainsNul } from '../core/nul';
import { hasRepeatedHeader } from '../core/http';

/**
 * The one authentication and error mapping of Orgraph's REST routes (docs/rest-contract.md): every 4xx and
 * 5xx answers `{"error": {"type", "message", "request_id"}}` with one of the contract's five types. Domain errors
 * are plain classes (DomainError with a code, UserInputFailure); they are translated here, at the REST edge.
 */
export type RestErrorType = 'authorization_error' | 'validation_error' | 'not_found' | 'rate_limited' | 'server_error';

export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly type: RestErrorType,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const validationError = (message: string) => new RestError(400, 'validation_error', message);

/** Longest request target (path + query) a REST route reads; longer ones are refused before parsing (414). */
export const MAX_REST_URL_LENGTH = 8192;
/** What one REST call takes from its credential's rate budget (a GraphQL operation takes its computed cost). */
export const REST_CALL_COST = 10;

export interface RestDeps {
  services: Services;
  limiter: RateLimiter | null;
  log: (error: unknown, requestId: string) => void;
}

/** An organization admin key: an ADMIN-scoped key on the organization's root team. */
export type OrganizationAdminKey = ApiKeyActor & { organizationId: string };

export function sendRestError(res: Response, requestId: string, error: RestError): void {
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  // HTTP's 401 names the schemes that would do (RFC 9110 §11.6.1): an organization admin key, or a session token.
  if (error.status === 401) res.setHeader('www-authenticate', 'Key realm="orgraph", Bearer realm="orgraph"');
  res.status(error.status).json({ error: { type: error.type, message: error.message, request_id: requestId } });
}

/** Any error thrown while serving a REST route, as the contract's error. */
export function toRestError(error: unknown): RestError {
  if (error instanceof RestError) return error;
  if (error instanceof UserInputFailure) return validationError(error.message);
  if (error instanceof DomainError) {
    const retryAfter = String(typeof error.details.retryAfter === 'number' ? error.details.retryAfter : 1);
    switch (error.code) {
      case 'BAD_USER_INPUT':
        return validationError(error.message);
      case 'UNAUTHENTICATED':
        return new RestError(401, 'authorization_error', error.message);
      case 'FORBIDDEN':
        return new RestError(403, 'authorization_error', error.message);
      case 'NOT_FOUND':
        return new RestError(404, 'not_found', error.message);
      case 'RATE_LIMITED':
        return new RestError(429, 'rate_limited', error.message, { 'retry-after': retryAfter });
      case 'SERVICE_UNAVAILABLE':
        return new RestError(503, 'server_error', error.message, { 'retry-after': retryAfter });
    }
  }
  if (isStatementTimeout(error)) {
    return new RestError(503, 'server_error', 'The query ran longer than the per-statement limit and was stopped; ask for a shorter range, a coarser timeframe or fewer groups.');
  }
  if (isDatabaseOutage(error)) return new RestError(503, 'server_error', 'The service is temporarily unavailable; retry shortly.', { 'retry-after': '1' });
  return new RestError(500, 'server_error', 'Internal server error.');
}

const UNAUTHENTICATED = 'Authentication required: send `Authorization: Key <key_id>:<key_secret>` with a valid key.';

/**
 * Authenticates the credential (failed attempts are charged to the sender's IP like on GraphQL), then charges the
 * credential's rate budget. Returns the actor, or throws the contract's 401/429.
 */
export async function authenticateRest(deps: RestDeps, req: Request): Promise<Actor> {
  if (hasRepeatedHeader(req.rawHeaders, 'authorization')) throw new RestError(401, 'authorization_error', 'Send one Authorization header, not several.');
  let actor: Actor;
  try {
    actor = await chargeFailedAuthentication(deps.limiter, req.ip ?? null, () => deps.services.authenticator.authenticate(req.header('authorization')));
  } catch (error) {
    const mapped = toRestError(error);
    throw mapped.status === 401 ? new RestError(401, 'authorization_error', UNAUTHENTICATED) : mapped;
  }
  if (actor.kind === 'ANONYMOUS') throw new RestError(401, 'authorization_error', UNAUTHENTICATED);
  if (deps.limiter) {
    const subject = subjectOf(actor, req.ip ?? null);
    const result = await deps.limiter.take(subject, REST_CALL_COST);
    if (!result.allowed) {
      rateLimitRejections.inc({ class: subject.limitClass });
      throw new RestError(429, 'rate_limited', `Rate limit exceeded; retry after ${result.retryAfterSeconds} s.`, { 'retry-after': String(result.retryAfterSeconds) });
    }
  }
  return actor;
}

/** Wraps a route handler so every failure, thrown or rejected, answers with the contract's error body. */
export function restRoute(deps: RestDeps, handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return async (req, res) => {
    try {
      if (req.originalUrl.length > MAX_REST_URL_LENGTH) {
        throw new RestError(414, 'validation_error', `The request URL is longer than ${MAX_REST_URL_LENGTH} characters; narrow the filters or split the request.`);
      }
      // PostgreSQL text cannot hold U+0000: refused as bad input before any lookup (red-team D4).
      if (urlContainsNul(req.originalUrl)) throw validationError('The request URL contains a NUL character (%00), which is not allowed in any parameter.');
      await handler(req, res);
    } catch (error) {
      const mapped = toRestError(error);
      if (mapped.status >= 500 && mapped.status !== 503) deps.log(error, req.requestId);
      if (!res.headersSent) sendRestError(res, req.requestId, mapped);
    }
  };
}

/** A route for organization admin keys only (the contract's credential): 401 without one, 403 for any other. */
export function adminKeyRoute(deps: RestDeps, handler: (req: Request, res: Response, actor: OrganizationAdminKey) => Promise<void>): RequestHandler {
  return restRoute(deps, async (req, res) => {
    const actor = await authenticateRest(deps, req);
    if (actor.kind !== 'API_KEY' || !actor.isOrganizationAdminKey || !actor.organizationId) {
      throw new RestError(403, 'authorization_error', 'This route requires an organization admin key (ADMIN scope on the organization’s root team).');
    }
    await handler(req, res, actor as OrganizationAdminKey);
  });
}

/**
 * Query parameters of a REST route, read from the raw URL: every name must be one the route knows (a typo in a
 * filter must not widen the answer), single-valued ones may appear once, and lists may be comma-separated,
 * repeated, or both.
 */
export class QueryParams {
  private readonly values = new Map<string, string[]>();

  constructor(req: Request, known: readonly string[]) {
    const search = new URL(req.originalUrl, 'http://localhost').searchParams;
    for (const [name, value] of search) {
      if (!known.includes(name)) {
        throw validationError(`Unknown query parameter \`${name}\`; this route takes ${known.map((k) => `\`${k}\``).join(', ')}.`);
      }
      this.values.set(name, [...(this.values.get(name) ?? []), value]);
    }
  }

  /** A single-valued parameter (undefined when absent). */
  single(name: string): string | undefined {
    const values = this.values.get(name);
    if (!values) return undefined;
    if (values.length > 1) throw validationError(`\`${name}\` may be given only once.`);
    if (values[0] === '') throw validationError(`\`${name}\` is empty.`);
    return values[0];
  }

  /** A list parameter: null when absent; empty elements are refused (`a=` or `a=x,,y` is a mistake, not "all"). */
  list(name: string, max?: number): string[] | null {
    const values = this.values.get(name);
    if (!values) return null;
    const items = values.flatMap((value) => value.split(',')).map(trimSpaces);
    if (items.some((item) => item === '')) throw validationError(`\`${name}\` has an empty value.`);
    const distinct = [...new Set(items)];
    if (max !== undefined && distinct.length > max) throw validationError(`\`${name}\` takes 1–${max} values; ${distinct.length} were given.`);
    return distinct;
  }

  /** A list whose values come from a fixed set (exact spelling). */
  enumList<T extends string>(name: string, allowed: readonly T[]): T[] | null {
    const items = this.list(name);
    const wrong = items?.find((item) => !(allowed as readonly string[]).includes(item));
    if (wrong !== undefined) throw validationError(`Unknown value \`${wrong}\` for \`${name}\`; expected ${allowed.map((a) => `\`${a}\``).join(', ')}.`);
    return items as T[] | null;
  }

  boolean(name: string): boolean | undefined {
    const value = this.single(name);
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false') throw validationError(`\`${name}\` must be \`true\` or \`false\`.`);
    return value === 'true';
  }
}

/**
 * Surrounding ASCII spaces only (`a, b`): tabs, line breaks and Unicode separators can belong to a value (an endpoint id
 * is any text), and trimming them silently asked for another id. A loop, not a regex: `/ +$/` backtracks
 * quadratically over a long run of spaces.
 */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  return text.slice(start, end);
}

/** Unknown routes and methods under /v1 answer the contract's 404 (the app's generic 404 is GraphQL-shaped). */
export function restNotFound(): RequestHandler {
  return (req: Request, res: Response, _next: NextFunction) =>
    sendRestError(res, req.requestId, new RestError(404, 'not_found', `No route for ${req.method} ${req.baseUrl}${req.path}.`));
}

/**
 * Requests Node's HTTP parser refuses (request line or headers beyond its 16 KiB limit, malformed headers) never
 * reach Express: Node reports them as a client error. For REST requests (the raw packet starts with a `/v1/` request
 * line) the answer is the contract's error body — 414 when the request line alone did not fit, 431 for oversized
 * headers, 400 for anything malformed; other requests keep Node's own bare answers.
 */
export function answerOversizedRestRequests(server: http.Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex & { bytesWritten?: number }) => {
    if (error.code === 'ECONNRESET' || !socket.writable || socket.bytesWritten) return socket.destroy();
    const raw = error.rawPacket ?? Buffer.alloc(0);
    const parseError = error.code?.startsWith('HPE_') && error.code !== 'HPE_REQUEST_TIMEOUT';
    if (!parseError || !/^[A-Z]+ \/v1\//.test(raw.subarray(0, 64).toString('latin1'))) {
      // Node's own answers when nobody listens (this listener replaces them for every request).
      const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : error.code === 'HPE_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
      return;
    }
    const lineEnd = raw.indexOf('\r\n');
    const [status, text, message] =
      error.code !== 'HPE_HEADER_OVERFLOW'
        ? [400, 'Bad Request', 'The request is not valid HTTP.']
        : lineEnd === -1 || lineEnd > MAX_REST_URL_LENGTH
          ? [414, 'URI Too Long', 'The request URL is too long; narrow the filters or split the request.']
          : [431, 'Request Header Fields Too Large', 'The request headers are too large.'];
    const requestId = crypto.randomUUID();
    const body = JSON.stringify({ error: { type: 'validation_error', message, request_id: requestId } });
    socket.end(
      `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
