import { serverAudits } from 'graphql-http';
import { startTestApp, type TestApp } from './support/testApp';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const DOCUMENTED_DEVIATIONS = [
  'SHOULD use 200 status code on document parsing failure when accepting application/json',
  'SHOULD use 200 status code on document validation failure when accepting application/json',
  'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
];

/**
 * GraphQL-over-HTTP conformance (https://graphql.github.io/graphql-over-http/) as audited by the `graphql-http`
 * package. MUST audits have to pass; SHOULD/MAY audits that do not are listed in docs/reliability.md with the reason.
 */
describe('GraphQL over HTTP conformance (graphql-http server audits)', () => {
  it('answers GET queries but never runs a mutation over GET', async () => {
    const query = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(query.status).toBe(200);
    expect(await query.json()).toEqual({ data: { __typename: 'Query' } });
    const mutation = await fetch(`${app.url}/graphql?query=${encodeURIComponent('mutation { logout { revoked } }')}`);
    expect(mutation.status).toBe(405);
    expect(await mutation.text()).not.toMatch(/"data"/);
  });

  it('passes the audits', async () => {
    const audits = serverAudits({ url: `${app.url}/graphql` });
    const results: Array<{ name: string; status: string; reason?: string }> = [];
    for (const audit of audits) {
      const result = await audit.fn();
      results.push({ name: audit.name, status: result.status, reason: 'reason' in result ? result.reason : undefined });
    }
    const passed = results.filter((r) => r.status === 'ok');
    const notPassed = results.filter((r) => r.status !== 'ok');
    console.log(
      `graphql-http audits: ${passed.length}/${results.length} passed\n` +
        notPassed.map((r) => `  ${r.status.toUpperCase()} ${r.name}${r.reason ? ` — ${r.reason}` : ''}`).join('\n'),
    );
    expect(notPassed.filter((r) => r.status === 'error')).toEqual([]);
    // The only deviations are the documented SHOULDs (docs/reliability.md): Orgraph answers a request whose document
    // cannot run with 400 whatever the Accept header, like Apollo Server and the newer media type require.
    expect(notPassed.map((r) => r.name).sort()).toEqual(DOCUMENTED_DEVIATIONS.slice().sort());
  });
});
