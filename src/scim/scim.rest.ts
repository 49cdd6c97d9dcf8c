import express, { type NextFunction, type Request, type Response } from 'express';
import type { Services } from '../app/scope';
import { isDatabaseOutage } from '../core/dbErrors';
import { RateLimitedError, UnauthenticatedError } from '../core/errors';
import { hasRepeatedHeader } from '../core/http';
import { chargeFailedAuthentication, type RateLimiter } from '../core/rateLimit';
import type { ScimCaller } from './scimCaller';
import { notFound, ScimError } from './scimErrors';
import { unstorableIn, urlContainsNul } from '../core/nul';
import { resourceTypes, schemas, serviceProviderConfig } from './scimSchema';
import { listResponse, type ListQuery } from './scimResources';

const SCIM_CONTENT_TYPE = 'application/scim+json';

declare module 'express-serve-static-core' {
  interface Request {
    scimCaller?: ScimCaller;
  }
}

/**
 * `/scim/v2` (RFC 7644) for one organization's identity provider. Only a live SCIM token authenticates here (no
 * session, no API key); every answer, errors included, is `application/scim+json`, and no input produces a 500.
 */
export function createScimRouter(services: Services, limiter: RateLimiter | null, log: (error: unknown, requestId: string) => void): express.Router {
  const router = express.Router();
  const scim = express.Router();
  const { users, groups, tokens } = services.scim;
  const publicUrl = services.config.PUBLIC_URL?.replace(/\/$/, '');

  scim.use(async (req, res, next) => {
    try {
      // Failed attempts cost the caller's IP like failed GraphQL authentications do (429 once over budget).
      const token = await chargeFailedAuthentication(limiter, req.ip ?? null, async () => {
        const found = hasRepeatedHeader(req.rawHeaders, 'authorization') ? null : await tokens.authenticate(req.header('authorization'));
        if (!found) throw new UnauthenticatedError();
        return found;
      }).catch((error: unknown) => {
        if (error instanceof UnauthenticatedError) return null;
        throw error;
      });
      if (!token) {
        res.setHeader('www-authenticate', 'Bearer realm="scim"');
        return send(res, 401, new ScimError(401, 'Authentication required: send the organization’s SCIM token as "Authorization: Bearer <token>".').body());
      }
      req.scimCaller = {
        organizationId: token.organizationId,
        tokenId: token.id,
        tokenHint: token.tokenHint,
        requestId: req.requestId,
        ip: req.ip ?? null,
        baseUrl: `${publicUrl ?? `${req.protocol}://${req.get('host')}`}/scim/v2`,
      };
      next();
    } catch (error) {
      next(error);
    }
  });
  // Okta and Entra ID send application/scim+json; plain application/json (and a missing type) is accepted too.
  scim.use(express.json({ type: () => true, limit: '2mb' }));
  // PostgreSQL text cannot hold U+0000: refused anywhere in the request before routing (red-team D4; issue 22: bad
  // input gets SCIM errors, never a 500).
  scim.use((req, _res, next) => {
    const unstorable = urlContainsNul(req.originalUrl) ? 'a NUL character (U+0000)' : unstorableIn(req.body);
    if (unstorable) return next(new ScimError(400, `The request contains ${unstorable}, which is not allowed.`, 'invalidValue'));
    next();
  });

  const handle =
    (status: number, work: (caller: ScimCaller, req: Request) => Promise<unknown>) =>
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const body = await work(req.scimCaller!, req);
        if (status === 204) res.status(204).end();
        else send(res, status, body);
      } catch (error) {
        next(error);
      }
    };
  // Express's query parser turns `filter=a&filter=b` into an array, and keeps `filter[]=a` under the name `filter[]`
  // (or, with the extended parser, an array/object). Dropping them silently
  // widened a list to everyone (red-team D3), so every parameter must be one plain value.
  const query = (req: Request): ListQuery => {
    for (const [name, value] of Object.entries(req.query)) {
      if (typeof value !== 'string' || /[[\]]/.test(name)) throw new ScimError(400, `The query parameter ${JSON.stringify(name)} must be given once, as a plain value (not repeated or bracketed).`, 'invalidFilter');
    }
    return req.query;
  };
  const id = (req: Request) => String(req.params.id);

  scim.get('/ServiceProviderConfig', handle(200, async (caller) => serviceProviderConfig(caller.baseUrl, publicUrl ? `${publicUrl}/docs/scim` : null)));
  scim.get('/ResourceTypes', handle(200, async (caller) => list(resourceTypes(caller.baseUrl))));
  scim.get('/ResourceTypes/:id', handle(200, async (caller, req) => resourceTypes(caller.baseUrl).find((type) => type.id === id(req)) ?? Promise.reject(notFound('ResourceType', id(req)))));
  scim.get('/Schemas', handle(200, async (caller) => list(schemas(caller.baseUrl))));
  scim.get('/Schemas/:id', handle(200, async (caller, req) => schemas(caller.baseUrl).find((schema) => schema.id === id(req)) ?? Promise.reject(notFound('Schema', id(req)))));

  scim.get('/Users', handle(200, (caller, req) => users.list(caller, query(req))));
  scim.post('/Users', handle(201, (caller, req) => users.create(caller, req.body)));
  scim.get('/Users/:id', handle(200, (caller, req) => users.get(caller, id(req), query(req))));
  scim.put('/Users/:id', handle(200, (caller, req) => users.replace(caller, id(req), req.body)));
  scim.patch('/Users/:id', handle(200, (caller, req) => users.patch(caller, id(req), req.body)));
  scim.delete('/Users/:id', handle(204, (caller, req) => users.delete(caller, id(req))));

  scim.get('/Groups', handle(200, (caller, req) => groups.list(caller, query(req))));
  scim.post('/Groups', handle(201, (caller, req) => groups.create(caller, req.body)));
  scim.get('/Groups/:id', handle(200, (caller, req) => groups.get(caller, id(req), query(req))));
  scim.put('/Groups/:id', handle(200, (caller, req) => groups.replace(caller, id(req), req.body)));
  scim.patch('/Groups/:id', handle(200, (caller, req) => groups.patch(caller, id(req), req.body)));
  scim.delete('/Groups/:id', handle(204, (caller, req) => groups.delete(caller, id(req))));

  scim.use((req, res) => send(res, 404, new ScimError(404, `No SCIM endpoint for ${req.method} ${req.path}.`).body()));
  // Express recognises error handlers by their four parameters.
  scim.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return;
    const type = (error as { type?: string }).type;
    if (error instanceof ScimError) return send(res, error.status, error.body());
    if (error instanceof RateLimitedError) {
      const retryAfter = String(error.details.retryAfter);
      res.setHeader('retry-after', retryAfter);
      return send(res, 429, new ScimError(429, `Too many failed authentications; retry after ${retryAfter} s.`).body());
    }
    if (type === 'entity.parse.failed') return send(res, 400, new ScimError(400, 'The request body is not valid JSON.', 'invalidSyntax').body());
    if (type === 'entity.too.large') return send(res, 413, new ScimError(413, 'The request body is too large.').body());
    if (isDatabaseOutage(error)) {
      res.setHeader('retry-after', '1');
      return send(res, 503, new ScimError(503, 'The service is temporarily unavailable; retry shortly.').body());
    }
    const status = (error as { status?: number }).status;
    if (status && status >= 400 && status < 500) return send(res, status, new ScimError(status, 'The request could not be processed.', 'invalidSyntax').body());
    log(error, req.requestId);
    send(res, 500, new ScimError(500, `Internal server error (request ${req.requestId}).`).body());
  });

  router.use('/scim/v2', scim);
  return router;
}

function list(resources: Array<Record<string, unknown>>) {
  return listResponse(resources, resources.length, 1);
}

function send(res: Response, status: number, body: unknown): void {
  res.status(status).type(SCIM_CONTENT_TYPE).send(JSON.stringify(body));
}
