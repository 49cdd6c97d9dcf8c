import type { AlertsService } from '../billing/alerts.service';
import type { BudgetAlertsService } from '../budgets/budgetAlerts.service';
import type { ReservationsService } from '../budgets/reservations.service';

export interface UsageEvaluators {
  alerts: Pick<AlertsService, 'evaluate'>;
  budgetAlerts: Pick<BudgetAlertsService, 'evaluate'>;
  budgetReservations: Pick<ReservationsService, 'settle'>;
}

/** What one evaluation did (stored as the job's output, readable in pgboss.job / pgboss.archive). */
export interface UsageEvaluationOutcome {
  settledReservations: number;
  alertsFired: number;
  budgetThresholdsFired: number;
}

/**
 * Everything that reacts to an organization's new usage, run by the `usage-evaluation` job after ingest commits:
 * settled reservations are stamped, spending alerts and budget thresholds fire. Each step is idempotent (a unique key
 * per alert and period, per budget, period and threshold), so a job that runs twice (retried, or its worker died
 * after firing) fires nothing twice. Hard limits and budget refusals do not wait for this: they are measured live.
 */
export async function evaluateUsage(services: UsageEvaluators, organizationId: string): Promise<UsageEvaluationOutcome> {
  const settledReservations = await services.budgetReservations.settle([organizationId]);
  const alertsFired = await services.alerts.evaluate([organizationId]);
  const budgetThresholdsFired = await services.budgetAlerts.evaluate([organizationId]);
  return { settledReservations, alertsFired, budgetThresholdsFired };
}
