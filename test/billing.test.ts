import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { startTestApp, TEST_INGEST_TOKEN, TEST_OPERATOR_TOKEN, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, createTeam, signUp, unique, type SignedUpUser } from './support/factories';
import { addMember, localId as localIdOf } from './support/people';
import { freePort } from './support/ports';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ WEBHOOK_POLL_MS: '20', WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_MAX_ATTEMPTS: '5', WEBHOOK_TIMEOUT_MS: '1500' });
});
afterAll(() => app.close());

const INGEST = `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted rejected { code } } }`;
const CLOSE = `mutation($input: CloseBillingPeriodInput!) { closeBillingPeriod(input: $input) { month issued alreadyClosed userErrors { field code } } }`;
const INVOICES = `query($slug: String!, $month: String!) { organization(slug: $slug) {
  billingSummary(month: $month) { status total invoiceCount }
  invoices(month: $month, first: 100) { totalCount edges { node { team { username } status total exactTotal usageTotal adjustmentsTotal lines { kind adjustsMonth endpointId quantity amount exactAmount } } } }
} }`;
const CREATE_ALERT = `mutation($input: CreateSpendingAlertInput!) {
  createSpendingAlert(input: $input) { alert { id threshold hardLimit } signingSecret userErrors { field code } }
}`;

interface Org {
  admin: SignedUpUser;
  slug: string;
  id: string;
  adminKey: string;
}

// Each test bills its own past month (two apart, so "the next month" is free too): closing is platform-wide.
let monthCounter = 0;
function nextMonth(): string {
  monthCounter += 1;
  return new Date(Date.UTC(2001, monthCounter * 2, 1)).toISOString().slice(0, 7);
}

async function organization(): Promise<Org> {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  return { admin, slug: org.slug, id: org.id, adminKey: await createApiKeyFor(app, org.slug, 'ADMIN') };
}

async function ingest(records: Array<Record<string, unknown>>) {
  const { ingestUsage } = await app.data(INGEST, { input: { records } }, { bearer: TEST_INGEST_TOKEN });
  expect(ingestUsage.rejected).toEqual([]);
  return ingestUsage;
}

const usage = (team: string, timestamp: string, quantity: string, unitPrice: string, endpointId = 'fal-ai/flux/dev') => ({
  id: unique('bill'),
  timestamp,
  teamUsername: team,
  product: 'MODEL_APIS',
  endpointId,
  quantity,
  unitPrice,
});

async function close(month: string) {
  return (await app.data(CLOSE, { input: { month } }, { bearer: TEST_OPERATOR_TOKEN })).closeBillingPeriod;
}

/** Decimal string → integer count of 10^-12, so sums compare exactly. */
function scaled(decimal: string): bigint {
  const negative = decimal.startsWith('-');
  const [whole, fraction = ''] = decimal.replace('-', '').split('.');
  const value = BigInt(whole) * 10n ** 12n + BigInt((fraction + '0'.repeat(12)).slice(0, 12));
  return negative ? -value : value;
}

describe('invoices', () => {
  it('equal the sum of their usage to the last digit, line by line, as drafts and once issued; the month is the UTC month (property)', async () => {
    const ENDPOINTS = ['fal-ai/flux/dev', 'fal-ai/flux/schnell', 'compute/h100-8x'];
    const ZONES = ['UTC', 'UTC+5:45', 'UTC-3:30', 'UTC+14', 'UTC-11'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            team: fc.integer({ min: 0, max: 1 }),
            endpoint: fc.integer({ min: 0, max: ENDPOINTS.length - 1 }),
            // Seconds from the start of the UTC month: up to 36 hours either side, and the exact edges.
            at: fc.oneof(fc.integer({ min: -36 * 3600, max: (28 * 24 + 36) * 3600 }), fc.constantFrom(-1, 0, 'last' as const, 'end' as const)),
            zone: fc.constantFrom(...ZONES),
            milli: fc.integer({ min: 1, max: 5_000_000 }),
            price: fc.integer({ min: 1, max: 99_999 }),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        async (records) => {
          const org = await organization();
          const teams = [await createTeam(app, org.admin, org.id), await createTeam(app, org.admin, org.id)];
          const month = nextMonth();
          const start = DateTime.fromISO(`${month}-01T00:00:00Z`, { zone: 'UTC' });
          const length = start.plus({ months: 1 }).diff(start, 'seconds').seconds;
          // Expected lines: team -> endpoint -> { quantity, amount } in 10^-12 units, only for records inside the month.
          const expected = teams.map(() => new Map<string, { quantity: bigint; amount: bigint }>());
          await ingest(
            records.map((r) => {
              const at = r.at === 'last' ? length - 1 : r.at === 'end' ? length : r.at;
              const quantity = (r.milli / 1000).toString();
              const unitPrice = (r.price / 10000).toString();
              if (at >= 0 && at < length) {
                const line = expected[r.team].get(ENDPOINTS[r.endpoint]) ?? { quantity: 0n, amount: 0n };
                line.quantity += scaled(quantity);
                line.amount += (scaled(quantity) * scaled(unitPrice)) / 10n ** 12n;
                expected[r.team].set(ENDPOINTS[r.endpoint], line);
              }
              const timestamp = start.plus({ seconds: at }).setZone(r.zone).toISO({ suppressMilliseconds: true })!;
              return usage(teams[r.team].username, timestamp, quantity, unitPrice, ENDPOINTS[r.endpoint]);
            }),
          );
          const expectedTotals = expected.map((lines) => [...lines.values()].reduce((sum, line) => sum + line.amount, 0n));
          const expectedLines = expected.map((lines) => [...lines].map(([endpointId, line]) => ({ endpointId, ...line })).sort((x, y) => x.endpointId.localeCompare(y.endpointId)));
          const totals = async () => {
            const { organization: result } = await app.data(INVOICES, { slug: org.slug, month }, { token: org.admin.token });
            const invoices = new Map(result.invoices.edges.map(({ node: i }: any) => [i.team.username, i]));
            const lines = teams.map((t) =>
              ((invoices.get(t.username) as any)?.lines ?? [])
                // The exact amount is the usage to the last digit; the billed amount is it rounded to cents (half away from zero).
                .map((line: any) => {
                  expect(scaled(line.amount)).toBe(((scaled(line.exactAmount) + 5n * 10n ** 9n) / 10n ** 10n) * 10n ** 10n);
                  return { kind: line.kind, endpointId: line.endpointId, quantity: scaled(line.quantity), amount: scaled(line.exactAmount) };
                })
                .sort((x: any, y: any) => x.endpointId.localeCompare(y.endpointId)),
            );
            for (const invoice of invoices.values() as Iterable<any>) {
              expect(invoice.lines.reduce((sum: bigint, line: any) => sum + scaled(line.amount), 0n)).toBe(scaled(invoice.total));
            }
            return {
              status: result.billingSummary.status,
              totals: teams.map((t) => ((invoices.get(t.username) as any) ? scaled((invoices.get(t.username) as any).exactTotal) : 0n)),
              lines,
              summary: scaled(result.billingSummary.total),
            };
          };
          const want = (status: string) => ({
            status,
            totals: expectedTotals,
            lines: expectedLines.map((lines) => lines.map((line) => ({ kind: 'USAGE', ...line }))),
            // The organization's total adds the billed (cent-rounded) lines.
            summary: expectedLines.flat().reduce((sum, line) => sum + ((line.amount + 5n * 10n ** 9n) / 10n ** 10n) * 10n ** 10n, 0n),
          });
          expect(await totals()).toEqual(want('DRAFT'));
          expect((await close(month)).userErrors).toEqual([]);
          expect(await totals()).toEqual(want('ISSUED'));
          return true;
        },
      ),
      { numRuns: 8 },
    );
  });

  it('closing is idempotent; late usage becomes an adjustment on the next invoice; issued invoices never change', async () => {
    const org = await organization();
    const team = await createTeam(app, org.admin, org.id);
    const month = nextMonth();
    const following = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)) , 1)).toISOString().slice(0, 7);
    await ingest([usage(team.username, `${month}-10T00:00:00Z`, '10', '0.5')]);
    // Two operators (or a retry) closing at once: one issues, the other finds it closed.
    const both = await Promise.all([close(month), close(month)]);
    expect(both.map((r: any) => r.alreadyClosed).sort()).toEqual([false, true]);
    expect(both.find((r: any) => !r.alreadyClosed)).toMatchObject({ month, userErrors: [] });
    expect(both.find((r: any) => r.alreadyClosed)).toMatchObject({ issued: 0, userErrors: [] });
    const snapshot = () =>
      app.db.query(
        `SELECT (SELECT json_agg(i ORDER BY i.id) FROM invoices i WHERE i.month = $1::date) AS invoices,
                (SELECT json_agg(l ORDER BY l.invoice_id, l.line) FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE i.month = $1::date) AS lines,
                (SELECT count(*)::int FROM audit_events WHERE action = 'billing.closePeriod' AND target_id = $2) AS audits,
                (SELECT closed_at FROM billing_periods WHERE month = $1::date) AS closed_at`,
        [`${month}-01`, month],
      );
    const [closed] = await snapshot();
    expect(closed.audits).toBeGreaterThanOrEqual(1);
    const [{ auth_method: closedBy }] = await app.db.query(`SELECT auth_method FROM audit_events WHERE action = 'billing.closePeriod' AND target_id = $1 AND organization_id = $2`, [month, localIdOf(org.id)]);
    expect(closedBy).toBe('OPERATOR_TOKEN');
    const again = await close(month);
    expect(again).toMatchObject({ alreadyClosed: true, issued: 0, userErrors: [] });
    expect(await snapshot()).toEqual([closed]);
    const before = (await app.data(INVOICES, { slug: org.slug, month }, { token: org.admin.token })).organization.invoices.edges.map((e: any) => e.node);
    expect(before[0]).toMatchObject({ status: 'ISSUED', total: '5.00' });

    // A late record for the closed month, and ordinary usage of the next month.
    await ingest([usage(team.username, `${month}-20T00:00:00Z`, '4', '0.5'), usage(team.username, `${following}-03T00:00:00Z`, '1', '0.5')]);
    const unchanged = (await app.data(INVOICES, { slug: org.slug, month }, { token: org.admin.token })).organization.invoices.edges.map((e: any) => e.node);
    expect(unchanged).toEqual(before);
    await expect(app.db.query(`UPDATE invoices SET total = 0`)).rejects.toThrow(/immutable/);

    await close(following);
    const next = (await app.data(INVOICES, { slug: org.slug, month: following }, { token: org.admin.token })).organization.invoices.edges[0].node;
    expect(next).toMatchObject({ usageTotal: '0.50', adjustmentsTotal: '2.00', total: '2.50' });
    expect(next.lines).toEqual([
      { kind: 'USAGE', adjustsMonth: null, endpointId: 'fal-ai/flux/dev', quantity: '1', amount: '0.50', exactAmount: '0.5' },
      { kind: 'ADJUSTMENT', adjustsMonth: month, endpointId: 'fal-ai/flux/dev', quantity: '4', amount: '2.00', exactAmount: '2' },
    ]);
  });

  it('bills late usage as its month in cents now minus the cents billed, on the next invoice to be issued only', async () => {
    // Found by an outside model of money: an adjustment rounded the exact difference on its own (0.015 billed 0.02,
    // then a late 0.005 billed another 0.01: 0.03 for 0.020 of usage), and every open month's draft repeated it.
    const org = await organization();
    const [over, under] = [await createTeam(app, org.admin, org.id), await createTeam(app, org.admin, org.id)];
    const month = nextMonth();
    const following = DateTime.fromISO(`${month}-01`, { zone: 'UTC' }).plus({ months: 1 }).toFormat('yyyy-MM');
    const third = nextMonth();
    await ingest([usage(over.username, `${month}-10T00:00:00Z`, '3', '0.005'), usage(under.username, `${month}-10T00:00:00Z`, '2', '0.002')]);
    await close(month);
    await ingest([usage(over.username, `${month}-21T00:00:00Z`, '1', '0.005'), usage(under.username, `${month}-21T00:00:00Z`, '1', '0.002')]);
    const linesOf = async (billingMonth: string) => {
      const { organization: found } = await app.data(INVOICES, { slug: org.slug, month: billingMonth }, { token: org.admin.token });
      return Object.fromEntries(found.invoices.edges.map((e: any) => [e.node.team.username, { total: e.node.total, lines: e.node.lines.map((l: any) => [l.kind, l.adjustsMonth, l.amount, l.exactAmount]) }]));
    };
    expect(await linesOf(month)).toEqual({
      [over.username]: { total: '0.02', lines: [['USAGE', null, '0.02', '0.015']] },
      [under.username]: { total: '0.00', lines: [['USAGE', null, '0.00', '0.004']] },
    });
    const expected = {
      // 0.020 of usage is 0.02, billed already: nothing more. 0.006 is 0.01, of which nothing was billed.
      [over.username]: { total: '0.00', lines: [['ADJUSTMENT', month, '0.00', '0.005']] },
      [under.username]: { total: '0.01', lines: [['ADJUSTMENT', month, '0.01', '0.002']] },
    };
    expect(await linesOf(following)).toEqual(expected);
    // The month after is open too, but the adjustment is the next invoice's alone.
    expect(await linesOf(third)).toEqual({});
    await close(following);
    expect(await linesOf(following)).toEqual(expected);
    expect(await linesOf(third)).toEqual({});
    const { organization: summary } = await app.data(INVOICES, { slug: org.slug, month: following }, { token: org.admin.token });
    expect(summary.billingSummary).toMatchObject({ total: '0.01' });
  });

  it('the FOCUS export of a month is in the FOCUS columns and adds up to its invoices, drafts and issued, corrections included', async () => {
    const org = await organization();
    const teams = [await createTeam(app, org.admin, org.id), await createTeam(app, org.admin, org.id)];
    const month = nextMonth();
    const following = DateTime.fromISO(`${month}-01`, { zone: 'UTC' }).plus({ months: 1 }).toFormat('yyyy-MM');
    await ingest([
      usage(teams[0].username, `${month}-02T00:00:00Z`, '3.5', '0.02'),
      usage(teams[1].username, `${month}-05T00:00:00Z`, '7', '1.25', 'compute/h100-8x'),
      usage(teams[1].username, `${month}-06T00:00:00Z`, '2', '0.3333'),
    ]);
    await close(month);
    const focus = async (billingMonth: string, key = org.adminKey) => {
      const response = await fetch(`${app.url}/v1/organization/billing/focus?billing_month=${billingMonth}`, { headers: { authorization: `Key ${key}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/csv/);
      const [header, ...lines] = (await response.text()).trim().split('\n');
      const columns = header.split(',');
      return { columns, rows: lines.map((line) => Object.fromEntries(line.split(',').map((value, index) => [columns[index], value]))) };
    };
    const invoicesOf = async (billingMonth: string) => (await app.data(INVOICES, { slug: org.slug, month: billingMonth }, { token: org.admin.token })).organization;
    const billed = (rows: Array<Record<string, string>>) => rows.reduce((sum, row) => sum + scaled(row.BilledCost), 0n);

    const issued = await focus(month);
    expect(issued.columns).toEqual([
      'BilledCost', 'BillingAccountId', 'BillingAccountName', 'BillingCurrency', 'BillingPeriodEnd', 'BillingPeriodStart', 'ChargeCategory',
      'ChargeClass', 'ChargeDescription', 'ChargeFrequency', 'ChargePeriodEnd', 'ChargePeriodStart', 'ConsumedQuantity', 'ConsumedUnit',
      'ContractedCost', 'ContractedUnitPrice', 'EffectiveCost', 'InvoiceId', 'InvoiceIssuerName', 'ListCost', 'ListUnitPrice', 'PricingCategory',
      'PricingQuantity', 'PricingUnit', 'ProviderName', 'PublisherName', 'ResourceId', 'ResourceName', 'ServiceCategory', 'ServiceName', 'SkuId',
      'SkuPriceId', 'SubAccountId', 'SubAccountName',
    ]);
    expect(issued.rows).toHaveLength(3);
    expect(billed(issued.rows)).toBe(scaled((await invoicesOf(month)).billingSummary.total));
    for (const row of issued.rows) {
      expect(row).toMatchObject({ ChargeCategory: 'Usage', ChargeClass: '', ChargeFrequency: 'Usage-Based', BillingCurrency: 'USD', PricingCategory: 'Standard', InvoiceId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      for (const column of ['BillingPeriodStart', 'BillingPeriodEnd', 'ChargePeriodStart', 'ChargePeriodEnd']) expect(row[column]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(row.BillingPeriodStart).toBe(`${month}-01T00:00:00Z`);
      expect(scaled(row.ListUnitPrice) * scaled(row.PricingQuantity) / 10n ** 12n).toBe(scaled(row.ListCost));
    }
    expect(issued.rows.find((row) => row.SkuId === 'compute/h100-8x')).toMatchObject({ ListUnitPrice: '1.25', ServiceCategory: 'AI and Machine Learning', ServiceName: 'MODEL_APIS', SubAccountName: teams[1].username });

    // Late usage for the issued month: a correction row on the next month's export, as a draft and once issued.
    await ingest([usage(teams[0].username, `${month}-20T00:00:00Z`, '10', '0.02'), usage(teams[0].username, `${following}-02T00:00:00Z`, '1', '0.02')]);
    for (const status of ['DRAFT', 'ISSUED']) {
      if (status === 'ISSUED') await close(following);
      const next = await focus(following);
      const invoices = await invoicesOf(following);
      expect(invoices.billingSummary.status).toBe(status);
      expect(billed(next.rows)).toBe(scaled(invoices.billingSummary.total));
      expect(next.rows.map((row) => [row.ChargeCategory, row.ChargeClass, row.ChargePeriodStart, row.BilledCost]).sort()).toEqual([
        ['Usage', '', `${following}-01T00:00:00Z`, '0.02'],
        ['Usage', 'Correction', `${month}-01T00:00:00Z`, '0.20'],
      ]);
      expect(next.rows.every((row) => (status === 'DRAFT' ? row.InvoiceId === '' : /^[0-9a-f-]{36}$/.test(row.InvoiceId)))).toBe(true);
    }
    expect(billed((await focus(month)).rows)).toBe(billed(issued.rows));

    // Year 0000 (which PostgreSQL refuses as a date) was a 500; each bad month is a 400 naming the parameter.
    for (const badMonth of ['2025-13', '0000-01', '2025-1', '25-01']) {
      const bad = await fetch(`${app.url}/v1/organization/billing/focus?billing_month=${badMonth}`, { headers: { authorization: `Key ${org.adminKey}` } });
      expect(bad.status).toBe(400);
      const { error } = await bad.json();
      expect(error.type).toBe('validation_error');
      expect(error.message).toContain('`billing_month`');
    }
    for (const key of [await createApiKeyFor(app, teams[0].username, 'ADMIN'), await createApiKeyFor(app, org.slug, 'API')]) {
      const refused = await fetch(`${app.url}/v1/organization/billing/focus?billing_month=${month}`, { headers: { authorization: `Key ${key}` } });
      expect(refused.status).toBe(403);
    }
    const session = await fetch(`${app.url}/v1/organization/billing/focus?billing_month=${month}`, { headers: { authorization: `Bearer ${org.admin.token}` } });
    expect(session.status).toBe(403);
    expect((await fetch(`${app.url}/v1/organization/billing/focus?billing_month=${month}`)).status).toBe(401);
  });
});

describe('who sees invoices', () => {
  it('organization admins (sessions and keys) and organization BILLING see every team’s invoices and the total; team ADMIN/BILLING only their team’s', async () => {
    const org = await organization();
    const [a, b] = [await createTeam(app, org.admin, org.id), await createTeam(app, org.admin, org.id)];
    const month = nextMonth();
    await ingest([usage(a.username, `${month}-04T00:00:00Z`, '2', '1.5'), usage(b.username, `${month}-05T00:00:00Z`, '1', '0.25')]);
    await close(month);
    // Cross-team visibility lets team admins see other teams' usage; invoices stay with the team's own roles.
    await app.data(`mutation($input: UpdateOrganizationPolicyInput!) { updateOrganizationPolicy(input: $input) { userErrors { code } } }`,
      { input: { organizationId: org.id, settings: { crossTeamVisibility: { value: true } } } }, { token: org.admin.token });
    const people = {
      orgBilling: await addMember(app, org.admin, org.id, { role: 'BILLING' }),
      orgMember: await addMember(app, org.admin, org.id, { role: 'MEMBER' }),
      teamAdminA: await addMember(app, org.admin, org.id, { teams: [{ teamId: a.id, role: 'ADMIN' }] }),
      teamBillingA: await addMember(app, org.admin, org.id, { teams: [{ teamId: a.id, role: 'BILLING' }] }),
      developerA: await addMember(app, org.admin, org.id, { teams: [{ teamId: a.id, role: 'DEVELOPER' }] }),
    };
    const teamKeyA = await createApiKeyFor(app, a.username, 'ADMIN');
    const apiKeyA = await createApiKeyFor(app, a.username, 'API');

    const ORG_INVOICES = `query($slug: String!, $month: String!) { organization(slug: $slug) { billingSummary(month: $month) { total invoiceCount } invoices(month: $month) { edges { node { team { username } total } } } } }`;
    const orgView = async (credential: { token: string } | { key: string }) => {
      const response = await app.gql(ORG_INVOICES, { slug: org.slug, month }, credential);
      if (response.body.errors) return response.body.errors.map((error) => `${error.extensions?.code}/${error.extensions?.reason ?? ''}`)[0];
      const result = response.body.data.organization;
      return { total: result.billingSummary.total, teams: result.invoices.edges.map((e: any) => `${e.node.team.username}=${e.node.total}`).sort() };
    };
    const everything = { total: '3.25', teams: [`${a.username}=3.00`, `${b.username}=0.25`].sort() };
    expect(await orgView({ token: org.admin.token })).toEqual(everything);
    expect(await orgView({ key: org.adminKey })).toEqual(everything);
    expect(await orgView({ token: people.orgBilling.token })).toEqual(everything);
    for (const who of [people.orgMember, people.teamAdminA, people.teamBillingA, people.developerA]) {
      expect(await orgView({ token: who.token })).toMatch(/^FORBIDDEN\//);
    }
    expect(await orgView({ key: teamKeyA })).toMatch(/^(FORBIDDEN|NOT_FOUND)\//);
    // Organization.invoices pages by team username (first/after), with the count of the whole month.
    const PAGE = `query($slug: String!, $month: String!, $after: String) { organization(slug: $slug) { invoices(month: $month, first: 1, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { team { username } } } } } }`;
    const pages: string[][] = [];
    let after: string | null = null;
    do {
      const page: any = (await app.data(PAGE, { slug: org.slug, month, after }, { token: people.orgBilling.token })).organization.invoices;
      expect(page.totalCount).toBe(2);
      pages.push(page.edges.map((e: any) => e.node.team.username));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after && pages.length < 5);
    expect(pages).toEqual([a.username, b.username].sort().map((username) => [username]));

    const TEAM_INVOICES = `query($u: String!) { team(username: $u) { invoices { edges { node { month status total } } } } }`;
    const teamView = async (username: string, credential: { token: string } | { key: string }) => {
      const response = await app.gql(TEAM_INVOICES, { u: username }, credential);
      if (response.body.errors) return response.body.errors.map((error) => `${error.extensions?.code}/${error.extensions?.reason ?? ''}`)[0];
      return response.body.data.team.invoices.edges.map((e: any) => e.node).filter((invoice: any) => invoice.month === month);
    };
    const issuedA = [{ month, status: 'ISSUED', total: '3.00' }];
    for (const credential of [{ token: org.admin.token }, { token: people.orgBilling.token }, { token: people.teamAdminA.token }, { token: people.teamBillingA.token }, { key: teamKeyA }]) {
      expect(await teamView(a.username, credential)).toEqual(issuedA);
    }
    expect(await teamView(b.username, { token: people.orgBilling.token })).toEqual([{ month, status: 'ISSUED', total: '0.25' }]);
    expect(await teamView(a.username, { token: people.developerA.token })).toBe('FORBIDDEN/USAGE_ROLE_REQUIRED');
    expect(await teamView(a.username, { key: apiKeyA })).toBe('FORBIDDEN/API_KEY_SCOPE');
    for (const who of [people.teamAdminA, people.teamBillingA, people.developerA]) expect(await teamView(b.username, { token: who.token })).toBe('NOT_FOUND/');
    expect(await teamView(b.username, { key: teamKeyA })).toBe('NOT_FOUND/');
  });
});

describe('spending alerts', () => {
  it('fire exactly once when 10 concurrent batches cross the threshold together (one email, one webhook per alert)', async () => {
    const org = await organization();
    const team = await createTeam(app, org.admin, org.id);
    const hits: string[] = [];
    const receiver = http.createServer((req, res) => req.on('data', () => undefined).on('end', () => (hits.push(String(req.headers['x-orgraph-delivery'])), res.writeHead(204).end())));
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const recipients = [`${unique('finance')}@example.com`, `${unique('cfo')}@example.com`];
    const create = async (input: Record<string, unknown>) => {
      const { createSpendingAlert } = await app.data(CREATE_ALERT, { input: { organizationId: org.id, period: 'MONTH', ...input } }, { token: org.admin.token });
      expect(createSpendingAlert.userErrors).toEqual([]);
      return localIdOf(createSpendingAlert.alert.id);
    };
    // Crossed only by the batches together (9.5 of 10 × 1), and crossed by every single batch (0.5).
    const together = await create({ teamId: team.id, threshold: '9.5', recipients: [recipients[0]] });
    const everyBatch = await create({ threshold: '0.5', recipients: [recipients[1]], webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook` });
    const now = new Date();
    await Promise.all(Array.from({ length: 10 }, () => ingest([usage(team.username, now.toISOString(), '1', '1')])));
    await app.drainEvaluations();
    const firings = async () =>
      Object.fromEntries((await app.db.query(`SELECT alert_id, count(*)::int AS n FROM alert_events WHERE alert_id = ANY($1::uuid[]) GROUP BY alert_id`, [[together, everyBatch]])).map((r: any) => [r.alert_id, r.n]));
    expect(await firings()).toEqual({ [together]: 1, [everyBatch]: 1 });
    const mails = await app.db.query(`SELECT recipient, count(*)::int AS n FROM email_outbox WHERE recipient = ANY($1) GROUP BY recipient ORDER BY recipient`, [recipients]);
    expect(Object.fromEntries(mails.map((m: any) => [m.recipient, m.n]))).toEqual({ [recipients[0]]: 1, [recipients[1]]: 1 });
    for (let waited = 0; hits.length < 1 && waited < 5_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 200));
    receiver.close();
    expect(hits).toHaveLength(1);
    // Further spend in the same period fires nothing more.
    await ingest([usage(team.username, now.toISOString(), '5', '1')]);
    await app.drainEvaluations();
    expect(await firings()).toEqual({ [together]: 1, [everyBatch]: 1 });
    const { organization: result } = await app.data(`query($slug: String!) { organization(slug: $slug) { spendingAlerts { edges { node { threshold events { spend periodStart } } } } } }`, { slug: org.slug }, { token: org.admin.token });
    for (const { node: alert } of result.spendingAlerts.edges) {
      expect(alert.events).toHaveLength(1);
      expect(scaled(alert.events[0].spend) >= scaled(alert.threshold)).toBe(true);
      expect(alert.events[0].periodStart).toBe(DateTime.fromJSDate(now, { zone: 'UTC' }).startOf('month').toISO());
    }
  });

  it('still fire when an evaluation failed: the queue retries it (ingest neither fails nor waits for it)', async () => {
    const org = await organization();
    const team = await createTeam(app, org.admin, org.id);
    const { createSpendingAlert } = await app.data(CREATE_ALERT, { input: { organizationId: org.id, teamId: team.id, threshold: '1', period: 'MONTH' } }, { token: org.admin.token });
    const alertId = localIdOf(createSpendingAlert.alert.id);
    // A real failure inside the evaluation's transaction (the records are committed before it runs).
    const trigger = `alert_fault_${alertId.replace(/-/g, '')}`;
    await app.db.query(`CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.alert_id = '${alertId}' THEN RAISE EXCEPTION 'injected'; END IF; RETURN NEW; END $$`);
    await app.db.query(`CREATE TRIGGER ${trigger} BEFORE INSERT ON alert_events FOR EACH ROW EXECUTE FUNCTION ${trigger}()`);
    const jobState = async () =>
      (await app.db.query(`SELECT state FROM pgboss.job WHERE name = 'usage-evaluation' AND singleton_key = $1 ORDER BY created_on DESC LIMIT 1`, [localIdOf(org.id)]))[0]?.state;
    const batch = [usage(team.username, new Date().toISOString(), '2', '1')];
    try {
      expect(await ingest(batch)).toMatchObject({ accepted: 1 });
      for (let waited = 0; (await jobState()) !== 'retry' && waited < 5_000; waited += 20) {
        await app.server.evaluations.runOnce();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await jobState()).toBe('retry');
      expect(await app.db.query(`SELECT 1 FROM alert_events WHERE alert_id = $1`, [alertId])).toEqual([]);
    } finally {
      await app.db.query(`DROP TRIGGER ${trigger} ON alert_events; DROP FUNCTION ${trigger}()`);
    }
    await app.drainEvaluations();
    const events = await app.db.query(`SELECT trim_scale(spend)::text AS spend FROM alert_events WHERE alert_id = $1`, [alertId]);
    expect(events).toEqual([{ spend: '2' }]);
  });

  it('deliver signed webhooks with retries: a receiver that fails twice then accepts sees three attempts', async () => {
    const org = await organization();
    const team = await createTeam(app, org.admin, org.id);
    const received: Array<{ status: number; verified: boolean; delivery: string }> = [];
    let secret = '';
    const receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const [t, v1] = String(req.headers['x-orgraph-signature']).split(',').map((part) => part.split('=')[1]);
        const expected = crypto.createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
        const status = received.length < 2 ? 500 : 204;
        received.push({ status, verified: expected === v1, delivery: String(req.headers['x-orgraph-delivery']) });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const { createSpendingAlert } = await app.data(
      CREATE_ALERT,
      { input: { organizationId: org.id, teamId: team.id, threshold: '1', period: 'DAY', webhookUrl: url } },
      { token: org.admin.token },
    );
    secret = createSpendingAlert.signingSecret;
    expect(secret).toMatch(/^whsec_/);
    await ingest([usage(team.username, new Date().toISOString(), '2', '1')]);
    await app.drainEvaluations();
    for (let waited = 0; received.length < 3 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    receiver.close();
    if (received.length < 3) console.log(JSON.stringify(await app.db.query(`SELECT d.status, d.attempts, d.next_attempt_at, a.* FROM webhook_deliveries d LEFT JOIN webhook_attempts a ON a.delivery_id = d.id`)));
    expect(received.map((r) => r.status)).toEqual([500, 500, 204]);
    expect(received.every((r) => r.verified)).toBe(true);
    expect(new Set(received.map((r) => r.delivery)).size).toBe(1);

    for (let waited = 0; waited < 5_000; waited += 50) {
      const { organization: result } = await app.data(
        `query($slug: String!) { organization(slug: $slug) { spendingAlerts { edges { node { events { spend } deliveries { id deliveryId status attempts { attempt statusCode attemptedAt } } } } } } }`,
        { slug: org.slug },
        { token: org.admin.token },
      );
      const delivery = result.spendingAlerts.edges[0].node.deliveries[0];
      if (delivery?.status === 'SUCCEEDED') {
        expect(delivery.attempts.map(({ attempt, statusCode }: any) => ({ attempt, statusCode }))).toEqual([{ attempt: 1, statusCode: 500 }, { attempt: 2, statusCode: 500 }, { attempt: 3, statusCode: 204 }]);
        expect(delivery.deliveryId).toBe(received[0].delivery);
        // The delivery is a Node: its global id fetches it back.
        expect((await app.data(`query($id: ID!) { node(id: $id) { ... on WebhookDelivery { deliveryId status } } }`, { id: delivery.id }, { token: org.admin.token })).node).toEqual({ deliveryId: delivery.deliveryId, status: 'SUCCEEDED' });
        // Exponential backoff (WEBHOOK_RETRY_BASE_MS = 20): at least 20 ms, then at least 40 ms between attempts.
        const [first, second, third] = delivery.attempts.map((a: any) => Date.parse(a.attemptedAt));
        expect(second - first).toBeGreaterThanOrEqual(20);
        expect(third - second).toBeGreaterThanOrEqual(40);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('delivery never recorded as SUCCEEDED');
  });

  it('retry webhooks on timeouts and refused connections, record every attempt, and give up after WEBHOOK_MAX_ATTEMPTS, without holding up ingest', async () => {
    const org = await organization();
    const [slow, gone] = [await createTeam(app, org.admin, org.id), await createTeam(app, org.admin, org.id)];
    let calls = 0;
    // The first request is never answered (the 1.5 s timeout cuts it); the second is accepted.
    const receiver = http.createServer((req, res) => req.on('data', () => undefined).on('end', () => (++calls === 1 ? undefined : res.writeHead(200).end())));
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const refusedUrl = `http://127.0.0.1:${await freePort()}/nobody-listens`;
    for (const [team, webhookUrl] of [[slow, `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/slow`], [gone, refusedUrl]] as const) {
      const { createSpendingAlert } = await app.data(CREATE_ALERT, { input: { organizationId: org.id, teamId: team.id, threshold: '1', period: 'DAY', webhookUrl } }, { token: org.admin.token });
      expect(createSpendingAlert.userErrors).toEqual([]);
    }
    const started = Date.now();
    await ingest([usage(slow.username, new Date().toISOString(), '2', '1'), usage(gone.username, new Date().toISOString(), '2', '1')]);
    expect(Date.now() - started).toBeLessThan(1_500);
    await app.drainEvaluations();
    const deliveries = async () => {
      const { organization: result } = await app.data(
        `query($slug: String!) { organization(slug: $slug) { spendingAlerts { edges { node { team { username } deliveries { url status attempts { attempt statusCode error } } } } } } }`,
        { slug: org.slug },
        { token: org.admin.token },
      );
      return Object.fromEntries(result.spendingAlerts.edges.map(({ node: alert }: any) => [alert.team.username, alert.deliveries[0]]));
    };
    let state: Record<string, any> = {};
    for (let waited = 0; waited < 15_000; waited += 100) {
      state = await deliveries();
      if (state[slow.username]?.status !== 'PENDING' && state[gone.username]?.status !== 'PENDING') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    receiver.close();
    expect(state[slow.username]).toMatchObject({ status: 'SUCCEEDED', attempts: [{ attempt: 1, statusCode: null, error: 'TIMEOUT' }, { attempt: 2, statusCode: 200, error: null }] });
    expect(state[gone.username]).toMatchObject({ url: refusedUrl, status: 'FAILED' });
    expect(state[gone.username].attempts.map((a: any) => a.attempt)).toEqual([1, 2, 3, 4, 5]);
    for (const attempt of state[gone.username].attempts) expect(attempt).toMatchObject({ statusCode: null, error: 'CONNECTION_FAILED' });
  });

  it('a hard limit denies model access until the next period, and raising the limit lifts it', async () => {
    const org = await organization();
    const team = await createTeam(app, org.admin, org.id);
    const alerts = app.server.services.alerts;
    const realNow = alerts.now;
    try {
      alerts.now = () => new Date('2025-06-15T12:00:00Z');
      const { createSpendingAlert } = await app.data(
        CREATE_ALERT,
        { input: { organizationId: org.id, teamId: team.id, threshold: '5', period: 'DAY', hardLimit: true } },
        { token: org.admin.token },
      );
      const check = async () =>
        (await app.data(
          `query($checks: [ModelAccessCheckInput!]!) { checkModelAccess(checks: $checks) { allowed access { reasonCode } } }`,
          { checks: [{ teamUsername: team.username, endpointId: 'fal-ai/flux/dev', surface: 'API' }] },
          { bearer: TEST_INGEST_TOKEN },
        )).checkModelAccess[0];
      expect((await check()).allowed).toBe(true);
      await ingest([usage(team.username, '2025-06-15T10:00:00Z', '6', '1')]);
      expect(await check()).toMatchObject({ allowed: false, access: { reasonCode: 'SPEND_LIMIT_REACHED' } });
      alerts.now = () => new Date('2025-06-16T00:30:00Z');
      expect((await check()).allowed).toBe(true);
      alerts.now = () => new Date('2025-06-15T13:00:00Z');
      expect((await check()).allowed).toBe(false);
      const raised = await app.data(
        `mutation($input: UpdateSpendingAlertInput!) { updateSpendingAlert(input: $input) { alert { threshold } userErrors { code } } }`,
        { input: { alertId: createSpendingAlert.alert.id, threshold: '100' } },
        { token: org.admin.token },
      );
      expect(raised.updateSpendingAlert).toEqual({ alert: { threshold: '100' }, userErrors: [] });
      expect((await check()).allowed).toBe(true);
      const audits = await app.db.query(`SELECT action, auth_method, changes FROM audit_events WHERE target_id = $1 ORDER BY created_at`, [localIdOf(createSpendingAlert.alert.id)]);
      expect(audits).toEqual([
        { action: 'spendingAlert.create', auth_method: 'PASSWORD', changes: expect.objectContaining({ threshold: { before: null, after: '5' }, hardLimit: { before: null, after: true } }) },
        { action: 'spendingAlert.update', auth_method: 'PASSWORD', changes: { threshold: { before: '5', after: '100' } } },
      ]);
    } finally {
      alerts.now = realNow;
    }
  });

  it('count periods in the organization’s billing time zone (firing and hard limit), set by an audited billing setting', async () => {
    const org = await organization();
    const team = await createTeam(app, org.admin, org.id);
    const alerts = app.server.services.alerts;
    const realNow = alerts.now;
    try {
      const SETTINGS = `mutation($input: UpdateBillingSettingsInput!) { updateBillingSettings(input: $input) { timezone userErrors { field code } } }`;
      const set = await app.data(SETTINGS, { input: { organizationId: org.id, timezone: 'America/New_York' } }, { token: org.admin.token });
      expect(set.updateBillingSettings).toEqual({ timezone: 'America/New_York', userErrors: [] });
      const [audit] = await app.db.query(`SELECT changes FROM audit_events WHERE action = 'billing.updateSettings' AND organization_id = $1`, [localIdOf(org.id)]);
      expect(audit.changes).toEqual({ timezone: { before: 'UTC', after: 'America/New_York' } });
      // 02:00 UTC on June 16th is still June 15th (22:00 EDT) in New York.
      alerts.now = () => new Date('2025-06-16T02:00:00Z');
      const { createSpendingAlert } = await app.data(CREATE_ALERT, { input: { organizationId: org.id, teamId: team.id, threshold: '5', period: 'DAY', hardLimit: true } }, { token: org.admin.token });
      const check = async () =>
        (await app.data(
          `query($checks: [ModelAccessCheckInput!]!) { checkModelAccess(checks: $checks) { allowed access { reasonCode } } }`,
          { checks: [{ teamUsername: team.username, endpointId: 'fal-ai/flux/dev', surface: 'API' }] },
          { bearer: TEST_INGEST_TOKEN },
        )).checkModelAccess[0];
      // 3 on the UTC 15th and 3 on the UTC 16th: 6 in New York's June 15th, only 3 in any UTC day.
      await ingest([usage(team.username, '2025-06-15T20:00:00Z', '3', '1'), usage(team.username, '2025-06-16T01:00:00Z', '3', '1')]);
      await app.drainEvaluations();
      expect(await check()).toMatchObject({ allowed: false, access: { reasonCode: 'SPEND_LIMIT_REACHED' } });
      const { organization: result } = await app.data(`query($slug: String!) { organization(slug: $slug) { billingTimezone spendingAlerts { edges { node { events { periodStart spend } } } } } }`, { slug: org.slug }, { token: org.admin.token });
      expect(result.billingTimezone).toBe('America/New_York');
      expect(result.spendingAlerts.edges[0].node.events).toEqual([{ periodStart: '2025-06-15T04:00:00.000Z', spend: '6' }]);
      alerts.now = () => new Date('2025-06-16T03:59:00Z');
      expect((await check()).allowed).toBe(false);
      alerts.now = () => new Date('2025-06-16T04:00:00Z'); // midnight in New York: the next period
      expect((await check()).allowed).toBe(true);
      expect(createSpendingAlert.userErrors).toEqual([]);
    } finally {
      alerts.now = realNow;
    }
  });

  it('an organization-wide hard limit denies every team once the organization’s spend reaches it', async () => {
    const org = await organization();
    const [a, b] = [await createTeam(app, org.admin, org.id), await createTeam(app, org.admin, org.id)];
    const alerts = app.server.services.alerts;
    const realNow = alerts.now;
    try {
      alerts.now = () => new Date('2025-07-10T12:00:00Z');
      await app.data(CREATE_ALERT, { input: { organizationId: org.id, threshold: '5', period: 'MONTH', hardLimit: true } }, { token: org.admin.token });
      const checks = async () =>
        (await app.data(
          `query($checks: [ModelAccessCheckInput!]!) { checkModelAccess(checks: $checks) { allowed access { reasonCode } } }`,
          { checks: [a, b].map((team) => ({ teamUsername: team.username, endpointId: 'fal-ai/flux/dev', surface: 'API' })) },
          { bearer: TEST_INGEST_TOKEN },
        )).checkModelAccess.map((c: any) => c.access?.reasonCode ?? c.allowed);
      await ingest([usage(a.username, '2025-07-02T00:00:00Z', '3', '1')]);
      expect(await checks()).not.toContain('SPEND_LIMIT_REACHED');
      await ingest([usage(b.username, '2025-07-03T00:00:00Z', '2', '1')]);
      expect(await checks()).toEqual(['SPEND_LIMIT_REACHED', 'SPEND_LIMIT_REACHED']);
      alerts.now = () => new Date('2025-08-01T00:00:00Z');
      expect(await checks()).not.toContain('SPEND_LIMIT_REACHED');
    } finally {
      alerts.now = realNow;
    }
  });

  it('team limits cannot exceed a locked organization limit', async () => {
    const org = await organization();
    const team = await createTeam(app, org.admin, org.id);
    const create = (input: Record<string, unknown>) => app.data(CREATE_ALERT, { input: { organizationId: org.id, period: 'MONTH', hardLimit: true, ...input } }, { token: org.admin.token });
    expect((await create({ threshold: '1000', locked: true })).createSpendingAlert.userErrors).toEqual([]);
    expect((await create({ teamId: team.id, threshold: '1500' })).createSpendingAlert.userErrors).toEqual([{ field: ['input', 'threshold'], code: 'LIMIT_EXCEEDS_ORGANIZATION_LIMIT' }]);
    const within = await create({ teamId: team.id, threshold: '500' });
    expect(within.createSpendingAlert.userErrors).toEqual([]);
    const UPDATE = `mutation($input: UpdateSpendingAlertInput!) { updateSpendingAlert(input: $input) { alert { threshold } userErrors { field code } } }`;
    const raised = await app.data(UPDATE, { input: { alertId: within.createSpendingAlert.alert.id, threshold: '1000.01' } }, { token: org.admin.token });
    expect(raised.updateSpendingAlert).toEqual({ alert: null, userErrors: [{ field: ['input', 'threshold'], code: 'LIMIT_EXCEEDS_ORGANIZATION_LIMIT' }] });
    expect((await app.data(UPDATE, { input: { alertId: within.createSpendingAlert.alert.id, threshold: '1000' } }, { token: org.admin.token })).updateSpendingAlert.userErrors).toEqual([]);
    // The lock caps hard limits of the same period only; an unlocked organization limit caps nothing.
    expect((await create({ teamId: team.id, threshold: '5000', period: 'DAY' })).createSpendingAlert.userErrors).toEqual([]);
    const other = await organization();
    const otherTeam = await createTeam(app, other.admin, other.id);
    const createOther = (input: Record<string, unknown>) => app.data(CREATE_ALERT, { input: { organizationId: other.id, period: 'MONTH', hardLimit: true, ...input } }, { token: other.admin.token });
    expect((await createOther({ threshold: '10' })).createSpendingAlert.userErrors).toEqual([]);
    expect((await createOther({ teamId: otherTeam.id, threshold: '50' })).createSpendingAlert.userErrors).toEqual([]);
    // A team admin (not an organization admin) is held to the lock too.
    const teamAdmin = await addMember(app, org.admin, org.id, { teams: [{ teamId: team.id, role: 'ADMIN' }] });
    const byTeamAdmin = await app.data(CREATE_ALERT, { input: { organizationId: org.id, teamId: team.id, period: 'MONTH', hardLimit: true, threshold: '2000' } }, { token: teamAdmin.token });
    expect(byTeamAdmin.createSpendingAlert.userErrors).toEqual([{ field: ['input', 'threshold'], code: 'LIMIT_EXCEEDS_ORGANIZATION_LIMIT' }]);
  });

  it('team admins manage and read their team’s alerts (events and deliveries included); organization-wide ones stay with organization admins', async () => {
    const org = await organization();
    const [team, other] = [await createTeam(app, org.admin, org.id), await createTeam(app, org.admin, org.id)];
    const teamAdmin = await addMember(app, org.admin, org.id, { teams: [{ teamId: team.id, role: 'ADMIN' }] });
    const teamBilling = await addMember(app, org.admin, org.id, { teams: [{ teamId: team.id, role: 'BILLING' }] });
    const developer = await addMember(app, org.admin, org.id, { teams: [{ teamId: team.id, role: 'DEVELOPER' }] });
    const own = await app.data(CREATE_ALERT, { input: { organizationId: org.id, teamId: team.id, threshold: '1', period: 'MONTH' } }, { token: teamAdmin.token });
    expect(own.createSpendingAlert.userErrors).toEqual([]);
    const orgWide = await app.gql(CREATE_ALERT, { input: { organizationId: org.id, threshold: '1', period: 'MONTH' } }, { token: teamAdmin.token });
    expect(orgWide.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ORGANIZATION_ADMIN_REQUIRED' });
    const elsewhere = await app.gql(CREATE_ALERT, { input: { organizationId: org.id, teamId: other.id, threshold: '1', period: 'MONTH' } }, { token: teamAdmin.token });
    expect(elsewhere.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await app.data(CREATE_ALERT, { input: { organizationId: org.id, threshold: '1000', period: 'MONTH' } }, { token: org.admin.token });
    await ingest([usage(team.username, new Date().toISOString(), '2', '1')]);
    await app.drainEvaluations();

    const TEAM_ALERTS = `query($u: String!) { team(username: $u) { spendingAlerts { edges { node { id threshold events { spend } deliveries { status } } } } } }`;
    for (const who of [teamAdmin, teamBilling, org.admin]) {
      const { team: result } = await app.data(TEAM_ALERTS, { u: team.username }, { token: who.token });
      expect(result.spendingAlerts.edges.map((e: any) => e.node)).toEqual([{ id: own.createSpendingAlert.alert.id, threshold: '1', events: [{ spend: '2' }], deliveries: [] }]);
    }
    const byDeveloper = await app.gql(TEAM_ALERTS, { u: team.username }, { token: developer.token });
    expect(byDeveloper.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'USAGE_ROLE_REQUIRED' });
    expect((await app.gql(TEAM_ALERTS, { u: other.username }, { token: teamAdmin.token })).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const orgAlerts = await app.gql(`query($slug: String!) { organization(slug: $slug) { spendingAlerts { totalCount } } }`, { slug: org.slug }, { token: teamAdmin.token });
    expect(orgAlerts.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const raised = await app.data(`mutation($input: UpdateSpendingAlertInput!) { updateSpendingAlert(input: $input) { alert { threshold } userErrors { code } } }`, { input: { alertId: own.createSpendingAlert.alert.id, threshold: '3' } }, { token: teamAdmin.token });
    expect(raised.updateSpendingAlert).toEqual({ alert: { threshold: '3' }, userErrors: [] });
  });

  it('refuses bad input with clear userErrors', async () => {
    const org = await organization();
    const create = async (input: Record<string, unknown>) =>
      (await app.data(CREATE_ALERT, { input: { organizationId: org.id, period: 'DAY', threshold: '10', ...input } }, { token: org.admin.token })).createSpendingAlert.userErrors;
    expect(await create({ threshold: '-5' })).toEqual([{ field: ['input', 'threshold'], code: 'INVALID' }]);
    expect(await create({ threshold: 'ten' })).toEqual([{ field: ['input', 'threshold'], code: 'INVALID' }]);
    expect(await create({ currency: 'EUR' })).toEqual([{ field: ['input', 'currency'], code: 'UNSUPPORTED_CURRENCY' }]);
    expect(await create({ webhookUrl: 'ftp://example.com/hook' })).toEqual([{ field: ['input', 'webhookUrl'], code: 'INVALID_URL' }]);
    expect(await create({ recipients: ['not-an-email'] })).toEqual([{ field: ['input', 'recipients'], code: 'INVALID' }]);
    for (const threshold of ['0', '0.00', '1e3', '12,50', '1.2.3', '', ' 5', '0.0000000000001']) {
      expect([threshold, await create({ threshold })]).toEqual([threshold, [{ field: ['input', 'threshold'], code: 'INVALID' }]]);
    }
    expect(await create({ currency: 'XYZ' })).toEqual([{ field: ['input', 'currency'], code: 'UNSUPPORTED_CURRENCY' }]);
    for (const webhookUrl of ['javascript:alert(1)', 'file:///etc/passwd', 'not a url', '//example.com/hook']) {
      expect([webhookUrl, await create({ webhookUrl })]).toEqual([webhookUrl, [{ field: ['input', 'webhookUrl'], code: 'INVALID_URL' }]]);
    }
    const { createSpendingAlert: good } = await app.data(CREATE_ALERT, { input: { organizationId: org.id, period: 'DAY', threshold: '10' } }, { token: org.admin.token });
    const update = async (threshold: string) =>
      (await app.data(`mutation($input: UpdateSpendingAlertInput!) { updateSpendingAlert(input: $input) { alert { threshold } userErrors { field code } } }`, { input: { alertId: good.alert.id, threshold } }, { token: org.admin.token })).updateSpendingAlert;
    expect(await update('-1')).toEqual({ alert: null, userErrors: [{ field: ['input', 'threshold'], code: 'INVALID' }] });
    expect(await update('abc')).toEqual({ alert: null, userErrors: [{ field: ['input', 'threshold'], code: 'INVALID' }] });
    const settings = await app.data(`mutation($input: UpdateBillingSettingsInput!) { updateBillingSettings(input: $input) { timezone userErrors { field code } } }`, { input: { organizationId: org.id, timezone: 'Mars/Olympus_Mons' } }, { token: org.admin.token });
    expect(settings.updateBillingSettings).toEqual({ timezone: null, userErrors: [{ field: ['input', 'timezone'], code: 'INVALID' }] });
    for (const month of ['2025-00', '25-03', '2025-3', '2025-03-01']) {
      expect([month, (await close(month)).userErrors]).toEqual([month, [{ field: ['input', 'month'], code: 'INVALID_MONTH' }]]);
      const summary = await app.gql(`query($slug: String!, $month: String!) { organization(slug: $slug) { billingSummary(month: $month) { total } } }`, { slug: org.slug, month }, { token: org.admin.token });
      expect([month, summary.body.errors?.[0]?.extensions]).toEqual([month, expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'month' })]);
    }
    const noMonth = await fetch(`${app.url}/v1/organization/billing/focus`, { headers: { authorization: `Key ${org.adminKey}` } });
    expect([noMonth.status, ((await noMonth.json())).error.message]).toEqual([400, expect.stringMatching(/YYYY-MM/)]);
    expect((await close('2025-3')).userErrors).toEqual([{ field: ['input', 'month'], code: 'INVALID_MONTH' }]);
    expect((await close('2999-01')).userErrors).toEqual([{ field: ['input', 'month'], code: 'MONTH_NOT_OVER' }]);
    const denied = await app.gql(CLOSE, { input: { month: '2020-01' } }, { token: org.admin.token });
    expect(denied.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OPERATOR_REQUIRED' });
    const badMonth = await app.gql(INVOICES, { slug: org.slug, month: 'March' }, { token: org.admin.token });
    expect(badMonth.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'month' });
  });
});
