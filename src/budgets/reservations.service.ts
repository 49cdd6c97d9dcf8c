import type { DataSource, EntityManager } from 'typeorm';
import { UserInputFailure } from '../core/errors';
import { isDecimalString } from '../core/scalars';
import { fromScaled, toScaled } from './decimal';
import { statusOf, type BudgetsService, type BudgetCaller, type BudgetStatus } from './budgets.service';
import type { EffectiveBudget } from './inheritance';
import type { ZoneChange } from './periods';

export interface ReservedBudget {
  budget: EffectiveBudget;
  status: BudgetStatus;
}

export interface ReservationResult {
  reserved: boolean;
  requestId: string;
  amount: string;
  expiresAt: Date | null;
  /** Every budget that applies, with its figures after the hold (or as they stood when refused). */
  budgets: ReservedBudget[];
  /** The hard budget without room, when refused. */
  refusedBy: ReservedBudget | null;
  /** The request id was already reserved: the existing hold is answered, nothing new is held. */
  alreadyReserved: boolean;
}

export interface KeyReference {
  /** api_keys.id */
  id?: string;
  /** The public key id (the part before the colon). */
  keyId?: string;
}

/**
 * Reservations (docs/budgets.md): a gateway holds an estimated cost against every budget that applies to a key before
 * the call. Hard budgets refuse when spend + holds + the estimate would pass their amount. Atomic under
 * concurrency: the transaction takes a transaction-scoped advisory lock per hard budget (in one sorted order, so two
 * reservations sharing budgets never deadlock), and only then measures, so the second of two racing reservations
 * sees the first one's hold. Budgets that do not refuse (soft) are not locked: they only record the hold.
 *
 * Settling needs nothing to run: a usage record with the reservation's request id ends the hold in the same
 * instant it starts counting as spend (the measurement excludes holds matched by a record), which releases the
 * difference between estimate and cost; the ingest hook also stamps `settled_at` for history. Holds never settled
 * stop counting at `expires_at`.
 */
export class ReservationsService {
  constructor(
    private readonly db: DataSource,
    private readonly budgets: BudgetsService,
    private readonly ttlSeconds: number,
  ) {}

  /** The key's team, organization and owner; null when no such live key. */
  async keyCaller(ref: KeyReference): Promise<(BudgetCaller & { teamArchived: boolean }) | null> {
    const [row] = await this.db.query<Array<{ id: string; team_id: string; owner_id: string | null; organization_id: string | null; archived_at: Date | null } | undefined>>(
      `SELECT k.id, k.team_id, k.owner_id, t.organization_id, t.archived_at FROM api_keys k JOIN teams t ON t.id = k.team_id
        WHERE ${ref.id ? 'k.id = $1::uuid' : 'k.key_id = $1'} AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())`,
      [ref.id ?? ref.keyId],
    );
    if (!row?.organization_id) return null;
    return { organizationId: row.organization_id, teamId: row.team_id, userId: row.owner_id, apiKeyId: row.id, teamArchived: row.archived_at !== null };
  }

  async reserve(caller: BudgetCaller, estimatedCost: string, requestId: string): Promise<ReservationResult> {
    if (!isDecimalString(estimatedCost) || estimatedCost.startsWith('-') || toScaled(estimatedCost) === 0n) {
      throw new UserInputFailure('INVALID_AMOUNT', 'estimatedCost must be a positive decimal such as "0.25".', ['input', 'estimatedCost']);
    }
    if (requestId.length < 1 || requestId.length > 200) throw new UserInputFailure('INVALID', 'requestId must be 1–200 characters.', ['input', 'requestId']);
    return this.db.transaction(async (tx) => {
      const zones = new Map<string, ZoneChange[]>();
      const [effective] = await this.budgets.effectiveForCallers([caller], tx, zones);
      const budgets = effective;
      const hardKeys = [...new Set(budgets.filter((b) => b.hard).map((b) => b.key))];
      if (hardKeys.length) {
        await tx.query(`SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended(k, 21) AS h FROM unnest($1::text[]) k ORDER BY 1) locks`, [hardKeys]);
      }
      const estimate = toScaled(estimatedCost);
      const hold = { organizationId: caller.organizationId, requestId, teamId: caller.teamId, apiKeyId: caller.apiKeyId, userId: caller.userId, amount: estimatedCost, ttlSeconds: this.ttlSeconds };
      // Three round trips under the lock (lock, measure-and-insert, commit): the insert happens in the measuring
      // statement only when every hard budget has room, and finds a repeated request id by itself.
      const { before, expiresAt } = budgets.length
        ? await this.budgets.measureAndHold(budgets, zones, hold, tx)
        : { before: [], expiresAt: await this.holdWithoutBudgets(tx, hold) };
      const refusedIndex = budgets.findIndex((budget, i) => budget.hard && toScaled(before[i].spend) + toScaled(before[i].reserved) + estimate > toScaled(budget.amount));
      const row = expiresAt ? { expires_at: expiresAt } : null;
      if (row) {
        // What the measurement saw plus this hold (nothing else can change these hard budgets while the lock is held).
        const after = before.map((status) => statusOf(status.amount, status.window, { spend: status.spend, reserved: fromScaled(toScaled(status.reserved) + estimate) }));
        return { reserved: true, alreadyReserved: false, requestId, amount: estimatedCost, expiresAt: row.expires_at, budgets: budgets.map((budget, i) => ({ budget, status: after[i] })), refusedBy: null };
      }
      // Request ids are unique per organization. A repeat answers the existing hold only when it is this key's (same
      // team, key and owner) and still holds: another key's id, or one already settled or expired, holds nothing
      // against this key's budgets and must not read as a go-ahead (red-team D1).
      const [existing] = await tx.query<Array<{ amount: string; expires_at: Date; same_caller: boolean; ended: boolean } | undefined>>(
        `SELECT trim_scale(amount)::text AS amount, expires_at,
                team_id = $3::uuid AND api_key_id IS NOT DISTINCT FROM $4::uuid AND user_id IS NOT DISTINCT FROM $5::uuid AS same_caller,
                (settled_at IS NOT NULL OR expires_at <= clock_timestamp()
                  OR EXISTS (SELECT 1 FROM usage_records u WHERE u.tenant_id = r.organization_id AND u.id = r.request_id)) AS ended
           FROM budget_reservations r WHERE organization_id = $1 AND request_id = $2`,
        [caller.organizationId, requestId, caller.teamId, caller.apiKeyId, caller.userId],
      );
      const all = budgets.map((budget, i) => ({ budget, status: before[i] }));
      if (existing && !existing.same_caller) {
        throw new UserInputFailure('REQUEST_ID_IN_USE', 'This requestId was already reserved for another key; each call needs its own request id.', ['input', 'requestId']);
      }
      if (existing?.ended) {
        throw new UserInputFailure('RESERVATION_ENDED', 'The reservation with this requestId was already settled or has expired; reserve again with a new request id.', ['input', 'requestId']);
      }
      if (existing) {
        return { reserved: true, alreadyReserved: true, requestId, amount: existing.amount, expiresAt: existing.expires_at, budgets: all, refusedBy: null };
      }
      return { reserved: false, alreadyReserved: false, requestId, amount: estimatedCost, expiresAt: null, budgets: all, refusedBy: all[refusedIndex] ?? null };
    });
  }

  private async holdWithoutBudgets(tx: EntityManager, hold: { organizationId: string; requestId: string; teamId: string; apiKeyId: string | null; userId: string | null; amount: string; ttlSeconds: number }): Promise<Date | null> {
    const [row] = await tx.query<Array<{ expires_at: Date } | undefined>>(
      `INSERT INTO budget_reservations (organization_id, request_id, team_id, api_key_id, user_id, amount, budget_keys, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, '{}', clock_timestamp() + make_interval(secs => $7))
       ON CONFLICT (organization_id, request_id) DO NOTHING RETURNING expires_at`,
      [hold.organizationId, hold.requestId, hold.teamId, hold.apiKeyId, hold.userId, hold.amount, hold.ttlSeconds],
    );
    return row?.expires_at ?? null;
  }

  /**
   * Ends the holds of these organizations that no longer count (the ingest hook): settled by a committed usage record
   * with their request id (stamped now), or expired (stamped with their expiry). Open holds stay few, so measuring
   * what a budget holds never walks a growing history.
   */
  async settle(organizationIds: readonly string[], manager: EntityManager = this.db.manager): Promise<number> {
    if (organizationIds.length === 0) return 0;
    // An UPDATE answers [rows, count] through the driver, a plain row list elsewhere (tests' fakes included).
    const rows = await manager.query<unknown[][] | unknown[]>(
      `UPDATE budget_reservations x
          SET settled_at = CASE WHEN x.expires_at <= clock_timestamp() THEN x.expires_at ELSE clock_timestamp() END
        WHERE x.organization_id = ANY($1::uuid[]) AND x.settled_at IS NULL
          AND (x.expires_at <= clock_timestamp() OR EXISTS (SELECT 1 FROM usage_record_ids u WHERE u.tenant_id = x.organization_id AND u.id = x.request_id))
        RETURNING 1`,
      [organizationIds],
    );
    const first = rows[0];
    return Array.isArray(first) ? first.length : rows.length;
  }
}
