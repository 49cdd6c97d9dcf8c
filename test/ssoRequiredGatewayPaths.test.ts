import { startTestApp, TEST_INGEST_TOKEN, type TestApp } from './support/testApp';
import { createOrganization, createTeam, signUp, unique } from './support/factories';
import { globalId, localId } from './support/people';
import { Team } from '../src/teams/team.entity';

// Red-team D11: "SSO required" was enforced on organization()/team() but not on the gateway-facing paths
// (checkModelAccess, reserveSpend), which organization admins may also call.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const CHECK = `query($c: [ModelAccessCheckInput!]!) { checkModelAccess(checks: $c) { allowed budgets { key amount current { spend remaining } } } }`;
const RESERVE = `mutation($input: ReserveSpendInput!) { reserveSpend(input: $input) { reserved reservation { amount } userErrors { code } } }`;

it('a password session of an admin is refused SSO_REQUIRED by checkModelAccess and reserveSpend; the gateway is not', async () => {
  const admin = await signUp(app);
  const o = await createOrganization(app, admin);
  const team = await createTeam(app, admin, o.id);
  const t = await app.db.getRepository(Team).findOneByOrFail({ id: localId(team.id) });
  const { apiKey } = await app.server.services.apiKeys.create({ actor: { kind: 'OPERATOR' }, requestId: 't', ip: null }, t, { alias: unique('k'), scope: 'API' as never, ownerId: null });
  const set = await app.data(`mutation($input: SetBudgetInput!) { setBudget(input: $input) { userErrors { code } } }`, { input: { subject: { organizationId: o.id, scope: 'API_KEY', apiKeyId: globalId('ApiKey', apiKey.id) }, period: 'MONTH', amount: '7.5', hard: true } }, { token: admin.token });
  expect(set.setBudget.userErrors).toEqual([]);
  const checks = [{ teamUsername: team.username, endpointId: 'fal-ai/flux/dev', surface: 'API', keyId: apiKey.keyId }];

  // Control: before SSO is required, the admin's password session may ask both.
  expect((await app.gql(CHECK, { c: checks }, { token: admin.token })).body.data.checkModelAccess).toHaveLength(1);

  // The organization now requires SSO (the row updateOrganizationPolicy leaves; the IdP set-up is covered in sso.test.ts).
  await app.db.query(`INSERT INTO organization_policy_settings (organization_id, setting, value, locked, updated_at) VALUES ($1, 'ssoRequired', 'true'::jsonb, false, now())`, [localId(o.id)]);
  const refusedOrg = await app.gql(`query($s: String!) { organization(slug: $s) { name } }`, { s: o.slug }, { token: admin.token });
  const ssoRequired = { code: 'FORBIDDEN', reason: 'SSO_REQUIRED' };
  expect(refusedOrg.body.errors![0].extensions).toMatchObject(ssoRequired);

  const check = await app.gql(CHECK, { c: checks }, { token: admin.token });
  expect(check.body.data?.checkModelAccess ?? null).toBeNull();
  expect(check.body.errors![0].extensions).toMatchObject(ssoRequired);
  expect(check.body.errors![0].message).toMatch(/requires signing in through its identity provider/);

  const reserve = await app.gql(RESERVE, { input: { keyId: apiKey.keyId, estimatedCost: '7.5', requestId: unique('r') } }, { token: admin.token });
  expect(reserve.body.data?.reserveSpend ?? null).toBeNull();
  expect(reserve.body.errors![0].extensions).toMatchObject(ssoRequired);
  expect(await app.db.query(`SELECT 1 FROM budget_reservations WHERE organization_id = $1`, [localId(o.id)])).toEqual([]);

  // The gateway's credential is not a person's session: it keeps working.
  expect((await app.data(CHECK, { c: checks }, { bearer: TEST_INGEST_TOKEN })).checkModelAccess).toHaveLength(1);
  expect((await app.data(RESERVE, { input: { keyId: apiKey.keyId, estimatedCost: '7.5', requestId: unique('r') } }, { bearer: TEST_INGEST_TOKEN })).reserveSpend.reserved).toBe(true);
});
