import fc from 'fast-check';
import { periodWindow, type ZoneChange } from '../src/budgets/periods';
import { startTestApp, TEST_INGEST_TOKEN, type TestApp } from './support/testApp';
import { createOrganization, createTeam, signUp, unique } from './support/factories';
import { globalId, localId } from './support/people';
import { Team } from '../src/teams/team.entity';

/**
 * Budgets against independent models: period windows checked with Intl (not luxon, which the code uses) in zones with
 * DST, 30-minute DST (Lord Howe) and a 45-minute offset (Kathmandu); spend, holds and remaining recomputed with
 * BigInt from what was sent; concurrent reservations never passing a hard budget.
 */
const ZONES = ['America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
const HOUR = 3600_000;

/** Local calendar date of an instant in a zone, by Intl. */
function localDate(at: number, zone: string): { y: number; m: number; d: number; h: number; min: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' })
      .formatToParts(new Date(at))
      .map((p) => [p.type, Number(p.value)]),
  );
  return { y: parts.year, m: parts.month, d: parts.day, h: parts.hour, min: parts.minute };
}

/** Which calendar period of the zone an instant is in, as a comparable string. */
function periodKey(period: 'DAY' | 'WEEK' | 'MONTH', at: number, zone: string): string {
  const { y, m, d } = localDate(at, zone);
  if (period === 'MONTH') return `${y}-${m}`;
  if (period === 'DAY') return `${y}-${m}-${d}`;
  const days = Date.UTC(y, m - 1, d) / 86400_000;
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday = 0
  return `week-${days - weekday}`;
}

const history = (zone: string): ZoneChange[] => [{ timezone: zone, changedAt: -Infinity }];

describe('period boundaries (property, independent of luxon)', () => {
  it('each window is exactly the set of instants in one local calendar period, in New York, Lord Howe and Kathmandu', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom('DAY' as const, 'WEEK' as const, 'MONTH' as const),
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        (zone, period, at) => {
          const { start, end } = periodWindow(period, at, history(zone)) as { start: number; end: number };
          expect(start).toBeLessThanOrEqual(at);
          expect(end).toBeGreaterThan(at);
          const key = periodKey(period, at, zone);
          expect(periodKey(period, start, zone)).toBe(key);
          expect(periodKey(period, end - 1, zone)).toBe(key);
          expect(periodKey(period, start - 1, zone)).not.toBe(key);
          expect(periodKey(period, end, zone)).not.toBe(key);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('days are 23, 25, 23.5 and 24.5 hours across DST changes; Kathmandu days start at 18:15 UTC', () => {
    const length = (zone: string, isoNoon: string) => {
      const w = periodWindow('DAY', Date.parse(isoNoon), history(zone));
      return (w.end! - w.start!) / HOUR;
    };
    expect(length('America/New_York', '2025-03-09T16:00:00Z')).toBe(23);
    expect(length('America/New_York', '2025-11-02T16:00:00Z')).toBe(25);
    expect(length('Australia/Lord_Howe', '2025-04-06T02:00:00Z')).toBe(24.5);
    expect(length('Australia/Lord_Howe', '2025-10-05T02:00:00Z')).toBe(23.5);
    const kathmandu = periodWindow('DAY', Date.parse('2025-06-01T12:00:00Z'), history('Asia/Kathmandu'));
    expect(new Date(kathmandu.start!).toISOString()).toBe('2025-05-31T18:15:00.000Z');
    expect(new Date(kathmandu.end!).toISOString()).toBe('2025-06-01T18:15:00.000Z');
    const week = periodWindow('WEEK', Date.parse('2025-11-05T12:00:00Z'), history('America/New_York'));
    expect(new Date(week.start!).toISOString()).toBe('2025-11-03T05:00:00.000Z'); // Monday, after the DST change
  });

  it('a time zone change takes effect from the next period (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(...ZONES, 'Asia/Tokyo', 'UTC'),
        fc.constantFrom('DAY' as const, 'WEEK' as const, 'MONTH' as const),
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 0, 1) }),
        fc.integer({ min: 0, max: 70 * 24 * HOUR }),
        (from, to, period, changedAt, later) => {
          const changes: ZoneChange[] = [{ timezone: from, changedAt: -Infinity }, { timezone: to, changedAt }];
          const before = periodWindow(period, changedAt, history(from));
          const at = changedAt + later;
          const w = periodWindow(period, at, changes);
          if (at < before.end!) {
            expect(w).toEqual(before);
          } else {
            // From the transition on: the new zone's calendar period, never starting before the transition.
            const inNewZone = periodWindow(period, at, history(to));
            expect(w.end).toBe(inNewZone.end);
            expect(w.start).toBe(Math.max(inNewZone.start!, before.end!));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Through the server

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const SET_BUDGET = `mutation($input: SetBudgetInput!) { setBudget(input: $input) { budget { id } userErrors { code message } } }`;
const RESERVE = `mutation($input: ReserveSpendInput!) { reserveSpend(input: $input) { reserved userErrors { code } } }`;
const EFFECTIVE = `query($subject: BudgetSubjectInput!) { effectiveBudgets(subject: $subject) { period current { spend reserved remaining periodStart } } }`;
const INGEST = `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted rejected { code message } } }`;

const SCALE = 10n ** 12n;
const decimal = (units: bigint, scale: bigint) => {
  const whole = units / scale;
  const fraction = (units % scale).toString().padStart(scale.toString().length - 1, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
};
const scaled = (text: string) => {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole) * SCALE + BigInt((fraction + '0'.repeat(12)).slice(0, 12));
};

async function setup(zone: string, amount: string, hard: boolean) {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const team = await createTeam(app, admin, org.id);
  await app.data(`mutation($input: UpdateBillingSettingsInput!) { updateBillingSettings(input: $input) { userErrors { code } } }`, { input: { organizationId: org.id, timezone: zone } }, { token: admin.token });
  // A zone change takes effect from the next period; these organizations had their zone since long before today.
  await app.db.query(`UPDATE budget_zone_history SET changed_at = '-infinity' WHERE organization_id = $1`, [localId(org.id)]);
  const teamRow = await app.db.getRepository(Team).findOneByOrFail({ id: localId(team.id) });
  const { apiKey } = await app.server.services.apiKeys.create({ actor: { kind: 'OPERATOR' }, requestId: 't', ip: null }, teamRow, { alias: 'p', scope: 'API' as never });
  const set = await app.data(SET_BUDGET, { input: { subject: { organizationId: org.id, scope: 'API_KEY', apiKeyId: globalId('ApiKey', apiKey.id) }, period: 'DAY', amount, hard } }, { token: admin.token });
  expect(set.setBudget.userErrors).toEqual([]);
  return { admin, org, team, keyId: apiKey.keyId, apiKeyGlobalId: globalId('ApiKey', apiKey.id) };
}

describe('spend, holds and remaining against an independent recomputation (property, through the server)', () => {
  it('random streams of usage (current and late) and reservations (settled or open)', async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('usage' as const), micros: fc.bigInt({ min: 1n, max: 3_000_000n }), hoursAgo: fc.integer({ min: 0, max: 60 }) }),
      fc.record({ kind: fc.constant('reserve' as const), micros: fc.bigInt({ min: 1n, max: 3_000_000n }), settleMicros: fc.option(fc.bigInt({ min: 0n, max: 3_000_000n }), { nil: null }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ZONES), fc.array(step, { minLength: 1, maxLength: 14 }), async (zone, steps) => {
        const amount = 10_000_000n; // 10 USD in micros
        const ctx = await setup(zone, decimal(amount, 1_000_000n), true);
        const now = Date.now();
        const today = periodKey('DAY', now, zone);
        let spend = 0n;
        let held = 0n;
        const record = (id: string, micros: bigint, at: number) => ({
          id,
          timestamp: new Date(at).toISOString(),
          teamUsername: ctx.team.username,
          product: 'MODEL_APIS',
          endpointId: 'fal-ai/flux/dev',
          quantity: '1',
          unitPrice: decimal(micros, 1_000_000n),
          auth: { kind: 'API_KEY', keyId: ctx.keyId },
        });
        for (const s of steps) {
          if (s.kind === 'usage') {
            const at = now - s.hoursAgo * HOUR;
            await app.data(INGEST, { input: { records: [record(unique('u'), s.micros, at)] } }, { bearer: TEST_INGEST_TOKEN });
            if (periodKey('DAY', at, zone) === today) spend += s.micros;
          } else {
            const requestId = unique('r');
            const { reserveSpend } = await app.data(RESERVE, { input: { keyId: ctx.keyId, estimatedCost: decimal(s.micros, 1_000_000n), requestId } }, { bearer: TEST_INGEST_TOKEN });
            const fits = spend + held + s.micros <= amount;
            expect(reserveSpend.reserved).toBe(fits);
            if (!fits) continue;
            if (s.settleMicros === null) {
              held += s.micros;
            } else {
              // Settled at once by the usage record with the request id: the recorded cost replaces the hold.
              await app.data(INGEST, { input: { records: [record(requestId, s.settleMicros, now)] } }, { bearer: TEST_INGEST_TOKEN });
              spend += s.settleMicros;
            }
          }
        }
        const { effectiveBudgets } = await app.data(EFFECTIVE, { subject: { organizationId: ctx.org.id, scope: 'API_KEY', apiKeyId: ctx.apiKeyGlobalId } }, { token: ctx.admin.token });
        const current = effectiveBudgets[0].current;
        const expectedSpend = spend * (SCALE / 1_000_000n);
        const expectedHeld = held * (SCALE / 1_000_000n);
        const left = amount * (SCALE / 1_000_000n) - expectedSpend - expectedHeld;
        expect(scaled(current.spend)).toBe(expectedSpend);
        expect(scaled(current.reserved)).toBe(expectedHeld);
        expect(scaled(current.remaining)).toBe(left > 0n ? left : 0n);
        expect(periodKey('DAY', Date.parse(current.periodStart), zone)).toBe(today);
      }),
      { numRuns: 6 },
    );
  });

  it('concurrent reservations never exceed a hard budget, and refuse only what did not fit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 5, maxLength: 30 }),
        async (amountTenths, estimatesTenths) => {
          const ctx = await setup('UTC', (amountTenths / 10).toFixed(1), true);
          const results = await Promise.all(
            estimatesTenths.map((tenths, i) =>
              app.data(RESERVE, { input: { keyId: ctx.keyId, estimatedCost: (tenths / 10).toFixed(1), requestId: `c-${i}` } }, { bearer: TEST_INGEST_TOKEN }).then((d) => d.reserveSpend.reserved as boolean),
            ),
          );
          const granted = estimatesTenths.filter((_, i) => results[i]).reduce((a, b) => a + b, 0);
          const refused = estimatesTenths.filter((_, i) => !results[i]);
          expect(granted).toBeLessThanOrEqual(amountTenths);
          // Room only shrinks, so whatever was refused did not fit what was left at the end either.
          for (const estimate of refused) expect(amountTenths - granted).toBeLessThan(estimate);
        },
      ),
      { numRuns: 6 },
    );
  });
});
