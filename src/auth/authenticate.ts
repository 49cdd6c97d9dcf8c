import type { DataSource } from 'typeorm';
import type { Config } from '../core/config';
import { UnauthenticatedError } from '../core/errors';
import type { ApiKeyAuthenticator } from '../apiKeys/apiKeyAuthenticator';
import { ANONYMOUS, type Actor } from './actor';
import { safeEqual, sha256Hex } from './tokens';

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
    const rows: Array<{ id: string; user_id: string; method: 'PASSWORD' | 'SSO'; sso_organization_id: string | null }> =
      await this.db.query(
        `SELECT id, user_id, method, sso_organization_id FROM sessions
          WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()`,
        [sha256Hex(token)],
      );
    const session = rows[0];
    if (!session) return null;
    return {
      kind: 'USER',
      userId: session.user_id,
      sessionId: session.id,
      method: session.method,
      ssoOrganizationId: session.sso_organization_id,
    };
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
