import { minDecimal, compareDecimal } from './decimal';
import type { BudgetPeriod } from './periods';

export type BudgetScope = 'ORGANIZATION' | 'TEAM' | 'MEMBER' | 'API_KEY';
export type BudgetSource = 'OWN' | 'ORGANIZATION_DEFAULT';

export interface BudgetRow {
  id: string;
  organizationId: string;
  scope: BudgetScope;
  teamId: string | null;
  userId: string | null;
  apiKeyId: string | null;
  period: BudgetPeriod;
  amount: string;
  currency: string;
  thresholds: number[];
  hard: boolean;
  recipients: string[];
  webhookUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The organization's default and maximum for every team's, member's or key's budget of one period. */
export interface BudgetPolicyRow {
  organizationId: string;
  scope: Exclude<BudgetScope, 'ORGANIZATION'>;
  period: BudgetPeriod;
  defaultAmount: string | null;
  maxAmount: string | null;
  locked: boolean;
  thresholds: number[];
  hard: boolean;
}

/** Who a budget is about. A MEMBER subject with a team is the member's budget within that team. */
export interface BudgetSubject {
  organizationId: string;
  scope: BudgetScope;
  teamId: string | null;
  userId: string | null;
  apiKeyId: string | null;
}

export interface EffectiveBudget {
  /** Stable name of (subject, period): what reservations hold against and what alerts fire once per period for. */
  key: string;
  subject: BudgetSubject;
  period: BudgetPeriod;
  amount: string;
  hard: boolean;
  thresholds: number[];
  source: BudgetSource;
  budget: BudgetRow | null;
  policy: BudgetPolicyRow | null;
  /** The subject's own amount is above the organization's locked maximum, which applies instead. */
  capped: boolean;
  reason: string;
}

export function budgetKey(subject: BudgetSubject, period: BudgetPeriod): string {
  switch (subject.scope) {
    case 'ORGANIZATION':
      return `ORGANIZATION:${subject.organizationId}:${period}`;
    case 'TEAM':
      return `TEAM:${subject.teamId}:${period}`;
    case 'MEMBER':
      return `MEMBER:${subject.organizationId}:${subject.userId}:${subject.teamId ?? '*'}:${period}`;
    case 'API_KEY':
      return `API_KEY:${subject.apiKeyId}:${period}`;
  }
}

export function sameSubject(budget: BudgetSubject, subject: BudgetSubject): boolean {
  return (
    budget.organizationId === subject.organizationId &&
    budget.scope === subject.scope &&
    (budget.teamId ?? null) === (subject.teamId ?? null) &&
    (budget.userId ?? null) === (subject.userId ?? null) &&
    (budget.apiKeyId ?? null) === (subject.apiKeyId ?? null)
  );
}

/** Every subject whose budgets apply to a call made by this key (or person) on this team, broadest first. */
export function applicableSubjects(caller: { organizationId: string; teamId: string; userId: string | null; apiKeyId: string | null }): BudgetSubject[] {
  const base = { organizationId: caller.organizationId, teamId: null, userId: null, apiKeyId: null };
  const subjects: BudgetSubject[] = [{ ...base, scope: 'ORGANIZATION' }, { ...base, scope: 'TEAM', teamId: caller.teamId }];
  if (caller.userId) {
    subjects.push({ ...base, scope: 'MEMBER', userId: caller.userId });
    subjects.push({ ...base, scope: 'MEMBER', userId: caller.userId, teamId: caller.teamId });
  }
  if (caller.apiKeyId) subjects.push({ ...base, scope: 'API_KEY', teamId: caller.teamId, apiKeyId: caller.apiKeyId });
  return subjects;
}

const PERIODS: BudgetPeriod[] = ['DAY', 'WEEK', 'MONTH', 'LIFETIME'];

/**
 * The budgets in force for one subject, one per period that has any, with where each came from (like policies,
 * docs/budgets.md): the subject's own budget, capped by the organization's maximum while that maximum is locked; else the
 * organization's default for the scope. Defaults apply to teams, keys and members organization-wide; a member's
 * budget within one team exists only when set. Organization budgets are always the organization's own.
 */
export function resolveEffectiveBudgets(subject: BudgetSubject, own: readonly BudgetRow[], policies: readonly BudgetPolicyRow[]): EffectiveBudget[] {
  const result: EffectiveBudget[] = [];
  for (const period of PERIODS) {
    const budget = own.find((row) => row.period === period && sameSubject(row, subject)) ?? null;
    const policy = subject.scope === 'ORGANIZATION' ? null : (policies.find((row) => row.scope === subject.scope && row.period === period) ?? null);
    const key = budgetKey(subject, period);
    const label = `${period.toLowerCase()} ${subject.scope.toLowerCase().replace('_', ' ')} budget`;
    if (budget) {
      const max = policy?.locked ? policy.maxAmount : null;
      const capped = max !== null && compareDecimal(budget.amount, max) > 0;
      result.push({
        key,
        subject,
        period,
        amount: capped ? minDecimal(budget.amount, max) : budget.amount,
        hard: budget.hard || Boolean(capped && policy!.hard),
        thresholds: budget.thresholds,
        source: 'OWN',
        budget,
        policy,
        capped,
        reason: capped
          ? `Own ${label} of ${budget.amount} USD, capped at the organization's locked maximum of ${max} USD.`
          : `Own ${label} of ${budget.amount} USD.`,
      });
      continue;
    }
    const inheritsDefault = policy?.defaultAmount && !(subject.scope === 'MEMBER' && subject.teamId !== null);
    if (policy && inheritsDefault) {
      result.push({
        key,
        subject,
        period,
        amount: policy.defaultAmount!,
        hard: policy.hard,
        thresholds: policy.thresholds,
        source: 'ORGANIZATION_DEFAULT',
        budget: null,
        policy,
        capped: false,
        reason: `The organization's default ${label} of ${policy.defaultAmount} USD (no own budget).`,
      });
    }
  }
  return result;
}
