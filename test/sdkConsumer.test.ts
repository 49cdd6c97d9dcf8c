import { runSdkConsumerTest, SMALL_IMPORT_BUDGET_BYTES } from '../scripts/sdkConsumerTest';
import { createApiKeyFor, createOrganization, signUp } from './support/factories';
import { startTestApp, TEST_INGEST_TOKEN, type TestApp } from './support/testApp';

/**
 * The packaged SDK as a user gets it: packed, installed from the tarball into a fresh project, type-checked and run
 * against this file's live server (see scripts/sdkConsumerTest.ts). Needs the npm registry for typescript@5.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

it('the npm-packed SDK installs, type-checks and runs in a fresh consumer project', async () => {
  const admin = await signUp(app);
  const organization = await createOrganization(app, admin);
  const rootTeam = await app.data<{ organization: { rootTeam: { username: string } } }>(
    `query($slug: String!) { organization(slug: $slug) { rootTeam { username } } }`,
    { slug: organization.slug },
    { token: admin.token },
  );
  const apiKey = await createApiKeyFor(app, rootTeam.organization.rootTeam.username, 'ADMIN');
  const lines: string[] = [];
  const { output, smallImportBytes, wholeSdkBytes } = await runSdkConsumerTest({
    url: `${app.url}/graphql`,
    apiKey,
    organizationSlug: organization.slug,
    ingestToken: TEST_INGEST_TOKEN,
    log: (line) => lines.push(line),
  });
  expect(output).toContain('consumer OK');
  expect(lines.join('\n')).toMatch(/gateway OK \(CommonJS\)[\s\S]*gateway OK \(ESM\)/);
  // One small import of the ESM build tree-shakes to a fraction of the whole SDK.
  expect(smallImportBytes).toBeLessThanOrEqual(SMALL_IMPORT_BUDGET_BYTES);
  expect(smallImportBytes * 5).toBeLessThan(wholeSdkBytes);
  console.log(lines.filter((line) => line.startsWith('esbuild')).join('\n'));
}, 360_000);
