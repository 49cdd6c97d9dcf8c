import { DateTime, IANAZone } from 'luxon';
import { BadUserInputError } from '../core/errors';
import { UsageTimeframe } from './usage.types';

/**
 * Time bucketing of usage queries (DESIGN §7), pure: parse the range in the requested IANA zone, pick the
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

/** Most buckets one query may span, per timeframe (stated in the README). */
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
  /** n + 1 instants: bucket i spans [edges[i], edges[i + 1]). */
  edges: DateTime[];
}

export interface BucketArgs {
  start?: string | null;
  end?: string | null;
  timezone?: string | null;
  timeframe?: UsageTimeframe | null;
  boundToTimeframe?: boolean | null;
}

export function planBuckets(args: BucketArgs, now: Date): BucketPlan {
  const zone = args.timezone ?? 'UTC';
  if (!IANAZone.isValidZone(zone)) throw new BadUserInputError(`Unknown time zone "${zone}"; use an IANA name such as America/New_York.`, 'timezone');
  const end = args.end ? parseInstant(args.end, zone, 'end') : DateTime.fromJSDate(now, { zone });
  const start = args.start ? parseInstant(args.start, zone, 'start') : end.minus({ hours: 24 });
  if (start.toMillis() >= end.toMillis()) throw new BadUserInputError('`start` must be before `end`.', 'start');

  const timeframe = args.timeframe ?? autoTimeframe(end.toMillis() - start.toMillis());
  const unit = UNIT[timeframe];
  const bound = args.boundToTimeframe ?? true;
  const alignedStart = bound ? start.startOf(unit) : start;
  let alignedEnd = end;
  if (bound) {
    alignedEnd = end.startOf(unit);
    if (alignedEnd.toMillis() < end.toMillis()) alignedEnd = alignedEnd.plus({ [`${unit}s`]: 1 });
  }

  // Refuse huge ranges before materialising them.
  const shortest = { minute: 60_000, hour: HOUR_MS, day: 23 * HOUR_MS, week: 7 * DAY_MS - HOUR_MS, month: 28 * DAY_MS }[unit];
  const max = MAX_BUCKETS[timeframe];
  if ((alignedEnd.toMillis() - alignedStart.toMillis()) / shortest > max + 1) throw tooManyBuckets(timeframe, max);

  const edges: DateTime[] = [alignedStart];
  for (let step = 1; ; step++) {
    // Step from the start (not the previous edge) so month ends do not drift (Jan 31 → Feb 28 → Mar 28).
    const next = alignedStart.plus({ [`${unit}s`]: step });
    if (next.toMillis() >= alignedEnd.toMillis()) {
      edges.push(alignedEnd);
      break;
    }
    edges.push(next);
    if (edges.length - 1 > max) throw tooManyBuckets(timeframe, max);
  }
  return { zone, timeframe, edges };
}

/** DESIGN §7's thresholds: < 2 h minute, < 2 d hour, < 64 d day, < 183 d week, otherwise month. */
export function autoTimeframe(durationMs: number): UsageTimeframe {
  if (durationMs < 2 * HOUR_MS) return UsageTimeframe.MINUTE;
  if (durationMs < 2 * DAY_MS) return UsageTimeframe.HOUR;
  if (durationMs < 64 * DAY_MS) return UsageTimeframe.DAY;
  if (durationMs < 183 * DAY_MS) return UsageTimeframe.WEEK;
  return UsageTimeframe.MONTH;
}

/** An ISO-8601 date (midnight in the zone) or date-time (in the zone unless it carries an offset). */
export function parseInstant(text: string, zone: string, argument: string): DateTime {
  const parsed = DateTime.fromISO(text.trim(), { zone });
  if (!parsed.isValid || !/^\d{4}-\d{2}-\d{2}/.test(text.trim())) {
    throw new BadUserInputError(`\`${argument}\` is not an ISO-8601 date or date-time: "${text}".`, argument);
  }
  return parsed.setZone(zone);
}

/** ISO-8601 with the zone's offset and no milliseconds, e.g. 2025-03-09T00:00:00-05:00 (UTC shows +00:00). */
export function bucketLabel(instant: DateTime): string {
  return instant.toISO({ suppressMilliseconds: true, includeOffset: true })!.replace(/Z$/, '+00:00');
}

/** The coarsest stored granularity whose buckets tile every edge exactly (null → raw records). */
export function finestTiling(edges: DateTime[]): '1d' | '1h' | '15m' | null {
  const utc = edges.map((edge) => edge.toUTC());
  if (utc.some((edge) => edge.second !== 0 || edge.millisecond !== 0 || edge.minute % 15 !== 0)) return null;
  if (utc.some((edge) => edge.minute !== 0)) return '15m';
  if (utc.some((edge) => edge.hour !== 0)) return '1h';
  return '1d';
}

function tooManyBuckets(timeframe: UsageTimeframe, max: number): BadUserInputError {
  return new BadUserInputError(`The range spans more than ${max} ${timeframe} buckets; use a coarser timeframe or a shorter range.`, 'timeframe');
}
