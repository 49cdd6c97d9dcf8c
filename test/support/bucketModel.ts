import { DateTime } from 'luxon';

/**
 * An independent model of the wall-clock buckets of docs/usage.md, for property tests. It shares nothing with
 * src/usage/buckets.ts and uses a different method: it finds period starts by scanning and searching on what a
 * wall clock in the zone shows (luxon's formatting of an instant), never by luxon's startOf/plus calendar math.
 *
 * - minute: every whole UTC minute (every zone's offset is a whole number of minutes today);
 * - hour: every minute whose local time shows mm = 00, and every minute at which the offset differs from the
 *   minute before (the instant a DST or zone change takes effect);
 * - day / week / month: the first instant whose local date is that day (a Monday; the 1st of a month), found by a
 *   binary search on "the local date shown is ≥ that date" (monotonic in every zone tested: none moves its clock
 *   back across midnight).
 */
export type ModelUnit = 'minute' | 'hour' | 'day' | 'week' | 'month';

const MINUTE = 60_000;
const DAY = 86_400_000;

const localOf = (zone: string, ms: number) => DateTime.fromMillis(ms, { zone });

/** Every period start in [from, to] (ms), ascending. */
export function periodStarts(zone: string, unit: ModelUnit, from: number, to: number): number[] {
  const starts: number[] = [];
  if (unit === 'minute') {
    for (let t = Math.ceil(from / MINUTE) * MINUTE; t <= to; t += MINUTE) starts.push(t);
    return starts;
  }
  if (unit === 'hour') {
    let previousOffset = localOf(zone, Math.ceil(from / MINUTE) * MINUTE - MINUTE).offset;
    for (let t = Math.ceil(from / MINUTE) * MINUTE; t <= to; t += MINUTE) {
      const local = localOf(zone, t);
      if (local.minute === 0 || local.offset !== previousOffset) starts.push(t);
      previousOffset = local.offset;
    }
    return starts;
  }
  // Calendar periods: walk plain dates (a UTC calendar, no zone involved) from two days before to two after.
  let date = DateTime.fromMillis(from - 2 * DAY, { zone: 'UTC' }).startOf('day');
  const lastDate = DateTime.fromMillis(to + 2 * DAY, { zone: 'UTC' }).startOf('day');
  for (; date <= lastDate; date = date.plus({ days: 1 })) {
    if (unit === 'week' && date.weekday !== 1) continue;
    if (unit === 'month' && date.day !== 1) continue;
    const start = firstInstantOfLocalDate(zone, date.toISODate()!);
    if (start >= from && start <= to) starts.push(start);
  }
  return starts;
}

/** The first instant (ms) at which the zone's wall clock shows the date `isoDate` (or a later one). */
export function firstInstantOfLocalDate(zone: string, isoDate: string): number {
  const nominal = DateTime.fromISO(`${isoDate}T00:00:00Z`).toMillis();
  let lo = nominal - 16 * 3_600_000; // every offset is within ±14 h
  let hi = nominal + 16 * 3_600_000;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localOf(zone, mid).toISODate()! >= isoDate) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** How far apart two period starts can be at most (a padding for the scans). */
const LONGEST: Record<ModelUnit, number> = { minute: MINUTE, hour: 3_600_000, day: 2 * DAY, week: 8 * DAY, month: 32 * DAY };

/** The model's buckets for a range: bound widens to whole periods; unbound keeps the instants (partial ends). */
export function modelBuckets(zone: string, unit: ModelUnit, start: number, end: number, bound: boolean): Array<{ start: number; end: number }> {
  const starts = periodStarts(zone, unit, start - LONGEST[unit], end + LONGEST[unit]);
  let first = start;
  let last = end;
  if (bound) {
    first = Math.max(...starts.filter((t) => t <= start));
    last = Math.min(...starts.filter((t) => t >= end));
  }
  const edges = [first, ...starts.filter((t) => t > first && t < last), last];
  return edges.slice(0, -1).map((edgeStart, i) => ({ start: edgeStart, end: edges[i + 1] }));
}

/** The instants (ms) in [from, to) at which the zone's offset changes, to the millisecond. */
export function offsetChanges(zone: string, from: number, to: number): number[] {
  const changes: number[] = [];
  const step = 3_600_000;
  for (let t = from; t + step <= to; t += step) {
    if (localOf(zone, t).offset === localOf(zone, t + step).offset) continue;
    let lo = t;
    let hi = t + step;
    const before = localOf(zone, t).offset;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (localOf(zone, mid).offset === before) lo = mid;
      else hi = mid;
    }
    changes.push(hi);
  }
  return changes;
}

/** Every IANA zone whose offset is not a whole number of hours at some point of `year`, or changes by 30/45 min. */
export function zonesWithFractionalOffsets(year: number): string[] {
  // The runtime lists some zones by their older canonical names (Asia/Calcutta, Asia/Katmandu): add today's names.
  const modern = ['Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Yangon', 'Australia/Eucla', 'Pacific/Chatham', 'Australia/Lord_Howe', 'Pacific/Marquesas', 'Indian/Cocos'];
  const zones = [...new Set([...(Intl as unknown as { supportedValuesOf(key: string): string[] }).supportedValuesOf('timeZone'), ...modern])];
  return zones.filter((zone) => {
    const samples = [0, 3, 6, 9].map((month) => DateTime.utc(year, month + 1, 15).setZone(zone).offset);
    return samples.some((offset) => offset % 60 !== 0) || samples.some((offset) => Math.abs(offset - samples[0]) % 60 !== 0);
  });
}
