import { createApiKeyFor, createOrganization, signUp } from './support/factories';
import { startTestApp, type TestApp } from './support/testApp';

/** The wording of two errors a first-time caller meets: a misspelt field, and a credential under the wrong scheme. */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

it('a misspelt field says what is wrong, with no suggestion and no stray mark after the hidden one', async () => {
  const response = await app.gql('{ viewer { emial } }');
  expect(response.body.errors?.map((error) => error.message)).toEqual(['Cannot query field "emial" on type "Viewer".']);
});

it('an API key sent as Bearer (or a session token as Key) is UNAUTHENTICATED with a hint about the scheme', async () => {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const key = await createApiKeyFor(app, org.slug, 'ADMIN');
  const asBearer = await app.gql('{ __typename }', {}, { bearer: key });
  expect(asBearer.status).toBe(401);
  expect(asBearer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(asBearer.body.errors?.[0]?.message).toMatch(/API keys are sent as `Authorization: Key <key_id>:<key_secret>`, not `Bearer`\.$/);
  // A made-up key of the same shape gets the same hint: it tells the scheme, never whether the key exists.
  const madeUp = await app.gql('{ __typename }', {}, { bearer: 'ogk_000000000000000000000000:ogsk_nope' });
  expect(madeUp.body.errors?.[0]?.message).toBe(asBearer.body.errors?.[0]?.message);
  const tokenAsKey = await app.gql('{ __typename }', {}, { key: admin.token });
  expect(tokenAsKey.body.errors?.[0]?.message).toMatch(/Session tokens are sent as `Authorization: Bearer <token>`, not `Key`\.$/);
  // The right schemes work.
  expect((await app.gql('{ __typename }', {}, { key })).body).toEqual({ data: { __typename: 'Query' } });
  expect((await app.gql('{ __typename }', {}, { token: admin.token })).body).toEqual({ data: { __typename: 'Query' } });
  // Anything else keeps the one message.
  expect((await app.gql('{ __typename }', {}, { bearer: 'ogs_nope' })).body.errors?.[0]?.message).toBe('Authentication required: the credential is missing, malformed, expired or revoked.');
});
