import type { DataSource, EntityManager } from 'typeorm';
import { UserInputFailure } from '../core/errors';
import { sha256Hex } from '../auth/tokens';
import { recordAudit, type Caller } from '../audit/audit';
import type { PublicUrl } from '../core/publicUrl';
import { mayEmailAccountAddress, queueEmail } from '../email/outbox';
import { passwordChangedEmail, passwordResetEmail } from '../email/templates';
import { markMailboxProven } from './mailboxProof';
import { assertPasswordStrength, type UsersService } from './users.service';

/**
 * Passwords and the sessions they guard: change (the other sessions end), reset by an emailed single-use token (every
 * session ends), and sign out everywhere. Each change is audited and the account's owner is told by email.
 */
export class PasswordsService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly links: PublicUrl,
  ) {}

  /** Needs the current password (a stolen session alone cannot lock the owner out); ends every other session. */
  async change(caller: Caller, userId: string, currentSessionId: string, input: { currentPassword: string; newPassword: string }): Promise<number> {
    assertPasswordStrength(input.newPassword, ['input', 'newPassword']);
    const [row] = await this.db.query<Array<{ email: string; password_hash: string | null }>>(`SELECT email, password_hash FROM users WHERE id = $1`, [userId]);
    if (!(await this.users.verifyPassword(row?.password_hash, input.currentPassword))) {
      throw new UserInputFailure(
        row?.password_hash ? 'INVALID_CREDENTIALS' : 'NO_PASSWORD',
        row?.password_hash ? 'The current password is incorrect.' : 'This account signs in through SSO only and has no password to change.',
        ['input', 'currentPassword'],
      );
    }
    const passwordHash = await this.users.hashPassword(input.newPassword);
    return this.db.transaction(async (tx) => {
      await tx.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [userId, passwordHash]);
      const ended = await endSessions(tx, userId, currentSessionId);
      // A reset link asked for before the change must not undo it.
      await tx.query(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
      await recordAudit(tx, caller, { organizationId: null, action: 'user.password_change', targetType: 'User', targetId: userId, changes: { sessionsEnded: { before: null, after: ended } } });
      await queueEmail(tx, { ...passwordChangedEmail({ how: 'changed' }), recipient: row.email });
      return ended;
    });
  }

  /** Always the same answer: whether the address has an account is told only to its mailbox. */
  async requestReset(caller: Caller, email: string): Promise<void> {
    const normalized = email.trim().toLowerCase();
    if (normalized.length > 254) return;
    await this.db.transaction(async (tx) => {
      const [user] = await tx.query<Array<{ id: string; email: string } | undefined>>(`SELECT id, email FROM users WHERE lower(email) = $1`, [normalized]);
      if (!user || !(await mayEmailAccountAddress(tx, user.email))) return;
      const { token, expiresAt } = await this.users.issuePasswordReset(tx, user.id);
      await queueEmail(tx, { ...passwordResetEmail({ link: this.links.link('/password-reset', { token }), expiresAt }), recipient: user.email });
      await recordAudit(tx, caller, { organizationId: null, action: 'user.password_reset_request', targetType: 'User', targetId: user.id });
    });
  }

  /** Sets a new password with an emailed token (hashed at rest, 1 hour, single use) and ends every session. */
  async reset(caller: Caller, input: { token: string; newPassword: string }): Promise<void> {
    assertPasswordStrength(input.newPassword, ['input', 'newPassword']);
    const passwordHash = await this.users.hashPassword(input.newPassword);
    await this.db.transaction(async (tx) => {
      const [reset] = await tx.query<Array<{ id: string; user_id: string; email: string } | undefined>>(
        `SELECT r.id, r.user_id, u.email FROM password_resets r JOIN users u ON u.id = r.user_id
          WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() FOR UPDATE OF r`,
        [sha256Hex(input.token)],
      );
      // Unknown, used and expired tokens answer alike.
      if (!reset) throw new UserInputFailure('INVALID_TOKEN', 'This reset link is not valid or has expired; ask for a new one.', ['input', 'token']);
      await tx.query(`UPDATE password_resets SET used_at = now() WHERE id = $1`, [reset.id]);
      await tx.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [reset.user_id, passwordHash]);
      await markMailboxProven(tx, reset.user_id);
      const ended = await endSessions(tx, reset.user_id, null);
      // The token proves the mailbox: the event names the account as its actor.
      const actor = { kind: 'USER' as const, userId: reset.user_id, sessionId: '', method: 'PASSWORD' as const, ssoOrganizationId: null };
      await recordAudit(tx, { ...caller, actor }, { organizationId: null, action: 'user.password_reset', targetType: 'User', targetId: reset.user_id, changes: { sessionsEnded: { before: null, after: ended } } });
      await queueEmail(tx, { ...passwordChangedEmail({ how: 'reset' }), recipient: reset.email });
    });
  }

  /** Ends every session of the user, the current one included (API keys are not sessions and keep working). */
  async signOutEverywhere(caller: Caller, userId: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const ended = await endSessions(tx, userId, null);
      await recordAudit(tx, caller, { organizationId: null, action: 'user.sign_out_everywhere', targetType: 'User', targetId: userId, changes: { sessionsEnded: { before: null, after: ended } } });
      return ended;
    });
  }
}

/** Revokes the user's live sessions except `keep`; returns how many ended. */
async function endSessions(tx: EntityManager, userId: string, keep: string | null): Promise<number> {
  const result = await tx.query<[unknown[], number]>(
    `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() AND id IS DISTINCT FROM $2::uuid`,
    [userId, keep],
  );
  return result[1];
}
