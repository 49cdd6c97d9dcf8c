import { startTestApp, type TestApp } from './support/testApp';
import { signUp } from './support/factories';

// Depth, aliases, tokens and batch size are covered in test/http.test.ts; this file covers cost and directives.
let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await startTestApp({ GRAPHQL_MAX_COST: '100', GRAPHQL_MAX_DIRECTIVES: '3' });
  token = (await signUp(app)).token;
});
afterAll(() => app.close());

const PAGE = (first: string) => `query Page($n: Int) { modelEndpoints(first: ${first}) { edges { node { endpointId } } } }`;

describe('GraphQL limits: cost and directives', () => {
  it('refuses a document whose literal page sizes exceed the cost limit (validation, graphql-armor)', async () => {
    const response = await app.gql(PAGE('100'), {}, { token });
    expect(response.status).toBe(400);
    expect(response.body.errors![0].message).toMatch(/cost limit/i);
    expect(response.body.data).toBeUndefined();
  });

  it('refuses the same document when the page size comes from a variable (per-request cost)', async () => {
    const cheap = await app.gql(PAGE('$n'), { n: 10 }, { token });
    expect(cheap.status).toBe(200);
    expect(cheap.headers.get('x-orgraph-query-cost')).toBe('30');
    const dear = await app.gql(PAGE('$n'), { n: 100 }, { token });
    expect(dear.status).toBe(400);
    expect(dear.body.errors![0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(dear.body.errors![0].message).toMatch(/cost limit of 100 exceeded, found 300/i);
  });

  it('charges fragments, nested pages and mutations', async () => {
    const viaFragment = await app.gql(
      `query($n: Int) { ...Page } fragment Page on Query { modelEndpoints(first: $n) { edges { node { endpointId } } } }`,
      { n: 7 },
      { token },
    );
    expect(viaFragment.headers.get('x-orgraph-query-cost')).toBe('21');
    const mutation = await app.gql(`mutation { logout { revoked } }`, {}, { token: (await signUp(app)).token });
    // 10 for the write plus 1 for the payload object.
    expect(mutation.headers.get('x-orgraph-query-cost')).toBe('11');
    const nested = await app.gql(
      `query($n: Int) { viewer { organizations { teams(first: $n) { edges { node { id } } } } } }`,
      { n: 5 },
      { token },
    );
    // viewer 1 + organizations (an unpaginated list, charged at the default list size of 20) × (1 + teams page of
    // 5 × (connection 1 + edges 1 + node 1)) = 1 + 20 × 16.
    expect(nested.headers.get('x-orgraph-query-cost')).toBe('321');
    expect((await app.gql('{ __typename }')).headers.get('x-orgraph-query-cost')).toBe('1');
  });

  it('refuses more directives than allowed', async () => {
    const ok = await app.gql(`{ a: __typename @skip(if: false) b: __typename @skip(if: false) }`);
    expect(ok.body).toEqual({ data: { a: 'Query', b: 'Query' } });
    const tooMany = await app.gql(`{ ${['a', 'b', 'c', 'd'].map((a) => `${a}: __typename @skip(if: false)`).join(' ')} }`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors![0].message).toMatch(/directive/i);
  });
});
