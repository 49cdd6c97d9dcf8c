import { DateTime } from 'luxon';
import { recordTypes, runApolloCheck } from '../scripts/apolloClientCheck';
import { startTestApp, TEST_INGEST_TOKEN, TEST_OPERATOR_TOKEN, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, createTeam, signUp, unique } from './support/factories';
import { addMember } from './support/people';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

it('Apollo Client (normalized by global id, relayStylePagination) pages through teams, members, keys, invoices and alerts with no cache conflict', async () => {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const teams = [];
  for (let i = 0; i < 4; i += 1) teams.push(await createTeam(app, admin, org.id));
  const team = teams[0];
  for (let i = 0; i < 3; i += 1) await addMember(app, admin, org.id, { teams: [{ teamId: team.id, role: 'DEVELOPER' }] });
  for (let i = 0; i < 5; i += 1) await createApiKeyFor(app, team.username, i % 2 ? 'ADMIN' : 'API');
  const adminKey = await createApiKeyFor(app, org.slug, 'ADMIN');
  for (const [threshold, teamId] of [['100', team.id], ['200', teams[1].id], ['300', null]] as const) {
    await app.data(
      `mutation($input: CreateSpendingAlertInput!) { createSpendingAlert(input: $input) { userErrors { code } } }`,
      { input: { organizationId: org.id, teamId, threshold, period: 'MONTH' } },
      { token: admin.token },
    );
  }
  await app.data(
    `mutation($input: AddModelAccessRuleInput!) { addModelAccessRule(input: $input) { userErrors { code } } }`,
    { input: { organizationId: org.id, teamId: team.id, surface: 'API', pattern: 'fal-ai/flux/*', effect: 'BLOCKED' } },
    { token: admin.token },
  );
  // Three closed months (issued invoices) and the running one (a draft): four invoices of one team.
  const thisMonth = DateTime.utc().startOf('month');
  for (let back = 3; back >= 0; back -= 1) {
    const month = thisMonth.minus({ months: back });
    const record = { id: unique('u'), timestamp: month.plus({ days: 1 }).toISO(), teamUsername: team.username, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', quantity: String(back + 1), unitPrice: '0.5' };
    await app.data(`mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted } }`, { input: { records: [record] } }, { bearer: TEST_INGEST_TOKEN });
    if (back > 0) await app.data(`mutation($input: CloseBillingPeriodInput!) { closeBillingPeriod(input: $input) { issued } }`, { input: { month: month.toFormat('yyyy-MM') } }, { bearer: TEST_OPERATOR_TOKEN });
  }

  const { lists, problems } = await runApolloCheck({
    url: `${app.url}/graphql`,
    authorization: `Key ${adminKey}`,
    organizationSlug: org.slug,
    teamUsername: team.username,
  });
  expect(problems).toEqual([]);
  // Pages of two: the root team and four teams; the admin and three members; five keys plus none of the root's; four
  // invoices (three issued, the draft); three alerts.
  expect(Object.fromEntries(Object.entries(lists).map(([name, ids]) => [name, ids.length]))).toEqual({ teams: 5, members: 4, keys: 5, invoices: 4, alerts: 3 });
});

it('the bookkeeping flags one id under two types (what DecidingRule.id did to Relay and id-keyed caches)', () => {
  const problems: string[] = [];
  recordTypes({ rule: { __typename: 'ModelAccessRule', id: 'TW9kZWw' }, access: { rule: { __typename: 'DecidingRule', id: 'TW9kZWw' } } }, new Map(), problems);
  expect(problems).toEqual(['id TW9kZWw is both a ModelAccessRule and a DecidingRule']);
});
