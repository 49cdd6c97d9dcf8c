import type { OutboundClient } from '../core/outbound';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit, type Caller } from '../audit/audit';
import { UserInputFailure } from '../core/errors';
import { isDecimalString } from '../core/scalars';
import { compareDecimal, fromScaled, toScaled } from './decimal';
import { measure, measureAndHold, zoneHistories, type Hold, type SpendFigures } from './budgetSpend';
import {
  applicableSubjects,
  resolveEffectiveBudgets,
  type BudgetPolicyRow,
  type BudgetRow,
  type BudgetScope,
  type BudgetSubject,
  type EffectiveBudget,
} from './inheritance';
import { periodWindow, previousWindows, type BudgetPeriod, type PeriodWindow, type ZoneChange } from './periods';
import { isEmailAddress } from '../core/email';
import { teamById } from '../teams/teamLookup';

/** Above this an amount is a typo, not a budget (a billion dollars per period). */
export const MAX_BUDGET_AMOUNT = '1000000000';
const MAX_THRESHOLDS = 10;
const MAX_RECIPIENTS = 20;

export interface SetBudgetInput {
  period: BudgetPeriod;
  amount: string;
  currency?: string | null;
  thresholds?: number[] | null;
  hard?: boolean | null;
  recipients?: string[] | null;
  webhookUrl?: string | null;
}

export interface SetBudgetPolicyInput {
  scope: Exclude<BudgetScope, 'ORGANIZATION'>;
  period: BudgetPeriod;
  defaultAmount?: string | null;
  maxAmount?: string | null;
  currency?: string | null;
  locked?: boolean | null;
  thresholds?: number[] | null;
  hard?: boolean | null;
}

/** A budget's figures in one period: spend, what is on hold, and what is left (never below zero). */
export interface BudgetStatus extends SpendFigures {
  window: PeriodWindow;
  amount: string;
  remaining: string;
  exhausted: boolean;
}

/** Who calls: the subjects of a model call (team, the key and its owner, or a person in the Playground). */
export interface BudgetCaller {
  organizationId: string;
  teamId: string;
  userId: string | null;
  apiKeyId: string | null;
}

const BUDGET_COLUMNS = `id, organization_id, scope, team_id, user_id, api_key_id, period, trim_scale(amount)::text AS amount, currency,
  thresholds, hard, recipients, webhook_url, created_at, updated_at`;

// json turns -Infinity into a string; Number('-Infinity') reads it back.
const ZONE_SELECT = `SELECT organization_id, timezone, (extract(epoch FROM changed_at) * 1000)::float8::text AS changed_at
  FROM budget_zone_history WHERE organization_id = ANY($1::uuid[]) ORDER BY changed_at`;

/** A budgets row as BUDGET_COLUMNS selects it. */
interface BudgetColumns {
  id: string;
  organization_id: string;
  scope: BudgetRow['scope'];
  team_id: string | null;
  user_id: string | null;
  api_key_id: string | null;
  period: BudgetRow['period'];
  amount: string;
  currency: string;
  thresholds: number[];
  hard: boolean;
  recipients: string[];
  webhook_url: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A budget_policies row as POLICY_SELECT selects it. */
interface PolicyColumns {
  organization_id: string;
  scope: BudgetPolicyRow['scope'];
  period: BudgetPolicyRow['period'];
  default_amount: string | null;
  max_amount: string | null;
  locked: boolean;
  thresholds: number[];
  hard: boolean;
}

const POLICY_SELECT = `SELECT organization_id, scope, period, trim_scale(default_amount)::text AS default_amount,
  trim_scale(max_amount)::text AS max_amount, locked, thresholds, hard
  FROM budget_policies WHERE organization_id = ANY($1::uuid[]) ORDER BY scope, period`;

/**
 * Budgets and the organization's budget defaults and maxima: validation, storage with audit, inheritance (pure, in
 * inheritance.ts) and figures (spend and holds measured in one statement for any number of budgets).
 */
export class BudgetsService {
  /** Injectable clock: tests move across period boundaries without waiting. */
  now: () => Date = () => new Date();

  constructor(
    private readonly db: DataSource,
    /** The shared outbound guard: webhook URLs are checked against it at create time, like spending alerts'. */
    private readonly outbound: Pick<OutboundClient, 'check'>,
  ) {}

  async setBudget(caller: Caller, subject: BudgetSubject, input: SetBudgetInput): Promise<BudgetRow> {
    const amount = validAmount(input.amount, ['input', 'amount']);
    validCurrency(input.currency);
    const thresholds = validThresholds(input.thresholds);
    const recipients = validRecipients(input.recipients);
    if (input.webhookUrl) validWebhookUrl(input.webhookUrl, this.outbound);
    return this.db.transaction(async (tx) => {
      // One writer per organization at a time, so a concurrent lock of the maximum cannot slip past this check.
      await tx.query(`SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE`, [subject.organizationId]);
      if (subject.teamId) await assertTeamActive(tx, subject.teamId);
      if (subject.scope !== 'ORGANIZATION') {
        const [policy] = await this.policiesOf(tx, subject.organizationId, subject.scope, input.period);
        if (policy?.locked && policy.maxAmount && compareDecimal(amount, policy.maxAmount) > 0) {
          throw new UserInputFailure(
            'ABOVE_LOCKED_MAXIMUM',
            `The organization locks every ${subject.scope.toLowerCase().replace('_', ' ')} ${input.period.toLowerCase()} budget at ${policy.maxAmount} USD at most; ${amount} USD is above it.`,
            ['input', 'amount'],
          );
        }
      }
      const before = (await this.select(tx, `scope = $2 AND coalesce(team_id::text, '') = $3 AND coalesce(user_id::text, '') = $4 AND coalesce(api_key_id::text, '') = $5 AND period = $6`, [
        subject.organizationId,
        subject.scope,
        subject.teamId ?? '',
        subject.userId ?? '',
        subject.apiKeyId ?? '',
        input.period,
      ]))[0];
      const [row] = await tx.query<Array<{ id: string }>>(
        `INSERT INTO budgets (organization_id, scope, team_id, user_id, api_key_id, period, amount, currency, thresholds, hard, recipients, webhook_url)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'USD', $8, $9, $10, $11)
         ON CONFLICT (organization_id, scope, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid),
                      coalesce(user_id, '00000000-0000-0000-0000-000000000000'::uuid),
                      coalesce(api_key_id, '00000000-0000-0000-0000-000000000000'::uuid), period)
         DO UPDATE SET amount = EXCLUDED.amount, thresholds = EXCLUDED.thresholds, hard = EXCLUDED.hard,
                       recipients = EXCLUDED.recipients, webhook_url = EXCLUDED.webhook_url, updated_at = now()
         RETURNING id`,
        [subject.organizationId, subject.scope, subject.teamId, subject.userId, subject.apiKeyId, input.period, amount, thresholds, input.hard ?? false, recipients, input.webhookUrl ?? null],
      );
      const budget = (await this.select(tx, `id = $2`, [subject.organizationId, row.id]))[0];
      await recordAudit(tx, caller, {
        organizationId: subject.organizationId,
        teamId: subject.teamId,
        action: before ? 'budget.update' : 'budget.create',
        targetType: 'Budget',
        targetId: budget.id,
        changes: auditedChanges(before ?? null, budget),
      });
      return budget;
    });
  }

  async deleteBudget(caller: Caller, budget: BudgetRow): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE budget_threshold_events SET budget_id = NULL WHERE budget_id = $1`, [budget.id]);
      await tx.query(`DELETE FROM budgets WHERE id = $1`, [budget.id]);
      await recordAudit(tx, caller, {
        organizationId: budget.organizationId,
        teamId: budget.teamId,
        action: 'budget.delete',
        targetType: 'Budget',
        targetId: budget.id,
        changes: auditedChanges(budget, null),
      });
    });
  }

  /** Sets (or, with neither amount, removes) the organization's default and maximum for a scope and period. */
  async setPolicy(caller: Caller, organizationId: string, input: SetBudgetPolicyInput): Promise<BudgetPolicyRow | null> {
    const defaultAmount = input.defaultAmount == null ? null : validAmount(input.defaultAmount, ['input', 'defaultAmount']);
    const maxAmount = input.maxAmount == null ? null : validAmount(input.maxAmount, ['input', 'maxAmount']);
    validCurrency(input.currency);
    const thresholds = validThresholds(input.thresholds);
    if (defaultAmount && maxAmount && compareDecimal(defaultAmount, maxAmount) > 0) {
      throw new UserInputFailure('DEFAULT_ABOVE_MAXIMUM', `The default (${defaultAmount} USD) cannot exceed the maximum (${maxAmount} USD).`, ['input', 'defaultAmount']);
    }
    if (input.locked && !maxAmount) throw new UserInputFailure('INVALID', 'Locking needs a maximum amount to lock.', ['input', 'locked']);
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE`, [organizationId]);
      const [before] = await this.policiesOf(tx, organizationId, input.scope, input.period);
      let after: BudgetPolicyRow | null = null;
      if (!defaultAmount && !maxAmount) {
        await tx.query(`DELETE FROM budget_policies WHERE organization_id = $1 AND scope = $2 AND period = $3`, [organizationId, input.scope, input.period]);
      } else {
        await tx.query(
          `INSERT INTO budget_policies (organization_id, scope, period, default_amount, max_amount, locked, thresholds, hard) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (organization_id, scope, period) DO UPDATE SET default_amount = EXCLUDED.default_amount, max_amount = EXCLUDED.max_amount,
             locked = EXCLUDED.locked, thresholds = EXCLUDED.thresholds, hard = EXCLUDED.hard, updated_at = now()`,
          [organizationId, input.scope, input.period, defaultAmount, maxAmount, input.locked ?? false, thresholds, input.hard ?? false],
        );
        [after] = await this.policiesOf(tx, organizationId, input.scope, input.period);
      }
      await recordAudit(tx, caller, {
        organizationId,
        action: after ? 'budget.policy.set' : 'budget.policy.remove',
        targetType: 'Organization',
        targetId: organizationId,
        changes: { [`${input.scope}.${input.period}`]: { before: before ?? null, after } },
      });
      return after ?? null;
    });
  }

  async find(ids: readonly string[]): Promise<BudgetRow[]> {
    if (ids.length === 0) return [];
    return this.select(this.db.manager, `id = ANY($2::uuid[]) AND organization_id = organization_id`, [null, ids], true);
  }

  /** One page of an organization's own budgets, oldest first (keyset on creation time and id). */
  async page(organizationId: string, first: number, after: { createdAt: string; id: string } | null): Promise<{ rows: BudgetRow[]; hasNextPage: boolean }> {
    const rows = after
      ? await this.select(this.db.manager, `(created_at, id) > ($2::timestamptz, $3::uuid) ORDER BY created_at, id LIMIT $4`, [organizationId, after.createdAt, after.id, first + 1])
      : await this.select(this.db.manager, `true ORDER BY created_at, id LIMIT $2`, [organizationId, first + 1]);
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
  }

  async count(organizationId: string): Promise<number> {
    const [row] = await this.db.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM budgets WHERE organization_id = $1`, [organizationId]);
    return row.n;
  }

  async policies(organizationIds: readonly string[], manager: EntityManager = this.db.manager): Promise<BudgetPolicyRow[]> {
    if (organizationIds.length === 0) return [];
    const rows = await manager.query<PolicyColumns[]>(POLICY_SELECT, [[...new Set(organizationIds)]]);
    return rows.map(toPolicy);
  }

  /**
   * The effective budgets of every subject that applies to each caller, in three statements for any number of
   * callers (budgets of those subjects, the organizations' defaults, nothing per caller).
   */
  async effectiveForCallers(callers: readonly BudgetCaller[], manager: EntityManager = this.db.manager, zonesOut?: Map<string, ZoneChange[]>): Promise<EffectiveBudget[][]> {
    if (callers.length === 0) return [];
    const organizationIds = [...new Set(callers.map((c) => c.organizationId))];
    // Budgets of these subjects and the organizations' defaults in ONE statement: the gateway's batched check pays
    // a single round trip when no budget applies.
    // json_agg turns the timestamps into strings; they are read back as dates below.
    const [row] = await manager.query<Array<{ budgets: Array<Omit<BudgetColumns, 'created_at' | 'updated_at'> & { created_at: string; updated_at: string }>; policies: PolicyColumns[]; zones: Array<{ organization_id: string; timezone: string; changed_at: number | string }> }>>(
      `SELECT (SELECT coalesce(json_agg(b), '[]') FROM (
                 SELECT ${BUDGET_COLUMNS} FROM budgets WHERE organization_id = ANY($1::uuid[])
                    AND (scope = 'ORGANIZATION' OR (scope = 'TEAM' AND team_id = ANY($2::uuid[])) OR (scope = 'MEMBER' AND user_id = ANY($3::uuid[]))
                         OR (scope = 'API_KEY' AND api_key_id = ANY($4::uuid[])))) b) AS budgets,
              (SELECT coalesce(json_agg(p), '[]') FROM (${POLICY_SELECT}) p) AS policies,
              (SELECT coalesce(json_agg(z), '[]') FROM (${ZONE_SELECT}) z) AS zones`,
      [organizationIds, callers.map((c) => c.teamId), callers.flatMap((c) => (c.userId ? [c.userId] : [])), callers.flatMap((c) => (c.apiKeyId ? [c.apiKeyId] : []))],
    );
    const own = row.budgets.map((b) => toBudget({ ...b, created_at: new Date(b.created_at), updated_at: new Date(b.updated_at) }));
    const policies = row.policies.map(toPolicy);
    if (zonesOut) {
      for (const id of organizationIds) zonesOut.set(id, []);
      for (const zone of row.zones) {
        zonesOut.get(zone.organization_id)?.push({ timezone: zone.timezone, changedAt: Number(zone.changed_at) });
      }
    }
    return callers.map((caller) =>
      applicableSubjects(caller).flatMap((subject) =>
        resolveEffectiveBudgets(
          subject,
          own.filter((b) => b.organizationId === subject.organizationId),
          policies.filter((p) => p.organizationId === subject.organizationId),
        ),
      ),
    );
  }

  /** The effective budgets of one subject (its own, or the organization's defaults), with provenance. */
  async effectiveFor(subject: BudgetSubject): Promise<EffectiveBudget[]> {
    const own = await this.select(this.db.manager, `scope = $2 AND coalesce(team_id::text, '') = $3 AND coalesce(user_id::text, '') = $4 AND coalesce(api_key_id::text, '') = $5`, [
      subject.organizationId,
      subject.scope,
      subject.teamId ?? '',
      subject.userId ?? '',
      subject.apiKeyId ?? '',
    ]);
    return resolveEffectiveBudgets(subject, own, await this.policies([subject.organizationId]));
  }

  /** Figures of the current period of many budgets: two statements (zones, then spend and holds) whatever their number. */
  async statuses(
    budgets: ReadonlyArray<{ key: string; subject: BudgetSubject; period: BudgetPeriod; amount: string }>,
    manager: EntityManager = this.db.manager,
    knownZones?: Map<string, ZoneChange[]>,
  ): Promise<BudgetStatus[]> {
    if (budgets.length === 0) return [];
    const at = this.now();
    const zones = knownZones ?? (await zoneHistories(manager, budgets.map((b) => b.subject.organizationId)));
    const windows = budgets.map((b) => periodWindow(b.period, at.getTime(), zones.get(b.subject.organizationId) ?? []));
    const figures = await measure(manager, budgets.map((b, i) => ({ key: b.key, subject: b.subject, window: windows[i] })), at);
    return budgets.map((b, i) => statusOf(b.amount, windows[i], figures[i]));
  }

  /**
   * Figures of these budgets (before the hold) and, in the same statement, the hold inserted if every hard one has
   * room; `expiresAt` null when nothing was held. The caller holds the hard budgets' locks.
   */
  async measureAndHold(budgets: readonly EffectiveBudget[], zones: Map<string, ZoneChange[]>, hold: Hold, manager: EntityManager): Promise<{ before: BudgetStatus[]; expiresAt: Date | null }> {
    const at = this.now();
    const windows = budgets.map((b) => periodWindow(b.period, at.getTime(), zones.get(b.subject.organizationId) ?? []));
    const { figures, expiresAt } = await measureAndHold(manager, budgets.map((b, i) => ({ key: b.key, subject: b.subject, window: windows[i] })), budgets, hold, at);
    return { before: budgets.map((b, i) => statusOf(b.amount, windows[i], figures[i])), expiresAt };
  }

  /** Past periods of one budget, newest first, with their spend (holds belong to the current period only). */
  async history(budget: { subject: BudgetSubject; period: BudgetPeriod; amount: string; key: string }, count: number, notBefore: Date): Promise<BudgetStatus[]> {
    const zones = (await zoneHistories(this.db.manager, [budget.subject.organizationId])).get(budget.subject.organizationId) ?? [];
    return this.historyWith(budget, zones, count, notBefore);
  }

  /** How many past periods a budget has (windows only, nothing measured). */
  async historyLength(budget: { subject: BudgetSubject; period: BudgetPeriod }, notBefore: Date): Promise<number> {
    const zones = (await zoneHistories(this.db.manager, [budget.subject.organizationId])).get(budget.subject.organizationId) ?? [];
    return previousWindows(budget.period, this.now().getTime(), zones, 100_000, notBefore.getTime()).length;
  }

  private async historyWith(budget: { subject: BudgetSubject; period: BudgetPeriod; amount: string; key: string }, zones: ZoneChange[], count: number, notBefore: Date) {
    const windows = previousWindows(budget.period, this.now().getTime(), zones, count, notBefore.getTime());
    const figures = await measure(this.db.manager, windows.map((window) => ({ key: budget.key, subject: budget.subject, window })), this.now(), false);
    return windows.map((window, i) => statusOf(budget.amount, window, figures[i]));
  }

  private async policiesOf(manager: EntityManager, organizationId: string, scope: string, period: string): Promise<BudgetPolicyRow[]> {
    return (await this.policies([organizationId], manager)).filter((p) => p.scope === scope && p.period === period);
  }

  /** Budgets of an organization (`$1`) matching `where`; `anyOrganization` reads by id alone, `$1` then being ignored. */
  private async select(manager: EntityManager, where: string, params: unknown[], anyOrganization = false, organizationList = false): Promise<BudgetRow[]> {
    const tenant = anyOrganization ? `$1::uuid IS NULL` : organizationList ? `organization_id = ANY($1::uuid[])` : `organization_id = $1`;
    const rows = await manager.query<BudgetColumns[]>(`SELECT ${BUDGET_COLUMNS} FROM budgets WHERE ${tenant} AND ${where}`, params);
    return rows.map(toBudget);
  }
}

export function statusOf(amount: string, window: PeriodWindow, figures: SpendFigures): BudgetStatus {
  const left = toScaled(amount) - toScaled(figures.spend) - toScaled(figures.reserved);
  return { ...figures, window, amount, remaining: fromScaled(left > 0n ? left : 0n), exhausted: left <= 0n };
}

async function assertTeamActive(tx: EntityManager, teamId: string): Promise<void> {
  const team = await teamById(tx, teamId);
  if (team?.archivedAt) throw new UserInputFailure('TEAM_ARCHIVED', 'The team is archived: it can no longer be given a budget.', ['input', 'teamId']);
}

function validAmount(amount: string, field: string[]): string {
  if (!isDecimalString(amount) || amount.startsWith('-') || toScaled(amount) === 0n) {
    throw new UserInputFailure('INVALID_AMOUNT', 'The amount must be a positive decimal such as "500" or "99.90".', field);
  }
  if (compareDecimal(amount, MAX_BUDGET_AMOUNT) > 0) {
    throw new UserInputFailure('AMOUNT_TOO_LARGE', `The amount is above the largest budget accepted (${MAX_BUDGET_AMOUNT} USD).`, field);
  }
  return fromScaled(toScaled(amount));
}

function validCurrency(currency: string | null | undefined): void {
  if ((currency ?? 'USD') !== 'USD') throw new UserInputFailure('UNSUPPORTED_CURRENCY', `Unknown or unsupported currency "${String(currency).slice(0, 10)}": budgets are in USD.`, ['input', 'currency']);
}

function validThresholds(thresholds: number[] | null | undefined): number[] {
  const list = thresholds ?? [];
  if (list.length > MAX_THRESHOLDS) throw new UserInputFailure('INVALID_THRESHOLDS', `At most ${MAX_THRESHOLDS} thresholds.`, ['input', 'thresholds']);
  if (list.some((t) => !Number.isInteger(t) || t < 1 || t > 1000)) {
    throw new UserInputFailure('INVALID_THRESHOLDS', 'Thresholds are whole percentages of the amount between 1 and 1000, e.g. [50, 80, 100].', ['input', 'thresholds']);
  }
  return [...new Set(list)].sort((a, b) => a - b);
}

function validRecipients(recipients: string[] | null | undefined): string[] {
  const list = recipients ?? [];
  if (list.length > MAX_RECIPIENTS) throw new UserInputFailure('INVALID', `At most ${MAX_RECIPIENTS} recipients.`, ['input', 'recipients']);
  const bad = list.find((email) => email.length > 320 || !isEmailAddress(email));
  if (bad !== undefined) throw new UserInputFailure('INVALID', `"${bad.slice(0, 100)}" is not an email address.`, ['input', 'recipients']);
  return list;
}

/**
 * An http(s) URL whose literal destination the outbound guard accepts (red-team D12: loopback, private, link-local,
 * metadata and NAT64-embedded addresses used to be saved, to be refused only at every delivery). Names are resolved
 * and checked again at delivery, where the dispatcher connects through the same guard.
 */
function validWebhookUrl(url: string, outbound: Pick<OutboundClient, 'check'>): void {
  const checked = url.length > 2000 ? ({ ok: false, reason: 'INVALID_URL' } as const) : outbound.check(url);
  if (checked.ok) return;
  if (checked.reason === 'INVALID_URL') throw new UserInputFailure('INVALID_URL', 'The webhook URL must be an http(s) URL.', ['input', 'webhookUrl']);
  throw new UserInputFailure('DESTINATION_NOT_ALLOWED', 'The webhook URL must point to a public address (not loopback, private, link-local, metadata or an internal name).', ['input', 'webhookUrl']);
}

function auditedChanges(before: BudgetRow | null, after: BudgetRow | null): Record<string, { before: unknown; after: unknown }> {
  const fields = ['scope', 'period', 'amount', 'thresholds', 'hard', 'recipients', 'webhookUrl'] as const;
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of fields) {
    const a = before ? before[field] : null;
    const b = after ? after[field] : null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[field] = { before: a, after: b };
  }
  return changes;
}

function toBudget(row: BudgetColumns): BudgetRow {
  return {
    id: row.id,
    organizationId: row.organization_id,
    scope: row.scope,
    teamId: row.team_id,
    userId: row.user_id,
    apiKeyId: row.api_key_id,
    period: row.period,
    amount: row.amount,
    currency: row.currency,
    thresholds: row.thresholds,
    hard: row.hard,
    recipients: row.recipients,
    webhookUrl: row.webhook_url,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toPolicy(row: PolicyColumns): BudgetPolicyRow {
  return {
    organizationId: row.organization_id,
    scope: row.scope,
    period: row.period,
    defaultAmount: row.default_amount,
    maxAmount: row.max_amount,
    locked: row.locked,
    thresholds: row.thresholds,
    hard: row.hard,
  };
}
