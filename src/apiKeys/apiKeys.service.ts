import type { DataSource, EntityManager } from 'typeorm';
import { UserInputFailure } from '../core/errors';
import { returnedRows } from '../core/dbErrors';
import { sha256 } from '../auth/tokens';
import { recordAudit, type Caller } from '../audit/audit';
import type { Team } from '../teams/team.entity';
import { ApiKey, ApiKeyScope } from './apiKey.entity';
import { paginate, type PageArgs } from '../core/relay';
import { ApiKeyConnection } from './apiKeys.types';
import { newKeyId, newKeySecret, type ApiKeyAuthenticator } from './apiKeyAuthenticator';

export interface CreatedApiKey {
  apiKey: ApiKey;
  /** `key_id:key_secret`, returned exactly once. */
  key: string;
}

export interface CreateApiKeyInput {
  alias: string;
  scope: ApiKeyScope;
  ownerId?: string | null;
  expiresAt?: Date | null;
}

/** API key lifecycle. Secrets are generated here, returned once, and stored only as SHA-256. */
export class ApiKeysService {
  constructor(
    private readonly db: DataSource,
    private readonly authenticator: ApiKeyAuthenticator,
  ) {}

  async create(caller: Caller, team: Team, input: CreateApiKeyInput): Promise<CreatedApiKey> {
    return this.db.transaction((tx) => this.createInTransaction(tx, caller, team, input));
  }

  async createInTransaction(tx: EntityManager, caller: Caller, team: Team, input: CreateApiKeyInput): Promise<CreatedApiKey> {
    // An archived team's keys never authenticate; minting one would hand out a credential that cannot work.
    if (team.archivedAt) throw new UserInputFailure('ARCHIVED', 'The team is archived.', ['input', 'teamId']);
    const alias = input.alias.trim();
    if (alias.length < 1 || alias.length > 255) {
      throw new UserInputFailure('INVALID', 'Alias must be 1–255 characters.', ['input', 'alias']);
    }
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
      throw new UserInputFailure('INVALID', 'Expiry must be in the future.', ['input', 'expiresAt']);
    }
    if (input.ownerId && !(await isTeamMember(tx, team, input.ownerId))) {
      throw new UserInputFailure('NOT_A_MEMBER', 'The owner must be a member of the team.', ['input', 'ownerId']);
    }
    const keyId = newKeyId();
    const secret = newKeySecret();
    const repository = tx.getRepository(ApiKey);
    const apiKey = await repository.save(
      repository.create({
        keyId,
        teamId: team.id,
        organizationId: team.organizationId,
        scope: input.scope,
        alias,
        secretHash: sha256(secret),
        ownerId: input.ownerId ?? null,
        createdByUserId: caller.actor.kind === 'USER' ? caller.actor.userId : null,
        expiresAt: input.expiresAt ?? null,
        lastUsedAt: null,
        revokedAt: null,
      }),
    );
    await recordAudit(tx, caller, {
      organizationId: team.organizationId,
      teamId: team.id,
      action: 'apiKey.create',
      targetType: 'ApiKey',
      targetId: apiKey.id,
      changes: {
        keyId: { before: null, after: keyId },
        alias: { before: null, after: alias },
        scope: { before: null, after: input.scope },
        ownerId: { before: null, after: input.ownerId ?? null },
        expiresAt: { before: null, after: input.expiresAt?.toISOString() ?? null },
      },
    });
    delete (apiKey as Partial<ApiKey>).secretHash;
    return { apiKey, key: `${keyId}:${secret}` };
  }

  /** A team's keys, newest first; revoked keys only when asked. Secrets are never selected. */
  connection(teamId: string, args: PageArgs & { includeRevoked?: boolean | null }): Promise<ApiKeyConnection> {
    const query = this.db.getRepository(ApiKey).createQueryBuilder('key').where('key.team_id = :teamId', { teamId });
    if (!args.includeRevoked) query.andWhere('key.revoked_at IS NULL');
    return paginate(query, args, {
      connection: ApiKeyConnection,
      orderBy: "date_trunc('milliseconds', key.created_at)",
      orderValue: (key) => key.createdAt.toISOString(),
      direction: 'DESC',
    });
  }

  /**
   * Revocation takes effect at once: the authentication cache entry is dropped after commit. Only the call that
   * actually revokes writes the audit event; a key already revoked (also by a concurrent call) is returned as stored.
   */
  async revoke(caller: Caller, apiKey: ApiKey): Promise<ApiKey> {
    if (apiKey.revokedAt) return apiKey;
    const revoked = await this.db.transaction(async (tx) => {
      // A concurrent revocation holds the row until it commits; this UPDATE then matches nothing, and the next
      // statement (a fresh snapshot) reads the time that revocation stored.
      const updated: Array<{ revoked_at: Date }> = returnedRows(
        await tx.query(`UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING revoked_at`, [apiKey.id]),
      );
      const [row] = updated.length ? updated : await tx.query(`SELECT revoked_at FROM api_keys WHERE id = $1`, [apiKey.id]);
      if (!row) return apiKey;
      if (updated.length) {
        await recordAudit(tx, caller, {
          organizationId: apiKey.organizationId,
          teamId: apiKey.teamId,
          action: 'apiKey.revoke',
          targetType: 'ApiKey',
          targetId: apiKey.id,
          changes: { revokedAt: { before: null, after: row.revoked_at.toISOString() } },
        });
      }
      return { ...apiKey, revokedAt: row.revoked_at };
    });
    this.authenticator.invalidateKey(apiKey.keyId);
    return revoked;
  }
}

/** Owners must belong to the team: a team membership, an organization ADMIN (who acts as ADMIN on every team), or the personal account's owner. */
async function isTeamMember(tx: EntityManager, team: Team, userId: string): Promise<boolean> {
  if (team.personalOwnerId === userId) return true;
  const rows: unknown[] = await tx.query(
    `SELECT 1 FROM team_memberships WHERE team_id = $1 AND user_id = $2
     UNION ALL
     SELECT 1 FROM organization_memberships WHERE organization_id = $3 AND user_id = $2 AND role = 'ADMIN'`,
    [team.id, userId, team.organizationId],
  );
  return rows.length > 0;
}
