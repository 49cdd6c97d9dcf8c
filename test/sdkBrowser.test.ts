import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH, chromiumMissingMessage } from './support/chromium';
import { startTestApp, type TestApp } from './support/testApp';

/**
 * The SDK's compiled JavaScript running in a real browser (headless Chromium), against the live server: no Node
 * globals (`process`, `Buffer`, `require`), only the browser's `fetch`, `AbortController` and `crypto`. The type
 * side (DOM lib, no @types/node) is checked by the consumer test; this proves the run-time side.
 */
const run = promisify(execFile);
const root = path.join(__dirname, '..');
const CHROMIUM = CHROMIUM_PATH;

let app: TestApp;
let browser: Browser;
let outDir: string;
/** The SDK's compiled modules by id (`index`, `client`, `generated/graphql`, …). */
const modules: Record<string, string> = {};

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(chromiumMissingMessage());
  }
  // Its own output folder: the consumer test rebuilds sdk/dist (npm pack) and may run at the same time.
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgraph-sdk-browser-'));
  await run(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'sdk/tsconfig.json', '--outDir', outDir, '--declaration', 'false', '--declarationMap', 'false', '--sourceMap', 'false'], { cwd: root });
  const collect = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) collect(file);
      else if (entry.name.endsWith('.js')) modules[path.relative(outDir, file).replace(/\.js$/, '').split(path.sep).join('/')] = fs.readFileSync(file, 'utf8');
    }
  };
  collect(outDir);
  app = await startTestApp();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

it('runs in Chromium: sign up, typed results, pagination, userErrors, typed errors, aborts', async () => {
  expect(Object.keys(modules)).toEqual(expect.arrayContaining(['index', 'client', 'transport', 'generated/graphql']));
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Any page of the server's origin, so the SDK's requests are same-origin as a dashboard's would be.
  await page.goto(`${app.url}/healthz`);

  const result = await page.evaluate(async (sources: Record<string, string>) => {
    // A minimal CommonJS loader (what a bundler does): the SDK's modules require only each other.
    const cache: Record<string, { exports: Record<string, unknown> }> = {};
    const load = (id: string): Record<string, any> => {
      if (cache[id]) return cache[id].exports;
      if (!(id in sources)) throw new Error(`the SDK required a module the browser does not have: ${id}`);
      const module = { exports: {} as Record<string, unknown> };
      cache[id] = module;
      const dir = id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '';
      const requireFrom = (specifier: string) => {
        if (!specifier.startsWith('.')) throw new Error(`the SDK required a package at run time: ${specifier}`);
        const parts = (dir ? `${dir}/${specifier}` : specifier).split('/');
        const resolved: string[] = [];
        for (const part of parts) {
          if (part === '..') resolved.pop();
          else if (part !== '.' && part !== '') resolved.push(part);
        }
        // The SDK names its siblings `./client.js` (for its ES module build); the module ids here have no extension.
        return load(resolved.join('/').replace(/\.js$/, ''));
      };
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs the packed SDK's CommonJS modules as a bundler would
      new Function('module', 'exports', 'require', sources[id])(module, module.exports, requireFrom);
      return module.exports;
    };
    const sdk = load('index');
    const url = `${location.origin}/graphql`;
    const suffix = Math.random().toString(36).slice(2, 8);
    const email = `browser-${suffix}@example.com`;

    const signedUp = await sdk.signUp({ url }, { email, name: 'Browser User', password: 'correct horse battery' });
    if (!signedUp.ok) throw new Error(JSON.stringify(signedUp.userErrors));
    const client = sdk.createClient({ url, token: signedUp.data.token });
    const viewer = await client.viewer();

    const organization = await client.createOrganization({ slug: `browser-org-${suffix}`, name: 'Browser Org' });
    if (!organization.ok) throw new Error(JSON.stringify(organization.userErrors));
    for (const n of [1, 2, 3]) {
      const team = await client.createTeam({ organizationId: organization.data.id, username: `browser-${suffix}-${n}`, name: `T${n}` });
      if (!team.ok) throw new Error(JSON.stringify(team.userErrors));
    }
    const teams: string[] = [];
    for await (const team of client.teams(organization.data.slug, { pageSize: 2 })) teams.push(team.username);
    const taken = await client.createTeam({ organizationId: organization.data.id, username: `browser-${suffix}-1`, name: 'Again' });

    const missing = await client.team(`no-such-team-${suffix}`).catch((error: unknown) => error);
    const controller = new AbortController();
    controller.abort();
    const aborted = await client.viewer({ signal: controller.signal }).catch((error: unknown) => error);
    const both = (() => {
      try {
        sdk.createClient({ url, token: 't', apiKey: 'k:s' });
        return 'accepted';
      } catch (error) {
        return (error as Error).name;
      }
    })();
    return {
      nodeGlobals: [typeof (globalThis as any).process, typeof (globalThis as any).Buffer, typeof (globalThis as any).require],
      viewer: { email: viewer.email, personal: viewer.personalAccount.kind },
      teams,
      taken: taken.ok ? null : taken.userErrors.map((e: { code: string }) => e.code),
      missing: { isOrgraphError: missing instanceof sdk.OrgraphError, code: missing.code, requestId: typeof missing.requestId, status: missing.status },
      aborted: aborted.code,
      both,
      email,
      suffix,
    };
  }, modules);

  expect(result.nodeGlobals).toEqual(['undefined', 'undefined', 'undefined']);
  expect(result.viewer).toEqual({ email: result.email, personal: 'PERSONAL' });
  expect(result.teams).toEqual([1, 2, 3].map((n) => `browser-${result.suffix}-${n}`));
  expect(result.taken).toEqual(['TAKEN']);
  expect(result.missing).toEqual({ isOrgraphError: true, code: 'NOT_FOUND', requestId: 'string', status: 200 });
  expect(result.aborted).toBe('ABORTED');
  expect(result.both).toBe('TypeError');
  expect(pageErrors).toEqual([]);
  await page.close();
}, 60_000);
