import type { DataSource } from 'typeorm';
import { defineModule } from '../app/module';
import { reachable, withUuidKeys } from '../node/reachable';
import type { Config } from '../core/config';
import type { OutboundClient } from '../core/outbound';
import type { UsageIngestService } from '../usage/usageIngest.service';
import { BudgetsService } from './budgets.service';
import { ReservationsService } from './reservations.service';
import { BudgetAlertsService } from './budgetAlerts.service';
import { createBudgetLoaders, type BudgetLoaders } from './budgets.loaders';
import { Budget } from './budgets.types';
import {
  BudgetOperationsResolver,
  BudgetResolver,
  canSeeBudget,
  EffectiveBudgetResolver,
  ModelAccessCheckBudgetsResolver,
  OrganizationBudgetsResolver,
} from './budgets.resolver';

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

declare module '../app/scope' {
  interface Services extends ReturnType<typeof createBudgetServices> {}
  interface Loaders {
    budgets: BudgetLoaders;
  }
}

export const budgetsModule = defineModule({
  name: 'budgets',
  tables: [],
  resolvers: [BudgetResolver, EffectiveBudgetResolver, OrganizationBudgetsResolver, ModelAccessCheckBudgetsResolver, BudgetOperationsResolver],
  services: ({ db, config, usageIngest, outbound }) => createBudgetServices(db, config, usageIngest, outbound),
  loaders: (db, { budgets }) => ({ budgets: createBudgetLoaders(db, budgets) }),
  nodeFetchers: withUuidKeys({
    // Visible as in listings, null otherwise; an instance of the object type, so the Node interface resolves it.
    Budget: async (ctx, id) => {
      const budget = await ctx.loaders.budgets.budgetById.load(id);
      return budget && (await canSeeBudget(ctx, budget)) ? reachable(ctx, budget.organizationId, Object.assign(new Budget(), budget)) : null;
    },
  }),
});
