import { DateTime } from 'luxon';
import { startTestApp, TEST_INGEST_TOKEN, TEST_OPERATOR_TOKEN, type TestApp } from './support/testApp';
import { createOrganization, createTeam, signUp, unique, type SignedUpUser } from './support/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const INGEST_USAGE = `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted duplicates rejected { index code } } }`;
const INGEST_REQUESTS = `mutation($input: IngestRequestsInput!) { ingestRequests(input: $input) { accepted duplicates rejected { index code } } }`;
const SET_RETENTION = `mutation($input: SetOrganizationRawRecordRetentionInput!) {
  setOrganizationRawRecordRetention(input: $input) { organization { rawRecordRetentionMonths } userErrors { field code message } }
}`;
const APPLY = `mutation($input: ApplyRawRecordRetentionInput!) {
  applyRawRecordRetention(input: $input) { droppedPartitions deletedUsageRecords deletedRequestRecords userErrors { code } }
}`;
const CLOSE = `mutation($input: CloseBillingPeriodInput!) { closeBillingPeriod(input: $input) { issued userErrors { code } } }`;
const INVOICES = `query($slug: String!, $month: String!) { organization(slug: $slug) { invoices(month: $month, first: 10) { edges { node { total } } } } }`;
const AUDIT = `query($s: String!) { organization(slug: $s) { auditLog(first: 50) { edges { node { action changes { field before after } } } } } }`;

/** Mid-month instants, `monthsAgo` UTC calendar months before the current one. */
const monthsAgo = (months: number) => DateTime.utc().startOf('month').minus({ months }).plus({ days: 14, hours: 12 });
const monthName = (at: DateTime) => at.toFormat('yyyy-MM');
const partitionName = (table: string, at: DateTime) => `${table}_${at.toFormat('yyyyMM')}`;

async function organization() {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const team = await createTeam(app, admin, org.id);
  return { admin, org, team };
}

async function ingestUsage(records: Array<{ id: string; team: string; at: DateTime; cost?: string }>) {
  const { ingestUsage: result } = await app.data(
    INGEST_USAGE,
    {
      input: {
        records: records.map((r) => ({ id: r.id, timestamp: r.at.toISO(), teamUsername: r.team, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', quantity: '1', unitPrice: r.cost ?? '2' })),
      },
    },
    { bearer: TEST_INGEST_TOKEN },
  );
  expect(result.rejected).toEqual([]);
  return result;
}

async function ingestRequests(records: Array<{ id: string; team: string; at: DateTime; user: SignedUpUser }>) {
  const { ingestRequests: result } = await app.data(
    INGEST_REQUESTS,
    {
      input: {
        records: records.map((r) => ({
          id: r.id, teamUsername: r.team, endpointId: 'fal-ai/flux/dev', status: 'SUCCEEDED', startedAt: r.at.toISO(),
          auth: { kind: 'LOGIN', userId: r.user.id },
        })),
      },
    },
    { bearer: TEST_INGEST_TOKEN },
  );
  expect(result.rejected).toEqual([]);
  return result;
}

const rawUsage = async (teamUsername: string) =>
  (await app.db.query(`SELECT u.id, u.ts FROM usage_records u JOIN teams t ON t.id = u.team_id WHERE t.username = $1 ORDER BY u.id`, [teamUsername])).map(
    (r: { id: string }) => r.id,
  );
const rawRequests = async (teamUsername: string) =>
  (await app.db.query(`SELECT r.id FROM request_records r JOIN teams t ON t.id = r.team_id WHERE t.username = $1 ORDER BY r.id`, [teamUsername])).map(
    (r: { id: string }) => r.id,
  );
const rollupCost = async (teamUsername: string) => {
  const sums: Array<{ table: string; cost: string | null; records: string | null }> = await app.db.query(
    `SELECT tbl AS table, sum(cost)::text AS cost, sum(records)::text AS records FROM (
       SELECT 'r15m' AS tbl, cost, records, team_id FROM usage_rollup_15m UNION ALL
       SELECT 'r1h', cost, records, team_id FROM usage_rollup_1h UNION ALL
       SELECT 'r1d', cost, records, team_id FROM usage_rollup_1d) x
      WHERE team_id = (SELECT id FROM teams WHERE username = $1) GROUP BY tbl ORDER BY tbl`,
    [teamUsername],
  );
  return sums;
};
const partitionExists = async (name: string) => (await app.db.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [name]))[0].present as boolean;

describe('raw record retention by monthly partition', () => {
  it('the retention setting is an organization ADMIN setting with a documented default, validated and audited', async () => {
    const { admin, org } = await organization();
    const outsider = await signUp(app);
    const READ = `query($s: String!) { organization(slug: $s) { rawRecordRetentionMonths } }`;
    expect((await app.data(READ, { s: org.slug }, { token: admin.token })).organization.rawRecordRetentionMonths).toBe(13);

    for (const months of [0, 121, -3]) {
      const bad = await app.data(SET_RETENTION, { input: { organizationId: org.id, months } }, { token: admin.token });
      expect(bad.setOrganizationRawRecordRetention.userErrors).toEqual([expect.objectContaining({ field: ['input', 'months'], code: 'OUT_OF_RANGE' })]);
    }
    const denied = await app.gql(SET_RETENTION, { input: { organizationId: org.id, months: 2 } }, { token: outsider.token });
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const ok = await app.data(SET_RETENTION, { input: { organizationId: org.id, months: 4 } }, { token: admin.token });
    expect(ok.setOrganizationRawRecordRetention).toEqual({ organization: { rawRecordRetentionMonths: 4 }, userErrors: [] });
    const audit = await app.data(AUDIT, { s: org.slug }, { token: admin.token });
    const event = audit.organization.auditLog.edges.map((e: any) => e.node).find((n: any) => n.action === 'organization.rawRecordRetention');
    expect(event.changes).toEqual([{ field: 'rawRecordRetentionMonths', before: '13', after: '4' }]);

    // Only operators apply retention.
    const notOperator = await app.gql(APPLY, { input: {} }, { token: admin.token });
    expect(notOperator.body.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
  });

  it('drops whole partitions every organization has let go, deletes one organization’s rows inside shared ones, keeps rollups and invoices', async () => {
    const short = await organization(); // 3 months
    const long = await organization(); // default 13 months
    await app.data(SET_RETENTION, { input: { organizationId: short.org.id, months: 3 } }, { token: short.admin.token });

    const ancient = monthsAgo(16); // beyond everyone's retention: its partition goes
    const middle = monthsAgo(6); // beyond the short organization's, within the default
    const recent = monthsAgo(1);
    const now = DateTime.utc().minus({ minutes: 5 });
    const prefix = unique('ret');
    const records = (team: string, tag: string) => [
      { id: `${prefix}-${tag}-ancient`, team, at: ancient },
      { id: `${prefix}-${tag}-middle`, team, at: middle },
      { id: `${prefix}-${tag}-recent`, team, at: recent },
      { id: `${prefix}-${tag}-now`, team, at: now },
    ];
    expect((await ingestUsage([...records(short.team.username, 's'), ...records(long.team.username, 'l')])).accepted).toBe(8);
    expect((await ingestRequests([...records(short.team.username, 's'), ...records(long.team.username, 'l')].map((r) => ({ ...r, user: r.team === short.team.username ? short.admin : long.admin }))))).toMatchObject({ accepted: 8 });
    // Partitions were created on demand for the late months.
    expect(await partitionExists(partitionName('usage_records', ancient))).toBe(true);
    expect(await partitionExists(partitionName('request_records', ancient))).toBe(true);

    // Invoices for the ancient month are issued before retention; the middle month's after it (from rollups alone).
    expect((await app.data(CLOSE, { input: { month: monthName(ancient) } }, { bearer: TEST_OPERATOR_TOKEN })).closeBillingPeriod.userErrors).toEqual([]);
    const rollupsBefore = [await rollupCost(short.team.username), await rollupCost(long.team.username)];
    expect(rollupsBefore[0].map((r) => r.cost)).toEqual(['8', '8', '8']);

    const { applyRawRecordRetention: run } = await app.data(APPLY, { input: {} }, { bearer: TEST_OPERATOR_TOKEN });
    expect(run.userErrors).toEqual([]);
    expect(run.droppedPartitions).toEqual(expect.arrayContaining([partitionName('usage_records', ancient), partitionName('request_records', ancient)]));
    // Only the short organization's middle-month rows were deleted row by row; the ancient ones left with their partition.
    expect(run.deletedUsageRecords).toBe(1);
    expect(run.deletedRequestRecords).toBe(1);

    expect(await partitionExists(partitionName('usage_records', ancient))).toBe(false);
    expect(await partitionExists(partitionName('request_records', ancient))).toBe(false);
    expect(await partitionExists(partitionName('usage_records', middle))).toBe(true);
    expect(await rawUsage(short.team.username)).toEqual([`${prefix}-s-now`, `${prefix}-s-recent`]);
    expect(await rawUsage(long.team.username)).toEqual([`${prefix}-l-middle`, `${prefix}-l-now`, `${prefix}-l-recent`]);
    expect(await rawRequests(short.team.username)).toEqual([`${prefix}-s-now`, `${prefix}-s-recent`]);
    expect(await rawRequests(long.team.username)).toEqual([`${prefix}-l-middle`, `${prefix}-l-now`, `${prefix}-l-recent`]);

    // Rollups, invoices and the audit trail outlive raw records.
    expect([await rollupCost(short.team.username), await rollupCost(long.team.username)]).toEqual(rollupsBefore);
    const ancientInvoices = await app.data(INVOICES, { slug: short.org.slug, month: monthName(ancient) }, { token: short.admin.token });
    expect(ancientInvoices.organization.invoices.edges.map((e: any) => e.node.total)).toEqual(['2.00']);
    expect((await app.data(CLOSE, { input: { month: monthName(middle) } }, { bearer: TEST_OPERATOR_TOKEN })).closeBillingPeriod.userErrors).toEqual([]);
    const middleInvoices = await app.data(INVOICES, { slug: short.org.slug, month: monthName(middle) }, { token: short.admin.token });
    expect(middleInvoices.organization.invoices.edges.map((e: any) => e.node.total)).toEqual(['2.00']);
    const audit = await app.data(AUDIT, { s: short.org.slug }, { token: short.admin.token });
    expect(audit.organization.auditLog.edges.map((e: any) => e.node.action)).toContain('organization.rawRecordRetentionApplied');

    // A record re-sent after its partition was dropped is still a duplicate: the id ledger outlives raw records.
    const resent = await ingestUsage([{ id: `${prefix}-s-ancient`, team: short.team.username, at: ancient }]);
    expect(resent).toMatchObject({ accepted: 0, duplicates: 1 });
    const resentRequest = await ingestRequests([{ id: `${prefix}-s-ancient`, team: short.team.username, at: ancient, user: short.admin }]);
    expect(resentRequest).toMatchObject({ accepted: 0, duplicates: 1 });
    expect([await rollupCost(short.team.username), await rollupCost(long.team.username)]).toEqual(rollupsBefore);

    // Running it again finds nothing more to do.
    const again = (await app.data(APPLY, { input: {} }, { bearer: TEST_OPERATOR_TOKEN })).applyRawRecordRetention;
    expect(again).toMatchObject({ deletedUsageRecords: 0, deletedRequestRecords: 0 });
    expect(again.droppedPartitions).not.toContain(partitionName('usage_records', middle));
  });

  it('concurrent first writers of a month nobody has written yet all succeed: the partition is made once, nothing fails', async () => {
    const { team } = await organization();
    // A fresh month per round, written by 8 requests at once (each its own record, so each must be stored). Before
    // the partition function re-read the catalog after its lock, about one round in twenty answered a 500
    // ("relation … already exists") to the writers that lost the race.
    for (let round = 0; round < 24; round++) {
      const at = DateTime.fromISO('2003-01-15T12:00:00Z').plus({ months: round });
      const writers = Array.from({ length: 8 }, (_, writer) => ({ id: unique(`first-${round}-${writer}`), team: team.username, at }));
      const results = await Promise.all(writers.map((record) => app.gql(INGEST_USAGE, { input: { records: [{ id: record.id, timestamp: at.toISO(), teamUsername: team.username, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', quantity: '1', unitPrice: '2' }] } }, { bearer: TEST_INGEST_TOKEN })));
      expect([round, results.map((r) => r.body.errors ?? r.body.data.ingestUsage.accepted)]).toEqual([round, Array(8).fill(1)]);
      const [partition] = await app.db.query(`SELECT count(*)::int AS n FROM pg_class WHERE relname = $1`, [partitionName('usage_records', at)]);
      expect(partition.n).toBe(1);
    }
  });

  it('one id is one record across partitions: the same id with timestamps in two months counts once', async () => {
    const { team } = await organization();
    const id = unique('same');
    const first = await ingestUsage([{ id, team: team.username, at: monthsAgo(2), cost: '5' }]);
    const second = await ingestUsage([{ id, team: team.username, at: monthsAgo(0).minus({ days: 14 }), cost: '7' }]);
    expect(first).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(second).toMatchObject({ accepted: 0, duplicates: 1 });
    // Concurrent retries of a batch spanning three months: exactly one copy of each.
    const batch = [0, 1, 2].map((m) => ({ id: `${id}-m${m}`, team: team.username, at: monthsAgo(m).minus({ days: 13 }) }));
    const results = await Promise.all(Array.from({ length: 4 }, () => ingestUsage(batch)));
    expect(results.reduce((sum, r) => sum + r.accepted, 0)).toBe(3);
    expect(await rawUsage(team.username)).toEqual([id, `${id}-m0`, `${id}-m1`, `${id}-m2`]);
    expect((await rollupCost(team.username)).map((r) => r.cost)).toEqual(['11', '11', '11']);

    const requestId = unique('req');
    const user = await signUp(app);
    const r1 = await ingestRequests([{ id: requestId, team: team.username, at: monthsAgo(2), user }]);
    const r2 = await ingestRequests([{ id: requestId, team: team.username, at: monthsAgo(0).minus({ days: 14 }), user }]);
    expect([r1.accepted, r2.accepted, r2.duplicates]).toEqual([1, 0, 1]);
    expect(await rawRequests(team.username)).toEqual([requestId]);
  });
});
