import { startTestApp, type TestApp } from './support/testApp';
import { unique } from './support/factories';
import { linkIn, startSmtpReceiver, type SmtpReceiver } from './support/smtpReceiver';

// A server as production runs it: sign-ups are confirmed by email, and emails really go out (to a loopback relay).
let smtp: SmtpReceiver;
let app: TestApp;
beforeAll(async () => {
  smtp = await startSmtpReceiver();
  app = await startTestApp({ SIGN_UP_CONFIRMATION: 'true', SMTP_URL: smtp.url, EMAIL_POLL_MS: '600000' });
});
afterAll(async () => {
  await app.close();
  await smtp.close();
});

const SIGN_UP = `mutation($i: SignUpInput!) { signUp(input: $i) { token expiresAt user { id } confirmationSent userErrors { field code message } } }`;
const CONFIRM = `mutation($i: ConfirmSignUpInput!) { confirmSignUp(input: $i) { token user { id email } userErrors { field code } } }`;
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { token userErrors { code } } }`;
const CHANGE = `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { endedSessions userErrors { field code } } }`;
const REQUEST_RESET = `mutation($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) { accepted userErrors { code } } }`;
const RESET = `mutation($i: ResetPasswordInput!) { resetPassword(input: $i) { passwordReset userErrors { field code } } }`;
const SIGN_OUT_EVERYWHERE = `mutation { signOutEverywhere { endedSessions userErrors { code } } }`;
const VIEWER = `{ viewer { email } }`;

/** Delivers the outbox and returns the newest email to this address with the token of its link. */
async function mailTo(email: string, count = 1) {
  await app.server.emails.runOnce();
  const mails = await smtp.waitFor(email, count);
  expect(mails).toHaveLength(count);
  const mail = mails[count - 1];
  const link = /https?:\/\//.test(mail.text) ? linkIn(mail.text) : null;
  return { ...mail, link, token: link ? new URLSearchParams(link.hash.slice(1)).get('token') : null };
}

async function signedIn(token: string | null): Promise<boolean> {
  const response = await app.gql(VIEWER, {}, token ? { token } : undefined);
  return Boolean(response.body.data?.viewer);
}

async function auditActions(userId: string): Promise<string[]> {
  const rows = await app.db.query(`SELECT action FROM audit_events WHERE target_type = 'User' AND target_id = $1 ORDER BY created_at, action`, [userId]);
  return rows.map((r: any) => r.action);
}

/** A confirmed account, made the way a person makes one: sign up, open the emailed link. */
async function account(password = 'first password 1') {
  const email = `${unique('acct')}@example.com`;
  const { signUp } = await app.data(SIGN_UP, { i: { email, name: 'Account Owner', password } });
  expect(signUp).toEqual({ token: null, expiresAt: null, user: null, confirmationSent: true, userErrors: [] });
  const mail = await mailTo(email);
  const { confirmSignUp } = await app.data(CONFIRM, { i: { token: mail.token } });
  expect(confirmSignUp.userErrors).toEqual([]);
  // The user's database id (the API gives a global id), for reading its audit events and reset rows.
  const id = Buffer.from(confirmSignUp.user.id as string, 'base64url').toString('utf8').replace(/^User:/, '');
  return { email, password, id, token: confirmSignUp.token as string };
}

async function login(email: string, password: string): Promise<string | null> {
  const { login: result } = await app.data(LOGIN, { i: { email, password } });
  return result.token;
}

describe('sign-up answers the same for every address', () => {
  it('a new address gets a confirmation link that creates the account once; an existing one gets an explanation by email', async () => {
    const email = `${unique('new')}@example.com`;
    const fresh = await app.data(SIGN_UP, { i: { email, name: 'New Person', password: 'a good password' } });
    const existing = await account();
    const again = await app.data(SIGN_UP, { i: { email: existing.email.toUpperCase(), name: 'Attacker', password: 'another password' } });
    // Identical answers: nothing tells the caller which address had an account.
    expect(again).toEqual(fresh);
    expect(fresh.signUp).toEqual({ token: null, expiresAt: null, user: null, confirmationSent: true, userErrors: [] });

    // No account until the link is opened.
    expect(await login(email, 'a good password')).toBeNull();
    const confirmation = await mailTo(email);
    expect(confirmation.subject).toBe('Confirm your Orgraph account');
    expect(confirmation.link!.pathname).toBe('/sign-up/confirm');
    expect(`${confirmation.link!.protocol}//${confirmation.link!.host}`).toBe(app.url);
    expect((await fetch(confirmation.link!)).status).toBe(200);
    const { confirmSignUp } = await app.data(CONFIRM, { i: { token: confirmation.token } });
    expect(confirmSignUp.user.email).toBe(email);
    expect(await signedIn(confirmSignUp.token)).toBe(true);
    expect((await app.data(CONFIRM, { i: { token: confirmation.token } })).confirmSignUp.userErrors.map((e: any) => e.code)).toEqual(['INVALID_TOKEN']);
    const [stored] = await app.db.query(`SELECT token_hash FROM pending_sign_ups WHERE lower(email) = $1`, [email]);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);

    // The existing account's owner is told, with a reset link that works; the account itself is unchanged.
    const explanation = await mailTo(existing.email, 2);
    expect(explanation.subject).toBe('You already have an Orgraph account');
    expect(explanation.link!.pathname).toBe('/password-reset');
    expect(await login(existing.email, existing.password)).toEqual(expect.any(String));
    expect(await login(existing.email, 'another password')).toBeNull();
    const { resetPassword } = await app.data(RESET, { i: { token: explanation.token, newPassword: 'owner chose this' } });
    expect(resetPassword).toEqual({ passwordReset: true, userErrors: [] });
    expect(await login(existing.email, 'owner chose this')).toEqual(expect.any(String));
    expect(await auditActions(existing.id)).toEqual(expect.arrayContaining(['user.signup', 'user.signup_existing', 'user.password_reset']));
  });

  it('refuses an expired confirmation link', async () => {
    const email = `${unique('late')}@example.com`;
    await app.data(SIGN_UP, { i: { email, name: 'Late Person', password: 'a good password' } });
    const mail = await mailTo(email);
    await app.db.query(`UPDATE pending_sign_ups SET expires_at = now() - interval '1 second' WHERE lower(email) = $1`, [email]);
    expect((await app.data(CONFIRM, { i: { token: mail.token } })).confirmSignUp.userErrors.map((e: any) => e.code)).toEqual(['INVALID_TOKEN']);
  });
});

describe('password change', () => {
  it('needs the current password, ends every other session, keeps this one, and is audited and notified', async () => {
    const user = await account();
    const other = await login(user.email, user.password);
    const third = await login(user.email, user.password);
    const wrong = await app.data(CHANGE, { i: { currentPassword: 'not it at all', newPassword: 'second password 2' } }, { token: user.token });
    expect(wrong.changePassword.userErrors).toEqual([{ field: ['input', 'currentPassword'], code: 'INVALID_CREDENTIALS' }]);
    const weak = await app.data(CHANGE, { i: { currentPassword: user.password, newPassword: 'short' } }, { token: user.token });
    expect(weak.changePassword.userErrors).toEqual([{ field: ['input', 'newPassword'], code: 'WEAK_PASSWORD' }]);
    expect(await signedIn(other)).toBe(true);

    const { changePassword } = await app.data(CHANGE, { i: { currentPassword: user.password, newPassword: 'second password 2' } }, { token: user.token });
    expect(changePassword).toEqual({ endedSessions: 2, userErrors: [] });
    expect(await signedIn(user.token)).toBe(true);
    expect(await signedIn(other)).toBe(false);
    expect(await signedIn(third)).toBe(false);
    expect(await login(user.email, user.password)).toBeNull();
    expect(await login(user.email, 'second password 2')).toEqual(expect.any(String));
    expect(await auditActions(user.id)).toContain('user.password_change');
    expect((await mailTo(user.email, 2)).subject).toBe('Your Orgraph password was changed');
  });

  it('is for signed-in users only', async () => {
    const anonymous = await app.gql(CHANGE, { i: { currentPassword: 'x', newPassword: 'second password 2' } });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('password reset by emailed token', () => {
  it('answers the same for unknown addresses, mails a single-use hashed token, and ends every session', async () => {
    const user = await account();
    const other = await login(user.email, user.password);
    const unknown = `${unique('nobody')}@example.com`;
    const forUnknown = await app.data(REQUEST_RESET, { i: { email: unknown } });
    const forUser = await app.data(REQUEST_RESET, { i: { email: user.email.toUpperCase() } });
    expect(forUnknown).toEqual(forUser);
    expect(forUser.requestPasswordReset).toEqual({ accepted: true, userErrors: [] });

    const mail = await mailTo(user.email, 2);
    expect(await smtp.waitFor(unknown, 1, 100)).toEqual([]);
    expect(mail.subject).toBe('Reset your Orgraph password');
    expect(mail.link!.pathname).toBe('/password-reset');
    expect(mail.token).toMatch(/^ogr_/);
    const page = await fetch(mail.link!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Choose a new password');
    const stored = await app.db.query(`SELECT token_hash FROM password_resets WHERE user_id = $1`, [user.id]);
    expect(stored.map((r: any) => r.token_hash).join()).not.toContain(mail.token);

    const weak = await app.data(RESET, { i: { token: mail.token, newPassword: 'short' } });
    expect(weak.resetPassword.userErrors.map((e: any) => e.code)).toEqual(['WEAK_PASSWORD']);
    const { resetPassword } = await app.data(RESET, { i: { token: mail.token, newPassword: 'reset password 3' } });
    expect(resetPassword).toEqual({ passwordReset: true, userErrors: [] });
    expect(await signedIn(user.token)).toBe(false);
    expect(await signedIn(other)).toBe(false);
    expect(await login(user.email, 'reset password 3')).toEqual(expect.any(String));
    // Single use.
    const reused = await app.data(RESET, { i: { token: mail.token, newPassword: 'reset password 4' } });
    expect(reused.resetPassword.userErrors).toEqual([{ field: ['input', 'token'], code: 'INVALID_TOKEN' }]);
    expect(await auditActions(user.id)).toEqual(expect.arrayContaining(['user.password_reset_request', 'user.password_reset']));
  });

  it('refuses expired and superseded tokens alike', async () => {
    const user = await account();
    await app.data(REQUEST_RESET, { i: { email: user.email } });
    const first = await mailTo(user.email, 2);
    await app.data(REQUEST_RESET, { i: { email: user.email } });
    const second = await mailTo(user.email, 3);
    const superseded = await app.data(RESET, { i: { token: first.token, newPassword: 'reset password 5' } });
    expect(superseded.resetPassword.userErrors.map((e: any) => e.code)).toEqual(['INVALID_TOKEN']);
    await app.db.query(`UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    const expired = await app.data(RESET, { i: { token: second.token, newPassword: 'reset password 5' } });
    expect(expired.resetPassword.userErrors.map((e: any) => e.code)).toEqual(['INVALID_TOKEN']);
    expect(await login(user.email, user.password)).toEqual(expect.any(String));
  });

  it('a password change voids a reset link asked for before it', async () => {
    const user = await account();
    await app.data(REQUEST_RESET, { i: { email: user.email } });
    const mail = await mailTo(user.email, 2);
    await app.data(CHANGE, { i: { currentPassword: user.password, newPassword: 'changed password 6' } }, { token: user.token });
    const late = await app.data(RESET, { i: { token: mail.token, newPassword: 'attacker password 7' } });
    expect(late.resetPassword.userErrors.map((e: any) => e.code)).toEqual(['INVALID_TOKEN']);
  });
});

describe('sign out everywhere', () => {
  it('ends every session of the user, this one included, and nobody else’s', async () => {
    const user = await account();
    const other = await login(user.email, user.password);
    const someoneElse = await account();
    const { signOutEverywhere } = await app.data(SIGN_OUT_EVERYWHERE, {}, { token: other! });
    expect(signOutEverywhere).toEqual({ endedSessions: 2, userErrors: [] });
    expect(await signedIn(user.token)).toBe(false);
    expect(await signedIn(other)).toBe(false);
    expect(await signedIn(someoneElse.token)).toBe(true);
    expect(await auditActions(user.id)).toContain('user.sign_out_everywhere');
    expect((await app.gql(SIGN_OUT_EVERYWHERE)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('account emails anyone can trigger', () => {
  it('are capped per address, with the same answer past the cap', async () => {
    const user = await account();
    const answers = [];
    for (let i = 0; i < 7; i += 1) answers.push((await app.data(REQUEST_RESET, { i: { email: user.email } })).requestPasswordReset);
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify({ accepted: true, userErrors: [] })]));
    await app.server.emails.runOnce();
    await app.server.emails.runOnce();
    // One confirmation (the sign-up) and four resets: five account emails in the hour, then nothing more.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const subjects = (await smtp.waitFor(user.email, 5)).map((m) => m.subject);
    expect(subjects.filter((s) => s === 'Reset your Orgraph password')).toHaveLength(4);
    expect(await app.db.query(`SELECT count(*)::int AS n FROM email_outbox WHERE recipient = $1 AND kind = 'PASSWORD_RESET'`, [user.email])).toEqual([{ n: 4 }]);
  });
});
