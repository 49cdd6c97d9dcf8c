import { startTestApp, TEST_INGEST_TOKEN, type TestApp } from './support/testApp';
import { createOrganization, createTeam, signUp, unique } from './support/factories';
import { addMember, localId } from './support/people';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const ALERT_FIELDS = 'id threshold period recipients webhookUrl hardLimit enabled';
const CREATE = `mutation($i: CreateSpendingAlertInput!) { createSpendingAlert(input: $i) { alert { ${ALERT_FIELDS} } userErrors { field code } } }`;
const UPDATE = `mutation($i: UpdateSpendingAlertInput!) { updateSpendingAlert(input: $i) { alert { ${ALERT_FIELDS} } userErrors { field code } } }`;
const ENABLE = `mutation($i: SetSpendingAlertEnabledInput!) { setSpendingAlertEnabled(input: $i) { alert { enabled } userErrors { field code } } }`;
const DELETE = `mutation($i: DeleteSpendingAlertInput!) { deleteSpendingAlert(input: $i) { deletedAlertId userErrors { field code } } }`;
const TEAM_ALERTS = `query($u: String!) { team(username: $u) { spendingAlerts { edges { node { id enabled events { spend } } } } } }`;

const code = (response: any) => response.body.errors?.[0]?.extensions?.code;
const reason = (response: any) => response.body.errors?.[0]?.extensions?.reason;

async function audits(alertId: string) {
  return app.db.query(`SELECT action, changes FROM audit_events WHERE target_type = 'SpendingAlert' AND target_id = $1 ORDER BY created_at`, [localId(alertId)]);
}

async function setup() {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const team = await createTeam(app, admin, org.id);
  const otherTeam = await createTeam(app, admin, org.id);
  const lead = await addMember(app, admin, org.id, { teams: [{ teamId: team.id, role: 'ADMIN' }] });
  const dev = await addMember(app, admin, org.id, { teams: [{ teamId: team.id, role: 'DEVELOPER' }] });
  return { admin, org, team, otherTeam, lead, dev };
}

async function create(token: string, input: Record<string, unknown>) {
  const { createSpendingAlert } = await app.data(CREATE, { i: { period: 'MONTH', threshold: '10', ...input } }, { token });
  expect(createSpendingAlert.userErrors).toEqual([]);
  return createSpendingAlert.alert;
}

async function spend(team: string, amount: string) {
  const record = { id: unique('u'), timestamp: new Date().toISOString(), teamUsername: team, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', quantity: amount, unitPrice: '1' };
  const { ingestUsage } = await app.data(`mutation($i: IngestUsageInput!) { ingestUsage(input: $i) { rejected { code } } }`, { i: { records: [record] } }, { bearer: TEST_INGEST_TOKEN });
  expect(ingestUsage.rejected).toEqual([]);
  // Alerts are evaluated by the queued job: run it before looking.
  await app.drainEvaluations();
}

async function allowed(team: string): Promise<boolean> {
  const { checkModelAccess } = await app.data(
    `query($c: [ModelAccessCheckInput!]!) { checkModelAccess(checks: $c) { allowed } }`,
    { c: [{ teamUsername: team, endpointId: 'fal-ai/flux/dev', surface: 'API' }] },
    { bearer: TEST_INGEST_TOKEN },
  );
  return checkModelAccess[0].allowed;
}

describe('spending alert lifecycle', () => {
  it('updates threshold, period, recipients, webhook URL and hard limit, audited with what changed', async () => {
    const { admin, org } = await setup();
    const alert = await create(admin.token, { organizationId: org.id, recipients: ['a@example.com'] });
    const { updateSpendingAlert } = await app.data(
      UPDATE,
      { i: { alertId: alert.id, threshold: '25.5', period: 'DAY', recipients: ['b@example.com', 'c@example.com'], webhookUrl: 'https://hooks.example.com/orgraph', hardLimit: true } },
      { token: admin.token },
    );
    expect(updateSpendingAlert).toEqual({
      alert: { id: alert.id, threshold: '25.5', period: 'DAY', recipients: ['b@example.com', 'c@example.com'], webhookUrl: 'https://hooks.example.com/orgraph', hardLimit: true, enabled: true },
      userErrors: [],
    });
    // Omitted fields stay; null removes the webhook.
    const partial = await app.data(UPDATE, { i: { alertId: alert.id, webhookUrl: null } }, { token: admin.token });
    expect(partial.updateSpendingAlert.alert).toMatchObject({ threshold: '25.5', period: 'DAY', webhookUrl: null, hardLimit: true });
    // Changing nothing writes nothing.
    await app.data(UPDATE, { i: { alertId: alert.id, threshold: '25.50' } }, { token: admin.token });
    const events = await audits(alert.id);
    expect(events.map((e: any) => e.action)).toEqual(['spendingAlert.create', 'spendingAlert.update', 'spendingAlert.update']);
    expect(events[1].changes).toEqual({
      threshold: { before: '10', after: '25.5' },
      period: { before: 'MONTH', after: 'DAY' },
      recipients: { before: ['a@example.com'], after: ['b@example.com', 'c@example.com'] },
      webhookUrl: { before: null, after: 'https://hooks.example.com/orgraph' },
      hardLimit: { before: false, after: true },
    });
    expect(events[2].changes).toEqual({ webhookUrl: { before: 'https://hooks.example.com/orgraph', after: null } });

    // Bad values: each a userError on its field, nothing changed.
    const bad = async (input: Record<string, unknown>) => (await app.data(UPDATE, { i: { alertId: alert.id, ...input } }, { token: admin.token })).updateSpendingAlert.userErrors;
    expect(await bad({ threshold: '-1' })).toEqual([{ field: ['input', 'threshold'], code: 'INVALID' }]);
    expect(await bad({ webhookUrl: 'ftp://example.com/x' })).toEqual([{ field: ['input', 'webhookUrl'], code: 'INVALID_URL' }]);
    expect(await bad({ recipients: ['not-an-email'] })).toEqual([{ field: ['input', 'recipients'], code: 'INVALID' }]);
    expect(await bad({ recipients: Array.from({ length: 21 }, (_, i) => `r${i}@example.com`) })).toEqual([{ field: ['input', 'recipients'], code: 'INVALID' }]);
    expect(code(await app.gql(UPDATE, { i: { alertId: alert.id, period: 'YEAR' } }, { token: admin.token }))).toBe('BAD_USER_INPUT');
    expect((await audits(alert.id)).length).toBe(3);
  });

  it('a disabled alert neither fires nor limits; enabling restores both', async () => {
    const { admin, org, team } = await setup();
    const limit = await create(admin.token, { organizationId: org.id, teamId: team.id, threshold: '5', hardLimit: true });
    const { setSpendingAlertEnabled: off } = await app.data(ENABLE, { i: { alertId: limit.id, enabled: false } }, { token: admin.token });
    expect(off).toEqual({ alert: { enabled: false }, userErrors: [] });
    await spend(team.username, '6');
    expect(await allowed(team.username)).toBe(true);
    let listed = (await app.data(TEAM_ALERTS, { u: team.username }, { token: admin.token })).team.spendingAlerts.edges.map((edge: any) => edge.node);
    expect(listed).toEqual([{ id: limit.id, enabled: false, events: [] }]);

    expect((await app.data(ENABLE, { i: { alertId: limit.id, enabled: true } }, { token: admin.token })).setSpendingAlertEnabled.alert.enabled).toBe(true);
    expect(await allowed(team.username)).toBe(false);
    await spend(team.username, '1');
    listed = (await app.data(TEAM_ALERTS, { u: team.username }, { token: admin.token })).team.spendingAlerts.edges.map((edge: any) => edge.node);
    expect(listed[0].events).toHaveLength(1);
    // Setting the state it already has changes (and audits) nothing.
    await app.data(ENABLE, { i: { alertId: limit.id, enabled: true } }, { token: admin.token });
    expect((await audits(limit.id)).map((e: any) => e.action)).toEqual(['spendingAlert.create', 'spendingAlert.disable', 'spendingAlert.enable']);
  });

  it('deleting keeps the history, stops the limit, and the alert is gone for every later change', async () => {
    const { admin, org, team } = await setup();
    const limit = await create(admin.token, { organizationId: org.id, teamId: team.id, threshold: '2', hardLimit: true });
    await spend(team.username, '3');
    expect(await allowed(team.username)).toBe(false);
    const { deleteSpendingAlert } = await app.data(DELETE, { i: { alertId: limit.id } }, { token: admin.token });
    expect(deleteSpendingAlert).toEqual({ deletedAlertId: limit.id, userErrors: [] });
    expect(await allowed(team.username)).toBe(true);
    expect((await app.data(TEAM_ALERTS, { u: team.username }, { token: admin.token })).team.spendingAlerts.edges.map((edge: any) => edge.node)).toEqual([]);
    // History kept: the firing and the alert row itself, and the audit trail.
    expect(await app.db.query(`SELECT count(*)::int AS n FROM alert_events WHERE alert_id = $1`, [localId(limit.id)])).toEqual([{ n: 1 }]);
    expect((await app.db.query(`SELECT deleted_at FROM spending_alerts WHERE id = $1`, [localId(limit.id)]))[0].deleted_at).toBeInstanceOf(Date);
    const events = await audits(limit.id);
    expect(events.map((e: any) => e.action)).toEqual(['spendingAlert.create', 'spendingAlert.delete']);
    expect(events[1].changes.threshold).toEqual({ before: '2', after: null });
    for (const mutation of [DELETE, UPDATE, ENABLE]) {
      const input = mutation === ENABLE ? { alertId: limit.id, enabled: true } : { alertId: limit.id };
      expect(code(await app.gql(mutation, { i: input }, { token: admin.token }))).toBe('NOT_FOUND');
    }
  });

  it('team admins change their team’s alerts only; nothing beyond what they see exists', async () => {
    const { admin, org, team, otherTeam, lead, dev } = await setup();
    const own = await create(lead.token, { organizationId: org.id, teamId: team.id });
    const other = await create(admin.token, { organizationId: org.id, teamId: otherTeam.id });
    const orgWide = await create(admin.token, { organizationId: org.id });
    expect((await app.data(UPDATE, { i: { alertId: own.id, threshold: '11' } }, { token: lead.token })).updateSpendingAlert.userErrors).toEqual([]);
    expect((await app.data(ENABLE, { i: { alertId: own.id, enabled: false } }, { token: lead.token })).setSpendingAlertEnabled.userErrors).toEqual([]);

    // The organization's alert: seen, not theirs to change.
    for (const [mutation, input] of [[UPDATE, { alertId: orgWide.id, threshold: '1' }], [ENABLE, { alertId: orgWide.id, enabled: false }], [DELETE, { alertId: orgWide.id }]] as const) {
      expect(reason(await app.gql(mutation, { i: input }, { token: lead.token }))).toBe('ORGANIZATION_ADMIN_REQUIRED');
    }
    // Another team's alert, another organization's, and an id that is no alert answer alike.
    const stranger = await signUp(app);
    const strangerOrg = await createOrganization(app, stranger);
    const foreign = await create(stranger.token, { organizationId: strangerOrg.id });
    const bogus = Buffer.from('SpendingAlert:00000000-0000-4000-8000-000000000000').toString('base64url');
    const answers = [];
    for (const alertId of [other.id, foreign.id, bogus]) answers.push((await app.gql(DELETE, { i: { alertId } }, { token: lead.token })).body.errors?.[0]);
    expect(answers.map((e: any) => [e.extensions.code, e.message])).toEqual(Array(3).fill(['NOT_FOUND', 'Not found: no such object, or you may not see it.']));
    // Developers of the team see it but do not change its alerts.
    expect(reason(await app.gql(DELETE, { i: { alertId: own.id } }, { token: dev.token }))).toBe('TEAM_ADMIN_REQUIRED');
    expect((await app.data(DELETE, { i: { alertId: own.id } }, { token: lead.token })).deleteSpendingAlert.userErrors).toEqual([]);
    expect((await audits(other.id)).map((e: any) => e.action)).toEqual(['spendingAlert.create']);
    expect((await audits(orgWide.id)).map((e: any) => e.action)).toEqual(['spendingAlert.create']);
  });

  it('a team hard limit stays within a locked organization limit when raised, switched on or resumed', async () => {
    const { admin, org, team } = await setup();
    await create(admin.token, { organizationId: org.id, threshold: '100', hardLimit: true, locked: true });
    const soft = await create(admin.token, { organizationId: org.id, teamId: team.id, threshold: '500' });
    const turnedHard = await app.data(UPDATE, { i: { alertId: soft.id, hardLimit: true } }, { token: admin.token });
    expect(turnedHard.updateSpendingAlert.userErrors).toEqual([{ field: ['input', 'threshold'], code: 'LIMIT_EXCEEDS_ORGANIZATION_LIMIT' }]);
    const within = await app.data(UPDATE, { i: { alertId: soft.id, hardLimit: true, threshold: '50' } }, { token: admin.token });
    expect(within.updateSpendingAlert.userErrors).toEqual([]);
  });
});
