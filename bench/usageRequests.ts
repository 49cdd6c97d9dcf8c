/**
 * The requests bench/usage.ts and bench/usageGrowth.ts time, and what they print about them: the dashboard chart,
 * the seed-shaped page (GraphQL and REST), the 200-team dashboard, the naive scans they are compared with, and the
 * per-stage breakdown of the server's Server-Timing header.
 */
import os from 'node:os';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { loadConfig, type Config } from '../src/core/config';

/** The ingest credential of the benches' server. */
export const BENCH_INGEST_TOKEN = 'bench-ingest-token-0123456789';

/**
 * The server both usage benches start: production mode, no rate limit (its budget would stop the timed samples),
 * a cost ceiling above the seed page's, and per-stage timings in a Server-Timing header, printed per request kind.
 */
export function benchServerConfig(): Config {
  return loadConfig({
    NODE_ENV: 'production',
    PUBLIC_URL: 'https://orgraph.test',
    ENCRYPTION_KEY: 'x'.repeat(32),
    LOG_LEVEL: 'silent',
    PORT: '0',
    INGEST_TOKEN: BENCH_INGEST_TOKEN,
    RATE_LIMIT_ENABLED: 'false',
    GRAPHQL_MAX_COST: '1000000',
    SERVER_TIMING: 'true',
  });
}

export const CHART = `query($start: String!, $end: String!, $timezone: String!) { organizationUsage(start: $start, end: $end, timezone: $timezone,
  timeframe: DAY, groupBy: [PRODUCT], expand: [TIME_SERIES, SUMMARY], limit: 100) { timeSeries { bucket results { product cost } } summary { product cost } } }`;

export const PAGE = `query($start: String!, $end: String!) { organizationUsage(start: $start, end: $end, timeframe: DAY, limit: 7) {
  nextCursor timeSeries { bucket results { teamUsername product endpointId unit quantity unitPrice cost } } } }`;

/** The same page, its items through an inline fragment: built as objects (the JSON writer declines fragments). */
export const PAGE_OBJECT_PATH = PAGE.replace('results { teamUsername product endpointId unit quantity unitPrice cost }', 'results { ... on UsageItem { teamUsername product endpointId unit quantity unitPrice cost } }');

export const DASHBOARD = `query($slug: String!, $after: String!, $range: UsageRangeInput!) { organization(slug: $slug) {
  a: teams(first: 100) { edges { node { username spend(period: MONTH) usageSummary(range: $range) { product cost } } } }
  b: teams(first: 100, after: $after) { edges { node { username spend(period: MONTH) usageSummary(range: $range) { product cost } } } } } }`;

/** 90 New York days to tomorrow (the chart). */
export function chartArgs(): { start: string; end: string; timezone: string } {
  const today = DateTime.now().setZone('America/New_York').startOf('day');
  return { start: today.minus({ days: 89 }).toISODate()!, end: today.plus({ days: 1 }).toISODate()!, timezone: 'America/New_York' };
}

/** The last 7 UTC days (the seed-shaped page). */
export function pageArgs(): { start: string; end: string } {
  const utcToday = DateTime.utc().startOf('day');
  return { start: utcToday.minus({ days: 6 }).toISODate(), end: utcToday.plus({ days: 1 }).toISODate() };
}

export function restPagePath(): string {
  const { start, end } = pageArgs();
  return `/v1/organization/usage?${new URLSearchParams({ start, end, timeframe: 'day', limit: '10000' })}`;
}

/** The naive side: GROUP BY over raw records of the page's range. */
export function naivePage(db: DataSource, organizationId: string): Promise<unknown> {
  const { start, end } = pageArgs();
  return db.query(
    `SELECT date_trunc('day', ts, 'UTC') AS day, team_id, product, endpoint_id, unit, sum(quantity), sum(cost) FROM usage_records
      WHERE tenant_id = $1 AND ts >= $2 AND ts < $3 GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    [organizationId, `${start}T00:00:00Z`, `${end}T00:00:00Z`],
  );
}

/**
 * The index a DBA would add for these reports over raw records: the tenant's time range with every column the
 * reports read, so the naive scans are index-only (after VACUUM sets the visibility map). Partial on the benchmark's
 * organization, so that figure 4's ingest (another organization) does not maintain it. Built once per kept database.
 */
export async function ensureNaiveIndex(db: DataSource, organizationId: string): Promise<void> {
  const [{ present }] = await db.query(`SELECT count(*)::int AS present FROM pg_indexes WHERE tablename = 'usage_records' AND indexname = 'bench_naive_covering_idx'`);
  if (present) return;
  const started = Date.now();
  console.log(`naive side: building a covering index on raw records (once per kept database) …`);
  if (!/^[0-9a-f-]{36}$/.test(organizationId)) throw new Error('unexpected organization id');
  await db.query(
    `CREATE INDEX bench_naive_covering_idx ON usage_records (tenant_id, ts) INCLUDE (team_id, product, endpoint_id, unit, quantity, cost)
      WHERE tenant_id = '${organizationId}'`,
  );
  await db.query(`VACUUM (ANALYZE) usage_records`);
  console.log(`naive side: covering index built and vacuumed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** Items of a usage answer (GraphQL or REST): the length of every `results` list. */
export function countItems(answer: unknown): number {
  let items = 0;
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'results' && Array.isArray(child)) items += child.length;
        else walk(child);
      }
    }
  };
  walk(answer);
  return items;
}

/** Median per stage of the Server-Timing headers of a set of samples, as one line (`exec 80.1 · sql 75.3 · …`). */
export function stageSummary(timings: string[]): string {
  const stages = new Map<string, number[]>();
  for (const header of timings) {
    for (const entry of header.split(', ')) {
      const [name, duration] = entry.split(';dur=');
      if (!name || duration === undefined) continue;
      stages.set(name, [...(stages.get(name) ?? []), Number(duration)]);
    }
  }
  if (!stages.size) return 'no Server-Timing header (REST routes are not staged)';
  const order = ['auth', 'parse', 'validate', 'limits', 'execute', 'sql', 'serialize', 'total'];
  return order
    .filter((name) => stages.has(name))
    .map((name) => `${name} ${median(stages.get(name)!).toFixed(1)}`)
    .join(' · ');
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function percentiles(times: number[]): { p50: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] };
}

export function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

/** Peak resident set size of this process while `fn` runs, sampled every 5 ms. */
export async function peakRss<T>(fn: () => Promise<T>): Promise<{ result: T; idle: number; peak: number }> {
  const idle = process.memoryUsage.rss();
  let peak = idle;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  try {
    const result = await fn();
    return { result, idle, peak: Math.max(peak, process.memoryUsage.rss()) };
  } finally {
    clearInterval(timer);
  }
}

export function loadAverage(): string {
  return os.loadavg().map((value) => value.toFixed(1)).join(' / ');
}
