import cors from 'cors';
import type { RequestHandler } from 'express';

/**
 * Cross-origin access for browser dashboards on the origins of `CORS_ORIGINS` (exact matches; none by default, and
 * then no CORS header is ever sent). Credentials are the `Authorization` header (a `Key` or a session `Bearer`),
 * never cookies, so `Access-Control-Allow-Credentials` is never sent. Preflights are answered here (204).
 */
export function corsFor(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins.map((origin) => origin.toLowerCase()));
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin.toLowerCase())),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type', 'x-request-id', 'apollo-require-preflight'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    credentials: false,
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
}
