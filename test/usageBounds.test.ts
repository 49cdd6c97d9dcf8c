import { startTestApp, TEST_INGEST_TOKEN, type TestApp } from './support/testApp';
import { createOrganization, createTeam, signUp, unique } from './support/factories';

// Red-team D13: ingest accepted quantity and unit price of 20 digits each, so costs (and their sums) came out with 40
// integer digits although the Decimal scalar promises at most 20. A record's quantity is bounded by 10^15 and its
// cost by 10^12 USD, so sums of fewer than 10^8 records stay within the scalar.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const INGEST = `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted rejected { index field code } } }`;
const SUMMARY = `query($s: String!) { organization(slug: $s) { usage(start: "2025-01-01", expand: [SUMMARY]) { summary { quantity cost } } } }`;

it('refuses records whose quantity or cost would exceed the stated bounds, and outputs stay within 20 integer digits', async () => {
  const admin = await signUp(app);
  const o = await createOrganization(app, admin);
  const team = await createTeam(app, admin, o.id);
  const record = (fields: Record<string, string>) => ({ id: unique('r'), timestamp: new Date().toISOString(), teamUsername: team.username, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', ...fields });
  const { ingestUsage } = await app.data(INGEST, {
    input: {
      records: [
        record({ quantity: '99999999999999999999', unitPrice: '99999999999999999999' }),
        record({ quantity: '1000000000000000.000000000001', unitPrice: '0' }),
        record({ quantity: '1000001', unitPrice: '1000000' }),
        record({ quantity: '1', unitPrice: '1', cost: '1000000000000.000000000001' }),
        // At the bounds: accepted.
        record({ quantity: '1000000000000000', unitPrice: '0.001' }),
        record({ quantity: '1', unitPrice: '1000000000000' }),
        record({ quantity: '1', unitPrice: '1', cost: '1000000000000' }),
      ],
    },
  }, { bearer: TEST_INGEST_TOKEN });
  expect(ingestUsage).toEqual({
    accepted: 3,
    rejected: [
      { index: 0, field: 'quantity', code: 'OUT_OF_RANGE' },
      { index: 1, field: 'quantity', code: 'OUT_OF_RANGE' },
      { index: 2, field: 'unitPrice', code: 'OUT_OF_RANGE' },
      { index: 3, field: 'cost', code: 'OUT_OF_RANGE' },
    ],
  });
  const { organization } = await app.data(SUMMARY, { s: o.slug }, { token: admin.token });
  expect(organization.usage.summary).toEqual([{ quantity: '1000000000000002', cost: '3000000000000' }]);
  for (const value of Object.values<string>(organization.usage.summary[0])) expect(value.split('.')[0].length).toBeLessThanOrEqual(20);
});
