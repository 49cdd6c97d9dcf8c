import type { EntityManager } from 'typeorm';

/**
 * Queues a signed, retried webhook delivery in the same transaction as the event that causes it (a trigger enqueues
 * its job, so a rolled-back event never sends). The cause is a spending-alert event or a budget threshold event;
 * budgets call this rather than writing the table, which billing owns.
 */
export async function queueWebhook(
  tx: EntityManager,
  delivery: { url: string; payload: unknown; alertEventId?: string | null; budgetEventId?: string | null },
): Promise<void> {
  await tx.query(`INSERT INTO webhook_deliveries (alert_event_id, budget_event_id, url, payload) VALUES ($1, $2, $3, $4)`, [
    delivery.alertEventId ?? null,
    delivery.budgetEventId ?? null,
    delivery.url,
    JSON.stringify(delivery.payload),
  ]);
}
