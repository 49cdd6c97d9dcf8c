import { startTestApp, type TestApp } from './support/testApp';
import { createOrganization, signUp, unique } from './support/factories';
import { localId } from './support/people';

// Red-team D3: a repeated or bracketed `filter` was dropped by the SCIM list, which then answered every user.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

it('refuses repeated and bracketed query parameters with 400 invalidFilter instead of widening the list', async () => {
  const admin = await signUp(app);
  const o = await createOrganization(app, admin);
  const domain = `${unique('corp')}.example`;
  await app.db.query(`INSERT INTO organization_domains (organization_id, domain, verification_token, verified_at) VALUES ($1, $2, md5(random()::text), now())`, [localId(o.id), domain]);
  const { createScimToken } = await app.data(`mutation($input: CreateScimTokenInput!) { createScimToken(input: $input) { token } }`, { input: { organizationId: o.id, description: 'IdP' } }, { token: admin.token });
  const scim = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${app.url}/scim/v2${path}`, { method, headers: { 'content-type': 'application/scim+json', authorization: `Bearer ${createScimToken.token}` }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: r.status, body: await r.json() };
  };
  for (const n of ['a', 'b', 'c']) expect((await scim('POST', '/Users', { schemas: [USER], userName: `${n}@${domain}`, active: true })).status).toBe(201);
  const q = encodeURIComponent(`userName eq "a@${domain}"`);
  // Control: the plain filter finds one.
  expect((await scim('GET', `/Users?filter=${q}`)).body.totalResults).toBe(1);
  for (const path of [`/Users?filter=${q}&filter=${q}`, `/Users?filter[]=${q}`, `/Users?filter[x]=${q}`, `/Groups?filter=${encodeURIComponent('displayName eq "g"')}&filter=x`, `/Users?filter=${q}&count=1&count=2`]) {
    const answer = await scim('GET', path);
    expect([path, answer.status, answer.body.scimType, answer.body.totalResults]).toEqual([path, 400, 'invalidFilter', undefined]);
  }
});
