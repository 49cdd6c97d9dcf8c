import { DateTime, IANAZone } from 'luxon';
import { LRUCache } from 'lru-cache';
import { BadUserInputError } from '../core/errors';
import { UsageTimeframe } from './usage.types';

/**
 * Time bucketing of usage queries (docs/usage.md), pure: parse the range in the requested IANA zone, pick the
 * timeframe, align to it, and list every bucket edge. Calendar units (day, week, month) follow the zone's calendar,
 * so days are 23 or 25 hours across DST and zones with 30/45-minute offsets are exact.
 */

const UNIT: Record<UsageTimeframe, 'minute' | 'hour' | 'day' | 'week' | 'month'> = {
  MINUTE: 'minute',
  HOUR: 'hour',
  DAY: 'day',
  WEEK: 'week',
  MONTH: 'month',
};

/** Most buckets one query may span, per timeframe (stated in docs/usage.md). */
export const MAX_BUCKETS: Record<UsageTimeframe, number> = {
  MINUTE: 1440,
  HOUR: 2232,
  DAY: 1100,
  WEEK: 520,
  MONTH: 240,
};

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

export interface BucketPlan {
  zone: string;
  timeframe: UsageTimeframe;
  /** n + 1 instants: bucket i spans [edges[i], edges[i + 1]). Shared between requests (cached): never mutate. */
  edges: readonly DateTime[];
}

export interface BucketArgs {
  start?: string | null;
  end?: string | null;
  timezone?: string | null;
  timeframe?: UsageTimeframe | null;
  boundToTimeframe?: boolean | null;
}

/**
 * Buckets are the zone's calendar periods, on the wall clock (docs/usage.md, Buckets): minutes; hours starting at every local
 * hh:00 and at every instant the offset changes (after Lord Howe's 30-minute change buckets stay on hh:00, and
 * Chatham's change at 02:45 splits its hour); calendar days (23 or 25 hours across DST), ISO weeks from Monday,
 * months. `boundToTimeframe` (default true) widens the range to whole periods; with false the exact instants are
 * kept and only the first and last buckets are partial. The bucket maximum is checked on the real count, while
 * the edges are listed (so a refused range costs at most max + 1 steps).
 */
export function planBuckets(args: BucketArgs, now: Date): BucketPlan {
  // A range given by both ends does not depend on `now`: its plan is kept and shared. Dashboards ask for the same
  // ranges over and over (and the cost plugin plans every request once more), and planning walks the zone's
  // calendar with luxon at tens of µs per edge — ~5 ms for 91 New York days, more than the chart's SQL.
  if (!args.start || !args.end) return computePlan(args, now);
  const key = JSON.stringify([args.timezone ?? 'UTC', args.start, args.end, args.timeframe ?? null, args.boundToTimeframe ?? true]);
  const cached = plans.get(key);
  if (cached) return cached;
  const plan = computePlan(args, now);
  plans.set(key, plan);
  return plan;
}

/** Plans by their arguments, bounded by the edges they hold (a plan is ~100 bytes per edge). */
const plans = new LRUCache<string, BucketPlan>({ max: 2_000, maxSize: 500_000, sizeCalculation: (plan) => plan.edges.length });

function computePlan(args: BucketArgs, now: Date): BucketPlan {
  const zone = args.timezone ?? 'UTC';
  if (!IANAZone.isValidZone(zone)) throw new BadUserInputError(`Unknown time zone "${zone}"; use an IANA name such as America/New_York.`, 'timezone');
  const end = args.end ? parseInstant(args.end, zone, 'end') : DateTime.fromJSDate(now, { zone });
  const start = args.start ? parseInstant(args.start, zone, 'start') : end.minus({ hours: 24 });
  if (start.toMillis() >= end.toMillis()) throw new BadUserInputError('`start` must be before `end`.', 'start');

  const timeframe = args.timeframe ?? autoTimeframe(end.toMillis() - start.toMillis());
  const clock = new WallClock(zone, UNIT[timeframe]);
  const bound = args.boundToTimeframe ?? true;
  const first = bound ? clock.periodStart(start) : start;
  const endFloor = clock.periodStart(end);
  const last = bound && endFloor.toMillis() < end.toMillis() ? clock.nextPeriodStart(end) : end;

  const max = MAX_BUCKETS[timeframe];
  const edges: DateTime[] = [first];
  for (let edge = first; ; ) {
    edge = clock.nextPeriodStart(edge);
    if (edge.toMillis() >= last.toMillis()) {
      edges.push(last);
      break;
    }
    edges.push(edge);
    if (edges.length - 1 >= max) throw tooManyBuckets(timeframe, max);
  }
  return { zone, timeframe, edges };
}

/** Period starts of one timeframe on one zone's wall clock. */
class WallClock {
  private readonly ianaZone: IANAZone;

  constructor(
    private readonly zone: string,
    private readonly unit: 'minute' | 'hour' | 'day' | 'week' | 'month',
  ) {
    this.ianaZone = IANAZone.create(zone);
  }

  /** Start of the period holding `t`. */
  periodStart(t: DateTime): DateTime {
    const local = t.setZone(this.zone);
    if (this.unit !== 'hour') return local.startOf(this.unit);
    // The local hh:00 at or before t, unless the offset changed since: then the change instant starts the bucket.
    const intoHour = (local.minute * 60 + local.second) * 1000 + local.millisecond;
    const hourStart = t.toMillis() - intoHour;
    const offset = this.offset(t.toMillis());
    const start = this.offset(hourStart) === offset ? hourStart : this.firstWithOffset(hourStart, t.toMillis(), offset);
    return DateTime.fromMillis(start, { zone: this.zone });
  }

  /** The first period start after `t`. */
  nextPeriodStart(t: DateTime): DateTime {
    const local = t.setZone(this.zone);
    if (this.unit === 'minute') return local.startOf('minute').plus({ minutes: 1 });
    if (this.unit === 'hour') {
      const toNextHour = HOUR_MS - ((local.minute * 60 + local.second) * 1000 + local.millisecond);
      const candidate = t.toMillis() + toNextHour;
      const offset = this.offset(t.toMillis());
      // An offset change before the next hh:00 starts a bucket of its own.
      const next = this.offset(candidate) === offset ? candidate : this.firstWithOffset(t.toMillis(), candidate, this.offset(candidate));
      return DateTime.fromMillis(next, { zone: this.zone });
    }
    // Calendar periods: the next one's first instant (startOf again: a midnight skipped by DST starts the day later).
    return local.startOf(this.unit).plus({ [`${this.unit}s`]: 1 }).startOf(this.unit);
  }

  private offset(ms: number): number {
    return this.ianaZone.offset(ms);
  }

  /** The first instant in (from, to] whose offset is `offset` (the zone changes offset once in such a span). */
  private firstWithOffset(from: number, to: number, offset: number): number {
    let lo = from;
    let hi = to;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.offset(mid) === offset) hi = mid;
      else lo = mid;
    }
    return hi;
  }
}

/** The default timeframe's thresholds (docs/usage.md, Query): < 2 h minute, < 2 d hour, < 64 d day, < 183 d week, otherwise month. */
export function autoTimeframe(durationMs: number): UsageTimeframe {
  if (durationMs < 2 * HOUR_MS) return UsageTimeframe.MINUTE;
  if (durationMs < 2 * DAY_MS) return UsageTimeframe.HOUR;
  if (durationMs < 64 * DAY_MS) return UsageTimeframe.DAY;
  if (durationMs < 183 * DAY_MS) return UsageTimeframe.WEEK;
  return UsageTimeframe.MONTH;
}

const MAX_OFFSET_MINUTES = 18 * 60;

/** An ISO-8601 date (midnight in the zone) or date-time (in the zone unless it carries an offset). */
export function parseInstant(text: string, zone: string, argument: string): DateTime {
  const parsed = DateTime.fromISO(text.trim(), { zone });
  if (!parsed.isValid || !/^\d{4}-\d{2}-\d{2}/.test(text.trim())) {
    throw new BadUserInputError(`\`${argument}\` is not an ISO-8601 date or date-time: "${text}".`, argument);
  }
  // luxon accepts any two-digit offset (+99:00, +05:99); real ones are within ±18:00 (the java.time / ISO-8601
  // profiles' bound; the extremes in use are +14:00 and -12:00), with minutes below 60 (red-team D5).
  const written = DateTime.fromISO(text.trim(), { setZone: true, zone: 'UTC' }).offset;
  const minutes = /[+-]\d{2}:?(\d{2})$/.exec(text.trim())?.[1];
  if (Math.abs(written) > MAX_OFFSET_MINUTES || (minutes !== undefined && Number(minutes) > 59)) {
    throw new BadUserInputError(`\`${argument}\` has a UTC offset beyond ±18:00 or with more than 59 minutes: "${text}".`, argument);
  }
  return parsed.setZone(zone);
}

/** ISO-8601 with the zone's offset and no milliseconds, e.g. 2025-03-09T00:00:00-05:00 (UTC shows +00:00). */
export function bucketLabel(instant: DateTime): string {
  let label = labels.get(instant);
  if (label === undefined) {
    label = instant.toISO({ suppressMilliseconds: true, includeOffset: true })!.replace(/Z$/, '+00:00');
    labels.set(instant, label);
  }
  return label;
}

/** Labels of the edges of cached plans (formatting an instant in its zone asks Intl for the offset again). */
const labels = new WeakMap<DateTime, string>();

/** The coarsest stored granularity whose buckets tile every edge exactly (null → raw records). */
export function finestTiling(edges: readonly DateTime[]): '1d' | '1h' | '15m' | null {
  // UTC has no offsets: an instant's UTC clock fields are its epoch milliseconds modulo the unit.
  const aligned = (unitMs: number) => edges.every((edge) => ((edge.toMillis() % unitMs) + unitMs) % unitMs === 0);
  if (!aligned(15 * 60_000)) return null;
  if (!aligned(HOUR_MS)) return '15m';
  if (!aligned(DAY_MS)) return '1h';
  return '1d';
}

function tooManyBuckets(timeframe: UsageTimeframe, max: number): BadUserInputError {
  return new BadUserInputError(`The range spans more than ${max} ${timeframe} buckets; use a coarser timeframe or a shorter range.`, 'timeframe');
}
