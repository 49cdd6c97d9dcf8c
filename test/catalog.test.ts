import { startTestApp, type TestApp } from './support/testApp';
import { signUp } from './support/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const CATALOG = `query($filter: ModelEndpointFilter, $first: Int, $after: String) {
  modelEndpoints(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { endpointId product unit enterpriseReady currentUnitPrice priceHistory { effectiveFrom unitPrice } } }
  }
}`;

describe('model catalog', () => {
  it('is seeded with at least 30 endpoints across the three product lines', async () => {
    const user = await signUp(app);
    const seen: Array<{ endpointId: string; product: string }> = [];
    let after: string | null = null;
    do {
      const { modelEndpoints }: any = await app.data(CATALOG, { first: 10, after }, { token: user.token });
      seen.push(...modelEndpoints.edges.map((e: any) => e.node));
      after = modelEndpoints.pageInfo.hasNextPage ? modelEndpoints.pageInfo.endCursor : null;
    } while (after);
    expect(seen.length).toBeGreaterThanOrEqual(30);
    expect(new Set(seen.map((e) => e.endpointId)).size).toBe(seen.length);
    expect(new Set(seen.map((e) => e.product))).toEqual(new Set(['MODEL_APIS', 'SERVERLESS', 'COMPUTE']));
  });

  it('keeps price versions and reports the one in effect now', async () => {
    const user = await signUp(app);
    const { modelEndpoints } = await app.data(CATALOG, { filter: { endpointIdPrefix: 'fal-ai/flux/dev' } }, { token: user.token });
    const flux = modelEndpoints.edges[0].node;
    expect(flux.priceHistory.map((p: any) => p.unitPrice)).toEqual(['0.025', '0.02']);
    expect(flux.currentUnitPrice).toBe('0.02');
  });

  it('needs a credential', async () => {
    const response = await app.gql(CATALOG);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
