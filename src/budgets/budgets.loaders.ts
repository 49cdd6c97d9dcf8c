import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { loaderByKey } from '../core/loaderUtils';
import { Member } from '../members/member.entity';
import { budgetKey, type BudgetRow, type EffectiveBudget } from './inheritance';
import type { BudgetsService, BudgetStatus } from './budgets.service';
import type { BudgetAccessCheck } from '../policies/policies.loaders';

/** The call a gateway asks about: a team, and the key (public key id) or person making it. */
export interface CallerKey {
  teamId: string;
  organizationId: string;
  keyId: string | null;
  userId: string | null;
}

export interface CallerBudgets {
  budgets: Array<{ budget: EffectiveBudget; status: BudgetStatus }>;
  /** The key id named no live key of the team. */
  unknownKey: boolean;
}

/**
 * Per-request loaders of the budgets module. `callerBudgets` answers every check of a `checkModelAccess` batch in a
 * constant number of statements (keys, budgets, defaults, zones, figures), and the decision and the `budgets` field
 * of each check share its answer.
 */
export function createBudgetLoaders(db: DataSource, service: BudgetsService) {
  return {
    budgetById: loaderByKey<string, BudgetRow>((ids) => service.find(ids), (b) => b.id),
    memberByOrganizationUser: loaderByKey<string, Member>(
      async (keys) => {
        const pairs = keys.map((key) => key.split('/'));
        return db
          .getRepository(Member)
          .createQueryBuilder('m')
          .where('(m.organization_id, m.user_id) IN (SELECT * FROM unnest(:orgs::uuid[], :users::uuid[]))', { orgs: pairs.map((p) => p[0]), users: pairs.map((p) => p[1]) })
          .getMany();
      },
      (m) => `${m.organizationId}/${m.userId}`,
    ),
    /** The current period of many budgets (a dashboard listing): two statements whatever their number. */
    currentOfBudget: new DataLoader<BudgetRow, BudgetStatus, string>(
      async (rows) => service.statuses(rows.map((row) => ({ key: budgetKey(row, row.period), subject: row, period: row.period, amount: row.amount }))),
      { cacheKeyFn: (row) => row.id },
    ),
    callerBudgets: new DataLoader<CallerKey, CallerBudgets, string>(
      async (callers) => {
        const keyIds = [...new Set(callers.flatMap((c) => (c.keyId ? [c.keyId] : [])))];
        const keys: Array<{ id: string; key_id: string; team_id: string; owner_id: string | null }> = keyIds.length
          ? await db.query(`SELECT id, key_id, team_id, owner_id FROM api_keys WHERE key_id = ANY($1) AND revoked_at IS NULL`, [keyIds])
          : [];
        const resolved = callers.map((caller) => {
          const key = caller.keyId ? keys.find((k) => k.key_id === caller.keyId && k.team_id === caller.teamId) : undefined;
          return {
            unknownKey: Boolean(caller.keyId && !key),
            caller: { organizationId: caller.organizationId, teamId: caller.teamId, apiKeyId: key?.id ?? null, userId: key ? key.owner_id : caller.userId },
          };
        });
        const zones = new Map();
        const effective = await service.effectiveForCallers(resolved.map((r) => r.caller), undefined, zones);
        const flat = effective.flat();
        const statuses = await service.statuses(flat, undefined, zones);
        let offset = 0;
        return resolved.map((r, i) => {
          const list = effective[i].map((budget, j) => ({ budget, status: statuses[offset + j] }));
          offset += effective[i].length;
          return { budgets: list, unknownKey: r.unknownKey };
        });
      },
      { cacheKeyFn: (key) => JSON.stringify([key.teamId, key.keyId, key.userId]) },
    ),
  };
}

export type BudgetLoaders = ReturnType<typeof createBudgetLoaders>;

/** Model access checks ask the budgets module, through this request's loaders, for used-up hard budgets. */
export function budgetAccessCheck(loaders: BudgetLoaders): BudgetAccessCheck {
  return {
    async check(team, caller) {
      if (!team.organizationId) return { exhausted: null, unknownKey: false };
      const answer = await loaders.callerBudgets.load({ teamId: team.id, organizationId: team.organizationId, keyId: caller.keyId, userId: caller.userId });
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
  };
}
