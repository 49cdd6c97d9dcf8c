import type { DataSource } from 'typeorm';
import type { Config } from '../core/config';
import { UnauthenticatedError } from '../core/errors';
import type { ApiKeyAuthenticator } from '../apiKeys/apiKeyAuthenticator';
import { ANONYMOUS, type Actor } from './actor';
import { safeEqual } from './tokens';
import { findLiveSession } from '../users/sessionLookup';

/**
 * Turns an `Authorization` header into an actor. No header → anonymous; a header that is present but wrong in any
 * way → UNAUTHENTICATED with one message, whatever was wrong.
 */
export class Authenticator {
  constructor(
    private readonly db: DataSource,
    private readonly config: Pick<Config, 'INGEST_TOKEN' | 'OPERATOR_TOKEN'>,
    private readonly apiKeys: ApiKeyAuthenticator,
  ) {}

  async authenticate(authorization: string | undefined): Promise<Actor> {
    if (authorization === undefined || authorization.trim() === '') return ANONYMOUS;
    const match = /^(Key|Bearer)\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw new UnauthenticatedError();
    const scheme = match[1].toLowerCase();
    const credential = match[2];
    const actor = scheme === 'key' ? await this.apiKeys.authenticate(credential) : await this.bearer(credential);
    if (!actor) throw new UnauthenticatedError(schemeHint(scheme, credential));
    return actor;
  }

  private async bearer(token: string): Promise<Actor | null> {
    if (this.config.INGEST_TOKEN && safeEqual(token, this.config.INGEST_TOKEN)) return { kind: 'INGEST' };
    if (this.config.OPERATOR_TOKEN && safeEqual(token, this.config.OPERATOR_TOKEN)) return { kind: 'OPERATOR' };
    if (!token.startsWith('ogs_')) return null;
    // Sessions are the users module's: it answers which one a token stands for.
    const session = await findLiveSession(this.db, token);
    if (!session) return null;
    return { kind: 'USER', userId: session.userId, sessionId: session.id, method: session.method, ssoOrganizationId: session.ssoOrganizationId };
  }
}

/**
 * The common mix-up, told by the credential's shape only (its prefix), so the hint says nothing about whether the
 * key or token exists: API keys (`ogk_…:…`) go with the `Key` scheme, session tokens (`ogs_…`) with `Bearer`.
 */
function schemeHint(scheme: string, credential: string): string | undefined {
  if (scheme === 'bearer' && /^ogk_[^:]*:/.test(credential)) return 'API keys are sent as `Authorization: Key <key_id>:<key_secret>`, not `Bearer`.';
  if (scheme === 'key' && credential.startsWith('ogs_')) return 'Session tokens are sent as `Authorization: Bearer <token>`, not `Key`.';
  return undefined;
}
