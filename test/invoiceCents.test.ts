import fc from 'fast-check';
import { DateTime } from 'luxon';
import { startTestApp, TEST_INGEST_TOKEN, TEST_OPERATOR_TOKEN, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, createTeam, signUp } from './support/factories';

/**
 * Billed amounts in cents (docs/billing.md; docs/api.md "Decimals"): for random usage — random quantities and 12-digit unit
 * prices over random teams and endpoints, plus late records that become adjustment lines — every invoice's billed
 * lines add up to its total, the totals to the organization's summary and to the FOCUS BilledCost column, each usage
 * line is its exact amount rounded half away from zero to cents, each adjustment the month's usage now in cents
 * minus its usage billed before in cents, and |total − exact| ≤ half a cent per usage line and a cent per adjustment. The exact
 * amounts are checked against the raw records, computed here with BigInt (cost = quantity × unit price rounded half
 * away from zero to 12 digits at ingest).
 */

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const SCALE = 12;
/** A decimal string as an integer of 10^-12 (exact). */
function units(decimal: string): bigint {
  const negative = decimal.startsWith('-');
  const [whole, fraction = ''] = decimal.replace('-', '').split('.');
  if (fraction.length > SCALE) throw new Error(`more than ${SCALE} fractional digits: ${decimal}`);
  const value = BigInt(whole) * 10n ** 12n + BigInt((fraction + '0'.repeat(SCALE)).slice(0, SCALE));
  return negative ? -value : value;
}
/** Round an integer of 10^-from to 10^-to, half away from zero. */
function roundHalfAway(value: bigint, from: number, to: number): bigint {
  const factor = 10n ** BigInt(from - to);
  const magnitude = value < 0n ? -value : value;
  const rounded = (magnitude + factor / 2n) / factor;
  return value < 0n ? -rounded : rounded;
}
const CENT = 10n ** 10n; // one cent in 10^-12 units
const HALF_CENT = CENT / 2n;

const INVOICES = `query($slug: String!, $month: String!) { organization(slug: $slug) {
  billingSummary(month: $month) { total invoiceCount }
  invoices(month: $month, first: 100) { edges { node { team { username } status total exactTotal usageTotal adjustmentsTotal
    lines { kind adjustsMonth endpointId quantity amount exactAmount } } } }
} }`;

interface Line {
  kind: string;
  adjustsMonth: string | null;
  endpointId: string;
  quantity: string;
  amount: string;
  exactAmount: string;
}

const usageArb = fc.array(
  fc.record({
    team: fc.integer({ min: 0, max: 2 }),
    endpoint: fc.constantFrom('fal-ai/a', 'fal-ai/b', 'fal-ai/c'),
    day: fc.integer({ min: 0, max: 27 }),
    micros: fc.integer({ min: 0, max: 2_000_000_000 }), // quantity with 6 decimals
    picos: fc.integer({ min: 1, max: 9_999_999_999 }), // unit price with 12 decimals (< 0.01 $)
  }),
  { minLength: 1, maxLength: 25 },
);

it('billed lines = invoice total = FOCUS BilledCost sum, each usage line rounded once, each adjustment the month in cents now minus before', async () => {
  let run = 0;
  let invoicesChecked = 0;
  let linesChecked = 0;
  await fc.assert(
    fc.asyncProperty(usageArb, usageArb, async (usage, late) => {
      run += 1;
      const admin = await signUp(app);
      const org = await createOrganization(app, admin);
      const teams = [await createTeam(app, admin, org.id), await createTeam(app, admin, org.id), await createTeam(app, admin, org.id)];
      const adminKey = await createApiKeyFor(app, org.slug, 'ADMIN');
      // Two months of its own per run (closing a month closes it for every organization).
      const month = DateTime.utc(2020, 1, 1).plus({ months: 2 * run });
      const following = month.plus({ months: 1 });
      const ym = (m: DateTime) => m.toFormat('yyyy-MM');

      /** exact expected (10^-12) per team, month, kind of line; and per line (… and endpoint) */
      const expected = new Map<string, bigint>();
      const byLine = new Map<string, bigint>();
      let n = 0;
      const toRecords = (rows: typeof usage, at: DateTime, bucket: (team: string) => string) =>
        rows.map((row) => {
          const quantity = (row.micros / 1e6).toFixed(6);
          const unitPrice = `0.${String(row.picos).padStart(12, '0')}`;
          const cost = roundHalfAway(units(quantity) * units(unitPrice), 24, 12);
          const key = bucket(teams[row.team].username);
          expected.set(key, (expected.get(key) ?? 0n) + cost);
          byLine.set(`${key}|${row.endpoint}`, (byLine.get(`${key}|${row.endpoint}`) ?? 0n) + cost);
          return {
            id: `r${run}-${n++}`,
            timestamp: at.plus({ days: row.day, minutes: n }).toISO(),
            teamUsername: teams[row.team].username,
            product: 'MODEL_APIS',
            endpointId: row.endpoint,
            unit: 'unit',
            quantity,
            unitPrice,
          };
        });
      const ingest = async (records: unknown[]) => {
        const { ingestUsage } = await app.data(`mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted rejected { code } } }`, { input: { records } }, { bearer: TEST_INGEST_TOKEN });
        expect(ingestUsage.rejected).toEqual([]);
      };
      const close = async (m: DateTime) => {
        const { closeBillingPeriod } = await app.data(
          `mutation($input: CloseBillingPeriodInput!) { closeBillingPeriod(input: $input) { userErrors { code } } }`,
          { input: { month: ym(m) } },
          { bearer: TEST_OPERATOR_TOKEN },
        );
        expect(closeBillingPeriod.userErrors).toEqual([]);
      };

      await ingest(toRecords(usage, month, (team) => `${team}|${ym(month)}|USAGE`));
      const checkMonth = async (m: DateTime, status: string) => {
        const { organization } = await app.data(INVOICES, { slug: org.slug, month: ym(m) }, { token: admin.token });
        const invoices = organization.invoices.edges.map((e: any) => e.node);
        let sumOfTotals = 0n;
        for (const invoice of invoices) {
          expect(invoice.status).toBe(status);
          const lines: Line[] = invoice.lines;
          for (const amount of [invoice.total, invoice.usageTotal, invoice.adjustmentsTotal, ...lines.map((l) => l.amount)]) expect(amount).toMatch(/^-?\d+\.\d{2}$/);
          const cents = (exact: bigint) => roundHalfAway(exact, 12, 2) * CENT;
          for (const line of lines) {
            if (line.kind === 'USAGE') {
              // One rule, once per line: the billed amount is the exact amount rounded half away from zero to cents.
              expect(units(line.amount)).toBe(cents(units(line.exactAmount)));
            } else {
              // An adjustment bills the month's usage now in cents minus its usage billed before in cents.
              const before = byLine.get(`${invoice.team.username}|${line.adjustsMonth}|USAGE|${line.endpointId}`) ?? 0n;
              expect(units(line.amount)).toBe(cents(before + units(line.exactAmount)) - cents(before));
            }
          }
          const billedSum = lines.reduce((sum, l) => sum + units(l.amount), 0n);
          const exactSum = lines.reduce((sum, l) => sum + units(l.exactAmount), 0n);
          expect(units(invoice.total)).toBe(billedSum);
          expect(units(invoice.usageTotal) + units(invoice.adjustmentsTotal)).toBe(billedSum);
          expect(units(invoice.exactTotal)).toBe(exactSum);
          const difference = billedSum - exactSum;
          const adjustments = BigInt(lines.filter((l) => l.kind === 'ADJUSTMENT').length);
          const bound = (BigInt(lines.length) - adjustments) * HALF_CENT + adjustments * CENT;
          expect((difference < 0n ? -difference : difference) <= bound).toBe(true);
          // The exact amounts are the raw records' costs.
          for (const kind of ['USAGE', 'ADJUSTMENT']) {
            const ofKind = lines.filter((l) => l.kind === kind).reduce((sum, l) => sum + units(l.exactAmount), 0n);
            expect([invoice.team.username, kind, ofKind]).toEqual([invoice.team.username, kind, expected.get(`${invoice.team.username}|${ym(m)}|${kind}`) ?? 0n]);
          }
          sumOfTotals += billedSum;
          invoicesChecked += 1;
          linesChecked += lines.length;
        }
        expect(units(organization.billingSummary.total)).toBe(sumOfTotals);
        return sumOfTotals;
      };
      const focusSum = async (m: DateTime) => {
        const response = await fetch(`${app.url}/v1/organization/billing/focus?billing_month=${ym(m)}`, { headers: { authorization: `Key ${adminKey}` } });
        const [header, ...rows] = (await response.text()).trim().split('\n');
        const column = header.split(',').indexOf('BilledCost');
        return rows.reduce((sum, row) => sum + units(row.split(',')[column]), 0n);
      };

      const draft = await checkMonth(month, 'DRAFT');
      expect(await focusSum(month)).toBe(draft);
      await close(month);
      expect(await checkMonth(month, 'ISSUED')).toBe(draft);
      // Late records of the closed month become adjustment lines of the next invoice, beside that month's usage.
      await ingest([
        ...toRecords(late, month, (team) => `${team}|${ym(following)}|ADJUSTMENT`),
        ...toRecords(usage.slice(0, 3), following, (team) => `${team}|${ym(following)}|USAGE`),
      ]);
      expect(await checkMonth(month, 'ISSUED')).toBe(draft); // issued invoices never change
      const next = await checkMonth(following, 'DRAFT');
      expect(await focusSum(following)).toBe(next);
      await close(following);
      expect(await checkMonth(following, 'ISSUED')).toBe(next);
      expect(await focusSum(following)).toBe(next);
    }),
    { numRuns: 15 },
  );
  expect(invoicesChecked).toBeGreaterThan(30);
  expect(linesChecked).toBeGreaterThan(100);
}, 300_000);

it('usage costs and unit prices never carry more than 12 fractional digits, and a time series adds up to its summary', async () => {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const team = await createTeam(app, admin, org.id);
  // quantity × unit price has 18 fractional digits; stored costs are rounded to 12 at ingest.
  const records = Array.from({ length: 40 }, (_, i) => ({
    id: `s-${i}`,
    timestamp: DateTime.utc(2026, 2, 1, i % 24).toISO(),
    teamUsername: team.username,
    product: 'MODEL_APIS',
    endpointId: `fal-ai/e${i % 3}`,
    unit: 'unit',
    quantity: `${i}.${String(123457 * (i + 1)).slice(0, 6)}`,
    unitPrice: `0.${String(987654321123 + i * 7919).slice(0, 12)}`,
  }));
  const { ingestUsage } = await app.data(`mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted } }`, { input: { records } }, { bearer: TEST_INGEST_TOKEN });
  expect(ingestUsage.accepted).toBe(40);
  const { organization } = await app.data(
    `query($slug: String!) { organization(slug: $slug) { usage(start: "2026-02-01", end: "2026-02-02", timeframe: HOUR, expand: [TIME_SERIES, SUMMARY]) {
       timeSeries { results { quantity unitPrice cost } } summary { endpointId quantity unitPrice cost } } } }`,
    { slug: org.slug },
    { token: admin.token },
  );
  const items = [...organization.usage.timeSeries.flatMap((b: any) => b.results), ...organization.usage.summary];
  for (const item of items) for (const value of [item.quantity, item.unitPrice, item.cost]) expect(value).toMatch(/^\d+(\.\d{1,12})?$/);
  const seriesTotal = organization.usage.timeSeries.flatMap((b: any) => b.results).reduce((sum: bigint, item: any) => sum + units(item.cost), 0n);
  const summaryTotal = organization.usage.summary.reduce((sum: bigint, item: any) => sum + units(item.cost), 0n);
  expect(seriesTotal).toBe(summaryTotal);
  const expected = records.reduce((sum, r) => sum + roundHalfAway(units(r.quantity) * units(r.unitPrice), 24, 12), 0n);
  expect(summaryTotal).toBe(expected);
});
