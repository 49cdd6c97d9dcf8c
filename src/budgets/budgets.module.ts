import type { DataSource } from 'typeorm';
import { defineModule } from '../app/module';
import { OWNED_TABLES } from './tables';
import { reachable, withUuidKeys } from '../node/reachable';
import type { Config } from '../core/config';
import type { OutboundClient } from '../core/outbound';
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
 * The budgets module's services. Used-up hard budgets refuse model access through the policies' per-request
 * `budgetAccessCheck` loader; settlement and thresholds run after ingest on the `usage-evaluation` job
 * (src/jobs/usageEvaluation.ts).
 */
export function createBudgetServices(db: DataSource, config: Config, outbound: Pick<OutboundClient, 'check'>) {
  const budgets = new BudgetsService(db, outbound);
  const budgetReservations = new ReservationsService(db, budgets, config.BUDGET_RESERVATION_TTL_SECONDS);
  const budgetAlerts = new BudgetAlertsService(db);
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
  tables: OWNED_TABLES,
  resolvers: [BudgetResolver, EffectiveBudgetResolver, OrganizationBudgetsResolver, ModelAccessCheckBudgetsResolver, BudgetOperationsResolver],
  services: ({ db, config, outbound }) => createBudgetServices(db, config, outbound),
  loaders: (db, { budgets }) => ({ budgets: createBudgetLoaders(db, budgets) }),
  nodeFetchers: withUuidKeys({
    // Visible as in listings, null otherwise; an instance of the object type, so the Node interface resolves it.
    Budget: async (ctx, id) => {
      const budget = await ctx.loaders.budgets.budgetById.load(id);
      return budget && (await canSeeBudget(ctx, budget)) ? reachable(ctx, budget.organizationId, Object.assign(new Budget(), budget)) : null;
    },
  }),
});
