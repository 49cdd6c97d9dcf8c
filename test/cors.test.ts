import { loadConfig } from '../src/core/config';
import { startTestApp, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, signUp } from './support/factories';

const DASHBOARD = 'https://dashboard.example.com';
let app: TestApp;
let closed: TestApp;
beforeAll(async () => {
  [app, closed] = await Promise.all([startTestApp({ CORS_ORIGINS: `${DASHBOARD}, http://localhost:5173` }), startTestApp()]);
});
afterAll(() => Promise.all([app.close(), closed.close()]));

const preflight = (base: string, origin: string) =>
  fetch(`${base}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
  });

describe('CORS', () => {
  it('answers the preflight of an allowed origin: its origin, POST, the Authorization header; never credentials', async () => {
    const response = await preflight(app.url, DASHBOARD);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')?.split(',')).toEqual(expect.arrayContaining(['authorization', 'content-type']));
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/origin/i);
  });

  it('lets a dashboard on that origin call the API with a key, and read the request id', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const key = await createApiKeyFor(app, org.slug, 'ADMIN');
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { origin: 'http://localhost:5173', 'content-type': 'application/json', authorization: `Key ${key}` },
      body: JSON.stringify({ query: `query($s: String!) { organization(slug: $s) { slug } }`, variables: { s: org.slug } }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-expose-headers')).toContain('x-request-id');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(await response.json()).toEqual({ data: { organization: { slug: org.slug } } });
  });

  it('gives other origins, and every origin by default, no CORS header at all', async () => {
    for (const [base, origin] of [[app.url, 'https://evil.example.com'], [app.url, `${DASHBOARD}.evil.com`], [closed.url, DASHBOARD]] as const) {
      const answer = await preflight(base, origin);
      expect([origin, answer.headers.get('access-control-allow-origin')]).toEqual([origin, null]);
      const post = await fetch(`${base}/graphql`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
      expect([origin, post.headers.get('access-control-allow-origin')]).toEqual([origin, null]);
    }
  });

  it('refuses a CORS_ORIGINS that is not a list of origins, naming the variable', () => {
    for (const bad of ['*', 'dashboard.example.com', 'https://dashboard.example.com/app', 'https://a.example.com,ftp://b.example.com']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS/);
    }
    expect(loadConfig({ CORS_ORIGINS: ' https://a.example.com ,http://127.0.0.1:3000' }).CORS_ORIGINS).toEqual(['https://a.example.com', 'http://127.0.0.1:3000']);
    expect(loadConfig({}).CORS_ORIGINS).toEqual([]);
  });
});
