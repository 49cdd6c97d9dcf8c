import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { codeFromServer, codeFromStatus, OrgraphError, type GraphqlErrorEntry } from './errors.js';

/**
 * A typed GraphQL document: the SDK's generated documents, or any `TypedDocumentString` /
 * `TypedDocumentNode`-style string document from your own codegen. `toString()` must return the operation text.
 */
export type OrgraphDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & { toString(): string };

/** The part of `fetch` the SDK uses; the global `fetch` of Node 20+ and browsers fits, and so do test doubles. */
export type FetchLike = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

/** Connection settings shared by `createClient`, `signUp` and `login`. */
export interface ClientSettings {
  /** The GraphQL endpoint, e.g. `https://orgraph.example.com/graphql`. */
  url: string;
  /** Abort each HTTP attempt after this many milliseconds (TIMEOUT). Default 30 000. */
  timeoutMs?: number;
  /**
   * Extra attempts for queries that failed with NETWORK, a 5xx answer or RATE_LIMITED. Default 2. Mutations are
   * never retried: the SDK cannot know whether the first attempt took effect.
   */
  retries?: number;
  /** First backoff delay; doubled per attempt, with jitter. Default 250 ms. */
  retryDelayMs?: number;
  /** Never wait longer than this between attempts; a longer `retryAfter` fails at once. Default 10 000 ms. */
  maxRetryDelayMs?: number;
  /** A `fetch` implementation; defaults to the global one. */
  fetch?: FetchLike;
  /** Extra headers sent with every request. */
  headers?: Readonly<Record<string, string>>;
}

/** Per-call options every client method accepts as its last argument. */
export interface RequestOptions {
  /** Cancels the call (ABORTED). */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
}

interface GraphqlBody {
  data?: unknown;
  errors?: ReadonlyArray<GraphqlErrorEntry>;
}

const DEFAULTS = { timeoutMs: 30_000, retries: 2, retryDelayMs: 250, maxRetryDelayMs: 10_000 };

/**
 * Sends one operation and returns its `data`, or throws an OrgraphError. Queries are retried with exponential
 * backoff (honouring the server's `retryAfter` when rate limited); mutations get exactly one attempt.
 */
export async function execute<TResult, TVariables>(
  settings: ClientSettings,
  authorization: string | null,
  document: OrgraphDocument<TResult, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  const query = document.toString();
  const idempotent = operationKind(query) === 'query';
  const retries = idempotent ? Math.max(0, settings.retries ?? DEFAULTS.retries) : 0;
  // One id for every attempt of this call, so the server's logs show the retries as one logical request.
  const requestId = newRequestId();
  const headers: Record<string, string> = {
    ...settings.headers,
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json;q=0.9',
    'x-request-id': requestId,
  };
  if (authorization) headers.authorization = authorization;
  const body = JSON.stringify({ query, variables });

  for (let attempt = 1; ; attempt++) {
    try {
      return (await attemptOnce(settings, headers, body, requestId, options)) as TResult;
    } catch (error) {
      if (!(error instanceof OrgraphError)) throw error;
      error.attempts = attempt;
      if (!error.retryable || attempt > retries || options.signal?.aborted) throw error;
      const delay = retryDelay(settings, error, attempt);
      if (delay === null) throw error;
      await sleep(delay, options.signal);
    }
  }
}

async function attemptOnce(
  settings: ClientSettings,
  headers: Record<string, string>,
  body: string,
  requestId: string,
  options: RequestOptions,
): Promise<unknown> {
  const fetchImpl: FetchLike = settings.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? settings.timeoutMs ?? DEFAULTS.timeoutMs;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCallerAbort = () => controller.abort();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener('abort', onCallerAbort);

  let status: number;
  let text: string;
  let headerRequestId: string | null;
  let headerRetryAfter: string | null;
  try {
    // The timer also covers reading the body: a server that stalls mid-answer times out too.
    const response = await fetchImpl(settings.url, { method: 'POST', headers, body, signal: controller.signal });
    status = response.status;
    headerRequestId = response.headers.get('x-request-id');
    headerRetryAfter = response.headers.get('retry-after');
    text = await response.text();
  } catch (cause) {
    if (timedOut) throw new OrgraphError('TIMEOUT', `No answer from Orgraph within ${timeoutMs} ms.`, { requestId, cause });
    if (options.signal?.aborted) throw new OrgraphError('ABORTED', 'The request was aborted by the caller.', { requestId, cause });
    throw new OrgraphError('NETWORK', `Could not reach Orgraph at ${settings.url}: ${describe(cause)}`, { requestId, cause, retryable: true });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }

  const parsed = parseBody(text);
  const retryableStatus = status >= 500 || status === 429;
  if (parsed?.errors && parsed.errors.length > 0) {
    const first = parsed.errors[0]!;
    const extensions = first.extensions ?? {};
    const serverCode = typeof extensions.code === 'string' ? extensions.code : null;
    const code = codeFromServer(serverCode, status);
    const retryAfter = numberOrNull(extensions.retryAfter) ?? numberOrNull(headerRetryAfter);
    throw new OrgraphError(code, first.message, {
      serverCode,
      status,
      reason: stringOrNull(extensions.reason),
      argument: stringOrNull(extensions.argument),
      requestId: stringOrNull(extensions.requestId) ?? headerRequestId ?? requestId,
      retryAfter,
      errors: parsed.errors,
      retryable: code === 'RATE_LIMITED' || retryableStatus,
    });
  }
  if (status >= 200 && status < 300 && parsed && parsed.data !== undefined && parsed.data !== null) return parsed.data;
  const code = status >= 200 && status < 300 ? 'INTERNAL_SERVER_ERROR' : codeFromStatus(status);
  throw new OrgraphError(code, `Unexpected answer from Orgraph (HTTP ${status}).`, {
    status,
    requestId: headerRequestId ?? requestId,
    retryAfter: numberOrNull(headerRetryAfter),
    retryable: retryableStatus,
  });
}

const WORD = /[A-Za-z_]\w*/y;

/**
 * `query`, `mutation` or `subscription`: the kind of the document's first operation, wherever it stands among
 * fragment definitions (your own documents may put fragments first). `{ … }` shorthand is a query. A document in
 * which no operation can be found counts as a mutation, so it is never retried.
 */
export function operationKind(document: string): 'query' | 'mutation' | 'subscription' {
  let braces = 0;
  let parens = 0;
  let inFragmentHeader = false;
  for (let i = 0; i < document.length; i++) {
    const char = document[i]!;
    if (char === '#') {
      while (i < document.length && document[i] !== '\n' && document[i] !== '\r') i++;
    } else if (char === '"') {
      if (document.startsWith('"""', i)) {
        const end = document.indexOf('"""', i + 3);
        i = end < 0 ? document.length : end + 2;
      } else {
        for (i++; i < document.length && document[i] !== '"'; i++) if (document[i] === '\\') i++;
      }
    } else if (char === '(') parens++;
    else if (char === ')') parens--;
    else if (char === '{' && parens === 0) {
      if (braces === 0 && !inFragmentHeader) return 'query';
      if (braces === 0) inFragmentHeader = false;
      braces++;
    } else if (char === '}' && parens === 0) braces--;
    else if (braces === 0 && parens === 0 && /[A-Za-z_]/.test(char) && !/[\w$]/.test(document[i - 1] ?? ' ')) {
      WORD.lastIndex = i;
      const word = WORD.exec(document)![0];
      if (!inFragmentHeader && (word === 'query' || word === 'mutation' || word === 'subscription')) return word;
      if (word === 'fragment' && !inFragmentHeader) inFragmentHeader = true;
      i += word.length - 1;
    }
  }
  return 'mutation';
}

function retryDelay(settings: ClientSettings, error: OrgraphError, attempt: number): number | null {
  const max = settings.maxRetryDelayMs ?? DEFAULTS.maxRetryDelayMs;
  if (error.retryAfter !== null) {
    const wanted = error.retryAfter * 1000;
    return wanted > max ? null : wanted;
  }
  const base = (settings.retryDelayMs ?? DEFAULTS.retryDelayMs) * 2 ** (attempt - 1);
  // Jitter (a random point between half and all of the exponential delay) spreads out clients that failed together.
  return Math.min(max, base / 2 + Math.random() * (base / 2));
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new OrgraphError('ABORTED', 'The request was aborted by the caller.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function parseBody(text: string): GraphqlBody | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as GraphqlBody) : null;
  } catch {
    return null;
  }
}

function newRequestId(): string {
  const cryptoApi = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  // randomUUID is missing in insecure browser contexts (plain http pages); the id only correlates logs.
  if (cryptoApi?.randomUUID) return `sdk-${cryptoApi.randomUUID()}`;
  return `sdk-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as { cause?: unknown }).cause;
    return inner instanceof Error ? `${cause.message} (${inner.message})` : cause.message;
  }
  return String(cause);
}

function numberOrNull(value: unknown): number | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(number) ? number : null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
