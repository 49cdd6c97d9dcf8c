import express, { type Request, type Response } from 'express';
import type { Services } from '../app/scope';
import type { Config } from '../core/config';
import { SsoLoginError } from './sso.service';

/**
 * The browser side of SSO: `/auth/sso/<org-slug>/start` redirects to the identity provider, and the provider sends
 * the user back to `/auth/sso/callback`, which answers with the session token as JSON. Every failure is a JSON
 * error with a stable code, never a 500.
 */
export function createSsoRouter(services: Services, config: Pick<Config, 'PUBLIC_URL' | 'isProduction'>): express.Router {
  const router = express.Router();
  const callbackUrl = ssoCallbackUrl(config);

  router.get('/auth/sso/callback', async (req, res) => {
    try {
      const query = Object.fromEntries(Object.entries(req.query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
      const session = await services.sso.callback(query, callbackUrl(req));
      res.json({ token: session.token, expiresAt: session.expiresAt.toISOString(), method: 'SSO' });
    } catch (error) {
      fail(res, req, error);
    }
  });

  router.get('/auth/sso/:slug/start', async (req, res) => {
    try {
      res.redirect(302, await services.sso.start(req.params.slug, callbackUrl(req)));
    } catch (error) {
      fail(res, req, error);
    }
  });
  return router;
}

/**
 * The redirect URI sent to identity providers. From the Host header, a client could choose where the provider
 * sends codes, so in production it is only ever the configured PUBLIC_URL (config refuses to start production
 * without one; this is the second lock). Development falls back to the request's host.
 */
export function ssoCallbackUrl(config: Pick<Config, 'PUBLIC_URL' | 'isProduction'>): (req: Pick<Request, 'protocol' | 'get'>) => string {
  if (config.isProduction && !config.PUBLIC_URL) throw new Error('PUBLIC_URL is required in production (SSO redirect URIs).');
  const base = config.PUBLIC_URL?.replace(/\/$/, '');
  return (req) => `${base ?? `${req.protocol}://${req.get('host')}`}/auth/sso/callback`;
}

function fail(res: Response, req: Request, error: unknown): void {
  if (error instanceof SsoLoginError) {
    res.status(error.status).json({ error: { code: error.code, message: error.message, requestId: req.requestId } });
    return;
  }
  throw error;
}
