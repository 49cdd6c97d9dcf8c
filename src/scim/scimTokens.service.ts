import type { DataSource, EntityManager } from 'typeorm';
import { UserInputFailure } from '../core/errors';
import { returnedRows } from '../core/dbErrors';
import { paginate, type PageArgs } from '../core/relay';
import { randomToken, sha256Hex } from '../auth/tokens';
import { recordAudit, type Caller } from '../audit/audit';
import { ScimToken } from './scimToken.entity';
import { ScimTokenConnection } from './scim.types';

const TOKEN_PREFIX = 'ogscim_';
const TOKEN_PATTERN = /^ogscim_[A-Za-z0-9_-]{43}$/;

export interface CreatedScimToken {
  scimToken: ScimToken;
  /** The bearer secret, returned exactly once. */
  token: string;
}

/**
 * SCIM bearer tokens: one organization each, random, stored as SHA-256, shown once. They authenticate /scim/v2 only
 * (the GraphQL authenticator does not know them, and /scim/v2 knows nothing else).
 */
export class ScimTokensService {
  constructor(private readonly db: DataSource) {}

  async create(caller: Caller, organizationId: string, description: string): Promise<CreatedScimToken> {
    const text = description.trim();
    if (text.length < 1 || text.length > 200) throw new UserInputFailure('INVALID', 'Description must be 1–200 characters.', ['input', 'description']);
    return this.db.transaction((tx) => this.insert(tx, caller, organizationId, text, 'scim.token.create'));
  }

  /** Revokes the token and issues its replacement (same description) in one transaction. */
  async rotate(caller: Caller, token: ScimToken): Promise<CreatedScimToken> {
    return this.db.transaction(async (tx) => {
      const revoked = returnedRows(await tx.query(`UPDATE scim_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id`, [token.id]));
      if (revoked.length === 0) throw new UserInputFailure('REVOKED', 'This token is already revoked; create a new one instead.', ['input', 'tokenId']);
      await recordAudit(tx, caller, { organizationId: token.organizationId, action: 'scim.token.revoke', targetType: 'ScimToken', targetId: token.id, changes: { reason: { before: null, after: 'ROTATED' } } });
      return this.insert(tx, caller, token.organizationId, token.description, 'scim.token.rotate');
    });
  }

  async revoke(caller: Caller, token: ScimToken): Promise<ScimToken> {
    return this.db.transaction(async (tx) => {
      const [row] = returnedRows<{ revoked_at: Date }>(await tx.query(`UPDATE scim_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING revoked_at`, [token.id]));
      if (!row) return (await tx.getRepository(ScimToken).findOneByOrFail({ id: token.id }));
      await recordAudit(tx, caller, { organizationId: token.organizationId, action: 'scim.token.revoke', targetType: 'ScimToken', targetId: token.id, changes: { revokedAt: { before: null, after: row.revoked_at.toISOString() } } });
      return { ...token, revokedAt: row.revoked_at };
    });
  }

  findById(id: string): Promise<ScimToken | null> {
    return this.db.getRepository(ScimToken).findOneBy({ id });
  }

  connection(organizationId: string, args: PageArgs & { includeRevoked?: boolean | null }): Promise<ScimTokenConnection> {
    const query = this.db.getRepository(ScimToken).createQueryBuilder('token').where('token.organization_id = :organizationId', { organizationId });
    if (!args.includeRevoked) query.andWhere('token.revoked_at IS NULL');
    return paginate(query, args, {
      connection: ScimTokenConnection,
      orderBy: "date_trunc('milliseconds', token.created_at)",
      orderValue: (token) => token.createdAt.toISOString(),
      direction: 'DESC',
    });
  }

  /** The organization a live SCIM token belongs to, or null for anything else (the caller answers uniformly). */
  async authenticate(authorization: string | undefined): Promise<{ id: string; organizationId: string; tokenHint: string } | null> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match || !TOKEN_PATTERN.test(match[1])) return null;
    const [row] = await this.db.query<Array<{ id: string; organization_id: string; token_hint: string } | undefined>>(
      `SELECT id, organization_id, token_hint FROM scim_tokens WHERE token_hash = $1 AND revoked_at IS NULL`,
      [sha256Hex(match[1])],
    );
    if (!row) return null;
    // At most one write a minute per token: an identity provider's sync burst does not rewrite the row each request.
    await this.db.query(`UPDATE scim_tokens SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`, [row.id]);
    return { id: row.id, organizationId: row.organization_id, tokenHint: row.token_hint };
  }

  private async insert(tx: EntityManager, caller: Caller, organizationId: string, description: string, action: string): Promise<CreatedScimToken> {
    const token = randomToken(TOKEN_PREFIX);
    const repository = tx.getRepository(ScimToken);
    const scimToken = await repository.save(
      repository.create({
        organizationId,
        tokenHash: sha256Hex(token),
        tokenHint: token.slice(-4),
        description,
        createdByUserId: caller.actor.kind === 'USER' ? caller.actor.userId : null,
        lastUsedAt: null,
        revokedAt: null,
      }),
    );
    await recordAudit(tx, caller, { organizationId, action, targetType: 'ScimToken', targetId: scimToken.id, changes: { description: { before: null, after: description }, tokenHint: { before: null, after: scimToken.tokenHint } } });
    delete (scimToken as Partial<ScimToken>).tokenHash;
    return { scimToken, token };
  }
}
