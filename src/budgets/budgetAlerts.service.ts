import type { DataSource } from 'typeorm';
import { toScaled } from './decimal';
import { measure, zoneHistories } from './budgetSpend';
import type { BudgetRow } from './inheritance';
import { budgetKey } from './inheritance';
import { periodWindow } from './periods';
import { queueEmail } from '../email/outbox';
import { queueWebhook } from '../billing/webhookOutbox';

const BUDGET_COLUMNS = `id, organization_id, scope, team_id, user_id, api_key_id, period, trim_scale(amount)::text AS amount, thresholds, recipients, webhook_url`;

interface BudgetColumns {
  id: string;
  organization_id: string;
  scope: BudgetRow['scope'];
  team_id: string | null;
  user_id: string | null;
  api_key_id: string | null;
  period: BudgetRow['period'];
  amount: string;
  thresholds: number[];
  recipients: string[];
  webhook_url: string | null;
}

/**
 * Soft thresholds of budgets (e.g. 50/80/100 % of the amount), evaluated after every ingest: each fires at most once
 * per budget, period and threshold (a unique key decides, so concurrent batches crossing together fire once), through
 * the billing module's machinery: emails to the outbox, and a webhook delivery on its signed, retried queue (signed
 * with the secret derived from the budget id, returned when the budget is set).
 */
export class BudgetAlertsService {
  now: () => Date = () => new Date();

  constructor(private readonly db: DataSource) {}

  async evaluate(organizationIds: readonly string[]): Promise<number> {
    if (organizationIds.length === 0) return 0;
    const rows = await this.db.query<BudgetColumns[]>(
      `SELECT ${BUDGET_COLUMNS} FROM budgets WHERE organization_id = ANY($1::uuid[]) AND cardinality(thresholds) > 0`,
      [organizationIds],
    );
    if (rows.length === 0) return 0;
    const at = this.now();
    const zones = await zoneHistories(this.db.manager, rows.map((row) => row.organization_id));
    const budgets = rows.map((row) => {
      const subject = { organizationId: row.organization_id, scope: row.scope, teamId: row.team_id, userId: row.user_id, apiKeyId: row.api_key_id } as BudgetRow;
      return { row, subject, window: periodWindow(row.period, at.getTime(), zones.get(row.organization_id) ?? []) };
    });
    const figures = await measure(
      this.db.manager,
      budgets.map((b) => ({ key: budgetKey(b.subject, b.row.period), subject: b.subject, window: b.window })),
      at,
      false,
    );
    let fired = 0;
    for (const [index, budget] of budgets.entries()) {
      const spend = figures[index].spend;
      const crossed = budget.row.thresholds.filter((t) => toScaled(spend) * 100n >= toScaled(budget.row.amount) * BigInt(t));
      for (const threshold of crossed) fired += await this.fire(budget.row, budgetKey(budget.subject, budget.row.period), budget.window.start, threshold, spend);
    }
    return fired;
  }

  private async fire(row: BudgetColumns, key: string, periodStart: number | null, threshold: number, spend: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [event] = await tx.query<Array<{ id: string; fired_at: Date } | undefined>>(
        `INSERT INTO budget_threshold_events (organization_id, budget_key, budget_id, period_start, threshold, spend) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (budget_key, period_start, threshold) DO NOTHING RETURNING id, fired_at`,
        [row.organization_id, key, row.id, periodStart === null ? '-infinity' : new Date(periodStart), threshold, spend],
      );
      if (!event) return 0;
      const payload = {
        type: 'budget.threshold_crossed',
        alertId: row.id,
        budgetId: row.id,
        organizationId: row.organization_id,
        scope: row.scope,
        period: row.period,
        periodStart: periodStart === null ? null : new Date(periodStart).toISOString(),
        amount: row.amount,
        threshold,
        spend,
        firedAt: new Date(event.fired_at).toISOString(),
      };
      for (const recipient of row.recipients) {
        await queueEmail(tx, {
          kind: 'OTHER',
          recipient,
          subject: `Budget alert: ${threshold}% of a ${row.period.toLowerCase()} budget of ${row.amount} USD reached`,
          body: `Spend of this ${row.period === 'LIFETIME' ? 'budget' : row.period.toLowerCase()} reached ${spend} USD, ${threshold}% or more of the ${row.scope.toLowerCase().replace('_', ' ')} budget of ${row.amount} USD.`,
        });
      }
      if (row.webhook_url) {
        await queueWebhook(tx, { budgetEventId: event.id, url: row.webhook_url, payload });
      }
      return 1;
    });
  }

  /** Firings of many budgets, newest first, in one statement. */
  async eventsOf(budgetIds: readonly string[]): Promise<Array<{ budgetId: string; periodStart: Date | null; threshold: number; spend: string; firedAt: Date }>> {
    if (budgetIds.length === 0) return [];
    const rows = await this.db.query<Array<{ budget_id: string; period_start: Date | null; threshold: number; spend: string; fired_at: Date }>>(
      `SELECT budget_id, CASE WHEN period_start = '-infinity' THEN NULL ELSE period_start END AS period_start, threshold, trim_scale(spend)::text AS spend, fired_at
         FROM budget_threshold_events WHERE budget_id = ANY($1::uuid[]) ORDER BY fired_at DESC, threshold DESC`,
      [budgetIds],
    );
    return rows.map((row) => ({ budgetId: row.budget_id, periodStart: row.period_start, threshold: row.threshold, spend: row.spend, firedAt: row.fired_at }));
  }
}
