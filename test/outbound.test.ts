import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/core/config';
import { OutboundClient } from '../src/core/outbound';
import { discoverIssuer } from '../src/sso/ssoDiscovery';
import { startTestApp, TEST_INGEST_TOKEN, type TestApp } from './support/testApp';
import { createOrganization, createTeam, signUp, unique, type SignedUpUser } from './support/factories';
import { startLoopbackDns, type LoopbackDns } from './support/outboundDns';

/**
 * Server-side request forgery (issue 16): every customer-supplied URL goes through one guard. `guarded` runs as
 * production would (no loopback allowance); `open` allows loopback like every other test server, to show the same
 * names and receivers do work when the guard lets them, so each refusal below is the guard's doing.
 */
let guarded: TestApp;
let open: TestApp;
let dns: LoopbackDns;
let receiver: http.Server;
let port: number;
const hits: Array<{ url: string; method: string }> = [];
const PUBLIC_JWK = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
const BANNER = 'SSH-2.0-OpenSSH_9.6 internal-banner-7f3a';

beforeAll(async () => {
  // The receiver plays every internal service: it answers with text that must never reach a customer.
  receiver = http.createServer((req, res) => {
    hits.push({ url: req.url ?? '', method: req.method ?? '' });
    req.resume();
    if (req.url?.startsWith('/redirect')) return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(BANNER);
    if (req.url?.startsWith('/huge')) return void res.writeHead(200).end('x'.repeat(3 * 1024 * 1024));
    if (req.url?.includes('/.well-known/openid-configuration')) {
      const jwks = req.url.includes('meta') ? 'http://169.254.169.254/keys' : `http://127.0.0.1:${port}/jwks-banner`;
      // `/tokpriv`: a provider whose token endpoint is a name resolving to a private address.
      const token = req.url.startsWith('/tokpriv') ? `http://private.test:${port}/token` : 'http://127.0.0.1/t';
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer: `${BANNER}-issuer`, jwks_uri: jwks, authorization_endpoint: 'https://idp.example/authorize', token_endpoint: token }));
    }
    if (req.url?.startsWith('/jwks-ok')) return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [{ ...PUBLIC_JWK, kid: 'k', use: 'sig' }] }));
    if (req.url?.startsWith('/ok')) return void res.writeHead(204).end();
    res.writeHead(500, { server: BANNER }).end(BANNER);
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  port = (receiver.address() as AddressInfo).port;
  dns = await startLoopbackDns({
    'rebind.test': { a: ['127.0.0.1'] },
    'private.test': { a: ['10.0.0.1'] },
    'metadata.test': { a: ['169.254.169.254'] },
    'mapped.test': { aaaa: ['::ffff:7f00:1'] },
    'zero.test': { a: ['0.0.0.0'] },
    // One public answer does not launder a private one.
    'mixed.test': { a: ['93.184.216.34', '127.0.0.1'] },
  });
  const webhooks = { WEBHOOK_POLL_MS: '20', WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_MAX_ATTEMPTS: '2', WEBHOOK_TIMEOUT_MS: '1500', DNS_RESOLVER: dns.address };
  guarded = await startTestApp({ ...webhooks, OUTBOUND_ALLOW_LOOPBACK: 'false' });
  open = await startTestApp({ ...webhooks, OUTBOUND_MAX_RESPONSE_BYTES: '65536' });
}, 60_000);

afterAll(async () => {
  await guarded?.close();
  await open?.close();
  dns?.close();
  receiver?.close();
});

const CREATE_ALERT = `mutation($input: CreateSpendingAlertInput!) { createSpendingAlert(input: $input) { alert { id } userErrors { field code message } } }`;
const DELIVERIES = `query($slug: String!) { organization(slug: $slug) { spendingAlerts { edges { node { webhookUrl deliveries { status attempts { attempt statusCode error } } } } } } }`;

interface Org { admin: SignedUpUser; slug: string; id: string; team: { id: string; username: string } }

async function organization(app: TestApp): Promise<Org> {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  return { admin, slug: org.slug, id: org.id, team: await createTeam(app, admin, org.id) };
}

async function createAlert(app: TestApp, org: Org, webhookUrl: string) {
  return (await app.data(CREATE_ALERT, { input: { organizationId: org.id, teamId: org.team.id, threshold: '1', period: 'DAY', webhookUrl } }, { token: org.admin.token })).createSpendingAlert;
}

/** Crosses every alert of the team, then waits until no delivery is pending; returns the deliveries by URL. */
async function fireAndSettle(app: TestApp, org: Org, expected: number): Promise<Record<string, any>> {
  const record = { id: unique('u'), timestamp: new Date().toISOString(), teamUsername: org.team.username, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', quantity: '2', unitPrice: '1' };
  const { ingestUsage } = await app.data(`mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { rejected { code } } }`, { input: { records: [record] } }, { bearer: TEST_INGEST_TOKEN });
  expect(ingestUsage.rejected).toEqual([]);
  for (let waited = 0; waited < 20_000; waited += 100) {
    const alerts = (await app.data(DELIVERIES, { slug: org.slug }, { token: org.admin.token })).organization.spendingAlerts.edges.map((edge: any) => edge.node);
    const deliveries = alerts.filter((alert: any) => alert.deliveries.length > 0);
    if (deliveries.length === expected && deliveries.every((alert: any) => alert.deliveries[0].status !== 'PENDING')) {
      return Object.fromEntries(deliveries.map((alert: any) => [alert.webhookUrl, alert.deliveries[0]]));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('deliveries never settled');
}

describe('outbound requests (SSRF)', () => {
  // Every literal form of a non-public address the issue lists, and a few more of the same class.
  const LITERALS = [
    'http://127.0.0.1:PORT/hook',
    'http://localhost:PORT/hook',
    'http://[::1]:PORT/hook',
    'http://2130706433:PORT/hook',
    'http://0x7f.0.0.1:PORT/hook',
    'http://127.1:PORT/hook',
    'http://017700000001:PORT/hook',
    'http://0.0.0.0:PORT/hook',
    'http://0:PORT/hook',
    'http://[::ffff:127.0.0.1]:PORT/hook',
    'http://[::]:PORT/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://[fe80::1]/',
    'http://10.0.0.1/',
    'http://10.255.255.254/',
    'http://172.16.0.1/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://[fd00::1]/',
    'http://[64:ff9b::7f00:1]/',
    'http://[64:ff9b:1::a9fe:a9fe]/x',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://metadata/computeMetadata/v1/',
    'https://printer.local/',
  ];

  it('refuses every literal non-public address at create time (webhook URL and SSO issuer), and accepts a public name', async () => {
    const org = await organization(guarded);
    const refused: Array<[string, unknown]> = [];
    for (const literal of LITERALS) {
      const url = literal.replace('PORT', String(port));
      refused.push([url, (await createAlert(guarded, org, url)).userErrors.map((e: any) => [e.field.join('.'), e.code])]);
    }
    expect(refused).toEqual(LITERALS.map((literal) => [literal.replace('PORT', String(port)), [['input.webhookUrl', 'DESTINATION_NOT_ALLOWED']]]));
    expect(await guarded.db.query(`SELECT 1 FROM spending_alerts s JOIN organizations o ON o.id = s.organization_id WHERE o.slug = $1`, [org.slug])).toEqual([]);
    for (const issuer of ['https://127.0.0.1', 'https://[::ffff:127.0.0.1]', 'https://2130706433', 'https://169.254.169.254', 'https://metadata.google.internal', 'https://10.0.0.1']) {
      const { setSsoConnection } = await guarded.data(
        `mutation($input: SetSsoConnectionInput!) { setSsoConnection(input: $input) { userErrors { field code } } }`,
        { input: { organizationId: org.id, issuer, clientId: 'c', clientSecret: 's' } },
        { token: org.admin.token },
      );
      expect([issuer, setSsoConnection.userErrors]).toEqual([issuer, [{ field: ['input', 'issuer'], code: 'DESTINATION_NOT_ALLOWED' }]]);
    }
    expect((await createAlert(guarded, org, 'https://hooks.example.com/orgraph')).userErrors).toEqual([]);
    expect(hits).toEqual([]);
  });

  it('refuses the same literal addresses for budget alert webhooks at create time (red-team D12)', async () => {
    const org = await organization(guarded);
    const SET_BUDGET = `mutation($input: SetBudgetInput!) { setBudget(input: $input) { budget { id } userErrors { field code } } }`;
    const setBudget = async (webhookUrl: string) =>
      (await guarded.data(SET_BUDGET, { input: { subject: { organizationId: org.id, scope: 'ORGANIZATION' }, period: 'MONTH', amount: '10', webhookUrl } }, { token: org.admin.token })).setBudget;
    const urls = LITERALS.map((literal) => literal.replace('PORT', String(port)));
    const answers: Array<[string, unknown]> = [];
    for (const url of urls) answers.push([url, (await setBudget(url)).userErrors]);
    expect(answers).toEqual(urls.map((url) => [url, [{ field: ['input', 'webhookUrl'], code: 'DESTINATION_NOT_ALLOWED' }]]));
    expect(await guarded.db.query(`SELECT 1 FROM budgets b JOIN organizations o ON o.id = b.organization_id WHERE o.slug = $1`, [org.slug])).toEqual([]);
    expect((await setBudget('ftp://hooks.example.com/x')).userErrors).toEqual([{ field: ['input', 'webhookUrl'], code: 'INVALID_URL' }]);
    expect(await setBudget('https://hooks.example.com/orgraph')).toMatchObject({ budget: { id: expect.any(String) }, userErrors: [] });
  });

  it('refuses at delivery time a name that resolves to loopback, private, metadata, mapped or unspecified addresses (resolved at connect time)', async () => {
    const names = ['rebind.test', 'private.test', 'metadata.test', 'mapped.test', 'zero.test', 'mixed.test', 'nxdomain.test'];
    const org = await organization(guarded);
    for (const name of names) expect((await createAlert(guarded, org, `http://${name}:${port}/hook-${name}`)).userErrors).toEqual([]);
    const before = hits.length;
    const deliveries = await fireAndSettle(guarded, org, names.length);
    expect(hits.length).toBe(before);
    for (const name of names) {
      // One generic code whatever the reason (non-public answer, no answer): nothing to tell internal names apart.
      expect([name, deliveries[`http://${name}:${port}/hook-${name}`]]).toEqual([name, { status: 'FAILED', attempts: [1, 2].map((attempt) => ({ attempt, statusCode: null, error: 'CONNECTION_FAILED' })) }]);
    }
    // The server did ask the loopback DNS server: the refusal is the connect-time check, not a failed resolution.
    expect(dns.asked).toEqual(expect.arrayContaining(['rebind.test', 'mapped.test', 'mixed.test']));

    // The same name, through a server that allows loopback, reaches the receiver.
    const control = await organization(open);
    expect((await createAlert(open, control, `http://rebind.test:${port}/ok`)).userErrors).toEqual([]);
    const delivered = await fireAndSettle(open, control, 1);
    expect(delivered[`http://rebind.test:${port}/ok`]).toMatchObject({ status: 'SUCCEEDED', attempts: [{ attempt: 1, statusCode: 204, error: null }] });
    expect(hits.slice(before)).toEqual([{ url: '/ok', method: 'POST' }]);
  });

  it('shows the customer only generic reasons: no target text, no followed redirect, bounded answers, old rows masked', async () => {
    const org = await organization(open);
    const urls = { error: `http://127.0.0.1:${port}/banner`, redirect: `http://127.0.0.1:${port}/redirect`, huge: `http://127.0.0.1:${port}/huge` };
    for (const url of Object.values(urls)) expect((await createAlert(open, org, url)).userErrors).toEqual([]);
    const before = hits.length;
    const deliveries = await fireAndSettle(open, org, 3);
    expect(deliveries[urls.error].attempts[0]).toEqual({ attempt: 1, statusCode: 500, error: 'HTTP_STATUS' });
    expect(deliveries[urls.redirect].attempts[0]).toEqual({ attempt: 1, statusCode: 302, error: 'HTTP_STATUS' });
    expect(deliveries[urls.huge].attempts[0]).toEqual({ attempt: 1, statusCode: null, error: 'RESPONSE_TOO_LARGE' });
    // Two attempts each, and the redirect's target (metadata) was never requested.
    expect(hits.slice(before).map((hit) => hit.url).sort()).toEqual(['/banner', '/banner', '/huge', '/huge', '/redirect', '/redirect']);
    // A row written before the guard, with a target's error text in it, reads back as a generic code.
    const [delivery] = await open.db.query(`SELECT d.id FROM webhook_deliveries d WHERE d.url = $1`, [urls.error]);
    await open.db.query(`UPDATE webhook_attempts SET error = $2 WHERE delivery_id = $1 AND attempt = 1`, [delivery.id, `Error: ${BANNER}`]);
    const read = await open.gql(DELIVERIES, { slug: org.slug }, { token: org.admin.token });
    expect(JSON.stringify(read.body)).not.toContain('internal-banner');
    const errors = read.body.data.organization.spendingAlerts.edges.map((edge: any) => edge.node).flatMap((alert: any) => alert.deliveries.flatMap((d: any) => d.attempts.map((a: any) => a.error)));
    expect(new Set(errors)).toEqual(new Set(['FAILED', 'HTTP_STATUS', 'RESPONSE_TOO_LARGE']));
  });

  it('SSO: testSsoConnection never echoes the provider, refuses a private jwks_uri, and discovery resolves at connect time', async () => {
    const test = async (app: TestApp, org: Org, issuer: string) => {
      const { setSsoConnection } = await app.data(
        `mutation($input: SetSsoConnectionInput!) { setSsoConnection(input: $input) { userErrors { field code } } }`,
        { input: { organizationId: org.id, issuer, clientId: 'c', clientSecret: 's' } },
        { token: org.admin.token },
      );
      expect(setSsoConnection.userErrors).toEqual([]);
      const read = await app.gql(`mutation($input: SsoOrganizationInput!) { testSsoConnection(input: $input) { ok message } }`, { input: { organizationId: org.id } }, { token: org.admin.token });
      expect(JSON.stringify(read.body)).not.toMatch(/internal-banner|169\.254|127\.0\.0\.1|ECONN|Error/);
      return read.body.data.testSsoConnection;
    };
    const before = hits.length;
    // A name that resolves to loopback: refused when connecting, the provider never asked.
    expect(await test(guarded, await organization(guarded), `https://rebind.test:${port}`)).toMatchObject({ ok: false, message: expect.stringMatching(/did not answer correctly: discovery failed/) });
    expect(hits.length).toBe(before);
    // Discovery answers (loopback allowed) but names a metadata-service JWKS: refused without connecting.
    expect(await test(open, await organization(open), `http://127.0.0.1:${port}/meta`)).toMatchObject({ ok: false, message: expect.stringMatching(/JWKS/) });
    // The JWKS answers text of its own: reported as "no signing keys", not echoed.
    expect(await test(open, await organization(open), `http://127.0.0.1:${port}`)).toMatchObject({ ok: false, message: expect.stringMatching(/JWKS/) });
    expect(hits.slice(before).map((hit) => hit.url)).toEqual(['/meta/.well-known/openid-configuration', '/.well-known/openid-configuration', '/jwks-banner']);

    // A login whose token endpoint resolves to a private address: the code exchange is refused by the guard and
    // the person signing in reads "not reachable", nothing about the address.
    const org = await organization(open);
    expect(await test(open, org, `http://127.0.0.1:${port}/tokpriv`)).toMatchObject({ ok: false });
    const start = await fetch(`${open.url}/auth/sso/${org.slug}/start`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const state = new URL(start.headers.get('location')!).searchParams.get('state');
    const callback = await fetch(`${open.url}/auth/sso/callback?code=stolen-code&state=${state}`);
    const answer = await callback.text();
    expect([callback.status, JSON.parse(answer).error.code]).toEqual([502, 'PROVIDER_UNAVAILABLE']);
    expect(answer).not.toMatch(/10\.0\.0\.1|private|public address|internal-banner/);
  });

  it('openid-client’s own fetches (JWKS) go through the guard: a JWKS name resolving to loopback is refused unless loopback is allowed', async () => {
    const options = { timeoutMs: 2000, maxResponseBytes: 65536, dnsResolver: dns.address };
    const before = hits.length;
    const strict = new OutboundClient({ ...options, allowLoopback: false });
    const loose = new OutboundClient({ ...options, allowLoopback: true });
    expect(await discoverIssuer(strict, `http://rebind.test:${port}`).then(() => 'discovered', () => 'refused')).toBe('refused');
    const { Issuer, custom } = await import('openid-client');
    for (const [client, expectKeys] of [[strict, false], [loose, true]] as const) {
      const issuer = new Issuer({ issuer: 'https://idp.example', jwks_uri: `http://rebind.test:${port}/jwks-ok` });
      (issuer as any)[custom.http_options] = (url: URL) => client.httpOptions(url);
      const outcome = await (issuer as unknown as { reloadJwksUri(): Promise<void> }).reloadJwksUri().then(() => 'keys', () => 'refused');
      expect(outcome).toBe(expectKeys ? 'keys' : 'refused');
    }
    // Only the allowed client's JWKS request reached the receiver.
    expect(hits.slice(before).map((hit) => hit.url)).toEqual(['/jwks-ok']);
  });

  it('production refuses the loopback allowance at start-up', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ENCRYPTION_KEY: 'k'.repeat(32), PUBLIC_URL: 'https://orgraph.test', OUTBOUND_ALLOW_LOOPBACK: 'true' })).toThrow(/OUTBOUND_ALLOW_LOOPBACK: not allowed when NODE_ENV=production/);
    expect(loadConfig({ NODE_ENV: 'production', ENCRYPTION_KEY: 'k'.repeat(32), PUBLIC_URL: 'https://orgraph.test' }).OUTBOUND_ALLOW_LOOPBACK).toBe(false);
  });
});
