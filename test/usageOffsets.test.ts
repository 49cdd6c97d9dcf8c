import { startTestApp, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, signUp } from './support/factories';

// Red-team D5: luxon accepts any two-digit UTC offset, so `start=2025-01-01T00:00:00+99:00` was answered with
// buckets from December. Real offsets are within ±18:00 with minutes below 60.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const IMPOSSIBLE = ['2025-01-01T00:00:00+99:00', '2025-01-01T00:00:00-18:01', '2025-01-01T00:00:00+05:99', '2025-01-01T00:00:00+1900'];
const POSSIBLE = ['2025-01-01T00:00:00+14:00', '2025-01-01T00:00:00-12:00', '2025-01-01T00:00:00+18:00', '2025-01-01T00:00:00+05:45', '2025-01-01T00:00:00Z', '2025-01-01'];

it('REST and GraphQL refuse impossible offsets in start/end and accept real ones', async () => {
  const admin = await signUp(app);
  const o = await createOrganization(app, admin);
  const key = await createApiKeyFor(app, o.slug, 'ADMIN');
  const rest = async (param: string, value: string) => {
    const end = param === 'start' ? '&end=2025-01-03' : '&start=2024-12-30';
    const response = await fetch(`${app.url}/v1/organization/usage?${param}=${encodeURIComponent(value)}${end}`, { headers: { authorization: `Key ${key}` } });
    return { status: response.status, body: await response.json() };
  };
  const gql = (param: string, value: string) =>
    app.gql(`query($s: String!, $v: String!) { organization(slug: $s) { usage(${param}: $v, ${param === 'start' ? 'end: "2025-01-03"' : 'start: "2024-12-30"'}) { hasMore } } }`, { s: o.slug, v: value }, { token: admin.token });
  for (const param of ['start', 'end']) {
    for (const value of IMPOSSIBLE) {
      const r = await rest(param, value);
      expect([param, value, r.status, JSON.stringify(r.body)]).toEqual([param, value, 400, expect.stringContaining('validation_error')]);
      const g = await gql(param, value);
      expect([param, value, g.body.errors?.[0]?.extensions?.code]).toEqual([param, value, 'BAD_USER_INPUT']);
    }
    for (const value of POSSIBLE) {
      expect([param, value, (await rest(param, value)).status]).toEqual([param, value, 200]);
      expect([param, value, (await gql(param, value)).body.errors]).toEqual([param, value, undefined]);
    }
  }
});
