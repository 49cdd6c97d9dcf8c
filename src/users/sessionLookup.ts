import type { DataSource } from 'typeorm';
import { sha256Hex } from '../auth/tokens';

export interface LiveSession {
  id: string;
  userId: string;
  method: 'PASSWORD' | 'SSO';
  ssoOrganizationId: string | null;
}

/** The live (not revoked, not expired) session a bearer token stands for; only the token's SHA-256 is stored. */
export async function findLiveSession(db: DataSource, token: string): Promise<LiveSession | null> {
  const rows: Array<{ id: string; user_id: string; method: 'PASSWORD' | 'SSO'; sso_organization_id: string | null }> = await db.query(
    `SELECT id, user_id, method, sso_organization_id FROM sessions
      WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()`,
    [sha256Hex(token)],
  );
  const row = rows[0];
  return row ? { id: row.id, userId: row.user_id, method: row.method, ssoOrganizationId: row.sso_organization_id } : null;
}
