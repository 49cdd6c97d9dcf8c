// A real OpenID Connect provider (the `oidc-provider` package) for the SSO tests, run as its own Node process
// because the package is ESM-only. Configuration comes from the environment; it prints "READY <port>" on stdout.
//   OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI, OIDC_KEY_SEED (changes the signing key and kid),
//   OIDC_ACCOUNTS (JSON: { "<login>": { "email": "...", "email_verified": true } }), OIDC_CLOCK_OFFSET_MS.
import crypto from 'node:crypto';
import Provider from 'oidc-provider';

const offset = Number(process.env.OIDC_CLOCK_OFFSET_MS ?? 0);
if (offset) {
  const realNow = Date.now;
  Date.now = () => realNow() + offset;
}

const port = Number(process.env.OIDC_PORT);
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS ?? '{}');
const seed = process.env.OIDC_KEY_SEED ?? 'one';
const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `key-${seed}`, use: 'sig', alg: 'RS256' };

// OIDC_ISSUER: the issuer it claims (default: its own address); another value plays a provider lying about who it is.
const provider = new Provider(process.env.OIDC_ISSUER || `http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID,
      client_secret: process.env.OIDC_CLIENT_SECRET,
      redirect_uris: [process.env.OIDC_REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  jwks: { keys: [jwk] },
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  features: { devInteractions: { enabled: true } },
  ttl: { IdToken: 3600, AccessToken: 3600, AuthorizationCode: 60, Interaction: 600, Session: 600, Grant: 600 },
  findAccount: async (_ctx, id) => {
    const account = accounts[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, name: account.name ?? id, email: account.email, email_verified: account.email_verified }) };
  },
});
provider.proxy = false;
const server = provider.listen(port, '127.0.0.1', () => console.log(`READY ${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
