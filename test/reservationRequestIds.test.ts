import { startTestApp, TEST_INGEST_TOKEN, type TestApp } from './support/testApp';
import { createOrganization, createTeam, signUp, unique } from './support/factories';
import { globalId, localId } from './support/people';
import { Team } from '../src/teams/team.entity';

// Red-team D1: a request id already reserved in the organization (by another key, or settled/expired) answered
// `reserved: true` without holding anything against this key's hard budgets.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ BUDGET_RESERVATION_TTL_SECONDS: '30' });
});
afterAll(() => app.close());

const SET_BUDGET = `mutation($input: SetBudgetInput!) { setBudget(input: $input) { budget { id } userErrors { field code message } } }`;
const RESERVE = `mutation($input: ReserveSpendInput!) { reserveSpend(input: $input) {
  reserved reservation { requestId amount } budgets { scope current { spend reserved remaining } } userErrors { field code message } } }`;
const INGEST = `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted rejected { index code message } } }`;

async function keyOn(teamGlobalId: string): Promise<{ keyId: string; id: string }> {
  const team = await app.db.getRepository(Team).findOneByOrFail({ id: localId(teamGlobalId) });
  const { apiKey } = await app.server.services.apiKeys.create({ actor: { kind: 'OPERATOR' }, requestId: 't', ip: null }, team, { alias: unique('k'), scope: 'API' as never, ownerId: null });
  return { keyId: apiKey.keyId, id: globalId('ApiKey', apiKey.id) };
}

async function hardKeyBudget(token: string, organizationId: string, key: { id: string }, amount: string) {
  const { setBudget } = await app.data(SET_BUDGET, { input: { subject: { organizationId, scope: 'API_KEY', apiKeyId: key.id }, period: 'MONTH', amount, hard: true } }, { token });
  expect(setBudget.userErrors).toEqual([]);
}

async function reserve(keyId: string, estimatedCost: string, requestId: string) {
  return (await app.data(RESERVE, { input: { keyId, estimatedCost, requestId } }, { bearer: TEST_INGEST_TOKEN })).reserveSpend;
}

describe('reserveSpend request ids', () => {
  it('another key reusing a request id gets REQUEST_ID_IN_USE, not a hold it does not have', async () => {
    const admin = await signUp(app);
    const o = await createOrganization(app, admin);
    const [t1, t2] = [await createTeam(app, admin, o.id), await createTeam(app, admin, o.id)];
    const [k1, k2] = [await keyOn(t1.id), await keyOn(t2.id)];
    await hardKeyBudget(admin.token, o.id, k2, '1');
    expect((await reserve(k2.keyId, '5', 'own')).reserved).toBe(false);
    expect((await reserve(k1.keyId, '5', 'shared')).reserved).toBe(true);

    const stolen = await reserve(k2.keyId, '5', 'shared');
    expect(stolen).toMatchObject({ reserved: false, reservation: null, userErrors: [{ field: ['input', 'requestId'], code: 'REQUEST_ID_IN_USE' }] });
    // The owner's retry is still idempotent.
    expect(await reserve(k1.keyId, '5', 'shared')).toMatchObject({ reserved: true, reservation: { requestId: 'shared', amount: '5' }, userErrors: [] });
    const k2Budget = (await reserve(k2.keyId, '0.5', 'k2-fits')).budgets.find((b: any) => b.scope === 'API_KEY');
    expect(k2Budget.current).toEqual({ spend: '0', reserved: '0.5', remaining: '0.5' });
  });

  it('a settled reservation id replayed after the budget is used up holds nothing and says so', async () => {
    const admin = await signUp(app);
    const o = await createOrganization(app, admin);
    const team = await createTeam(app, admin, o.id);
    const k = await keyOn(team.id);
    await hardKeyBudget(admin.token, o.id, k, '5');
    expect((await reserve(k.keyId, '5', 'old-req')).reserved).toBe(true);
    const ing = await app.data(INGEST, { input: { records: [{ id: 'old-req', timestamp: new Date().toISOString(), teamUsername: team.username, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', quantity: '1', unitPrice: '5', auth: { kind: 'API_KEY', keyId: k.keyId } }] } }, { bearer: TEST_INGEST_TOKEN });
    expect(ing.ingestUsage.rejected).toEqual([]);
    expect((await reserve(k.keyId, '5', 'new-req')).reserved).toBe(false);
    expect(await reserve(k.keyId, '5', 'old-req')).toMatchObject({ reserved: false, reservation: null, userErrors: [{ field: ['input', 'requestId'], code: 'RESERVATION_ENDED' }] });
  });

  it('an expired reservation id does not count as held', async () => {
    const admin = await signUp(app);
    const o = await createOrganization(app, admin);
    const team = await createTeam(app, admin, o.id);
    const k = await keyOn(team.id);
    await hardKeyBudget(admin.token, o.id, k, '5');
    expect((await reserve(k.keyId, '5', 'will-expire')).reserved).toBe(true);
    await app.db.query(`UPDATE budget_reservations SET expires_at = now() - interval '1 second' WHERE request_id = 'will-expire' AND organization_id = $1`, [localId(o.id)]);
    expect(await reserve(k.keyId, '5', 'will-expire')).toMatchObject({ reserved: false, userErrors: [{ code: 'RESERVATION_ENDED' }] });
  });
});
