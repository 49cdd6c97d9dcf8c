import type { EntityManager } from 'typeorm';
import type { RenderedEmail } from './templates';

/**
 * Queues an email in the same transaction as the change that causes it: if the change rolls back, no email goes
 * out; if it commits, the EmailDispatcher delivers it (with retries). No API reads bodies back: a link inside (an
 * invite or reset token) reaches only the recipient. `organizationId` makes the delivery visible to that
 * organization's admins (status only).
 */
export async function queueEmail(
  tx: EntityManager,
  email: RenderedEmail & { recipient: string; organizationId?: string | null; inviteId?: string | null },
): Promise<void> {
  await tx.query(`INSERT INTO email_outbox (kind, recipient, subject, body, organization_id, invite_id) VALUES ($1, $2, $3, $4, $5, $6)`, [
    email.kind,
    email.recipient,
    email.subject,
    email.body,
    email.organizationId ?? null,
    email.inviteId ?? null,
  ]);
}

/** Account emails anyone can trigger for any address (reset, sign-up); capped per address so nobody floods a mailbox. */
export const ACCOUNT_EMAILS_PER_ADDRESS_PER_HOUR = 5;

/** Whether this address may get another account email now (the caller's answer stays the same either way). */
export async function mayEmailAccountAddress(tx: EntityManager, recipient: string): Promise<boolean> {
  const [row] = await tx.query<Array<{ sent: number }>>(
    `SELECT count(*)::int AS sent FROM email_outbox
      WHERE lower(recipient) = lower($1) AND kind IN ('PASSWORD_RESET', 'SIGN_UP_CONFIRMATION', 'SIGN_UP_EXISTING')
        AND created_at > now() - interval '1 hour'`,
    [recipient],
  );
  return row.sent < ACCOUNT_EMAILS_PER_ADDRESS_PER_HOUR;
}
