import type { EntityManager } from 'typeorm';
import { returnedRows } from '../core/dbErrors';
import { User } from './user.entity';

/**
 * Writes to `users` and `sessions` that other modules need inside their own transaction: SSO and SCIM provision
 * people, SCIM keeps names and emails in step with the identity provider and ends the sessions of whom it
 * deprovisions.
 */

/** A person who signs in only through an identity provider: no password. */
export async function createPasswordlessUser(tx: EntityManager, email: string, name: string): Promise<User> {
  const users = tx.getRepository(User);
  return users.save(users.create({ email, name, passwordHash: null }));
}

export async function renameUser(tx: EntityManager, userId: string, name: string): Promise<void> {
  await tx.query(`UPDATE users SET name = $2 WHERE id = $1`, [userId, name]);
}

/** The caller has checked that no one else has the address. */
export async function changeUserEmail(tx: EntityManager, userId: string, email: string): Promise<void> {
  await tx.query(`UPDATE users SET email = $2 WHERE id = $1`, [userId, email]);
}

/**
 * Ends the sessions of a person that can reach an organization: password sessions, and SSO sessions issued by that
 * organization's identity provider (an SSO session of another organization cannot reach this one). Answers how many.
 */
export async function revokeSessionsReaching(tx: EntityManager, userId: string, organizationId: string): Promise<number> {
  const rows = returnedRows<{ id: string }>(
    await tx.query(
      `UPDATE sessions SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() AND (method = 'PASSWORD' OR sso_organization_id = $2)
        RETURNING id`,
      [userId, organizationId],
    ),
  );
  return rows.length;
}
