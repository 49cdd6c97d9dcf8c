import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { httpRequestsTotal } from './metrics';
import { currentRequestScope, runInRequestScope, type RequestScope } from './requestScope';
import { recordStages, timeRequestAs, type StageKind } from './stageTimings';

declare module 'express-serve-static-core' {
  interface Request {
    requestId: string;
  }
}

const INCOMING_REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * True when a request carries a header more than once. Node keeps the first `Authorization` and drops the rest, so
 * which credential acted would depend on their order: every entry point refuses such a request as unauthenticated.
 */
export function hasRepeatedHeader(rawHeaders: readonly string[], name: string): boolean {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i].toLowerCase() === name && ++count > 1) return true;
  return false;
}

/** Gives every request an id (a sane incoming `x-request-id` is kept), echoes it, and opens the request scope. */
export function requestScope(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  req.requestId = incoming && INCOMING_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
  res.setHeader('x-request-id', req.requestId);
  const scope: RequestScope = { requestId: req.requestId, sqlStatements: 0, sqlMs: 0, startedAt: performance.now() };
  res.on('finish', () => {
    httpRequestsTotal.inc({ route: routeLabel(req), status: String(res.statusCode) });
    recordStages(scope, performance.now() - scope.startedAt);
  });
  runInRequestScope(scope, next);
}

/** Keeps per-stage timings for the requests of this route (see stageTimings.ts). */
export function timeStages(kind: StageKind) {
  return (_req: Request, _res: Response, next: NextFunction): void => {
    timeRequestAs(currentRequestScope(), kind);
    next();
  };
}

function routeLabel(req: Request): string {
  const path = req.path;
  if (path.startsWith('/graphql')) return '/graphql';
  if (path.startsWith('/ide/')) return '/ide';
  return ['/healthz', '/readyz', '/metrics', '/playground'].includes(path) ? path : 'other';
}

/** The JSON error body used outside GraphQL (malformed bodies, unknown routes, oversized payloads). */
export function sendHttpError(res: Response, req: Request, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code, requestId: req.requestId } }] });
}

/** Caps GraphQL batch size before Apollo sees the batch. */
export function batchLimit(maxBatch: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (Array.isArray(req.body)) {
      if (req.body.length === 0 || req.body.length > maxBatch) {
        sendHttpError(res, req, 400, 'BAD_REQUEST', `A batch must hold 1–${maxBatch} operations.`);
        return;
      }
    }
    next();
  };
}

/**
 * Last-resort handler: malformed JSON and oversized bodies become clean 400/413 answers; anything else is a 500
 * with the request id and no stack trace.
 */
export function errorHandler(log: (error: unknown, requestId: string) => void) {
  // Express recognises error handlers by their four parameters.
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const status = (error as { status?: number; type?: string }).status;
    const type = (error as { type?: string }).type;
    if (res.headersSent) return;
    if (type === 'entity.parse.failed') {
      sendHttpError(res, req, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    } else if (type === 'entity.too.large') {
      sendHttpError(res, req, 413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
    } else if (status && status >= 400 && status < 500) {
      sendHttpError(res, req, status, 'BAD_REQUEST', 'The request could not be processed.');
    } else {
      log(error, req.requestId);
      sendHttpError(res, req, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
    }
  };
}
