import { DateTime } from 'luxon';
import { startTestApp, TEST_INGEST_TOKEN, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, createTeam, signUp } from './support/factories';

/**
 * A script as a client of the platform API writes it, from the REST contract (docs/rest-contract.md) only:
 * list the organization's teams, then page through one month of usage per team with `team_username` and `cursor`,
 * adding up cost per team. The script below knows nothing of Orgraph (no GraphQL, no helpers): it is run unchanged
 * against Orgraph's REST routes, and its totals are compared with the usage the test ingested.
 */

interface TeamRow {
  username: string;
  name: string;
  is_org_root: boolean;
  created_at: string;
}
interface MonthReport {
  teams: Record<string, { cost: number; quantity: number; pages: number; buckets: string[]; summaryCost: number }>;
}

// ---------------------------------------------------------------- the client script (unchanged platform client)
async function monthlyUsageReport(baseUrl: string, adminKey: string, month: string): Promise<MonthReport> {
  const headers = { Authorization: `Key ${adminKey}` };
  const call = async (path: string) => {
    const response = await fetch(`${baseUrl}${path}`, { headers });
    const body = await response.json();
    if (!response.ok) throw new Error(`${response.status} ${body.error.type}: ${body.error.message} (${body.error.request_id})`);
    return body;
  };

  const { teams } = (await call('/v1/organization/teams')) as { teams: TeamRow[] };
  const start = `${month}-01`;
  const [year, m] = month.split('-').map(Number);
  const end = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;

  const report: MonthReport = { teams: {} };
  for (const team of teams) {
    const entry = { cost: 0, quantity: 0, pages: 0, buckets: [] as string[], summaryCost: 0 };
    let cursor: string | null = null;
    do {
      const params = new URLSearchParams({ start, end, timeframe: 'day', team_username: team.username, expand: 'time_series,summary', limit: '4' });
      if (cursor) params.set('cursor', cursor);
      const page = await call(`/v1/organization/usage?${params}`);
      entry.pages += 1;
      for (const bucket of page.time_series) {
        entry.buckets.push(bucket.bucket);
        for (const item of bucket.results) {
          if (item.username !== team.username) throw new Error(`usage of ${item.username} in ${team.username}'s report`);
          entry.cost += item.cost;
          entry.quantity += item.quantity;
        }
      }
      if (entry.pages === 1) entry.summaryCost = page.summary.reduce((sum: number, item: { cost: number }) => sum + item.cost, 0);
      if (page.has_more !== (page.next_cursor !== null)) throw new Error('has_more does not mirror next_cursor');
      cursor = page.next_cursor;
    } while (cursor);
    report.teams[team.username] = entry;
  }
  return report;
}
// ---------------------------------------------------------------- end of the client script

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const INGEST = `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted rejected { index code } } }`;

it('a platform client script lists teams and pages through a month of usage per team, unchanged', async () => {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const teamA = await createTeam(app, admin, org.id);
  const teamB = await createTeam(app, admin, org.id);
  const emptyTeam = await createTeam(app, admin, org.id);
  const otherOrgAdmin = await signUp(app);
  const otherOrg = await createOrganization(app, otherOrgAdmin);
  const stranger = await createTeam(app, otherOrgAdmin, otherOrg.id);
  const [root] = await app.db.query(`SELECT username FROM teams WHERE id = $1`, [Buffer.from(org.rootTeamId, 'base64url').toString('utf8').split(':')[1]]);
  const adminKey = await createApiKeyFor(app, root.username, 'ADMIN');

  // January 2026: team A uses three endpoints on many days (more items per page than `limit` would hold in one
  // bucket for some days), team B a little, a stranger's team the same days (must never show up).
  const records: any[] = [];
  const expected: Record<string, { cost: number; quantity: number }> = {
    [teamA.username]: { cost: 0, quantity: 0 },
    [teamB.username]: { cost: 0, quantity: 0 },
  };
  let n = 0;
  const endpoints = ['fal-ai/flux/dev', 'fal-ai/flux/schnell', 'fal-ai/veo3'];
  for (let day = 1; day <= 31; day++) {
    const at = DateTime.utc(2026, 1, day, 10, 30);
    const usedEndpoints = endpoints.slice(0, (day % 3) + 1);
    for (const endpointId of usedEndpoints) {
      const quantity = day;
      records.push({ id: `c-${++n}`, timestamp: at.toISO(), teamUsername: teamA.username, product: 'MODEL_APIS', endpointId, quantity: String(quantity), unitPrice: '0.25' });
      expected[teamA.username].cost += quantity * 0.25;
      expected[teamA.username].quantity += quantity;
    }
    if (day % 7 === 0) {
      records.push({ id: `c-${++n}`, timestamp: at.toISO(), teamUsername: teamB.username, product: 'SERVERLESS', endpointId: 'acme/app', unit: 'second', quantity: '2', unitPrice: '1.5' });
      expected[teamB.username].cost += 3;
      expected[teamB.username].quantity += 2;
    }
    records.push({ id: `c-${++n}`, timestamp: at.toISO(), teamUsername: stranger.username, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', quantity: '100', unitPrice: '1' });
  }
  // Outside the month on both sides: must not count.
  records.push({ id: `c-${++n}`, timestamp: '2025-12-31T23:59:59Z', teamUsername: teamA.username, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', quantity: '1000', unitPrice: '1' });
  records.push({ id: `c-${++n}`, timestamp: '2026-02-01T00:00:00Z', teamUsername: teamA.username, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', quantity: '1000', unitPrice: '1' });
  const { ingestUsage } = await app.data(INGEST, { input: { records } }, { bearer: TEST_INGEST_TOKEN });
  expect(ingestUsage.rejected).toEqual([]);
  expect(ingestUsage.accepted).toBe(records.length);

  const report = await monthlyUsageReport(app.url, adminKey, '2026-01');

  expect(Object.keys(report.teams).sort()).toEqual([root.username, teamA.username, teamB.username, emptyTeam.username].sort());
  const days = Array.from({ length: 31 }, (_, i) => DateTime.utc(2026, 1, i + 1).toISO({ suppressMilliseconds: true }));
  for (const username of Object.keys(report.teams)) {
    const entry = report.teams[username];
    expect(entry.buckets).toEqual(days); // every day once, in order, UTC labels, across all pages
    expect(entry.cost).toBeCloseTo(expected[username]?.cost ?? 0, 9);
    expect(entry.quantity).toBe(expected[username]?.quantity ?? 0);
    expect(entry.summaryCost).toBeCloseTo(expected[username]?.cost ?? 0, 9);
  }
  // Team A has 2 items a day on average: with limit 4, its month needs many pages; the empty teams' buckets
  // hold no items, so their whole month fits one page.
  expect(report.teams[teamA.username].pages).toBeGreaterThan(10);
  expect(report.teams[emptyTeam.username].pages).toBe(1);
});
