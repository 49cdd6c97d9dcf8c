import { graphql } from './support/gql';
import { startTestApp, type TestApp } from './support/testApp';
import { signUp, unique } from './support/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const VIEWER = graphql(`query SessionsViewer { viewer { email name sessionMethod personalAccount { username kind } organizations { slug } teams { username } } }`);
const LOGIN = graphql(`mutation SessionsLogin($input: LoginInput!) { login(input: $input) { token expiresAt user { email } userErrors { field code message } } }`);

describe('sign-up, login, logout and sessions', () => {
  it('signs up with a personal account and answers viewer with the session token', async () => {
    const email = `${unique('Ada')}@Example.com`;
    const user = await signUp(app, { email, name: 'Ada Lovelace' });
    const { viewer } = await app.data(VIEWER, {}, { token: user.token });
    expect(viewer.email).toBe(email.toLowerCase());
    expect(viewer.name).toBe('Ada Lovelace');
    expect(viewer.sessionMethod).toBe('PASSWORD');
    expect(viewer.personalAccount!.kind).toBe('PERSONAL');
    expect(viewer.personalAccount!.username).toMatch(/^ada-/);
    expect(viewer.teams.map((t: { username: string }) => t.username)).toEqual([viewer.personalAccount!.username]);
  });

  it('stores only an argon2id hash of the password and a SHA-256 of the session token', async () => {
    const user = await signUp(app, { password: 'my very secret password' });
    const [row] = await app.db.query(`SELECT password_hash FROM users WHERE email = $1`, [user.email]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const sessions = await app.db.query(`SELECT token_hash FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1`, [user.email]);
    expect(sessions).toHaveLength(1);
    expect(sessions[0].token_hash).not.toContain(user.token);
    expect(sessions[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects a second account with the same email in any letter case', async () => {
    const email = `${unique('dup')}@example.com`;
    await signUp(app, { email });
    const response = await app.data(
      graphql(`mutation SessionsSignUp($input: SignUpInput!) { signUp(input: $input) { token userErrors { field code } } }`),
      { input: { email: email.toUpperCase(), name: 'Again', password: 'another long password' } },
    );
    expect(response.signUp).toEqual({ token: null, userErrors: [{ field: ['input', 'email'], code: 'TAKEN' }] });
  });

  it('validates email, name and password with field-level userErrors', async () => {
    const cases = [
      [{ email: 'not-an-email', name: 'X', password: 'long enough password' }, ['input', 'email'], 'INVALID'],
      [{ email: `${unique('a')}@example.com`, name: ' ', password: 'long enough password' }, ['input', 'name'], 'INVALID'],
      [{ email: `${unique('a')}@example.com`, name: 'X', password: 'short' }, ['input', 'password'], 'WEAK_PASSWORD'],
    ] as const;
    for (const [input, field, code] of cases) {
      const { signUp: payload } = await app.data(
        graphql(`mutation SessionsSignUp2($input: SignUpInput!) { signUp(input: $input) { token userErrors { field code } } }`),
        { input },
      );
      expect(payload.userErrors).toEqual([{ field, code }]);
    }
  });

  it('logs in with the right password; wrong email and wrong password look the same', async () => {
    const user = await signUp(app, { password: 'the right password' });
    const ok = await app.data(LOGIN, { input: { email: user.email.toUpperCase(), password: 'the right password' } });
    expect(ok.login.token).toMatch(/^ogs_/);
    expect(ok.login.userErrors).toEqual([]);

    const wrongPassword = await app.data(LOGIN, { input: { email: user.email, password: 'the wrong password' } });
    const wrongEmail = await app.data(LOGIN, { input: { email: `nobody-${user.email}`, password: 'the right password' } });
    expect(wrongPassword.login).toEqual(wrongEmail.login);
    expect(wrongPassword.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
  });

  it('logout revokes the session at once', async () => {
    const user = await signUp(app);
    const { logout } = await app.data(graphql(`mutation SessionsLogout { logout { revoked userErrors { code } } }`), {}, { token: user.token });
    expect(logout).toEqual({ revoked: true, userErrors: [] });
    const after = await app.gql(VIEWER, {}, { token: user.token });
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('an expired session is rejected with the same message as a garbage token', async () => {
    const user = await signUp(app);
    await app.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM users WHERE email = $1)`, [user.email]);
    const expired = await app.gql(VIEWER, {}, { token: user.token });
    const garbage = await app.gql(VIEWER, {}, { token: 'ogs_garbage' });
    const malformed = await app.gql(VIEWER, {}, { bearer: 'two words' });
    for (const response of [expired, garbage, malformed]) {
      expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.body.errors?.[0]?.message).toBe(expired.body.errors?.[0]?.message);
    }
  });

  it('viewer without credentials is UNAUTHENTICATED', async () => {
    const response = await app.gql(VIEWER);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.body.errors?.[0]?.extensions?.requestId).toEqual(response.headers.get('x-request-id'));
  });
});
