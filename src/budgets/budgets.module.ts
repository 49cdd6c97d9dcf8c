import type { DataSource } from 'typeorm';
import type { Config } from '../core/config';
import type { OutboundClient } from '../core/outbound';
import type { UsageIngestService } from '../usage/usageIngest.service';
import { BudgetsService } from './budgets.service';
import { ReservationsService } from './reservations.service';
import { BudgetAlertsService } from './budgetAlerts.service';

/**
 * The budgets module's services and its hook into usage: after every committed ingest, settled reservations are
 * stamped and thresholds evaluated.
 */
export function createBudgetServices(db: DataSource, config: Config, usageIngest: UsageIngestService, outbound: Pick<OutboundClient, 'check'>) {
  const budgets = new BudgetsService(db, outbound);
  const budgetReservations = new ReservationsService(db, budgets, config.BUDGET_RESERVATION_TTL_SECONDS);
  const budgetAlerts = new BudgetAlertsService(db);
  usageIngest.onStored(async (organizationIds) => {
    await budgetReservations.settle(organizationIds);
    await budgetAlerts.evaluate(organizationIds);
  });
  return { budgets, budgetReservations, budgetAlerts };
}
