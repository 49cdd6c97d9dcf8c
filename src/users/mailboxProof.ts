import type { EntityManager } from 'typeorm';
import type { AuditEntry } from '../audit/audit';

/**
 * Mailbox ownership (red-team D2). An account proves it owns its email address by using a link sent there: a sign-up
 * confirmation, a completed password reset, an accepted invite. `users.email_verified_at` records the last proof.
 */
export async function markMailboxProven(tx: EntityManager, userId: string): Promise<void> {
  await tx.query(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [userId]);
}

/**
 * Called when SSO links, or SCIM adopts, an existing account found by its email. If nobody ever proved that mailbox,
 * the password may have been chosen by someone who registered the address before its owner: the password is removed
 * and every session and pending reset token ends, in the caller's transaction, audited. The real owner signs in
 * through the identity provider, or sets a password with a reset sent to the mailbox (which proves it).
 * An account that has no password already has nothing to strip (its sessions came through SSO or a proof).
 * Returns the audit entry for the caller to record with its own actor (SSO login or SCIM token), or null.
 */
export async function secureUnprovenAccount(tx: EntityManager, userId: string, via: 'SSO' | 'SCIM'): Promise<Omit<AuditEntry, 'organizationId'> | null> {
  const [row] = await tx.query<Array<{ email_verified_at: Date | null; has_password: boolean }>>(`SELECT email_verified_at, password_hash IS NOT NULL AS has_password FROM users WHERE id = $1 FOR UPDATE`, [userId]);
  if (!row || row.email_verified_at || !row.has_password) return null;
  await tx.query(`UPDATE users SET password_hash = NULL WHERE id = $1`, [userId]);
  const sessions = await tx.query<[unknown[], number]>(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()`, [userId]);
  const resets = await tx.query<[unknown[], number]>(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
  return {
    action: 'user.unproven_account_secured',
    targetType: 'User',
    targetId: userId,
    changes: {
      via: { before: null, after: via },
      password: { before: 'set', after: null },
      sessionsEnded: { before: null, after: sessions[1] },
      resetTokensEnded: { before: null, after: resets[1] },
    },
  };
}
