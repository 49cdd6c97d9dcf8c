import fc from 'fast-check';
import { DateTime } from 'luxon';
import { planBuckets } from '../src/usage/buckets';
import { UsageTimeframe } from '../src/usage/usage.types';
import { firstInstantOfLocalDate, modelBuckets, offsetChanges, zonesWithFractionalOffsets, type ModelUnit } from './support/bucketModel';
import { startTestApp, TEST_INGEST_TOKEN, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, createTeam, signUp } from './support/factories';

/**
 * The wall-clock buckets of docs/usage.md, property-tested against the independent model of test/support/bucketModel.ts:
 * random ranges in every zone with a 30- or 45-minute offset or change, both DST edges of six zones, the cases of
 * issue 18; then through the real server over records clustered on those edges, every bucket's cost compared with
 * the sum of the raw records the test ingested (so rollups must answer 30/45-minute buckets exactly).
 */

const YEAR_START = DateTime.utc(2026, 1, 1).toMillis();
const YEAR_END = DateTime.utc(2027, 1, 1).toMillis();
const FRACTIONAL_ZONES = zonesWithFractionalOffsets(2026);
const DST_ZONES = ['America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns', 'Australia/Adelaide', 'Europe/London'];
const ZONES = [...new Set([...FRACTIONAL_ZONES, ...DST_ZONES, 'UTC'])];
/** Every offset change of 2026 per zone, plus Kathmandu's move from +05:30 to +05:45 (1986-01-01). */
const EDGES: Array<{ zone: string; at: number }> = [
  ...ZONES.flatMap((zone) => offsetChanges(zone, YEAR_START, YEAR_END).map((at) => ({ zone, at }))),
  ...offsetChanges('Asia/Kathmandu', DateTime.utc(1985, 12, 31).toMillis(), DateTime.utc(1986, 1, 2).toMillis()).map((at) => ({ zone: 'Asia/Kathmandu', at })),
];

const TIMEFRAME: Record<ModelUnit, UsageTimeframe> = { minute: UsageTimeframe.MINUTE, hour: UsageTimeframe.HOUR, day: UsageTimeframe.DAY, week: UsageTimeframe.WEEK, month: UsageTimeframe.MONTH };
/** Longest random range per timeframe (within the bucket maxima), in minutes. */
const MAX_LENGTH_MINUTES: Record<ModelUnit, number> = { minute: 600, hour: 60 * 60, day: 45 * 1440, week: 30 * 7 * 1440, month: 700 * 1440 };

function implementationEdges(zone: string, unit: ModelUnit, start: string, end: string, bound: boolean): number[] {
  return planBuckets({ start, end, timezone: zone, timeframe: TIMEFRAME[unit], boundToTimeframe: bound }, new Date()).edges.map((edge) => edge.toMillis());
}

function modelEdges(zone: string, unit: ModelUnit, start: number, end: number, bound: boolean): number[] {
  const buckets = modelBuckets(zone, unit, start, end, bound);
  return [...buckets.map((b) => b.start), buckets[buckets.length - 1].end];
}

const iso = (ms: number) => DateTime.fromMillis(ms, { zone: 'UTC' }).toISO()!;
const local = (zone: string, edges: number[]) => edges.map((ms) => DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }));

describe('the cases of issue 18', () => {
  it('New York DAY, bound=false: three calendar days, the first and last partial', () => {
    const edges = implementationEdges('America/New_York', 'day', '2026-03-07T12:00', '2026-03-09T12:00', false);
    expect(local('America/New_York', edges)).toEqual(['2026-03-07T12:00:00-05:00', '2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00', '2026-03-09T12:00:00-04:00']);
  });

  it('New York MONTH, bound=false: calendar months, partial first and last', () => {
    const edges = implementationEdges('America/New_York', 'month', '2026-01-15T12:00', '2026-04-10', false);
    expect(local('America/New_York', edges)).toEqual(['2026-01-15T12:00:00-05:00', '2026-02-01T00:00:00-05:00', '2026-03-01T00:00:00-05:00', '2026-04-01T00:00:00-04:00', '2026-04-10T00:00:00-04:00']);
  });

  it('Lord Howe HOUR across its 30-minute change stays on hh:00', () => {
    const edges = implementationEdges('Australia/Lord_Howe', 'hour', '2026-10-04T01:00', '2026-10-04T05:00', true);
    expect(local('Australia/Lord_Howe', edges).slice(0, -1)).toEqual(['2026-10-04T01:00:00+10:30', '2026-10-04T02:30:00+11:00', '2026-10-04T03:00:00+11:00', '2026-10-04T04:00:00+11:00']);
  });

  it('Chatham’s change at 02:45 splits the hour it falls in (both directions)', () => {
    const spring = implementationEdges('Pacific/Chatham', 'hour', '2026-09-27T01:00', '2026-09-27T05:00', true);
    expect(local('Pacific/Chatham', spring)).toEqual(['2026-09-27T01:00:00+12:45', '2026-09-27T02:00:00+12:45', '2026-09-27T03:45:00+13:45', '2026-09-27T04:00:00+13:45', '2026-09-27T05:00:00+13:45']);
    const autumn = implementationEdges('Pacific/Chatham', 'hour', '2026-04-05T02:00', '2026-04-05T04:00', true);
    expect(local('Pacific/Chatham', autumn)).toEqual(['2026-04-05T02:00:00+13:45', '2026-04-05T03:00:00+13:45', '2026-04-05T02:45:00+12:45', '2026-04-05T03:00:00+12:45', '2026-04-05T04:00:00+12:45']);
  });

  it('the maxima (1,100 days, 520 weeks, 240 months) are reached exactly and one more is refused', () => {
    for (const [unit, max] of [['day', 1100], ['week', 520], ['month', 240]] as const) {
      const zone = 'America/New_York';
      const start = DateTime.fromISO('2020-06-01T00:00', { zone }).startOf(unit === 'week' ? 'week' : 'day');
      const okEnd = start.plus({ [`${unit}s`]: max });
      expect(implementationEdges(zone, unit, start.toISO()!, okEnd.toISO()!, true)).toHaveLength(max + 1);
      expect(() => implementationEdges(zone, unit, start.toISO()!, okEnd.plus({ [`${unit}s`]: 1 }).toISO()!, true)).toThrow(/more than/);
    }
  });
});

describe('planBuckets against the independent model', () => {
  it('knows the zones it covers', () => {
    // Every zone with a 30/45-minute offset or change: India, Nepal, Iran, Afghanistan, Myanmar, Newfoundland,
    // central Australia, Eucla, Lord Howe, Chatham, Marquesas, Cocos… (as the runtime's tz database lists them).
    for (const zone of ['Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns', 'Australia/Eucla', 'Australia/Adelaide']) {
      expect(FRACTIONAL_ZONES).toContain(zone);
    }
    expect(EDGES.filter((e) => DST_ZONES.includes(e.zone)).length).toBe(2 * DST_ZONES.length);
  });

  it('both DST edges of six zones (and Kathmandu’s 1986 change), every timeframe, bound or not', () => {
    let cases = 0;
    for (const { zone, at } of EDGES.filter((e) => DST_ZONES.includes(e.zone) || e.zone === 'Asia/Kathmandu')) {
      for (const unit of ['minute', 'hour', 'day', 'week', 'month'] as const) {
        const reach = { minute: 90, hour: 6 * 60, day: 3 * 1440, week: 15 * 1440, month: 62 * 1440 }[unit] * 60_000;
        for (const [before, after] of [[reach, reach], [reach / 3 + 7 * 60_000, reach / 2 + 13 * 60_000]]) {
          for (const bound of [true, false]) {
            const start = at - before;
            const end = at + after;
            expect([zone, unit, iso(start), iso(end), bound, implementationEdges(zone, unit, iso(start), iso(end), bound)]).toEqual([
              zone, unit, iso(start), iso(end), bound, modelEdges(zone, unit, start, end, bound),
            ]);
            cases++;
          }
        }
      }
    }
    expect(cases).toBeGreaterThanOrEqual(6 * 2 * 5 * 4);
  });

  it('random ranges in every zone with a 30- or 45-minute offset or change, near and away from offset changes', () => {
    const edgeArb = fc.constantFrom(...EDGES);
    const range = fc.oneof(
      // Anywhere in 2026, any zone.
      fc.record({ zone: fc.constantFrom(...ZONES), anchor: fc.integer({ min: YEAR_START, max: YEAR_END }).map((ms) => Math.floor(ms / 60_000) * 60_000) }),
      // Around an offset change, its own zone.
      edgeArb.chain((edge) => fc.integer({ min: -3 * 1440, max: 3 * 1440 }).map((minutes) => ({ zone: edge.zone, anchor: edge.at + minutes * 60_000 }))),
    );
    fc.assert(
      fc.property(
        range,
        fc.constantFrom<ModelUnit>('minute', 'hour', 'hour', 'day', 'week', 'month'),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 59 }),
        fc.boolean(),
        fc.boolean(),
        ({ zone, anchor }, unit, fraction, seconds, bound, dateOnly) => {
          let start = anchor + seconds * 1000 * (unit === 'minute' ? 1 : 0);
          let end = start + Math.max(60_000, Math.floor(fraction * MAX_LENGTH_MINUTES[unit]) * 60_000);
          let startText = iso(start);
          let endText = iso(end);
          if (dateOnly && unit !== 'minute' && unit !== 'hour') {
            // Date-only bounds are midnight (the day's first instant) in the zone.
            startText = DateTime.fromMillis(start, { zone }).toISODate()!;
            endText = DateTime.fromMillis(end + 86_400_000, { zone }).toISODate()!;
            start = firstInstantOfLocalDate(zone, startText);
            end = firstInstantOfLocalDate(zone, endText);
          }
          const actual = implementationEdges(zone, unit, startText, endText, bound);
          const expected = modelEdges(zone, unit, start, end, bound);
          if (actual.join() !== expected.join()) {
            throw new Error(`${zone} ${unit} ${startText}…${endText} bound=${bound}\n got  ${local(zone, actual).join(' ')}\n want ${local(zone, expected).join(' ')}`);
          }
        },
      ),
      { numRuns: 600 },
    );
  });
});

describe('through the server: every bucket equals the raw records it holds', () => {
  let app: TestApp;
  let slug: string;
  let token: string;
  let adminKey: string;
  const records: Array<{ at: number; milli: bigint }> = [];
  const CLUSTERED = ['America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kathmandu', 'America/St_Johns', 'Australia/Adelaide', 'Asia/Kolkata', 'Australia/Eucla'];
  const clusterEdges = EDGES.filter((e) => CLUSTERED.includes(e.zone) && e.at >= YEAR_START);
  // Month and year edges too (records every few minutes around 2026-01-01 and 2026-07-01 in UTC).
  const anchors = [...clusterEdges.map((e) => e.at), DateTime.utc(2026, 1, 1).toMillis(), DateTime.utc(2026, 7, 1).toMillis()];

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    slug = org.slug;
    token = admin.token;
    adminKey = await createApiKeyFor(app, org.slug, 'ADMIN');
    // Every 7 minutes (+ a drifting second) within ±30 hours of each anchor, random thousandths of a dollar.
    const random = fc.sample(fc.integer({ min: 1, max: 99_999 }), 40_000);
    let n = 0;
    const batch: any[] = [];
    for (const anchor of anchors) {
      for (let t = anchor - 30 * 3_600_000; t < anchor + 30 * 3_600_000; t += 7 * 60_000 + (n % 13) * 1000) {
        const milli = BigInt(random[n % random.length]);
        records.push({ at: t, milli });
        batch.push({ id: `p-${n++}`, timestamp: iso(t), teamUsername: team.username, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', unit: 'unit', quantity: (Number(milli) / 1000).toFixed(3), unitPrice: '1' });
      }
    }
    for (let i = 0; i < batch.length; i += 10_000) {
      const { ingestUsage } = await app.data(
        `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted rejected { index code } } }`,
        { input: { records: batch.slice(i, i + 10_000) } },
        { bearer: TEST_INGEST_TOKEN },
      );
      expect(ingestUsage.rejected).toEqual([]);
    }
  }, 120_000);
  afterAll(() => app.close());

  const thousandths = (decimal: string) => {
    const [whole, fraction = ''] = decimal.split('.');
    return BigInt(whole) * 1000n + BigInt((fraction + '000').slice(0, 3));
  };
  const expectedCost = (from: number, to: number) => records.filter((r) => r.at >= from && r.at < to).reduce((sum, r) => sum + r.milli, 0n);

  it('GraphQL and REST, random zones, timeframes and ranges around DST, month and year edges', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...anchors),
        fc.constantFrom(...CLUSTERED, 'UTC'),
        fc.constantFrom<ModelUnit>('minute', 'hour', 'hour', 'day'),
        fc.integer({ min: -20 * 60, max: 10 * 60 }),
        fc.integer({ min: 1, max: 20 * 60 }),
        fc.boolean(),
        async (anchor, zone, unit, startMinutes, lengthMinutes, bound) => {
          runs++;
          const length = unit === 'minute' ? Math.min(lengthMinutes, 300) : unit === 'day' ? lengthMinutes * 2 : lengthMinutes;
          const start = anchor + startMinutes * 60_000;
          const end = start + length * 60_000;
          const buckets = modelBuckets(zone, unit, start, end, bound);
          const { data } = await (async () => {
            const response = await app.gql(
              `query($slug: String!, $start: String, $end: String, $tz: String, $tf: UsageTimeframe, $bound: Boolean) {
                 organization(slug: $slug) { usage(start: $start, end: $end, timezone: $tz, timeframe: $tf, boundToTimeframe: $bound, groupBy: [TEAM], limit: 1000) {
                   timeSeries { bucket results { cost } } } } }`,
              { slug, start: iso(start), end: iso(end), tz: zone, tf: TIMEFRAME[unit], bound },
              { token },
            );
            return response.body;
          })();
          const series = data!.organization.usage.timeSeries;
          expect(series.map((b: any) => DateTime.fromISO(b.bucket).toMillis())).toEqual(buckets.map((b) => b.start));
          expect(series.map((b: any) => thousandths(b.results[0]?.cost ?? '0'))).toEqual(buckets.map((b) => expectedCost(b.start, b.end)));
          if (runs % 3 === 0) {
            const params = new URLSearchParams({ start: iso(start), end: iso(end), timezone: zone, timeframe: unit, bound_to_timeframe: String(bound), decimals: 'string', limit: '10000' });
            const response = await fetch(`${app.url}/v1/organization/usage?${params}`, { headers: { authorization: `Key ${adminKey}` } });
            const body: any = await response.json();
            expect(body.time_series.map((b: any) => b.bucket)).toEqual(buckets.map((b) => DateTime.fromMillis(b.start, { zone: 'UTC' }).toISO({ suppressMilliseconds: true })));
            expect(body.time_series.map((b: any) => b.results.reduce((sum: bigint, item: any) => sum + thousandths(item.cost), 0n))).toEqual(
              buckets.map((b) => expectedCost(b.start, b.end)),
            );
          }
        },
      ),
      { numRuns: 120 },
    );
  }, 240_000);

  it('hour buckets of 30/45-minute zones are read from a rollup that tiles them (15-minute), not hourly rows', async () => {
    // Lord Howe's and Chatham's hours start at :30 and :15/:45 UTC: only the 15-minute rollup (or raw rows) can
    // answer them; the answer above matched raw sums, and here the plan is checked to avoid raw records too.
    const { finestTiling } = await import('../src/usage/buckets');
    for (const zone of ['Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kathmandu']) {
      const edges = planBuckets({ start: '2026-10-03T00:00', end: '2026-10-05T00:00', timezone: zone, timeframe: UsageTimeframe.HOUR }, new Date()).edges;
      expect([zone, finestTiling(edges)]).toEqual([zone, '15m']);
    }
  });
});
