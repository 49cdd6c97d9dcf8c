import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startTestApp, TEST_INGEST_TOKEN, type TestApp } from './support/testApp';
import { createOrganization, createTeam, signUp, unique } from './support/factories';
import { ACCEPT_INVITE, CREATE_INVITE, addMember } from './support/people';
import { linkIn, startSmtpReceiver, type SmtpReceiver } from './support/smtpReceiver';
import { createLogger } from '../src/core/logger';

const FROM = 'Orgraph Test <orgraph@test.example>';
let smtp: SmtpReceiver;
let app: TestApp;
beforeAll(async () => {
  smtp = await startSmtpReceiver();
  // A long poll interval: each test drives delivery with runOnce(), so what it asserts is not raced by the poller.
  app = await startTestApp({ SMTP_URL: smtp.url, EMAIL_FROM: FROM, EMAIL_POLL_MS: '600000', EMAIL_RETRY_BASE_MS: '1', EMAIL_MAX_ATTEMPTS: '3' });
});
afterAll(async () => {
  await app.close();
  await smtp.close();
});

const DELIVERIES = `query($slug: String!, $filter: EmailDeliveryFilterInput) { organization(slug: $slug) {
  emailDeliveries(first: 50, filter: $filter) { totalCount edges { node { id kind recipient subject status attempts lastError sentAt } } }
} }`;

async function deliveries(slug: string, token: string, filter?: Record<string, unknown>) {
  const { organization } = await app.data(DELIVERIES, { slug, filter }, { token });
  return organization.emailDeliveries.edges.map((e: any) => e.node);
}

describe('email delivery over SMTP', () => {
  it('sends an invite to its recipient with its expiry and a link that opens the acceptance page and signs the invitee in', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const invitee = await signUp(app, { password: 'invitee password 1' });
    const { createInvite } = await app.data(CREATE_INVITE, { input: { organizationId: org.id, email: invitee.email, organizationRole: 'MEMBER' } }, { token: admin.token });
    expect(createInvite.userErrors).toEqual([]);
    expect(await app.server.emails.runOnce()).toBeGreaterThanOrEqual(1);

    const [mail, ...more] = await smtp.waitFor(invitee.email);
    expect(more).toEqual([]);
    expect(mail.to).toEqual([invitee.email]);
    expect(mail.from).toBe('orgraph@test.example');
    expect(mail.subject).toBe(`You are invited to the organization Org ${org.slug} on Orgraph`);
    const expiry = new Date(createInvite.invite.expiresAt).toISOString().slice(0, 16).replace('T', ' ');
    expect(mail.text).toContain(`expires on ${expiry} UTC`);

    // The link points at this server's acceptance page; the token rides in the fragment.
    const link = linkIn(mail.text);
    expect(`${link.protocol}//${link.host}`).toBe(app.url);
    expect(link.pathname).toBe('/invites/accept');
    const token = new URLSearchParams(link.hash.slice(1)).get('token')!;
    expect(token).toMatch(/^ogi_/);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('Sign in and accept');
    const script = await fetch(new URL(/<script src="([^"]+)"/.exec(html)![1], app.url));
    expect(script.status).toBe(200);
    expect(await script.text()).toContain('acceptInvite');

    // What the page does: sign in with the invited address, then accept with the token from the link.
    const { login } = await app.data(`mutation($i: LoginInput!) { login(input: $i) { token userErrors { code } } }`, { i: { email: invitee.email, password: 'invitee password 1' } });
    expect(login.userErrors).toEqual([]);
    const accepted = await app.data(ACCEPT_INVITE, { input: { token } }, { token: login.token });
    expect(accepted.acceptInvite.userErrors).toEqual([]);
    const { organization } = await app.data(`query($s: String!) { organization(slug: $s) { viewerRole } }`, { s: org.slug }, { token: login.token });
    expect(organization.viewerRole).toBe('MEMBER');

    // Admins see that it went out; nobody sees the body.
    const [delivery] = await deliveries(org.slug, admin.token, { kind: 'INVITE' });
    expect(delivery).toMatchObject({ kind: 'INVITE', recipient: invitee.email, status: 'SENT', attempts: 1, lastError: null });
    expect(delivery.sentAt).toEqual(expect.any(String));
    const fields = (await app.data(`{ __type(name: "EmailDelivery") { fields { name } } }`)).__type.fields.map((f: any) => f.name);
    expect(fields).not.toContain('body');
  });

  it('retries a refused delivery and records the refusal; a delivery refused on every attempt ends FAILED', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const busy = `${unique('busy')}@example.com`;
    const dead = `${unique('dead')}@example.com`;
    smtp.refuse(new RegExp(`^${busy}$`), 1);
    smtp.refuse(new RegExp(`^${dead}$`), 99);
    for (const email of [busy, dead]) {
      const { createInvite } = await app.data(CREATE_INVITE, { input: { organizationId: org.id, email } }, { token: admin.token });
      expect(createInvite.userErrors).toEqual([]);
    }

    await app.server.emails.runOnce();
    const afterFirst = Object.fromEntries((await deliveries(org.slug, admin.token)).map((d: any) => [d.recipient, d]));
    expect(afterFirst[busy]).toMatchObject({ status: 'PENDING', attempts: 1, lastError: expect.stringMatching(/^SMTP 451/) });
    expect(afterFirst[dead]).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(await smtp.waitFor(busy, 1, 200)).toEqual([]);

    // EMAIL_RETRY_BASE_MS=1: the next attempts are due at once (backoff 1, 2 ms); the third is the last.
    for (let round = 0; round < 3; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await app.server.emails.runOnce();
    }
    const after = Object.fromEntries((await deliveries(org.slug, admin.token)).map((d: any) => [d.recipient, d]));
    expect(after[busy]).toMatchObject({ status: 'SENT', attempts: 2, lastError: null });
    expect(await smtp.waitFor(busy)).toHaveLength(1);
    expect(after[dead]).toMatchObject({ status: 'FAILED', attempts: 3, lastError: expect.stringMatching(/^SMTP 451/) });
    expect((await deliveries(org.slug, admin.token, { status: 'FAILED' })).map((d: any) => d.recipient)).toEqual([dead]);
    expect(await smtp.waitFor(dead, 1, 100)).toEqual([]);
  });

  it('shows deliveries to organization admins only, and nothing of another organization', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const member = await addMember(app, admin, org.id, { role: 'BILLING' });
    const outsider = await signUp(app);
    const otherOrg = await createOrganization(app, outsider);
    await app.server.emails.runOnce();
    expect((await deliveries(org.slug, admin.token)).length).toBeGreaterThanOrEqual(1);
    const asMember = await app.gql(DELIVERIES, { slug: org.slug }, { token: member.token });
    expect(asMember.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await deliveries(otherOrg.slug, outsider.token)).toEqual([]);
    const [one] = await deliveries(org.slug, admin.token);
    const viaNode = await app.data(`query($id: ID!) { node(id: $id) { id } }`, { id: one.id }, { token: outsider.token });
    expect(viaNode.node).toBeNull();
    expect((await app.data(`query($id: ID!) { node(id: $id) { ... on EmailDelivery { status } } }`, { id: one.id }, { token: admin.token })).node.status).toBe('SENT');
  });

  it('sends the alert-fired email to every recipient when spend crosses the threshold', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    const recipients = [`${unique('finance')}@example.com`, `${unique('cfo')}@example.com`];
    const { createSpendingAlert } = await app.data(
      `mutation($input: CreateSpendingAlertInput!) { createSpendingAlert(input: $input) { userErrors { code } } }`,
      { input: { organizationId: org.id, teamId: team.id, threshold: '2', period: 'MONTH', recipients, hardLimit: true } },
      { token: admin.token },
    );
    expect(createSpendingAlert.userErrors).toEqual([]);
    const { ingestUsage } = await app.data(
      `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { rejected { code } } }`,
      { input: { records: [{ id: unique('u'), timestamp: new Date().toISOString(), teamUsername: team.username, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', quantity: '3', unitPrice: '1' }] } },
      { bearer: TEST_INGEST_TOKEN },
    );
    expect(ingestUsage.rejected).toEqual([]);
    await app.drainEvaluations();
    await app.server.emails.runOnce();
    for (const recipient of recipients) {
      const [mail, ...more] = await smtp.waitFor(recipient);
      expect(more).toEqual([]);
      expect(mail.subject).toBe('Spending alert: 3 USD reached (threshold 2)');
      expect(mail.text).toContain(`the team ${team.username}`);
      expect(mail.text).toContain('hard limit');
      expect(linkIn(mail.text).toString()).toBe(`${app.url}/graphql`);
    }
    expect((await deliveries(org.slug, admin.token, { kind: 'ALERT_FIRED' })).map((d: any) => d.status)).toEqual(['SENT', 'SENT']);
  });
});

describe('accepting an invite with a new account', () => {
  const ACCEPT_NEW = `mutation($i: AcceptInviteInput!) { acceptInvite(input: $i) { invite { status } sessionToken userErrors { field code } } }`;

  it('creates the invited address’s account only when it has none, and only without a session', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const existing = await signUp(app);
    await app.data(CREATE_INVITE, { input: { organizationId: org.id, email: existing.email } }, { token: admin.token });
    await app.server.emails.runOnce();
    const token = new URLSearchParams(linkIn((await smtp.waitFor(existing.email))[0].text).hash.slice(1)).get('token');
    const newAccount = { name: 'Someone', password: 'long enough password' };

    const taken = await app.data(ACCEPT_NEW, { i: { token, newAccount } });
    expect(taken.acceptInvite).toEqual({ invite: null, sessionToken: null, userErrors: [{ field: ['input', 'newAccount'], code: 'ACCOUNT_EXISTS' }] });
    const signedIn = await app.gql(ACCEPT_NEW, { i: { token, newAccount } }, { token: existing.token });
    expect(signedIn.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const bogus = await app.data(ACCEPT_NEW, { i: { token: 'ogi_not-a-token', newAccount } });
    expect(bogus.acceptInvite.userErrors).toEqual([{ field: ['input', 'token'], code: 'INVALID_TOKEN' }]);
    const weak = await app.data(ACCEPT_NEW, { i: { token, newAccount: { name: 'x', password: 'short' } } });
    expect(weak.acceptInvite.userErrors.map((e: any) => e.code)).toEqual(['WEAK_PASSWORD']);
    // Without a session and without newAccount: sign in first.
    expect((await app.gql(ACCEPT_NEW, { i: { token } })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The invite is still open for its owner.
    expect((await app.data(ACCEPT_INVITE, { input: { token } }, { token: existing.token })).acceptInvite.userErrors).toEqual([]);
  });
});

describe('email without SMTP in development', () => {
  it('prints each email to the log and writes it as an .eml file in the data folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgraph-emails-'));
    const lines: string[] = [];
    const logStream = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
    const devApp = await startTestApp({ EMAIL_DIR: dir, EMAIL_POLL_MS: '600000' }, { logger: createLogger('info', logStream) });
    try {
      expect(devApp.server.mailer.mode).toBe('files');
      expect(devApp.server.mailer.description).toBe(`printed to the log and written as .eml files to ${dir}`);
      const admin = await signUp(devApp);
      const org = await createOrganization(devApp, admin);
      const email = `${unique('dev')}@example.com`;
      await devApp.data(CREATE_INVITE, { input: { organizationId: org.id, email } }, { token: admin.token });
      await devApp.server.emails.runOnce();
      const files = fs.readdirSync(dir).filter((name) => name.endsWith('.eml'));
      expect(files).toHaveLength(1);
      const eml = fs.readFileSync(path.join(dir, files[0]), 'utf8');
      expect(eml).toContain(`To: ${email}`);
      expect(eml).toContain(`Subject: You are invited to the organization Org ${org.slug} on Orgraph`);
      const logged = lines.map((line) => JSON.parse(line)).find((line) => line.email?.to === email);
      expect(logged.email.text).toContain(`${devApp.url}/invites/accept#token=ogi_`);
    } finally {
      await devApp.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps emails queued in production without SMTP_URL, and says so', async () => {
    const prodApp = await startTestApp({ NODE_ENV: 'production', ENCRYPTION_KEY: 'email-test-encryption-key-0123456789abcdef', PUBLIC_URL: 'https://orgraph.test', EMAIL_DIR: os.tmpdir() });
    try {
      expect(prodApp.server.mailer.mode).toBe('off');
      expect(prodApp.server.mailer.description).toMatch(/^NOT SENT: set SMTP_URL/);
      expect(await prodApp.server.emails.runOnce()).toBe(0);
    } finally {
      await prodApp.close();
    }
  });
});
