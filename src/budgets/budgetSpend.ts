import type { EntityManager } from 'typeorm';
import type { BudgetSubject } from './inheritance';
import type { PeriodWindow, ZoneChange } from './periods';

/** One (subject, window) to measure; `key` names the budget whose open reservations count. */
export interface SpendQuery {
  key: string;
  subject: BudgetSubject;
  window: PeriodWindow;
}

export interface SpendFigures {
  spend: string;
  reserved: string;
}

/**
 * Spend of each subject in its window, from the 15-minute rollup (maintained on ingest, late records included in the
 * bucket of their timestamp; every zone in use has an offset in whole quarter hours, so calendar periods of any zone
 * are whole buckets), and what is on hold: open reservations not expired and not yet matched by a usage record with
 * their request id (the record settles the reservation the moment it is committed). One statement for any number of
 * budgets.
 *
 * A member's spend is what they did themselves: Playground calls as them and calls with keys they own.
 */
export async function measure(manager: EntityManager, queries: readonly SpendQuery[], now: Date, withReservations = true): Promise<SpendFigures[]> {
  if (queries.length === 0) return [];
  const rows: Array<{ ord: number; spend: string; reserved: string }> = await manager.query(
    `WITH ${MEASURED} SELECT ord, spend::text AS spend, reserved::text AS reserved FROM m`,
    [...measureParams(queries, now, withReservations), queries.map(() => false), queries.map(() => '0')],
  );
  return inOrder(queries, rows);
}

/** A hold to insert when every hard budget measured has room for it (see `measureAndHold`). */
export interface Hold {
  organizationId: string;
  requestId: string;
  teamId: string;
  apiKeyId: string | null;
  userId: string | null;
  amount: string;
  ttlSeconds: number;
}

/**
 * Measures the budgets and, in the same statement, inserts the hold if no hard budget would pass its amount (the
 * "UPDATE … WHERE remaining >= x" of reservations): the caller holds the budgets' locks, so one round trip decides.
 * `expiresAt` is null when nothing was inserted (no room, or the request id already holds).
 */
export async function measureAndHold(
  manager: EntityManager,
  queries: readonly SpendQuery[],
  budgets: ReadonlyArray<{ hard: boolean; amount: string }>,
  hold: Hold,
  now: Date,
): Promise<{ figures: SpendFigures[]; expiresAt: Date | null }> {
  const rows: Array<{ ord: number; spend: string; reserved: string; expires_at: Date | null }> = await manager.query(
    `WITH ${MEASURED},
     held AS (
       INSERT INTO budget_reservations (organization_id, request_id, team_id, api_key_id, user_id, amount, budget_keys, expires_at)
       SELECT $12, $13, $14, $15, $16, $17::numeric, $1::text[], clock_timestamp() + make_interval(secs => $18)
        WHERE NOT EXISTS (SELECT 1 FROM m WHERE m.hard AND m.spend + m.reserved + $17::numeric > m.amount)
       ON CONFLICT (organization_id, request_id) DO NOTHING
       RETURNING expires_at)
     SELECT ord, spend::text AS spend, reserved::text AS reserved, (SELECT expires_at FROM held) AS expires_at FROM m`,
    [
      ...measureParams(queries, now, true),
      budgets.map((b) => b.hard),
      budgets.map((b) => b.amount),
      hold.organizationId,
      hold.requestId,
      hold.teamId,
      hold.apiKeyId,
      hold.userId,
      hold.amount,
      hold.ttlSeconds,
    ],
  );
  return { figures: inOrder(queries, rows), expiresAt: rows[0]?.expires_at ?? null };
}

const MEASURED = `b AS (
    SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::timestamptz[], $7::timestamptz[], $10::boolean[], $11::numeric[])
      WITH ORDINALITY AS b(key, org, team, api_key, member, start, finish, hard, amount, ord)
  ), m AS (
    SELECT b.ord, b.hard, b.amount,
           trim_scale(coalesce((
             SELECT sum(r.cost) FROM usage_rollup_15m r
              WHERE r.tenant_id = b.org AND r.bucket >= b.start AND r.bucket < b.finish
                AND (b.team IS NULL OR r.team_id = b.team)
                AND (b.api_key IS NULL OR r.auth_key = 'KEY:' || b.api_key)
                AND (b.member IS NULL OR r.auth_key = 'LOGIN:' || b.member
                     OR r.auth_key IN (SELECT 'KEY:' || k.id FROM api_keys k WHERE k.owner_id = b.member AND k.organization_id = b.org))
           ), 0)) AS spend,
           CASE WHEN $9 THEN trim_scale(coalesce((
             SELECT sum(x.amount) FROM budget_reservations x
              WHERE x.budget_keys @> ARRAY[b.key] AND x.settled_at IS NULL AND x.expires_at > $8
                AND NOT EXISTS (SELECT 1 FROM usage_record_ids u WHERE u.tenant_id = x.organization_id AND u.id = x.request_id)
           ), 0)) ELSE 0 END AS reserved
      FROM b
  )`;

function measureParams(queries: readonly SpendQuery[], now: Date, withReservations: boolean): unknown[] {
  return [
    queries.map((q) => q.key),
    queries.map((q) => q.subject.organizationId),
    queries.map((q) => (q.subject.scope === 'ORGANIZATION' ? null : q.subject.teamId)),
    queries.map((q) => q.subject.apiKeyId),
    queries.map((q) => q.subject.userId),
    queries.map((q) => (q.window.start === null ? '-infinity' : new Date(q.window.start).toISOString())),
    queries.map((q) => (q.window.end === null ? 'infinity' : new Date(q.window.end).toISOString())),
    now,
    withReservations,
  ];
}

function inOrder(queries: readonly SpendQuery[], rows: Array<{ ord: number | string; spend: string; reserved: string }>): SpendFigures[] {
  const byOrd = new Map(rows.map((row) => [Number(row.ord), row]));
  return queries.map((_, index) => {
    const row = byOrd.get(index + 1)!;
    return { spend: row.spend, reserved: row.reserved };
  });
}

/** The zone history of many organizations in one statement (UTC before any change). */
export async function zoneHistories(manager: EntityManager, organizationIds: readonly string[]): Promise<Map<string, ZoneChange[]>> {
  const result = new Map<string, ZoneChange[]>(organizationIds.map((id) => [id, []]));
  if (organizationIds.length === 0) return result;
  const rows: Array<{ organization_id: string; timezone: string; changed_at: number }> = await manager.query(
    `SELECT organization_id, timezone, (extract(epoch FROM changed_at) * 1000)::float8 AS changed_at FROM budget_zone_history WHERE organization_id = ANY($1::uuid[]) ORDER BY changed_at`,
    [[...new Set(organizationIds)]],
  );
  for (const row of rows) {
    result.get(row.organization_id)!.push({ timezone: row.timezone, changedAt: Number(row.changed_at) });
  }
  return result;
}
