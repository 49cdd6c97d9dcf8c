import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from './support/testApp';
import { createOrganization, unique, type SignedUpUser } from './support/factories';
import { CREATE_INVITE } from './support/people';
import { linkIn, startSmtpReceiver, type SmtpReceiver } from './support/smtpReceiver';

/**
 * The links in emails, opened in a real browser as a recipient would: the message arrives over SMTP, the link opens
 * Orgraph's page, the person fills it in, and the page signs them in (or sets their password) through the API.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let smtp: SmtpReceiver;
let app: TestApp;
let browser: Browser;
beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package or set CHROMIUM_PATH`);
  smtp = await startSmtpReceiver();
  app = await startTestApp({ SMTP_URL: smtp.url, SIGN_UP_CONFIRMATION: 'true', EMAIL_POLL_MS: '600000' });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await smtp?.close();
});

async function linkMailedTo(email: string, count = 1): Promise<string> {
  await app.server.emails.runOnce();
  const mails = await smtp.waitFor(email, count);
  expect(mails).toHaveLength(count);
  return linkIn(mails[count - 1].text).toString();
}

/** Opens a link in a fresh browser context, lets `act` fill the page, and returns the status line and stored session. */
async function openAndSubmit(link: string, act: (page: Page) => Promise<void>, expected: string) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(link);
    await act(page);
    await page.waitForFunction((text) => document.getElementById('result')?.textContent === text, expected, { timeout: 10_000 }).catch(async () => {
      throw new Error(`page said: ${await page.textContent('#result')}`);
    });
    expect(errors).toEqual([]);
    return { token: await page.evaluate(() => sessionStorage.getItem('orgraphToken')) };
  } finally {
    await context.close();
  }
}

/** An account with a session, made directly (sign-ups on this server wait for email confirmation). */
async function account(prefix: string): Promise<SignedUpUser> {
  const caller = { actor: { kind: 'OPERATOR' as const }, requestId: 'test', ip: null };
  const grant = await app.server.services.users.signUp(caller, { email: `${unique(prefix)}@example.com`, name: prefix, password: `${prefix} password 1` });
  return { id: grant.user.id, email: grant.user.email, token: grant.token };
}

async function viewerOrgs(token: string): Promise<string[]> {
  return (await app.data(`{ viewer { organizations { slug viewerRole } } }`, {}, { token })).viewer.organizations.map((o: any) => `${o.slug}:${o.viewerRole}`);
}

describe('email links in a browser', () => {
  it('an invite link creates the invitee’s account, accepts, and signs them in', async () => {
    const adminUser = await account('admin');
    const org = await createOrganization(app, adminUser);
    const invitee = `${unique('newcomer')}@example.com`;
    await app.data(CREATE_INVITE, { input: { organizationId: org.id, email: invitee, organizationRole: 'BILLING' } }, { token: adminUser.token });
    const link = await linkMailedTo(invitee);

    const { token } = await openAndSubmit(
      link,
      async (page) => {
        await page.fill('#second input[name=name]', 'New Comer');
        await page.fill('#second input[name=password]', 'newcomer password 1');
        await page.click('#second button[type=submit]');
      },
      'Account created and invite accepted. You are signed in.',
    );
    expect(await viewerOrgs(token!)).toEqual([`${org.slug}:BILLING`]);
    // The account is the invited address's, with the chosen password.
    const { login } = await app.data(`mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: { email: invitee, password: 'newcomer password 1' } });
    expect(login.token).toEqual(expect.any(String));
    // The link worked once.
    await openAndSubmit(
      link,
      async (page) => {
        await page.fill('#second input[name=name]', 'Again');
        await page.fill('#second input[name=password]', 'another password 2');
        await page.click('#second button[type=submit]');
      },
      'This invite is accepted.',
    );
  }, 60_000);

  it('an invite link signs an existing user in and accepts', async () => {
    const adminUser = await account('admin');
    const org = await createOrganization(app, adminUser);
    const existing = await account('member');
    await app.data(CREATE_INVITE, { input: { organizationId: org.id, email: existing.email } }, { token: adminUser.token });
    const link = await linkMailedTo(existing.email);
    const { token } = await openAndSubmit(
      link,
      async (page) => {
        await page.fill('#form input[name=email]', existing.email);
        await page.fill('#form input[name=password]', 'member password 1');
        await page.click('#form button[type=submit]');
      },
      'Invite accepted. You are signed in.',
    );
    expect(await viewerOrgs(token!)).toEqual([`${org.slug}:MEMBER`]);
  }, 60_000);

  it('a sign-up confirmation link creates the account and signs in; a reset link sets a new password', async () => {
    const email = `${unique('fresh')}@example.com`;
    await app.data(`mutation($i: SignUpInput!) { signUp(input: $i) { confirmationSent } }`, { i: { email, name: 'Fresh', password: 'fresh password 1' } });
    const confirm = await linkMailedTo(email);
    const { token } = await openAndSubmit(confirm, (page) => page.click('#form button[type=submit]'), 'Account confirmed. You are signed in.');
    expect((await app.data(`{ viewer { email } }`, {}, { token: token! })).viewer.email).toBe(email);

    await app.data(`mutation($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) { accepted } }`, { i: { email } });
    const reset = await linkMailedTo(email, 2);
    await openAndSubmit(
      reset,
      async (page) => {
        await page.fill('#form input[name=password]', 'brand new password');
        await page.click('#form button[type=submit]');
      },
      'Password changed. Sign in with your new password.',
    );
    const { login } = await app.data(`mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: { email, password: 'brand new password' } });
    expect(login.token).toEqual(expect.any(String));
    // The reset ended the session the confirmation opened.
    expect((await app.gql(`{ viewer { email } }`, {}, { token: token! })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }, 60_000);
});
