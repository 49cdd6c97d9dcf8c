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
