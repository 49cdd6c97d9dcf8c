import type { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { BadUserInputError } from '../core/errors';
import { DECIMAL_SCALE, decimalText, quotientText } from '../core/decimals';
import { Product } from '../catalog/modelEndpoint.entity';
import { bucketLabel, finestTiling, planBuckets, type BucketArgs } from './buckets';
import { itemsJsonSql, type ItemsJsonShape } from './usageItemsJson';
import { queryBatches, queryBatchesDefaults } from '../core/queryBatches';
import { requestJsonArena, type JsonPieces } from '../core/jsonParts';
import { currentRequestScope } from '../core/requestScope';
import { UsageAuthKind, UsageExpand, UsageGroupBy, type UsageBucket, type UsageItem, type UsageReport } from './usage.types';

export const DEFAULT_BUCKET_LIMIT = 100;
export const MAX_BUCKET_LIMIT = 1000;
/** REST pages count items (the contract's `limit`): default and maximum per page. */
export const DEFAULT_ITEM_LIMIT = 1000;
export const MAX_ITEM_LIMIT = 10_000;
const CLOSE_ARRAY = Buffer.from(']');
const EMPTY_ARRAY = Buffer.from('[]');
const DEFAULT_GROUP_BY = [UsageGroupBy.TEAM, UsageGroupBy.PRODUCT, UsageGroupBy.ENDPOINT, UsageGroupBy.UNIT];

export interface UsageQueryArgs extends BucketArgs {
  teamUsernames?: string[] | null;
  products?: Product[] | null;
  endpointIds?: string[] | null;
  apiKeyIds?: string[] | null;
  expand?: UsageExpand[] | null;
  groupBy?: UsageGroupBy[] | null;
  limit?: number | null;
  cursor?: string | null;
}

/** Whose usage a caller may read: one tenant, and either all its teams or only some. */
export interface UsageScope {
  tenantId: string;
  /** null = every team of the tenant. */
  teamIds: string[] | null;
}

const GROUP_COLUMN: Record<UsageGroupBy, string> = {
  TEAM: 'team_id',
  PRODUCT: 'product',
  ENDPOINT: 'endpoint_id',
  UNIT: 'unit',
  AUTH_METHOD: 'auth_key',
  API_KEY: 'auth_key',
};

/**
 * Usage queries (docs/usage.md). Bucketing is planned in the requested zone (buckets.ts); the SQL reads the coarsest
 * rollup that tiles every bucket edge exactly — daily, hourly or 15-minute — and raw records only when no rollup
 * does (minute buckets, unaligned ranges). A page costs one statement for the series and one for the summary; a
 * chart, one for both (docs/usage.md).
 */
export class UsageQueryService {
  constructor(private readonly db: DataSource) {}

  /**
   * One page of a usage report. GraphQL pages by buckets (`limit` buckets a page); the REST contract pages by items
   * (`paging: 'ITEMS'`): whole buckets fill a page up to `limit` items, and a bucket holding more than `limit` items
   * alone is delivered in slices of `limit` items over consecutive pages (see pageLayout).
   *
   * With `itemsJson`, each bucket's items come as JSON text in that shape (`resultsJson`, `results` left empty)
   * where the page allows it (no auth grouping, no split bucket); callers check `resultsJson` per bucket.
   */
  async report(
    scope: UsageScope,
    args: UsageQueryArgs,
    now = new Date(),
    paging: 'BUCKETS' | 'ITEMS' = 'BUCKETS',
    itemsJson: ItemsJsonShape | null = null,
  ): Promise<Omit<UsageReport, 'completeThrough'>> {
    const expand = new Set(args.expand?.length ? args.expand : [UsageExpand.TIME_SERIES]);
    if (!expand.has(UsageExpand.TIME_SERIES) && !expand.has(UsageExpand.SUMMARY)) {
      throw new BadUserInputError('`expand` must include TIME_SERIES or SUMMARY.', 'expand');
    }
    const [defaultLimit, maxLimit] = paging === 'ITEMS' ? [DEFAULT_ITEM_LIMIT, MAX_ITEM_LIMIT] : [DEFAULT_BUCKET_LIMIT, MAX_BUCKET_LIMIT];
    const limit = args.limit ?? defaultLimit;
    if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
      throw new BadUserInputError(`\`limit\` must be between 1 and ${maxLimit} ${paging === 'ITEMS' ? 'items' : 'buckets'}.`, 'limit');
    }
    const plan = planBuckets(args, now);
    const bucketCount = plan.edges.length - 1;
    const filters = await this.filters(scope, args);
    const groupBy = [...new Set([...(args.groupBy?.length ? args.groupBy : DEFAULT_GROUP_BY), ...(expand.has(UsageExpand.AUTH_METHOD) ? [UsageGroupBy.AUTH_METHOD] : [])])];

    let layout: PageSlice[];
    if (paging === 'BUCKETS') {
      layout = Array.from({ length: Math.max(1, Math.ceil(bucketCount / limit)) }, (_, i) => ({ first: i * limit, last: Math.min((i + 1) * limit, bucketCount) - 1, slice: null }));
    } else if (expand.has(UsageExpand.TIME_SERIES)) {
      layout = pageLayout(await this.itemCounts(filters, groupBy, plan.edges), bucketCount, limit);
    } else {
      layout = [{ first: 0, last: bucketCount - 1, slice: null }];
    }
    const pages = layout.length;
    const page = decodePageCursor(args.cursor, pages);
    const slice = layout[page - 1];
    const pageEdges = plan.edges.slice(slice.first, slice.last + 2);
    // A chart (series and summary of the whole range, by product or unit: a few items per bucket) is one statement
    // and one scan: the summary is the series' grouping set without the bucket.
    const seriesWithSummary =
      expand.has(UsageExpand.TIME_SERIES) && expand.has(UsageExpand.SUMMARY) && pages === 1 && groupBy.every((dimension) => FEW_VALUES.has(dimension));
    const asJson =
      itemsJson && !seriesWithSummary && expand.has(UsageExpand.TIME_SERIES) && !groupBy.includes(UsageGroupBy.AUTH_METHOD) && !groupBy.includes(UsageGroupBy.API_KEY);
    // A split bucket's slice is read as just its rows (LIMIT/OFFSET in item order over that bucket alone; the buckets
    // before it on its page were empty when the pages were laid out). Reading the whole bucket to cut it in JS cost
    // 77 µs an item on a 10,000-item REST page of a 2,000-team organization.
    const window = slice.slice ? { offset: slice.slice.offset, limit } : null;
    const [seriesJson, seriesRows, summaryRows] = seriesWithSummary
      ? splitSummary(await this.aggregate(filters, groupBy, pageEdges, true, true))
      : await Promise.all([
          asJson ? this.aggregateJson(filters, groupBy, pageEdges, itemsJson, window) : Promise.resolve(null),
          expand.has(UsageExpand.TIME_SERIES) && !asJson ? this.aggregate(filters, groupBy, pageEdges, true, false, window) : Promise.resolve(null),
          expand.has(UsageExpand.SUMMARY) ? this.aggregate(filters, groupBy, [plan.edges[0], plan.edges[bucketCount]], false) : Promise.resolve(null),
        ]);
    const labels = await this.labels([...(seriesRows ?? []), ...(summaryRows ?? [])]);

    let timeSeries: UsageBucket[] | null = null;
    if (seriesJson) {
      timeSeries = pageEdges.slice(0, -1).map((edge, i) => ({ bucket: bucketLabel(edge), start: edge, results: [], resultsJson: seriesJson.get(i + 1) ?? [EMPTY_ARRAY] }));
    } else if (seriesRows) {
      timeSeries = pageEdges.slice(0, -1).map((edge) => ({ bucket: bucketLabel(edge), start: edge, results: [] as UsageItem[] }));
      for (const row of seriesRows) timeSeries[row.b - 1]?.results.push(toItem(row, groupBy, labels));
    }
    return {
      start: bucketLabel(plan.edges[0]),
      end: bucketLabel(plan.edges[bucketCount]),
      timezone: plan.zone,
      timeframe: plan.timeframe,
      timeSeries,
      summary: summaryRows ? summaryRows.map((row) => toItem(row, groupBy, labels)) : null,
      nextCursor: page < pages ? encodePageCursor(page + 1) : null,
      hasMore: page < pages,
      totalBuckets: bucketCount,
    };
  }

  /** Items per bucket over the whole range (bucket index from 1 → count), for item paging: one statement. */
  private async itemCounts(filters: SqlFilters, groupBy: UsageGroupBy[], edges: readonly DateTime[]): Promise<Map<number, number>> {
    // Unordered: counting needs no item order, and an ordered subquery is sorted even when only counted.
    const { sql, params } = this.aggregateSql(filters, groupBy, edges, true, { ordered: false });
    const rows: Array<{ b: number; n: number }> = await this.db.query(`SELECT b, count(*)::int AS n FROM (${sql}) items GROUP BY b`, params);
    return new Map(rows.map((row) => [Number(row.b), Number(row.n)]));
  }

  /** Resolves and checks the filters: teams outside the scope and keys of other tenants are errors, never empty results. */
  private async filters(scope: UsageScope, args: UsageQueryArgs): Promise<SqlFilters> {
    let teamIds = scope.teamIds;
    if (args.teamUsernames?.length) {
      const rows: Array<{ id: string; username: string }> = await this.db.query(
        `SELECT id, username FROM teams WHERE username = ANY($1) AND (organization_id = $2 OR id = $2)`,
        [args.teamUsernames, scope.tenantId],
      );
      const found = new Map(rows.map((row) => [row.username, row.id]));
      const unknown = args.teamUsernames.filter((username) => !found.has(username) || (scope.teamIds && !scope.teamIds.includes(found.get(username)!)));
      if (unknown.length) throw new BadUserInputError(`Not a team of this organization you may read: ${unknown.join(', ')}.`, 'teamUsernames');
      teamIds = [...found.values()];
    }
    for (const [argument, list] of [['endpointIds', args.endpointIds], ['apiKeyIds', args.apiKeyIds]] as const) {
      if (list && (list.length < 1 || list.length > 50)) throw new BadUserInputError(`\`${argument}\` takes 1–50 ids.`, argument);
    }
    let authKeys: string[] | null = null;
    if (args.apiKeyIds) {
      const rows: Array<{ id: string; key_id: string }> = await this.db.query(
        // Only keys of teams the caller may read: a key of a team outside their view is as unknown as a made-up id
        // (it used to be accepted, confirming that the key exists).
        `SELECT k.id, k.key_id FROM api_keys k JOIN teams t ON t.id = k.team_id
          WHERE k.key_id = ANY($1) AND (t.organization_id = $2 OR t.id = $2) AND ($3::uuid[] IS NULL OR k.team_id = ANY($3::uuid[]))`,
        [args.apiKeyIds, scope.tenantId, teamIds ?? null],
      );
      const unknown = args.apiKeyIds.filter((keyId) => !rows.some((row) => row.key_id === keyId));
      if (unknown.length) throw new BadUserInputError(`Unknown API key ids: ${unknown.join(', ')}.`, 'apiKeyIds');
      authKeys = rows.map((row) => `KEY:${row.id}`);
    }
    return { tenantId: scope.tenantId, teamIds, products: args.products ?? null, endpointIds: args.endpointIds ?? null, authKeys };
  }

  /**
   * One statement: rows grouped by bucket index (width_bucket over the edges) and the requested dimensions. When the
   * source's rows already are the answer's items — one source bucket per answer bucket, keyed by exactly the
   * requested dimensions (the seed-shaped page of UTC days) — they are read in key order without aggregating.
   */
  private async aggregate(filters: SqlFilters, groupBy: UsageGroupBy[], edges: readonly DateTime[], bucketed: boolean, withSummary = false, window: RowWindow | null = null): Promise<AggregateRow[]> {
    const { sql, params } = this.aggregateSql(filters, groupBy, edges, bucketed, { withSummary, window });
    return this.db.query(sql, params);
  }

  /**
   * The bucketed aggregate as JSON text per bucket (bucket index from 1 → the JSON array in pieces). The items' rows
   * are read in batches (queryBatches) and each batch's run of a bucket becomes one piece at once (a Buffer), so the
   * rows and strings of a 48,000-item page die young instead of all living until the answer is sent.
   */
  private async aggregateJson(filters: SqlFilters, groupBy: UsageGroupBy[], edges: readonly DateTime[], shape: ItemsJsonShape, window: RowWindow | null = null): Promise<Map<number, JsonPieces>> {
    const { sql, params, order, readAsIs } = this.aggregateSql(filters, groupBy, edges, true, { exposeOrder: true, window });
    const columns = [...new Set(groupBy.map((dimension) => GROUP_COLUMN[dimension]))];
    // Rows arrive in item order, bucket after bucket: each bucket's run of items becomes its JSON array.
    const buckets = new Map<number, JsonPieces>();
    let bucket = 0;
    let pieces: JsonPieces = [];
    const endBucket = () => {
      if (!pieces.length) return;
      pieces.push(CLOSE_ARRAY);
      buckets.set(bucket, pieces);
      pieces = [];
    };
    // The request's slabs when there is one (recycled once its answer is written), else plain Buffers.
    const arena = requestJsonArena(currentRequestScope());
    const json = itemsJsonSql(sql, columns, order, groupBy.includes(UsageGroupBy.UNIT), shape);
    await queryBatches(this.db, json, params, (rows) => {
      for (let i = 0; i < rows.length; ) {
        const b = Number(rows[i][0]);
        if (b !== bucket) {
          endBucket();
          bucket = b;
        }
        const items: string[] = [];
        for (; i < rows.length && Number(rows[i][0]) === b; i++) items.push(rows[i][1] as string);
        const text = `${pieces.length ? ',' : '['}${items.join(',')}`;
        pieces.push(arena ? arena.piece(text) : Buffer.from(text, 'utf8'));
      }
    }, queryBatchesDefaults.rows, readAsIs ? IN_KEY_ORDER : {});
    endBucket();
    return buckets;
  }

  /**
   * `exposeOrder`: the source's time column is also selected (as `t`) when rows are read as is, so callers can keep
   * their order; `ordered: false` leaves out ORDER BY; `withSummary` adds the whole range's rows per group, with a
   * null bucket, after the buckets' rows (GROUPING SETS: one scan for both); `window` keeps only those rows of the
   * ordered result (a split bucket's slice).
   */
  private aggregateSql(
    filters: SqlFilters,
    groupBy: UsageGroupBy[],
    edges: readonly DateTime[],
    bucketed: boolean,
    { exposeOrder = false, ordered = true, withSummary = false, window = null }: { exposeOrder?: boolean; ordered?: boolean; withSummary?: boolean; window?: RowWindow | null } = {},
  ): { sql: string; params: unknown[]; order: string[]; readAsIs: boolean } {
    const isoEdges = edges.map((edge) => new Date(edge.toMillis()).toISOString());
    const columns = [...new Set(groupBy.map((dimension) => GROUP_COLUMN[dimension]))];
    const source = chooseSource(finestTiling(edges), columns, filters);
    // A window reads only the page's last bucket (the split one): records ingested meanwhile into the buckets before
    // it, empty when the pages were laid out, must not shift its slice. Bucket numbers still count from the first edge.
    const from = window ? isoEdges[isoEdges.length - 2] : isoEdges[0];
    const params: unknown[] = [filters.tenantId, from, isoEdges[isoEdges.length - 1]];
    const where = [`tenant_id = $1`, `${source.time} >= $2`, `${source.time} < $3`];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filters.teamIds) add('team_id = ANY(?::uuid[])', filters.teamIds);
    if (filters.products) add('product = ANY(?)', filters.products);
    if (filters.endpointIds) add('endpoint_id = ANY(?)', filters.endpointIds);
    if (filters.authKeys) add('auth_key = ANY(?)', filters.authKeys);
    let bucketExpression = '0';
    if (bucketed) {
      params.push(isoEdges);
      bucketExpression = `width_bucket(${source.time}, $${params.length}::timestamptz[])`;
    }
    const readAsIs =
      bucketed &&
      !withSummary &&
      source.granularityMs !== null &&
      edges.every((edge, i) => i === 0 || edge.toMillis() - edges[i - 1].toMillis() === source.granularityMs) &&
      columns.length === source.dimensions.length &&
      columns.every((column) => source.dimensions.includes(column));
    const value = (expression: string) => (readAsIs ? expression : `sum(${expression})`);
    const [minPrice, maxPrice] = readAsIs ? [source.minPrice, source.maxPrice] : [`min(${source.minPrice})`, `max(${source.maxPrice})`];
    const unitPrice = source.quantities
      ? `CASE WHEN ${minPrice} = ${maxPrice} THEN ${decimalText(minPrice, DECIMAL_SCALE.unitPrice)}
              WHEN ${value('quantity')} = 0 THEN NULL
              ELSE ${quotientText(value('cost'), value('quantity'), DECIMAL_SCALE.unitPrice)} END`
      : 'NULL';
    const order = readAsIs ? [source.time, ...columns] : ['b', ...columns];
    return {
      readAsIs,
      order: readAsIs ? ['t', ...columns] : ['b', ...columns],
      sql: `SELECT ${bucketExpression} AS b, ${readAsIs && exposeOrder ? `${source.time} AS t, ` : ''}${columns.join(', ')}${columns.length ? ',' : ''}
              ${source.quantities ? `${decimalText(value('quantity'), DECIMAL_SCALE.quantity)} AS quantity,` : ''} ${decimalText(value('cost'))} AS cost,
              ${unitPrice} AS unit_price
         FROM ${source.table}
        WHERE ${where.join(' AND ')}
        ${readAsIs ? '' : `GROUP BY ${withSummary ? `GROUPING SETS ((${['b', ...columns].join(', ')}), (${columns.join(', ')}))` : ['b', ...columns].join(', ')}`}
        ${ordered ? `ORDER BY ${order.join(', ')}` : ''}
        ${window && ordered ? `LIMIT ${Math.trunc(window.limit)} OFFSET ${Math.trunc(window.offset)}` : ''}`,
      params,
    };
  }

  /** Usernames of teams and labels of auth methods in a page, in two statements at most. */
  private async labels(rows: AggregateRow[]): Promise<Labels> {
    // A plain loop: pages hold tens of thousands of rows, and per-row arrays showed up in profiles.
    const teamIdSet = new Set<string>();
    const authKeySet = new Set<string>();
    for (const row of rows) {
      if (row.team_id) teamIdSet.add(row.team_id);
      if (row.auth_key) authKeySet.add(row.auth_key);
    }
    const teamIds = [...teamIdSet];
    const authKeys = [...authKeySet];
    const keyIds = authKeys.filter((key) => key.startsWith('KEY:')).map((key) => key.slice(4));
    const userIds = authKeys.filter((key) => key.startsWith('LOGIN:')).map((key) => key.slice(6));
    const [teams, auth] = await Promise.all([
      teamIds.length ? this.db.query<Array<{ id: string; username: string }>>(`SELECT id, username FROM teams WHERE id = ANY($1::uuid[])`, [teamIds]) : [],
      keyIds.length || userIds.length
        ? this.db.query<Array<{ auth_key: string; label: string; alias: string | null }>>(
            `SELECT 'KEY:' || id AS auth_key, key_id AS label, alias FROM api_keys WHERE id = ANY($1::uuid[])
             UNION ALL
             SELECT 'LOGIN:' || personal_owner_id, username, NULL FROM teams WHERE kind = 'PERSONAL' AND personal_owner_id = ANY($2::uuid[])`,
            [keyIds, userIds],
          )
        : [],
    ]);
    return {
      teams: new Map(teams.map((t) => [t.id, t.username])),
      auth: new Map(auth.map((a) => [a.auth_key, a.label])),
      aliases: new Map(auth.map((a) => [a.auth_key, a.alias])),
    };
  }
}

/**
 * Planner settings for rollup rows read as is, in the rollup's key order: its primary key's index scan delivers them
 * sorted, but the planner prices a parallel bitmap scan plus a sort lower. Measured on the 20M-event seed page
 * (48k rows): the index scan took 130–221 ms, the bitmap scan and sort 179–282 ms, alternating, under load; the
 * ORDER BY keeps the answer's order whatever plan runs.
 */
const IN_KEY_ORDER = { enable_bitmapscan: 'off', enable_sort: 'off' } as const;

/** Dimensions with a handful of values (products, units): a series grouped only by them stays small. */
const FEW_VALUES = new Set([UsageGroupBy.PRODUCT, UsageGroupBy.UNIT]);

/** Rows of a series-with-summary statement: the buckets' rows, then the summary's (null bucket). */
function splitSummary(rows: Array<Omit<AggregateRow, 'b'> & { b: number | null }>): [null, AggregateRow[], AggregateRow[]] {
  const series: AggregateRow[] = [];
  const summary: AggregateRow[] = [];
  for (const row of rows) {
    if (row.b === null) summary.push({ ...row, b: 0 });
    else series.push(row as AggregateRow);
  }
  return [null, series, summary];
}

interface Source {
  table: string;
  time: string;
  /** Columns holding the lowest and highest unit price of a row. */
  minPrice: string;
  maxPrice: string;
  /** False for the product-level rollup, which keeps cost only. */
  quantities: boolean;
  /** Width of the source's buckets (null for raw records). */
  granularityMs: number | null;
  /** The dimension columns a source row is keyed by. */
  dimensions: string[];
}

const ITEM_DIMENSIONS = ['team_id', 'product', 'endpoint_id', 'unit'];
const FULL_DIMENSIONS = [...ITEM_DIMENSIONS, 'auth_key'];
const ROLLUP_PRICES = { minPrice: 'min_unit_price', maxPrice: 'max_unit_price' };
const ROLLUP_GRANULARITY_MS = { '1d': 86_400_000, '1h': 3_600_000, '15m': 900_000 } as const;

/**
 * The cheapest table that answers exactly: the product-level hourly rollup for product-only charts, the daily
 * items rollup (no auth dimension) for UTC days not grouped or filtered by key, else the coarsest full rollup that
 * tiles every bucket edge, else raw records.
 */
function chooseSource(tiling: '1d' | '1h' | '15m' | null, columns: string[], filters: SqlFilters): Source {
  const productOnly = columns.every((column) => column === 'product') && !filters.teamIds && !filters.endpointIds && !filters.authKeys;
  if (productOnly && (tiling === '1h' || tiling === '1d')) {
    return { table: 'usage_rollup_product_1h', time: 'bucket', minPrice: '', maxPrice: '', quantities: false, granularityMs: ROLLUP_GRANULARITY_MS['1h'], dimensions: ['product'] };
  }
  if (tiling === '1d' && !columns.includes('auth_key') && !filters.authKeys) {
    return { table: 'usage_rollup_items_1d', time: 'bucket', ...ROLLUP_PRICES, quantities: true, granularityMs: ROLLUP_GRANULARITY_MS['1d'], dimensions: ITEM_DIMENSIONS };
  }
  if (tiling) return { table: `usage_rollup_${tiling}`, time: 'bucket', ...ROLLUP_PRICES, quantities: true, granularityMs: ROLLUP_GRANULARITY_MS[tiling], dimensions: FULL_DIMENSIONS };
  return { table: 'usage_records', time: 'ts', minPrice: 'unit_price', maxPrice: 'unit_price', quantities: true, granularityMs: null, dimensions: [] };
}

interface SqlFilters {
  tenantId: string;
  teamIds: string[] | null;
  products: Product[] | null;
  endpointIds: string[] | null;
  authKeys: string[] | null;
}

interface AggregateRow {
  /** Bucket index from 1 (0 for a summary). */
  b: number;
  team_id?: string;
  product?: Product;
  endpoint_id?: string;
  unit?: string;
  auth_key?: string;
  quantity?: string;
  cost: string;
  unit_price: string | null;
}

interface Labels {
  teams: Map<string, string>;
  auth: Map<string, string>;
  /** API keys' aliases (the REST contract's `auth_method_structured.detail`). */
  aliases: Map<string, string | null>;
}

function toItem(row: AggregateRow, groupBy: UsageGroupBy[], labels: Labels): UsageItem {
  const byUnit = groupBy.includes(UsageGroupBy.UNIT);
  const authKey = row.auth_key;
  return {
    teamUsername: row.team_id ? (labels.teams.get(row.team_id) ?? null) : null,
    product: row.product ?? null,
    endpointId: row.endpoint_id ?? null,
    unit: byUnit ? (row.unit ?? null) : null,
    quantity: byUnit ? (row.quantity ?? null) : null,
    unitPrice: byUnit ? row.unit_price : null,
    cost: row.cost,
    currency: 'USD',
    authMethod:
      authKey === undefined
        ? null
        : authKey === ''
          ? { kind: UsageAuthKind.NONE, keyId: null, username: null }
          : authKey.startsWith('KEY:')
            ? { kind: UsageAuthKind.API_KEY, keyId: labels.auth.get(authKey) ?? null, username: null, keyAlias: labels.aliases.get(authKey) ?? null }
            : { kind: UsageAuthKind.LOGIN, keyId: null, username: labels.auth.get(authKey) ?? null },
  };
}

/** Cursors are base64 of the page number (`Mg==` is page 2), as in the seed API. */
export function encodePageCursor(page: number): string {
  return Buffer.from(String(page), 'utf8').toString('base64');
}

function decodePageCursor(cursor: string | null | undefined, pages: number): number {
  if (cursor === null || cursor === undefined) return 1;
  const text = /^[A-Za-z0-9+/]+={0,2}$/.test(cursor) ? Buffer.from(cursor, 'base64').toString('utf8') : '';
  const page = /^[1-9]\d{0,6}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(page) || page > pages) throw new BadUserInputError('`cursor` is not a valid page cursor for this query.', 'cursor');
  return page;
}

/** One page: buckets first..last (indexes from 0, inclusive); `slice` when the last bucket is split across pages. */
/** Rows `offset` to `offset + limit` of an ordered statement. */
interface RowWindow {
  offset: number;
  limit: number;
}

interface PageSlice {
  first: number;
  last: number;
  slice: { offset: number } | null;
}

/**
 * Item paging (REST): pages take whole buckets in order while their items fit in `limit`; a bucket never splits
 * unless it alone holds more than `limit` items — then it goes out in slices of `limit` items (in the answer's item
 * order) on consecutive pages, each page repeating the bucket's label, the first slice together with the (empty)
 * buckets before it that started its page. Empty buckets cost nothing and ride along with their neighbours.
 */
export function pageLayout(counts: Map<number, number>, bucketCount: number, limit: number): PageSlice[] {
  const pages: PageSlice[] = [];
  let first = 0;
  let items = 0;
  for (let i = 0; i < bucketCount; i++) {
    const n = counts.get(i + 1) ?? 0;
    if (n <= limit) {
      if (items + n > limit) {
        pages.push({ first, last: i - 1, slice: null });
        first = i;
        items = 0;
      }
      items += n;
      continue;
    }
    if (items > 0) {
      pages.push({ first, last: i - 1, slice: null });
      first = i;
    }
    for (let offset = 0; offset < n; offset += limit) {
      pages.push({ first: offset === 0 ? first : i, last: i, slice: { offset } });
    }
    first = i + 1;
    items = 0;
  }
  if (first < bucketCount || pages.length === 0) pages.push({ first, last: bucketCount - 1, slice: null });
  return pages;
}
