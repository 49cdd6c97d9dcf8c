import { Issuer, custom, generators, type BaseClient } from 'openid-client';
import type { DataSource, EntityManager } from 'typeorm';
import { UserInputFailure } from '../core/errors';
import { returnedRows } from '../core/dbErrors';
import { recordAudit, type Caller } from '../audit/audit';
import { SecretCipher } from '../secrets/secretCipher';
import type { TeamsService } from '../teams/teams.service';
import type { UsersService } from '../users/users.service';
import type { SsoRequirementReader } from '../policies/ssoRequirement';
import { User } from '../users/user.entity';
import { isOutboundError, type OutboundClient } from '../core/outbound';
import { discoverIssuer, guardClient } from './ssoDiscovery';
import { secureUnprovenAccount } from '../users/mailboxProof';
import type { DomainsService } from '../domains/domains.service';
import { isDeprovisionedByScim } from '../scim/scimStatus';
import { createPasswordlessUser } from '../users/accounts';
import { joinOrganization } from '../organizations/organizationMemberships';
import { OrganizationRole } from '../organizations/organizationMembership.entity';
import { joinTeams } from '../teams/teamMemberships';
import { TeamRole } from '../teams/teamMembership.entity';
import { teamById } from '../teams/teamLookup';

export interface SsoConnectionView {
  organizationId: string;
  issuer: string;
  clientId: string;
  defaultTeamId: string | null;
  updatedAt: Date;
}

export interface SetConnectionInput {
  issuer: string;
  clientId: string;
  clientSecret: string;
  defaultTeamId?: string | null;
}

/** A login failure with the HTTP status and stable code the callback answers with (never a 500). */
export class SsoLoginError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const LOGIN_TTL_MS = 10 * 60_000;

custom.setHttpOptionsDefaults({ timeout: 5000 });

/**
 * OIDC single sign-on (authorization code + PKCE, state and nonce) through `openid-client`, which verifies the ID
 * token (signature through the provider's JWKS, issuer, audience, nonce, expiry). Client secrets are sealed with
 * AES-256-GCM and never returned.
 */
export class SsoService {
  private readonly cipher: SecretCipher;

  constructor(
    private readonly db: DataSource,
    encryptionKey: string,
    private readonly users: UsersService,
    private readonly teams: TeamsService,
    private readonly policies: SsoRequirementReader,
    /** Discovery, JWKS, token and userinfo requests go through the outbound guard (the issuer is customer-typed). */
    private readonly outbound: OutboundClient,
    private readonly domains: Pick<DomainsService, 'isVerifiedFor'>,
  ) {
    this.cipher = new SecretCipher(encryptionKey, 'orgraph/sso-client-secrets/v1');
  }

  async connection(organizationId: string, manager: EntityManager = this.db.manager): Promise<SsoConnectionView | null> {
    const [row] = await manager.query<Array<{ organization_id: string; issuer: string; client_id: string; default_team_id: string | null; updated_at: Date } | undefined>>(
      `SELECT organization_id, issuer, client_id, default_team_id, updated_at FROM sso_connections WHERE organization_id = $1`,
      [organizationId],
    );
    return row
      ? { organizationId: row.organization_id, issuer: row.issuer, clientId: row.client_id, defaultTeamId: row.default_team_id, updatedAt: row.updated_at }
      : null;
  }

  async setConnection(caller: Caller, organizationId: string, input: SetConnectionInput): Promise<SsoConnectionView> {
    const checked = this.outbound.check(input.issuer);
    if (!checked.ok && checked.reason === 'DESTINATION_NOT_ALLOWED') {
      throw new UserInputFailure('DESTINATION_NOT_ALLOWED', 'The issuer must be a public address (not loopback, private, link-local, metadata or an internal name).', ['input', 'issuer']);
    }
    // Plain http only where the outbound guard lets loopback through (tests, local development).
    const loopbackHttp = checked.ok && checked.url.protocol === 'http:' && this.outbound.options.allowLoopback && ['localhost', '127.0.0.1', '[::1]'].includes(checked.url.hostname);
    if (!checked.ok || (checked.url.protocol !== 'https:' && !loopbackHttp)) {
      throw new UserInputFailure('INVALID_URL', 'The issuer must be an https URL.', ['input', 'issuer']);
    }
    if (!input.clientId.trim() || input.clientId.length > 500) throw new UserInputFailure('INVALID', 'Client id is required.', ['input', 'clientId']);
    if (!input.clientSecret || input.clientSecret.length > 2000) throw new UserInputFailure('INVALID', 'Client secret is required.', ['input', 'clientSecret']);
    const sealed = this.cipher.seal(input.clientSecret, organizationId);
    // While SSO is required, a replacement that cannot answer discovery would lock every person out.
    const probe = (await this.policies.ssoRequired(this.db.manager, organizationId)) ? await this.probe(input.issuer.replace(/\/$/, '')) : null;
    if (probe && !probe.ok) {
      throw new UserInputFailure('SSO_CONNECTION_UNREACHABLE', `SSO is required in this organization, so a new connection must work first. ${probe.message}`, ['input', 'issuer']);
    }
    return this.db.transaction(async (tx) => {
      if (input.defaultTeamId) {
        const team = await teamById(tx, input.defaultTeamId);
        if (!team || team.organizationId !== organizationId || team.archivedAt) throw new UserInputFailure('NOT_FOUND', 'The default team must be a team of this organization.', ['input', 'defaultTeamId']);
      }
      const before = await tx.query<Array<{ issuer: string; client_id: string }>>(`SELECT issuer, client_id FROM sso_connections WHERE organization_id = $1`, [organizationId]);
      await tx.query(
        `INSERT INTO sso_connections (organization_id, issuer, client_id, client_secret_ciphertext, client_secret_iv, client_secret_tag, default_team_id, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now())
         ON CONFLICT (organization_id) DO UPDATE SET issuer = $2, client_id = $3, client_secret_ciphertext = $4, client_secret_iv = $5,
           client_secret_tag = $6, default_team_id = $7, updated_at = now()`,
        [organizationId, input.issuer.replace(/\/$/, ''), input.clientId, sealed.ciphertext, sealed.iv, sealed.authTag, input.defaultTeamId ?? null],
      );
      await recordAudit(tx, caller, {
        organizationId,
        action: 'sso.setConnection',
        targetType: 'SsoConnection',
        targetId: organizationId,
        changes: {
          issuer: { before: before[0]?.issuer ?? null, after: input.issuer },
          clientId: { before: before[0]?.client_id ?? null, after: input.clientId },
          clientSecret: { before: before[0] ? '[set]' : null, after: '[set]' },
        },
      });
      return (await this.connection(organizationId, tx))!;
    });
  }

  async removeConnection(caller: Caller, organizationId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // Serialized with policy changes (they lock the organization row too), so "SSO required" cannot be turned on
      // while its connection is being removed unnoticed.
      await tx.query(`SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE`, [organizationId]);
      if ((await this.connection(organizationId, tx)) && (await this.policies.ssoRequired(tx, organizationId))) {
        throw new UserInputFailure('SSO_REQUIRED_ACTIVE', 'SSO is required in this organization: turn that off before removing the connection, or nobody could sign in.', ['input', 'organizationId']);
      }
      const removed = returnedRows(await tx.query(`DELETE FROM sso_connections WHERE organization_id = $1 RETURNING issuer`, [organizationId]));
      if (removed.length) {
        await recordAudit(tx, caller, { organizationId, action: 'sso.removeConnection', targetType: 'SsoConnection', targetId: organizationId });
      }
      return removed.length > 0;
    });
  }

  /** "Discovery works and the JWKS is reachable." */
  async test(organizationId: string): Promise<{ ok: boolean; message: string }> {
    const connection = await this.connection(organizationId);
    if (!connection) return { ok: false, message: 'No SSO connection is configured.' };
    return this.probe(connection.issuer);
  }

  /** `testSsoConnection`: the test, written to the audit log with its outcome (an admin's check is an event too). */
  async testAndRecord(caller: Caller, organizationId: string): Promise<{ ok: boolean; message: string }> {
    const result = await this.test(organizationId);
    await this.db.transaction((tx) =>
      recordAudit(tx, caller, {
        organizationId,
        action: 'sso.testConnection',
        targetType: 'SsoConnection',
        targetId: organizationId,
        changes: { result: { before: null, after: result.ok ? 'ok' : result.message } },
      }),
    );
    return result;
  }

  /**
   * Discovery answers and its JWKS has keys. The outcome is one of a few fixed sentences: what the target answered is
   * never echoed (through the guard it can only be a public host, but an admin's probe must not become a reader).
   */
  private async probe(issuerUrl: string): Promise<{ ok: boolean; message: string }> {
    const unreachable = { ok: false, message: 'The identity provider did not answer correctly: discovery failed (not reachable at a public address, not in time, or not OpenID metadata).' };
    let jwksUri: unknown;
    try {
      jwksUri = (await discoverIssuer(this.outbound, issuerUrl)).metadata.jwks_uri;
    } catch {
      return unreachable;
    }
    if (typeof jwksUri !== 'string') return { ok: false, message: 'Discovery works but names no jwks_uri.' };
    const answer = await this.outbound.request(jwksUri, { headers: { accept: 'application/json, application/jwk-set+json' } });
    let keys = 0;
    try {
      const jwks = answer.ok ? (JSON.parse(answer.body.toString('utf8')) as { keys?: unknown }) : null;
      keys = jwks && Array.isArray(jwks.keys) ? jwks.keys.length : 0;
    } catch {
      keys = 0;
    }
    if (keys === 0) return { ok: false, message: 'The JWKS named by discovery did not answer with signing keys (not reachable at a public address, not in time, or no keys).' };
    return { ok: true, message: `Discovery works and the JWKS has ${keys} key(s).` };
  }

  /** Begins a login: stores state, nonce and the PKCE verifier, and returns the provider's authorization URL. */
  async start(organizationSlug: string, callbackUrl: string): Promise<string> {
    const [organization] = await this.db.query<Array<{ id: string } | undefined>>(`SELECT id FROM organizations WHERE slug = $1`, [organizationSlug]);
    const connection = organization ? await this.connection(organization.id) : null;
    if (!organization || !connection) throw new SsoLoginError(404, 'SSO_NOT_CONFIGURED', 'This organization has no SSO connection.');
    const client = await this.client(organization.id, callbackUrl);
    const state = generators.state();
    const nonce = generators.nonce();
    const codeVerifier = generators.codeVerifier();
    // Pending logins live ten minutes; each start sweeps those long past so the table stays small.
    await this.db.query(`DELETE FROM sso_login_states WHERE expires_at < now() - interval '1 day'`);
    await this.db.query(
      `INSERT INTO sso_login_states (state, organization_id, code_verifier, nonce, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [state, organization.id, codeVerifier, nonce, new Date(Date.now() + LOGIN_TTL_MS)],
    );
    return client.authorizationUrl({
      scope: 'openid email profile',
      state,
      nonce,
      code_challenge: generators.codeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /** Completes a login: verifies everything, links or provisions the user, and issues an SSO session. */
  async callback(query: Record<string, string>, callbackUrl: string): Promise<{ token: string; expiresAt: Date; userId: string }> {
    if (query.error) throw new SsoLoginError(401, 'PROVIDER_REFUSED', `The identity provider refused the login: ${query.error}.`);
    if (!query.state || !query.code) throw new SsoLoginError(400, 'INVALID_CALLBACK', 'The callback needs `code` and `state`.');
    // Consuming the state first makes a replayed callback (same code, same state) fail here, before the provider.
    const [pending] = returnedRows<{ organization_id: string; code_verifier: string; nonce: string }>(
      await this.db.query(
        `UPDATE sso_login_states SET consumed_at = now() WHERE state = $1 AND consumed_at IS NULL AND expires_at > now()
         RETURNING organization_id, code_verifier, nonce`,
        [query.state],
      ),
    );
    if (!pending) throw new SsoLoginError(400, 'INVALID_STATE', 'Unknown, expired or already used login state; start the login again.');
    // The connection may have been removed while the user was at the provider.
    const connection = await this.connection(pending.organization_id);
    if (!connection) throw new SsoLoginError(404, 'SSO_NOT_CONFIGURED', 'This organization has no SSO connection.');
    const client = await this.client(pending.organization_id, callbackUrl);
    let claims: Record<string, unknown>;
    try {
      // Every parameter the provider sent goes to the library (RFC 9207's `iss` included), which checks them all.
      const tokens = await client.callback(callbackUrl, query, { state: query.state, nonce: pending.nonce, code_verifier: pending.code_verifier });
      claims = tokens.claims();
      // Providers that keep email claims out of the ID token give them at userinfo (the library checks `sub`).
      if (claims.email === undefined && tokens.access_token) claims = { ...(await client.userinfo(tokens)), ...claims };
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      // The outbound guard refused or cut the request (non-public address, timeout, size): say nothing more.
      if (isOutboundError(error)) throw new SsoLoginError(502, 'PROVIDER_UNAVAILABLE', 'The identity provider is not reachable.');
      if ((error as { name?: string }).name === 'OPError') throw new SsoLoginError(400, 'CODE_REJECTED', `The identity provider rejected the code: ${message}.`);
      if (/ECONNREFUSED|ETIMEDOUT|ENOTFOUND|socket hang up|timeout/i.test(message)) {
        throw new SsoLoginError(502, 'PROVIDER_UNAVAILABLE', 'The identity provider is not reachable.');
      }
      throw new SsoLoginError(401, 'ID_TOKEN_INVALID', `The ID token did not verify: ${message}.`);
    }
    const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : '';
    if (claims.email_verified !== true) throw new SsoLoginError(403, 'EMAIL_NOT_VERIFIED', 'The identity provider has not verified this email address.');
    // The trust boundary (docs/sso.md): whoever runs the identity provider can put any email in a token, so an email
    // links or provisions anyone only in a domain this organization has proven through DNS. Otherwise an
    // organization admin could point the connection at their own provider and sign in as anyone.
    const domain = /^[^@\s]+@([^@\s]+)$/.exec(email)?.[1] ?? '';
    const notProven = () => new SsoLoginError(403, 'EMAIL_DOMAIN_NOT_ALLOWED', 'This email’s domain is not one of the organization’s verified domains (proven through DNS); nobody is linked or provisioned through it.');
    if (!domain) throw notProven();
    const issuer = String(claims.iss);
    const subject = String(claims.sub);
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 100) : email.split('@')[0];
    return this.db.transaction(async (tx) => {
      // Checked in the transaction that links, holding the proof (FOR SHARE), so a concurrent removeDomain cannot
      // slip between the check and the link.
      if (!(await this.domains.isVerifiedFor(pending.organization_id, domain, tx, true))) throw notProven();
      const user = await this.linkOrProvision(tx, pending.organization_id, connection.defaultTeamId, issuer, subject, email, name);
      const grant = await this.users.createSession(tx, user, 'SSO', pending.organization_id);
      return { token: grant.token, expiresAt: grant.session.expiresAt, userId: user.id };
    });
  }

  /** Whether any ADMIN of the organization has signed in through its SSO (the lock-out guard for "SSO required"). */
  async assertCanRequireSso(organizationId: string): Promise<void> {
    const check = await this.test(organizationId);
    if (!check.ok) throw new UserInputFailure('SSO_CONNECTION_REQUIRED', `SSO cannot be required without a working connection. ${check.message}`, ['input', 'settings', 'ssoRequired']);
    await this.assertSsoAdmin(this.db.manager, organizationId);
  }

  /** The same guard inside the policy change's transaction (under the organization lock), without calling the provider. */
  async assertStillCanRequireSso(tx: EntityManager, organizationId: string): Promise<void> {
    if (!(await this.connection(organizationId, tx))) {
      throw new UserInputFailure('SSO_CONNECTION_REQUIRED', 'SSO cannot be required without a connection (it was just removed).', ['input', 'settings', 'ssoRequired']);
    }
    await this.assertSsoAdmin(tx, organizationId);
  }

  private async assertSsoAdmin(manager: EntityManager, organizationId: string): Promise<void> {
    const [admin] = await manager.query<unknown[]>(
      `SELECT 1 FROM organization_memberships m JOIN sso_identities i ON i.user_id = m.user_id AND i.organization_id = m.organization_id
        WHERE m.organization_id = $1 AND m.role = 'ADMIN' LIMIT 1`,
      [organizationId],
    );
    if (!admin) {
      throw new UserInputFailure('SSO_LOCKOUT', 'At least one organization admin must have signed in through SSO before SSO can be required (or nobody could administer the organization).', ['input', 'settings', 'ssoRequired']);
    }
  }

  private async linkOrProvision(tx: EntityManager, organizationId: string, defaultTeamId: string | null, issuer: string, subject: string, email: string, name: string): Promise<User> {
    const users = tx.getRepository(User);
    // An identity links to the person it linked before through THIS organization's connection only. Another
    // organization's provider may claim the same issuer string in its discovery document and mint any subject, so
    // (issuer, subject) rows of other organizations prove nothing here; across organizations, people are matched
    // only by an email in this organization's proven domain.
    const [identity] = await tx.query<Array<{ user_id: string } | undefined>>(
      `SELECT user_id FROM sso_identities WHERE organization_id = $1 AND issuer = $2 AND subject = $3`,
      [organizationId, issuer, subject],
    );
    let user = identity ? await users.findOneByOrFail({ id: identity.user_id }) : await users.createQueryBuilder('u').where('lower(u.email) = :email', { email }).getOne();
    if (!user) {
      user = await createPasswordlessUser(tx, email, name);
      await this.teams.createPersonalTeam(tx, user);
    } else {
      // Whom the organization's identity provider deactivated over SCIM does not walk back in through a login.
      if (await isDeprovisionedByScim(tx, organizationId, user.id)) {
        throw new SsoLoginError(403, 'DEPROVISIONED', 'Your organization’s identity provider has deactivated you in this organization.');
      }
      // Linking by email (or an identity linked before this rule): a password chosen by whoever registered the address first must not survive (D2).
      const secured = await secureUnprovenAccount(tx, user.id, 'SSO');
      const actor = { kind: 'USER' as const, userId: user.id, sessionId: '', method: 'SSO' as const, ssoOrganizationId: organizationId };
      if (secured) await recordAudit(tx, { actor, requestId: 'sso-login', ip: null }, { organizationId, ...secured });
    }
    await tx.query(
      `INSERT INTO sso_identities (organization_id, issuer, subject, user_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [organizationId, issuer, subject, user.id],
    );
    const joined = await joinOrganization(tx, organizationId, user.id, OrganizationRole.MEMBER);
    if (joined && defaultTeamId) await joinTeams(tx, user.id, [{ teamId: defaultTeamId, role: TeamRole.DEVELOPER }]);
    if (joined) {
      await recordAudit(tx, { actor: { kind: 'USER', userId: user.id, sessionId: '', method: 'SSO', ssoOrganizationId: organizationId }, requestId: 'sso-login', ip: null }, {
        organizationId,
        action: 'member.provisionBySso',
        targetType: 'User',
        targetId: user.id,
      });
    }
    return user;
  }

  private async client(organizationId: string, callbackUrl: string): Promise<BaseClient> {
    const [row] = await this.db.query<Array<{ issuer: string; client_id: string; client_secret_ciphertext: Buffer; client_secret_iv: Buffer; client_secret_tag: Buffer } | undefined>>(`SELECT * FROM sso_connections WHERE organization_id = $1`, [organizationId]);
    if (!row) throw new SsoLoginError(404, 'SSO_NOT_CONFIGURED', 'This organization has no SSO connection.');
    // Discovery per login (logins are rare): a fresh issuer also fetches a fresh JWKS, so a provider that rotated
    // its signing key (new `kid`) is trusted at once instead of after the library's JWKS refresh throttle.
    let issuer: Issuer;
    try {
      issuer = await discoverIssuer(this.outbound, row.issuer);
    } catch {
      throw new SsoLoginError(502, 'PROVIDER_UNAVAILABLE', 'The identity provider is not reachable (discovery failed).');
    }
    const secret = this.cipher.open({ ciphertext: row.client_secret_ciphertext, iv: row.client_secret_iv, authTag: row.client_secret_tag }, organizationId);
    return guardClient(this.outbound, new issuer.Client({ client_id: row.client_id, client_secret: secret, redirect_uris: [callbackUrl], response_types: ['code'] }));
  }
}
