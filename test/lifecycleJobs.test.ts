import { DateTime } from 'luxon';
import { startTestApp, TEST_INGEST_TOKEN, TEST_OPERATOR_TOKEN, type TestApp } from './support/testApp';
import { createOrganization, createTeam, signUp, unique } from './support/factories';
import { localId } from './support/people';
import { startServer, type RunningServer } from '../src/app/server';
import { createLogger } from '../src/core/logger';
import { QUEUES } from '../src/jobs/jobQueue';

// The evaluation worker only runs when a test drains it, so a burst is seen before anything evaluates it.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ EVALUATION_POLL_MS: '3600000', RETENTION_SCHEDULE: 'off', JOB_CRON_CHECK_SECONDS: '1', RETENTION_POLL_MS: '100' });
});
afterAll(() => app.close());

const INGEST = `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted rejected { code } } }`;
const CREATE_ALERT = `mutation($input: CreateSpendingAlertInput!) { createSpendingAlert(input: $input) { alert { id } userErrors { code } } }`;
const SET_BUDGET = `mutation($input: SetBudgetInput!) { setBudget(input: $input) { budget { id } userErrors { code message } } }`;
const SET_RETENTION = `mutation($input: SetOrganizationRawRecordRetentionInput!) { setOrganizationRawRecordRetention(input: $input) { userErrors { code } } }`;
const CLOSE = `mutation($input: CloseBillingPeriodInput!) { closeBillingPeriod(input: $input) { userErrors { code } } }`;
const INVOICES = `query($slug: String!, $month: String!) { organization(slug: $slug) { invoices(month: $month, first: 10) { edges { node { total } } } } }`;
const RUNS = `{ retentionRuns(first: 10) { edges { node { trigger jobId status partitionsReady droppedPartitions deletedUsageRecords deletedRequestRecords error } } } }`;
const DEAD = `{ deadLetters(first: 20) { edges { node { kind itemId } } } }`;

async function organization() {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const team = await createTeam(app, admin, org.id);
  return { admin, org, team, uuid: localId(org.id) };
}

async function ingest(team: string, at: DateTime | Date, cost = '1', id = unique('u')) {
  const timestamp = at instanceof Date ? at.toISOString() : at.toISO();
  const record = { id, timestamp, teamUsername: team, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', quantity: '1', unitPrice: cost };
  const { ingestUsage } = await app.data(INGEST, { input: { records: [record] } }, { bearer: TEST_INGEST_TOKEN });
  expect(ingestUsage).toEqual({ accepted: 1, rejected: [] });
}

const jobs = async (queue: string, key?: string) =>
  app.db.query<Array<{ state: string; singleton_on: Date | null; output: Record<string, unknown> | null }>>(
    `SELECT state, singleton_on, output FROM pgboss.job WHERE name = $1 AND ($2::text IS NULL OR singleton_key = $2) ORDER BY created_on`,
    [queue, key ?? null],
  );

async function until(condition: () => Promise<boolean>, ms: number): Promise<void> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    if (await condition()) return;
  }
  throw new Error('condition not met in time');
}

describe('alert and budget evaluation on the job queue', () => {
  it('a burst of ingests queues one evaluation per organization, which fires every alert and budget threshold once', async () => {
    const a = await organization();
    const b = await organization();
    const alert = await app.data(CREATE_ALERT, { input: { organizationId: a.org.id, threshold: '5', period: 'MONTH', webhookUrl: 'http://127.0.0.1:9/hook' } }, { token: a.admin.token });
    expect(alert.createSpendingAlert.userErrors).toEqual([]);
    const budget = await app.data(
      SET_BUDGET,
      { input: { subject: { organizationId: a.org.id, scope: 'ORGANIZATION' }, period: 'MONTH', amount: '10', thresholds: [50, 100], hard: false, webhookUrl: 'http://127.0.0.1:9/budget' } },
      { token: a.admin.token },
    );
    expect(budget.setBudget.userErrors).toEqual([]);

    // 12 concurrent ingests of 1 USD each for A, crossing 5 USD, 50 % and 100 % of 10 USD; one for B.
    const now = new Date();
    await Promise.all([...Array.from({ length: 12 }, () => ingest(a.team.username, now)), ingest(b.team.username, now)]);
    // Ingest answered before anything was evaluated: the evaluation is off the ingest path.
    expect(await app.db.query(`SELECT 1 FROM alert_events e JOIN spending_alerts s ON s.id = e.alert_id WHERE s.organization_id = $1`, [a.uuid])).toEqual([]);
    expect((await jobs(QUEUES.evaluation, a.uuid)).map((job) => job.state)).toEqual(['created']);
    expect((await jobs(QUEUES.evaluation, b.uuid)).map((job) => job.state)).toEqual(['created']);

    await app.drainEvaluations();
    const [done] = await jobs(QUEUES.evaluation, a.uuid);
    expect(done).toMatchObject({ state: 'completed', output: { alertsFired: 1, budgetThresholdsFired: 2 } });
    const fired = async () => ({
      alerts: (await app.db.query(`SELECT count(*)::int AS n FROM alert_events e JOIN spending_alerts s ON s.id = e.alert_id WHERE s.organization_id = $1`, [a.uuid]))[0].n,
      thresholds: (await app.db.query(`SELECT threshold FROM budget_threshold_events WHERE organization_id = $1 ORDER BY threshold`, [a.uuid])).map((r: { threshold: number }) => r.threshold),
      webhooks: (await app.db.query(
        `SELECT count(*)::int AS n FROM webhook_deliveries d
           LEFT JOIN alert_events e ON e.id = d.alert_event_id LEFT JOIN spending_alerts s ON s.id = e.alert_id
           LEFT JOIN budget_threshold_events t ON t.id = d.budget_event_id
          WHERE s.organization_id = $1 OR t.organization_id = $1`,
        [a.uuid],
      ))[0].n,
    });
    expect(await fired()).toEqual({ alerts: 1, thresholds: [50, 100], webhooks: 3 });

    // More spend in the period: one more evaluation, nothing fires twice.
    await Promise.all(Array.from({ length: 5 }, () => ingest(a.team.username, now)));
    expect((await jobs(QUEUES.evaluation, a.uuid)).map((job) => job.state)).toEqual(['completed', 'created']);
    await app.drainEvaluations();
    expect((await jobs(QUEUES.evaluation, a.uuid)).map((job) => job.state)).toEqual(['completed', 'completed']);
    expect(await fired()).toEqual({ alerts: 1, thresholds: [50, 100], webhooks: 3 });
  });

  it('an evaluation that keeps failing is retried, then shows as a dead letter naming the organization', async () => {
    const { admin, org, team, uuid } = await organization();
    await app.data(CREATE_ALERT, { input: { organizationId: org.id, threshold: '1', period: 'MONTH' } }, { token: admin.token });
    const trigger = `eval_fault_${uuid.replace(/-/g, '')}`;
    await app.db.query(`UPDATE pgboss.queue SET retry_limit = 1, retry_delay = 0, retry_backoff = false WHERE name = $1`, [QUEUES.evaluation]);
    await app.db.query(`CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected'; END $$`);
    await app.db.query(`CREATE TRIGGER ${trigger} BEFORE INSERT ON alert_events FOR EACH ROW EXECUTE FUNCTION ${trigger}()`);
    try {
      await ingest(team.username, new Date(), '2');
      await until(async () => {
        await app.server.evaluations.runOnce();
        return (await jobs(QUEUES.evaluation, uuid))[0]?.state === 'failed';
      }, 10_000);
    } finally {
      await app.db.query(`DROP TRIGGER ${trigger} ON alert_events; DROP FUNCTION ${trigger}()`);
      await app.db.query(`UPDATE pgboss.queue SET retry_limit = 5, retry_delay = 2, retry_backoff = true WHERE name = $1`, [QUEUES.evaluation]);
    }
    const { deadLetters } = await app.data(DEAD, {}, { bearer: TEST_OPERATOR_TOKEN });
    expect(deadLetters.edges.map((e: any) => e.node)).toContainEqual({ kind: 'EVALUATION_JOB', itemId: uuid });
    // The next ingest queues a fresh evaluation, which fires the alert.
    await ingest(team.username, new Date(), '2');
    await app.drainEvaluations();
    expect(await app.db.query(`SELECT count(*)::int AS n FROM alert_events e JOIN spending_alerts s ON s.id = e.alert_id WHERE s.organization_id = $1`, [uuid])).toEqual([{ n: 1 }]);
  });
});

/** Mid-month instants, `months` UTC calendar months before the current one. */
const monthsAgo = (months: number) => DateTime.utc().startOf('month').minus({ months }).plus({ days: 14, hours: 12 });
const partition = (table: string, at: DateTime) => `${table}_${at.toFormat('yyyyMM')}`;
const exists = async (name: string) => (await app.db.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [name]))[0].present as boolean;
const rollups = async (team: string) =>
  app.db.query(
    `SELECT 'r15m' AS level, sum(cost)::text AS cost FROM usage_rollup_15m WHERE team_id = (SELECT id FROM teams WHERE username = $1)
     UNION ALL SELECT 'r1d', sum(cost)::text FROM usage_rollup_1d WHERE team_id = (SELECT id FROM teams WHERE username = $1)`,
    [team],
  );
const raw = async (team: string) =>
  (await app.db.query(`SELECT u.id FROM usage_records u JOIN teams t ON t.id = u.team_id WHERE t.username = $1 ORDER BY u.id`, [team])).map((r: { id: string }) => r.id);

describe('raw-record retention on the schedule', () => {
  it('two instances run the schedule once per minute: whole partitions go, next months are prepared, rollups, invoices and audit stay', async () => {
    const second: RunningServer = await startServer({ db: app.db, config: app.config, logger: createLogger('silent'), port: 0 });
    try {
      const short = await organization();
      await app.data(SET_RETENTION, { input: { organizationId: short.org.id, months: 3 } }, { token: short.admin.token });
      const ancient = monthsAgo(16);
      const middle = monthsAgo(6);
      const prefix = unique('sched');
      for (const [tag, at] of [['ancient', ancient], ['middle', middle], ['recent', monthsAgo(1)]] as const) await ingest(short.team.username, at, '2', `${prefix}-${tag}`);
      expect(await exists(partition('usage_records', ancient))).toBe(true);
      expect((await app.data(CLOSE, { input: { month: ancient.toFormat('yyyy-MM') } }, { bearer: TEST_OPERATOR_TOKEN })).closeBillingPeriod.userErrors).toEqual([]);
      const rollupsBefore = await rollups(short.team.username);
      // The month after next is not there yet (it is empty; the run must make it again).
      const ahead = DateTime.utc().startOf('month').plus({ months: 2 });
      for (const table of ['usage_records', 'request_records']) await app.db.query(`DROP TABLE IF EXISTS ${partition(table, ahead)}`);
      expect(await exists(partition('usage_records', ahead))).toBe(false);

      // What RETENTION_SCHEDULE does at start-up, with a schedule due every minute; both instances' clocks tick every second.
      await app.server.jobs.scheduleRetention('* * * * *');
      await until(async () => (await app.db.query(`SELECT 1 FROM retention_runs WHERE status = 'SUCCEEDED'`)).length > 0, 20_000);
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      await app.server.jobs.scheduleRetention(null);
      // A hand-off already sent may still queue one more run: let it finish before counting.
      await until(
        async () =>
          (await app.db.query(`SELECT 1 FROM pgboss.job WHERE name IN ('__pgboss__send-it', $1) AND state IN ('created', 'retry', 'active')`, [QUEUES.retention])).length === 0 &&
          (await app.db.query(`SELECT 1 FROM retention_runs WHERE status = 'RUNNING'`)).length === 0,
        20_000,
      );

      // One job per scheduled minute however many instances looked; one recorded run per job.
      const sent = await jobs(QUEUES.retention);
      const minutes = new Set(sent.map((job) => job.singleton_on?.toISOString()));
      expect(minutes.size).toBe(sent.length);
      expect(sent.length).toBeGreaterThanOrEqual(1);
      expect(sent.length).toBeLessThanOrEqual(2);
      const { retentionRuns } = await app.data(RUNS, {}, { bearer: TEST_OPERATOR_TOKEN });
      const runs = retentionRuns.edges.map((e: any) => e.node);
      expect(runs).toHaveLength(sent.length);
      const first = runs[runs.length - 1];
      expect(first).toMatchObject({ trigger: 'SCHEDULE', status: 'SUCCEEDED', error: null, deletedUsageRecords: 1 });
      expect(first.droppedPartitions).toEqual([partition('usage_records', ancient)]);
      expect(first.partitionsReady).toEqual(expect.arrayContaining([partition('usage_records', ahead), partition('request_records', ahead)]));

      // Records past the setting are gone (the ancient month with its partition); rollups, invoices and audit stay.
      expect(await exists(partition('usage_records', ancient))).toBe(false);
      expect(await exists(partition('usage_records', ahead))).toBe(true);
      expect(await exists(partition('usage_records', middle))).toBe(true);
      expect(await raw(short.team.username)).toEqual([`${prefix}-recent`]);
      expect(await rollups(short.team.username)).toEqual(rollupsBefore);
      const invoices = await app.data(INVOICES, { slug: short.org.slug, month: ancient.toFormat('yyyy-MM') }, { token: short.admin.token });
      expect(invoices.organization.invoices.edges.map((e: any) => e.node.total)).toEqual(['2.00']);
      const audit = await app.db.query(`SELECT action, request_id FROM audit_events WHERE organization_id = $1 AND action = 'organization.rawRecordRetentionApplied'`, [short.uuid]);
      expect(audit[0]?.request_id).toMatch(/^job:/);
    } finally {
      await second.close();
    }
  });

  it('a run that fails is recorded, retried and dead-lettered; the next run cleans up what it left detached', async () => {
    const { team } = await organization();
    const old = monthsAgo(20);
    await ingest(team.username, old, '1');
    const name = partition('usage_records', old);
    // Something outside Orgraph depends on the partition, so it can be detached but not dropped.
    await app.db.query(`CREATE VIEW retention_blocker AS SELECT * FROM ${name}`);
    await app.db.query(`UPDATE pgboss.queue SET retry_limit = 1, retry_delay = 0, retry_backoff = false WHERE name = $1`, [QUEUES.retention]);
    try {
      const jobId = await app.server.jobs.boss.send(QUEUES.retention, {});
      await until(async () => {
        await app.server.retention.runOnce();
        return (await app.db.query(`SELECT state FROM pgboss.job WHERE id = $1`, [jobId]))[0]?.state === 'failed';
      }, 10_000);
      const { retentionRuns } = await app.data(RUNS, {}, { bearer: TEST_OPERATOR_TOKEN });
      expect(retentionRuns.edges.slice(0, 2).map((e: any) => e.node)).toEqual([
        expect.objectContaining({ trigger: 'SCHEDULE', status: 'FAILED', jobId, error: expect.stringMatching(/depend/) }),
        expect.objectContaining({ trigger: 'SCHEDULE', status: 'FAILED' }),
      ]);
      const { deadLetters } = await app.data(DEAD, {}, { bearer: TEST_OPERATOR_TOKEN });
      expect(deadLetters.edges.map((e: any) => e.node)).toContainEqual({ kind: 'RETENTION_JOB', itemId: jobId });
    } finally {
      await app.db.query(`DROP VIEW retention_blocker`);
      await app.db.query(`UPDATE pgboss.queue SET retry_limit = 3, retry_delay = 60, retry_backoff = true WHERE name = $1`, [QUEUES.retention]);
    }
    expect(await exists(name)).toBe(true);
    const { applyRawRecordRetention } = await app.data(`mutation { applyRawRecordRetention(input: {}) { droppedPartitions userErrors { code } } }`, {}, { bearer: TEST_OPERATOR_TOKEN });
    expect(applyRawRecordRetention.droppedPartitions).toContain(name);
    expect(await exists(name)).toBe(false);
    const { retentionRuns } = await app.data(RUNS, {}, { bearer: TEST_OPERATOR_TOKEN });
    expect(retentionRuns.edges[0].node).toMatchObject({ trigger: 'OPERATOR', status: 'SUCCEEDED' });
  });
});
