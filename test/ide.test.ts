import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH, chromiumMissingMessage } from './support/chromium';
import { startTestApp, TEST_INGEST_TOKEN, type TestApp } from './support/testApp';
import { signUp } from './support/factories';
import { seedDemo } from '../src/seed/demo';

const CHROMIUM = CHROMIUM_PATH;

let app: TestApp;
let browser: Browser;
beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(chromiumMissingMessage());
  }
  app = await startTestApp();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('GraphQL IDE', () => {
  it('loads from the server’s own bundle, runs { viewer { email } } with a Bearer token and shows the result', async () => {
    const user = await signUp(app);
    const page = await browser.newPage();
    const foreignRequests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(app.url) && !request.url().startsWith('data:')) foreignRequests.push(request.url());
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    const response = await page.goto(`${app.url}/graphql`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });

    await page.selectOption('#auth-kind', 'Bearer');
    await page.fill('#auth-value', user.token);
    await page.click('#auth-apply');
    await page.locator('#auth-status', { hasText: 'Sending Bearer credential' }).waitFor();

    // Replace the first example with the query under test through the editor, as a person would type it.
    const editor = page.locator('.graphiql-query-editor .CodeMirror').first();
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('{ viewer { email ');
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await result.getByText(user.email).waitFor({ timeout: 20_000 }).catch(async (error: unknown) => {
      throw new Error(`result panel: ${await result.innerText()}\n${error}`);
    });
    expect(await result.innerText()).toContain(`"email": "${user.email}"`);

    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('keeps the credential across reloads and answers API clients with GraphQL, not the page', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/graphql`);
    await page.fill('#auth-value', 'ogk_000000000000000000000000:secret');
    await page.selectOption('#auth-kind', 'Key');
    await page.click('#auth-apply');
    await page.reload();
    expect(await page.inputValue('#auth-kind')).toBe('Key');
    expect(await page.inputValue('#auth-value')).toBe('ogk_000000000000000000000000:secret');
    await page.close();

    const api = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('ships example operations that run against the demo organization with the credentials they name', async () => {
    // The examples as ide.js defines them (an array literal of strings), evaluated in isolation.
    const source = fs.readFileSync(path.join(__dirname, '..', 'src', 'ide', 'public', 'ide.js'), 'utf8');
    const literal = /var EXAMPLES = (\[[\s\S]*?\n {2}\]);/.exec(source)?.[1];
    expect(literal).toBeDefined();
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluates the page's literal example list, our own source
    const examples = new Function(`return ${literal};`)() as Array<{ query: string; variables?: string }>;
    expect(examples.length).toBeGreaterThanOrEqual(9);

    // The first start's development seed: 90 days of usage, a closed month, alerts that fired.
    const demo = await seedDemo(app.db, { activity: true, listeningUrl: app.url });
    expect(demo.activity?.records).toBeGreaterThan(1000);
    // The fired alert's email, rendered before the server listens at `npm start`, links to where it will listen.
    const [alertEmail] = await app.db.query(`SELECT body FROM email_outbox WHERE recipient = 'oncall@demo.orgraph.dev'`);
    expect(alertEmail.body).toContain(`${app.url}/graphql`);
    const run = (example: { query: string; variables?: string }, credential?: { token: string } | { key: string } | { bearer: string }) =>
      app.gql(example.query, example.variables ? JSON.parse(example.variables) : undefined, credential);
    const byOperation = (keyword: string) => examples.find((example) => example.query.includes(keyword))!;
    // The login example signs in as the demo admin; its token is what the Bearer examples use.
    const login = await run(byOperation('mutation Login'));
    expect(login.body.errors).toBeUndefined();
    expect(login.body.data.login.userErrors).toEqual([]);
    const token: string = login.body.data.login.token;
    const answers = new Map<string, any>();
    for (const example of examples) {
      const credential = example.query.includes('Needs a Bearer') ? { token } : example.query.includes('ingest token') ? { bearer: TEST_INGEST_TOKEN } : { key: demo.adminKey! };
      const response = await run(example, credential);
      expect([example.query.split('\n')[0], response.body.errors]).toEqual([example.query.split('\n')[0], undefined]);
      answers.set(/^(?:query|mutation) (\w+)/m.exec(example.query)?.[1] ?? '', response.body.data);
    }
    // One tab per area, each showing the demo's data, not an empty answer.
    const usage = answers.get('Usage').organization.usage.summary;
    expect(new Set(usage.map((item: any) => item.teamUsername))).toEqual(new Set([...demo.teamUsernames, expect.stringMatching(/^demo/)]));
    expect(usage.every((item: any) => Number(item.cost) > 0)).toBe(true);
    const invoices = answers.get('Invoices').organization;
    expect(invoices.billingSummary).toMatchObject({ status: 'ISSUED', invoiceCount: 3 });
    expect(invoices.invoices.edges.map((e: any) => e.node.status)).toEqual(['ISSUED', 'ISSUED', 'ISSUED']);
    const alerts = answers.get('Alerts').organization.spendingAlerts.edges.map((e: any) => e.node);
    expect(alerts.length).toBe(3);
    expect(alerts.find((alert: any) => alert.team?.username === 'demo-production').events.length).toBeGreaterThan(0);
    const keys = answers.get('Keys').organization.teams.edges.flatMap((e: any) => e.node.apiKeys.edges.map((k: any) => `${e.node.kind}:${k.node.scope}`));
    expect(keys).toEqual(expect.arrayContaining(['ROOT:ADMIN', 'TEAM:API']));
    expect(answers.get('Ingest').ingestUsage).toMatchObject({ accepted: 1, rejected: [] });
  });

  it('redirects /playground to the IDE', async () => {
    const response = await fetch(`${app.url}/playground`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/graphql');
  });
});
