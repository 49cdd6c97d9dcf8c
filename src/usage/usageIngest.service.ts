import { DateTime } from 'luxon';
import { queryWithTimeout } from '../core/statementTimeout';
import type { DataSource } from 'typeorm';
import { UserInputFailure } from '../core/errors';
import { isUniqueViolation } from '../core/dbErrors';
import { isDecimalString } from '../core/scalars';
import { DECIMAL_SCALE } from '../core/decimals';
import { localIdOf } from '../core/relay';
import type { MonthPartitions } from '../retention/monthPartitions';
import type { UsageRecordInput, UsageRejection } from './usage.types';
import { toScaled } from '../budgets/decimal';
import { currentRequestScope } from '../core/requestScope';
import { addStage } from '../core/stageTimings';

export const MAX_USAGE_BATCH = 10_000;
const MAX_FUTURE_MS = 24 * 3600_000;
const PRODUCTS = new Set(['MODEL_APIS', 'SERVERLESS', 'COMPUTE']);
const CATALOG_TTL_MS = 10_000;
/**
 * Per-record bounds (red-team D13). The Decimal scalar promises at most 20 integer digits on every output, and costs
 * are summed over records (usage summaries, budget spend, invoices). A record's quantity is at most 10^15 and its
 * cost (given, or quantity × unit price) at most 10^12 USD, so any sum of fewer than 10^8 records stays below 10^20.
 */
export const MAX_RECORD_QUANTITY = 10n ** 15n;
export const MAX_RECORD_COST = 10n ** 12n;
const SCALE = 10n ** 12n;

export interface IngestUsageResult {
  accepted: number;
  duplicates: number;
  rejected: UsageRejection[];
}

interface CatalogEntry {
  unit: string;
  /** Price versions, oldest first. */
  prices: Array<{ from: number; price: string }>;
}

interface Row {
  tenantId: string;
  id: string;
  ts: string;
  teamId: string;
  organizationId: string | null;
  product: string;
  endpointId: string;
  unit: string;
  quantity: string;
  unitPrice: string;
  cost: string | null;
  authKey: string;
}

/**
 * Usage ingest: records are validated one by one, and the valid ones are stored and rolled up in ONE statement
 * (insert with ON CONFLICT DO NOTHING, then every rollup level fed only from the rows actually inserted), so a
 * retried or concurrently repeated batch is counted exactly once and the response is sent only after commit.
 */
export class UsageIngestService {
  private catalog: { loadedAt: number; entries: Map<string, CatalogEntry> } | null = null;
  private readonly storedListeners: Array<(organizationIds: string[]) => Promise<unknown>> = [];

  constructor(
    private readonly db: DataSource,
    /** Monthly partitions of usage_records, created on demand for the months a batch touches. */
    private readonly partitions: MonthPartitions,
    /** statement_timeout of the store statement (0 = the pool's default); a full batch needs more than a query. */
    private readonly options: { bulkStatementTimeoutMs: number } = { bulkStatementTimeoutMs: 0 },
  ) {}

  async ingest(records: UsageRecordInput[], completeThrough?: Date | null): Promise<IngestUsageResult> {
    if (records.length < 1 || records.length > MAX_USAGE_BATCH) {
      throw new UserInputFailure('INVALID_BATCH', `A batch holds 1–${MAX_USAGE_BATCH} records.`, ['input', 'records']);
    }
    const scope = currentRequestScope();
    let started = performance.now();
    const { rows, rejected, duplicatesInBatch } = await this.validate(records);
    addStage(scope, 'validate', performance.now() - started);
    started = performance.now();
    const accepted = rows.length ? await this.store(rows) : 0;
    addStage(scope, 'store', performance.now() - started);
    if (completeThrough) await this.advanceWatermark(completeThrough);
    // After commit: the server queues an evaluation per organization (alerts, budgets; src/jobs). A failure here
    // makes the caller retry, which is safe because the records themselves are already stored once. So the
    // reaction runs for records that were already stored too (listeners are idempotent): a retry after such a
    // failure must not skip it.
    if (rows.length > 0) {
      const organizationIds = [...new Set(rows.flatMap((row) => (row.organizationId ? [row.organizationId] : [])))];
      for (const listener of this.storedListeners) await listener(organizationIds);
    }
    return { accepted, duplicates: rows.length - accepted + duplicatesInBatch, rejected };
  }

  /** Registers a reaction to committed usage (called with the organizations whose usage grew). */
  onStored(listener: (organizationIds: string[]) => Promise<unknown>): void {
    this.storedListeners.push(listener);
  }

  /** The pipeline's watermark (null until it reports one). */
  async completeThrough(): Promise<Date | null> {
    const rows: Array<{ complete_through: Date }> = await this.db.query(`SELECT complete_through FROM usage_watermark`);
    return rows[0]?.complete_through ?? null;
  }

  private async validate(records: UsageRecordInput[]) {
    const [teams, keys, users, catalog] = await Promise.all([
      this.lookup<{ id: string; organization_id: string | null; username: string }>(
        `SELECT id, organization_id, username FROM teams WHERE username = ANY($1)`,
        records.map((r) => r.teamUsername),
        (t) => t.username,
      ),
      this.lookup<{ id: string; key_id: string; team_id: string }>(
        `SELECT id, key_id, team_id FROM api_keys WHERE key_id = ANY($1)`,
        records.flatMap((r) => (r.auth?.keyId ? [r.auth.keyId] : [])),
        (k) => k.key_id,
      ),
      this.lookup<{ id: string }>(
        `SELECT id FROM users WHERE id = ANY($1::uuid[])`,
        records.flatMap((r) => {
          const id = r.auth?.userId ? localIdOf(r.auth.userId, 'User') : null;
          return id ? [id] : [];
        }),
        (u) => u.id,
      ),
      this.catalogEntries(),
    ]);

    const rejected: UsageRejection[] = [];
    const rows: Row[] = [];
    const seen = new Set<string>();
    let duplicatesInBatch = 0;
    const now = Date.now();
    records.forEach((record, index) => {
      const reject = (field: string, code: string, message: string) => void rejected.push({ index, field, code, message });
      if (record.id.length < 1 || record.id.length > 200) return reject('id', 'INVALID', 'The id must be 1–200 characters.');
      const instant = parseInstant(record.timestamp);
      if (instant === null) {
        return reject('timestamp', 'INVALID', 'timestamp must be an ISO-8601 instant with an offset, e.g. 2025-03-09T10:00:00Z.');
      }
      if (instant.millis > now + MAX_FUTURE_MS) return reject('timestamp', 'FUTURE_TIMESTAMP', 'timestamp is more than a day in the future.');
      const team = teams.get(record.teamUsername);
      if (!team) return reject('teamUsername', 'UNKNOWN_TEAM', `No team "${record.teamUsername}".`);
      if (!PRODUCTS.has(record.product)) return reject('product', 'UNKNOWN_PRODUCT', 'product must be MODEL_APIS, SERVERLESS or COMPUTE.');
      for (const field of ['quantity', 'unitPrice', 'cost'] as const) {
        const value = record[field];
        if (value === null || value === undefined) continue;
        if (!isDecimalString(value)) return reject(field, 'NOT_DECIMAL', `${field} must be a decimal string such as "12.5".`);
        if (value.startsWith('-')) {
          return reject(field, field === 'quantity' ? 'NEGATIVE_QUANTITY' : 'INVALID', `${field} must not be negative.`);
        }
      }
      if ((record.currency ?? 'USD') !== 'USD') return reject('currency', 'UNSUPPORTED_CURRENCY', 'Only USD is supported.');
      const entry = catalog.get(record.endpointId);
      const unit = record.unit ?? entry?.unit;
      if (!unit) return reject('endpointId', 'UNKNOWN_ENDPOINT', `"${record.endpointId}" is not in the catalog; give unit and unitPrice.`);
      const unitPrice = record.unitPrice ?? priceAt(entry, instant.millis);
      if (unitPrice === null) {
        return reject('unitPrice', entry ? 'NO_PRICE' : 'UNKNOWN_ENDPOINT', `No catalog price for "${record.endpointId}" at that time; give unitPrice.`);
      }
      // A value with n integer digits is below 10^n, so short values are within both bounds without BigInt
      // arithmetic (which cost more per record than the rest of validation); longer ones are checked exactly.
      const surelyInBounds =
        integerDigits(record.quantity) <= 15 &&
        (record.cost ? integerDigits(record.cost) <= 12 : integerDigits(record.quantity) + integerDigits(unitPrice) <= 12);
      if (!surelyInBounds) {
        const quantity = toScaled(record.quantity);
        if (quantity > MAX_RECORD_QUANTITY * SCALE) return reject('quantity', 'OUT_OF_RANGE', `quantity must be at most ${MAX_RECORD_QUANTITY}.`);
        // Both scaled by 10^12: their product is scaled by 10^24.
        const cost = record.cost ? toScaled(record.cost) * SCALE : quantity * toScaled(unitPrice);
        if (cost > MAX_RECORD_COST * SCALE * SCALE) {
          return reject(record.cost ? 'cost' : 'unitPrice', 'OUT_OF_RANGE', `A record's cost (quantity × unit price) must be at most ${MAX_RECORD_COST} USD.`);
        }
      }
      let authKey = '';
      if (record.auth) {
        if (record.auth.kind === 'API_KEY') {
          const key = record.auth.keyId ? keys.get(record.auth.keyId) : undefined;
          if (!key || key.team_id !== team.id) return reject('auth.keyId', 'UNKNOWN_KEY', 'No such key on this team.');
          authKey = `KEY:${key.id}`;
        } else if (record.auth.kind === 'LOGIN') {
          const userId = record.auth.userId ? localIdOf(record.auth.userId, 'User') : null;
          if (!userId || !users.has(userId)) return reject('auth.userId', 'UNKNOWN_USER', 'No such user.');
          authKey = `LOGIN:${userId}`;
        } else {
          return reject('auth.kind', 'INVALID', 'auth.kind must be API_KEY or LOGIN.');
        }
      }
      const tenantId = team.organization_id ?? team.id;
      const dedupe = `${tenantId}/${record.id}`;
      if (seen.has(dedupe)) {
        duplicatesInBatch += 1;
        return;
      }
      seen.add(dedupe);
      rows.push({
        tenantId,
        id: record.id,
        ts: instant.utcIso,
        teamId: team.id,
        organizationId: team.organization_id,
        product: record.product,
        endpointId: record.endpointId,
        unit,
        quantity: record.quantity,
        unitPrice,
        cost: record.cost ?? null,
        authKey,
      });
    });
    return { rows, rejected, duplicatesInBatch };
  }

  /**
   * Raw insert and every rollup in one statement: rollups only ever see rows that were really inserted. A batch is
   * first sent as if none of its ids had been seen: a plain insert into the id ledger costs a quarter of
   * `ON CONFLICT DO NOTHING`'s speculative insertion per row (measured with EXPLAIN ANALYZE), and the raw insert then
   * needs no join with the claimed ids. Only when an id is taken does the batch go again with ON CONFLICT. Only the
   * finest level aggregates the inserted rows; each coarser level aggregates the level below it (a few hundred
   * groups instead of ten thousand rows), which gives the same sums, counts and extremes because every 15-minute
   * bucket lies within one hour and every hour within one UTC day.
   */
  private async store(rows: Row[]): Promise<number> {
    const column = <K extends keyof Row>(key: K) => rows.map((row) => row[key]);
    const dimensions = 'team_id, product, endpoint_id, unit, auth_key';
    const level = (name: string, from: string, bucket: string, dims: string, first: boolean) => {
      const groups = `tenant_id, bucket, ${dims}`.split(',').map((_, index) => index + 1).join(', ');
      const measures = first
        ? 'sum(quantity) AS quantity, sum(cost) AS cost, min(unit_price) AS min_unit_price, max(unit_price) AS max_unit_price, count(*) AS records'
        : 'sum(quantity) AS quantity, sum(cost) AS cost, min(min_unit_price) AS min_unit_price, max(max_unit_price) AS max_unit_price, sum(records)::bigint AS records';
      return `
      ${name} AS (
        SELECT tenant_id, ${bucket} AS bucket, ${dims}, ${measures}
          FROM ${from} GROUP BY ${groups})`;
    };
    const upsert = (table: string, from: string, dims: string) => {
      const key = `tenant_id, bucket, ${dims}`;
      const positions = key.split(',').map((_, index) => index + 1).join(', ');
      return `
      ${table}_up AS (
        INSERT INTO ${table} AS r (${key}, quantity, cost, min_unit_price, max_unit_price, records)
        SELECT ${key}, quantity, cost, min_unit_price, max_unit_price, records
          FROM ${from}
         ORDER BY ${positions}
        ON CONFLICT (${key}) DO UPDATE
           SET quantity = r.quantity + excluded.quantity, cost = r.cost + excluded.cost,
               min_unit_price = LEAST(r.min_unit_price, excluded.min_unit_price),
               max_unit_price = GREATEST(r.max_unit_price, excluded.max_unit_price),
               records = r.records + excluded.records
        RETURNING 1)`;
    };
    const statement = (fresh: boolean) => `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::uuid[], $5::uuid[], $6::text[], $7::text[],
                              $8::text[], $9::numeric[], $10::numeric[], $11::numeric[], $12::text[])
                    AS i(tenant_id, id, ts, team_id, organization_id, product, endpoint_id, unit, quantity, unit_price, cost, auth_key)
       ),
       -- The idempotency ledger: an id is claimed once per tenant whatever month its timestamp falls in (the raw
       -- table is partitioned by month, so it cannot hold that unique key itself).
       claimed AS (
         INSERT INTO usage_record_ids (tenant_id, id, ts)
         SELECT tenant_id, id, ts FROM input
          -- Key order, like the rollups below: concurrent batches sharing ids then wait for each other, never deadlock.
          ORDER BY tenant_id, id
         ${fresh ? '' : 'ON CONFLICT (tenant_id, id) DO NOTHING'}
         RETURNING tenant_id, id
       ),
       inserted AS (
         INSERT INTO usage_records (tenant_id, id, ts, team_id, organization_id, product, endpoint_id, unit, quantity,
                                    unit_price, cost, auth_key)
         SELECT i.tenant_id, i.id, i.ts, i.team_id, i.organization_id, i.product, i.endpoint_id, i.unit, i.quantity, i.unit_price,
                COALESCE(i.cost, trim_scale(round(i.quantity * i.unit_price, ${DECIMAL_SCALE.cost}))), i.auth_key
           ${fresh ? FRESH_SOURCE : 'FROM input i JOIN claimed c ON c.tenant_id = i.tenant_id AND c.id = i.id'}
         RETURNING tenant_id, ts, team_id, product, endpoint_id, unit, auth_key, quantity, unit_price, cost
       ),
       ${level('by_15m', 'inserted', "date_bin('15 minutes', ts, timestamptz '2000-01-01 00:00:00+00')", dimensions, true)},
       ${level('by_1h', 'by_15m', "date_trunc('hour', bucket, 'UTC')", dimensions, false)},
       ${level('by_1d', 'by_1h', "date_trunc('day', bucket, 'UTC')", dimensions, false)},
       ${level('items_1d', 'by_1d', 'bucket', 'team_id, product, endpoint_id, unit', false)},
       ${upsert('usage_rollup_15m', 'by_15m', dimensions)},
       ${upsert('usage_rollup_1h', 'by_1h', dimensions)},
       ${upsert('usage_rollup_1d', 'by_1d', dimensions)},
       ${upsert('usage_rollup_items_1d', 'items_1d', 'team_id, product, endpoint_id, unit')},
       product_up AS (
         INSERT INTO usage_rollup_product_1h AS r (tenant_id, bucket, product, cost, records)
         SELECT tenant_id, bucket, product, sum(cost), sum(records)::bigint
           FROM by_1h GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
         ON CONFLICT (tenant_id, bucket, product) DO UPDATE SET cost = r.cost + excluded.cost, records = r.records + excluded.records
         RETURNING 1)
       SELECT (SELECT count(*) FROM inserted)::int AS inserted`;
    const parameters = [
        column('tenantId'),
        column('id'),
        column('ts'),
        column('teamId'),
        column('organizationId'),
        column('product'),
        column('endpointId'),
        column('unit'),
        column('quantity'),
        column('unitPrice'),
        column('cost'),
        column('authKey'),
    ];
    // UTC calendar months of the batch (timestamps are canonical UTC ISO here): one string per month, not per row.
    const months = [...new Set(rows.map((row) => row.ts.slice(0, 7)))].map((month) => `${month}-01T00:00:00Z`);
    const run = (fresh: boolean) => this.partitions.inserting('usage_records', months, () => this.bulkQuery<Array<{ inserted: number }>>(statement(fresh), parameters));
    try {
      return (await run(true))[0].inserted;
    } catch (error) {
      // Some id was already claimed (a resent batch, or a concurrent one holding the same ids): the statement
      // failed as a whole, nothing of it stays, and the batch goes again claiming only what is free.
      if (!isUniqueViolation(error, 'usage_record_ids_pkey')) throw error;
      return (await run(false))[0].inserted;
    }
  }

  private bulkQuery<T>(sql: string, parameters: unknown[]): Promise<T> {
    const timeout = this.options.bulkStatementTimeoutMs;
    return timeout > 0 ? queryWithTimeout<T>(this.db, timeout, sql, parameters) : this.db.query(sql, parameters);
  }

  /** Records the pipeline's statement that everything before `completeThrough` has been sent (never moves back). */
  async advanceWatermark(completeThrough: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO usage_watermark (singleton, complete_through) VALUES (true, $1)
       ON CONFLICT (singleton) DO UPDATE SET complete_through = GREATEST(usage_watermark.complete_through, excluded.complete_through)`,
      [completeThrough],
    );
  }

  /** Drop the cached catalog (a catalog change was committed; src/app/services.ts wires the notification). */
  forgetCatalog(): void {
    this.catalog = null;
  }

  /** The catalog is small and changes rarely: cached briefly per process, dropped on change notifications. */
  private async catalogEntries(): Promise<Map<string, CatalogEntry>> {
    if (this.catalog && Date.now() - this.catalog.loadedAt < CATALOG_TTL_MS) return this.catalog.entries;
    const rows: Array<{ endpoint_id: string; unit: string; effective_from: Date | null; unit_price: string | null }> = await this.db.query(
      `SELECT e.endpoint_id, e.unit, p.effective_from, p.unit_price::text AS unit_price
         FROM model_endpoints e LEFT JOIN model_prices p ON p.endpoint_id = e.endpoint_id
        ORDER BY e.endpoint_id, p.effective_from`,
    );
    const entries = new Map<string, CatalogEntry>();
    for (const row of rows) {
      const entry = entries.get(row.endpoint_id) ?? { unit: row.unit, prices: [] };
      if (row.effective_from && row.unit_price !== null) entry.prices.push({ from: row.effective_from.getTime(), price: row.unit_price });
      entries.set(row.endpoint_id, entry);
    }
    this.catalog = { loadedAt: Date.now(), entries };
    return entries;
  }

  private async lookup<T>(sql: string, keys: string[], keyOf: (row: T) => string): Promise<Map<string, T>> {
    if (keys.length === 0) return new Map();
    const rows: T[] = await this.db.query(sql, [[...new Set(keys)]]);
    return new Map(rows.map((row) => [keyOf(row), row]));
  }
}

/**
 * The raw rows of a batch none of whose ids was claimed before. The count over `claimed` (an init plan, run once
 * before the first row) makes the whole ledger insert happen before the raw insert and the rollups: a batch waiting
 * on a concurrent batch's ids then holds no rollup row the other may be waiting for (no deadlock), as with the join.
 */
const FRESH_SOURCE = 'FROM input i WHERE (SELECT count(*) FROM claimed) >= 0';

const CANONICAL_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/**
 * An ISO-8601 instant with an offset, as epoch millis and canonical UTC ISO; null when invalid. The pipeline's usual
 * form (`…T10:00:00.000Z`) takes a fast path — luxon cost a second per 200,000 records — that accepts only what
 * round-trips exactly (no Feb 30, no hour 24); every other form goes through luxon's strict parser.
 */
export function parseInstant(text: string): { millis: number; utcIso: string } | null {
  if (CANONICAL_UTC.test(text)) {
    const millis = Date.parse(text);
    const utcIso = Number.isNaN(millis) ? '' : new Date(millis).toISOString();
    return utcIso.slice(0, 19) === text.slice(0, 19) ? { millis, utcIso } : null;
  }
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (!parsed.isValid || !/(Z|[+-]\d{2}:?\d{2})$/.test(text)) return null;
  return { millis: parsed.toMillis(), utcIso: parsed.toUTC().toISO() };
}

/** Digits before the decimal point of a non-negative decimal string (no leading zeros but a lone "0"). */
function integerDigits(decimal: string): number {
  const point = decimal.indexOf('.');
  return point < 0 ? decimal.length : point;
}

function priceAt(entry: CatalogEntry | undefined, at: number): string | null {
  if (!entry) return null;
  let price: string | null = null;
  for (const version of entry.prices) if (version.from <= at) price = version.price;
  return price;
}
