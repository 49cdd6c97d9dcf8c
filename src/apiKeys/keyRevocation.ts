import type { EntityManager } from 'typeorm';
import { returnedRows } from '../core/dbErrors';

export interface RevokedKey {
  id: string;
  keyId: string;
  teamId: string;
  revokedAt: Date;
}

/**
 * Revokes, in the caller's transaction, the live keys a person deprovisioned from an organization leaves behind
 * there: the keys they own, and the keys they created that nobody owns (an unowned key would otherwise keep working
 * for whoever holds it after its creator is gone). A key someone else owns stays with that owner. The caller drops
 * the answered key ids from the authentication cache once the transaction commits, and writes the audit.
 */
export async function revokeKeysLeftByDeprovisioned(tx: EntityManager, organizationId: string, userId: string): Promise<RevokedKey[]> {
  const rows = returnedRows<{ id: string; key_id: string; team_id: string; revoked_at: Date }>(
    await tx.query(
      `UPDATE api_keys SET revoked_at = now()
        WHERE organization_id = $2 AND revoked_at IS NULL AND (owner_id = $1 OR (owner_id IS NULL AND created_by_user_id = $1))
        RETURNING id, key_id, team_id, revoked_at`,
      [userId, organizationId],
    ),
  );
  return rows.map((row) => ({ id: row.id, keyId: row.key_id, teamId: row.team_id, revokedAt: row.revoked_at }));
}
