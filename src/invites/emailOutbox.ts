import type { EntityManager } from 'typeorm';

/**
 * Queues an email in the same transaction as the change that causes it. No API reads the outbox: a mail relay
 * drains it, so anything secret inside (an invite link) reaches only the recipient.
 */
export async function queueEmail(
  tx: EntityManager,
  email: { recipient: string; subject: string; body: string; inviteId?: string | null },
): Promise<void> {
  await tx.query(`INSERT INTO email_outbox (recipient, subject, body, invite_id) VALUES ($1, $2, $3, $4)`, [
    email.recipient,
    email.subject,
    email.body,
    email.inviteId ?? null,
  ]);
}
