import type { FieldCost } from '../core/queryCost';
import { planBuckets } from './buckets';
import { DEFAULT_BUCKET_LIMIT } from './usageQuery.service';

/**
 * What a usage report costs the rate limiter (src/core/queryCost.ts): buckets × groups, the number of items the
 * answer holds, known from the arguments before anything runs. Items are scalars produced by one SQL statement per
 * aggregate, so ITEMS_PER_POINT of them cost one point (a default 24-hour report is a few hundred points; a
 * thousand one-minute buckets grouped by every dimension is over the per-operation cost limit).
 */
export const ITEMS_PER_POINT = 20;

/** Groups assumed per dimension when no filter says how many: what a mid-sized organization shows. */
export const ASSUMED_GROUPS = { TEAM: 5, ENDPOINT: 10, PRODUCT: 3, UNIT: 3, API_KEY: 5, AUTH_METHOD: 2 } as const;

const DEFAULT_GROUP_BY = ['TEAM', 'PRODUCT', 'ENDPOINT', 'UNIT'];

export function usageItems(args: Record<string, unknown>, now = new Date()): number {
  const expand = stringList(args.expand) ?? ['TIME_SERIES'];
  const groupBy = stringList(args.groupBy) ?? DEFAULT_GROUP_BY;
  const dimensions = new Set(expand.includes('AUTH_METHOD') ? [...groupBy, 'AUTH_METHOD'] : groupBy);
  const count = (list: unknown, assumed: number) => Math.max(1, (Array.isArray(list) ? list.length : 0) || assumed);
  let groups = 1;
  for (const dimension of dimensions) {
    if (dimension === 'TEAM') groups *= count(args.teamUsernames, ASSUMED_GROUPS.TEAM);
    else if (dimension === 'ENDPOINT') groups *= count(args.endpointIds, ASSUMED_GROUPS.ENDPOINT);
    else if (dimension === 'API_KEY') groups *= count(args.apiKeyIds, ASSUMED_GROUPS.API_KEY);
    else if (dimension === 'AUTH_METHOD') groups *= ASSUMED_GROUPS.AUTH_METHOD;
    // An endpoint has one product line and one unit: grouping by them as well adds no groups.
    else if (dimension === 'PRODUCT' && !dimensions.has('ENDPOINT')) groups *= count(args.products, ASSUMED_GROUPS.PRODUCT);
    else if (dimension === 'UNIT' && !dimensions.has('ENDPOINT')) groups *= ASSUMED_GROUPS.UNIT;
  }
  let buckets = 0;
  if (expand.includes('TIME_SERIES')) {
    const limit = typeof args.limit === 'number' && args.limit > 0 ? args.limit : DEFAULT_BUCKET_LIMIT;
    buckets += Math.min(limit, bucketCount(args, now));
  }
  if (expand.includes('SUMMARY')) buckets += 1;
  return Math.max(1, buckets) * groups;
}

export const usageCost: FieldCost = {
  multiplier: (args) => Math.ceil(usageItems(args) / ITEMS_PER_POINT),
};

function bucketCount(args: Record<string, unknown>, now: Date): number {
  try {
    const plan = planBuckets(
      {
        start: asString(args.start),
        end: asString(args.end),
        timezone: asString(args.timezone),
        timeframe: asString(args.timeframe) as never,
        boundToTimeframe: typeof args.boundToTimeframe === 'boolean' ? args.boundToTimeframe : null,
      },
      now,
    );
    return plan.edges.length - 1;
  } catch {
    return 1; // the resolver refuses these arguments with a clear error; there is nothing to charge for
  }
}

function asString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function stringList(value: unknown): string[] | null {
  if (typeof value === 'string') return [value]; // GraphQL list coercion: a single value is a list of one
  return Array.isArray(value) ? value.map(String) : null;
}
