import type { DataSource } from 'typeorm';
import type { Config } from '../core/config';
import type { OutboundClient } from '../core/outbound';
import type { PoliciesService } from '../policies/policies.service';
import { BudgetsService } from './budgets.service';
import { ReservationsService } from './reservations.service';
import { BudgetAlertsService } from './budgetAlerts.service';

/**
 * The budgets module's services and its hook into model access checks (used-up hard budgets refuse). Settlement and
 * thresholds run after ingest on the `usage-evaluation` job (src/jobs/usageEvaluation.ts).
 */
export function createBudgetServices(db: DataSource, config: Config, policies: PoliciesService, outbound: Pick<OutboundClient, 'check'>) {
  const budgets = new BudgetsService(db, outbound);
  const budgetReservations = new ReservationsService(db, budgets, config.BUDGET_RESERVATION_TTL_SECONDS);
  const budgetAlerts = new BudgetAlertsService(db);
  policies.useBudgetAccessSource({
    async check(loaders, team, caller) {
      if (!team.organizationId) return { exhausted: null, unknownKey: false };
      const answer = await loaders.budgets.callerBudgets.load({ teamId: team.id, organizationId: team.organizationId, keyId: caller.keyId, userId: caller.userId });
      const used = answer.budgets.find((b) => b.budget.hard && b.status.exhausted);
      return {
        unknownKey: answer.unknownKey,
        exhausted: used
          ? {
              level: used.budget.subject.scope === 'ORGANIZATION' ? 'ORGANIZATION' : 'TEAM',
              reason: `Budget exhausted: ${used.budget.reason.replace(/\.$/, '')} (key ${used.budget.key}) has ${used.status.remaining} USD left this period (spent ${used.status.spend}, held ${used.status.reserved}).`,
            }
          : null,
      };
    },
  });
  return { budgets, budgetReservations, budgetAlerts };
}
