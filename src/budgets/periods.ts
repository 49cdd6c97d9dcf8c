import { DateTime } from 'luxon';

export type BudgetPeriod = 'DAY' | 'WEEK' | 'MONTH' | 'LIFETIME';

/** A half-open window [start, end) in epoch millis; LIFETIME has neither bound. */
export interface PeriodWindow {
  start: number | null;
  end: number | null;
}

/** When an organization's zone changed (the trigger on organization_billing records it), oldest first. */
export interface ZoneChange {
  timezone: string;
  changedAt: number;
}

interface Segment {
  timezone: string;
  from: number;
}

const UNIT = { DAY: 'day', WEEK: 'week', MONTH: 'month' } as const;

/** The calendar period of `zone` containing `at` (weeks start on Monday, ISO; days are 23–25 h across DST). */
export function calendarWindow(period: Exclude<BudgetPeriod, 'LIFETIME'>, at: number, zone: string): { start: number; end: number } {
  const unit = UNIT[period];
  const start = DateTime.fromMillis(at, { zone }).startOf(unit);
  // Calendar arithmetic: the next period starts at the next local midnight (Monday, 1st), whatever DST does between.
  const end = start.plus({ [`${unit}s`]: 1 }).startOf(unit);
  return { start: start.toMillis(), end: end.toMillis() };
}

/**
 * The zone in force from each instant on. A change takes effect at the end of the period in progress when it was
 * made (measured in the zone then in force), so the current period is never reshaped: a budget period that began at
 * midnight in New York ends at midnight in New York even if the zone became Tokyo at noon.
 */
function segments(period: Exclude<BudgetPeriod, 'LIFETIME'>, history: readonly ZoneChange[]): Segment[] {
  const result: Segment[] = [{ timezone: 'UTC', from: -Infinity }];
  for (const change of [...history].sort((a, b) => a.changedAt - b.changedAt)) {
    if (!Number.isFinite(change.changedAt)) {
      result.splice(0, result.length, { timezone: change.timezone, from: -Infinity });
      continue;
    }
    const inForce = windowIn(result, period, change.changedAt);
    const from = inForce.end;
    while (result.length > 1 && result[result.length - 1].from >= from) result.pop();
    if (result[result.length - 1].timezone !== change.timezone) result.push({ timezone: change.timezone, from });
  }
  return result;
}

function windowIn(parts: readonly Segment[], period: Exclude<BudgetPeriod, 'LIFETIME'>, at: number): { start: number; end: number } {
  let index = 0;
  for (let i = 0; i < parts.length; i += 1) if (parts[i].from <= at) index = i;
  const segment = parts[index];
  const next = parts[index + 1];
  const calendar = calendarWindow(period, at, segment.timezone);
  return { start: Math.max(calendar.start, segment.from), end: next ? Math.min(calendar.end, next.from) : calendar.end };
}

/** The budget period containing `at` for an organization with this zone history (UTC before any change). */
export function periodWindow(period: BudgetPeriod, at: number, history: readonly ZoneChange[]): PeriodWindow {
  if (period === 'LIFETIME') return { start: null, end: null };
  return windowIn(segments(period, history), period, at);
}

/** The periods before the one containing `at`, newest first (at most `count`), for a budget's history. */
export function previousWindows(period: BudgetPeriod, at: number, history: readonly ZoneChange[], count: number, notBefore: number): PeriodWindow[] {
  if (period === 'LIFETIME') return [];
  const parts = segments(period, history);
  const windows: PeriodWindow[] = [];
  let current = windowIn(parts, period, at);
  while (windows.length < count) {
    const previousEnd = current.start;
    if (previousEnd <= notBefore) break;
    current = windowIn(parts, period, previousEnd - 1);
    windows.push(current);
  }
  return windows;
}
