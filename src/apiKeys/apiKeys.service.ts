import type { DataSource, EntityManager } from 'typeorm';
import { UserInputFailure } from '../core/errors';
import { returnedRows } from '../core/dbErrors';
import { sha256 } from '../auth/tokens';
import { recordAudit, recordAuditBatch, type Caller } from '../audit/audit';
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

/** Where a member is being removed from: their organization, or one team of it. */
export interface KeyScope {
  organizationId: string;
  teamId?: string | null;
}

/** What to do with a leaving member's keys: revoke them, or hand them to a member who stays in scope. */
export type KeyDisposition = { action: 'REVOKE' } | { action: 'TRANSFER'; toUserId: string };

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
        // Minted with a key: remember which, so the keys of a member who leaves include what their keys minted.
        createdByApiKeyId: caller.actor.kind === 'API_KEY' ? caller.actor.apiKeyId : null,
        transferredAt: null,
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

  /**
   * Settles the keys a member leaves behind (keysLeftBy), inside the caller's removal transaction and after their
   * memberships are gone: each is revoked, or transferred to `toUserId`, who must still be on the key's team (or an
   * organization ADMIN); one audit event per key. No disposition while there are keys is a userError, so a removal
   * never silently leaves working credentials behind. Returns the public key ids to drop from the authentication
   * cache once the transaction commits (see forgetKeys).
   */
  async settleKeysOf(tx: EntityManager, caller: Caller, scope: KeyScope, userId: string, disposition: KeyDisposition | null): Promise<string[]> {
    const keys = await keysLeftBy(tx, scope, userId);
    if (keys.length === 0) return [];
    if (!disposition) {
      throw new UserInputFailure(
        'API_KEYS_DISPOSITION_REQUIRED',
        `This person created or owns ${keys.length} active API key(s) here (${keys.map((k) => k.key_id).join(', ')}); say whether to revoke them or transfer them to a remaining member.`,
        ['input', 'apiKeys'],
      );
    }
    const ids = keys.map((key) => key.id);
    const reason = scope.teamId ? 'TEAM_MEMBER_REMOVED' : 'MEMBER_REMOVED';
    if (disposition.action === 'REVOKE') {
      const revoked: Array<{ id: string; revoked_at: Date }> = returnedRows(
        await tx.query(`UPDATE api_keys SET revoked_at = now() WHERE id = ANY($1::uuid[]) RETURNING id, revoked_at`, [ids]),
      );
      const at = new Map(revoked.map((row) => [row.id, row.revoked_at.toISOString()]));
      await recordAuditBatch(
        tx,
        caller,
        keys.map((key) => ({
          organizationId: scope.organizationId,
          teamId: key.team_id,
          action: 'apiKey.revoke',
          targetType: 'ApiKey',
          targetId: key.id,
          changes: { revokedAt: { before: null, after: at.get(key.id) ?? null }, reason: { before: null, after: reason }, formerMemberId: { before: userId, after: null } },
        })),
      );
    } else {
      const outOfScope: Array<{ key_id: string }> = await tx.query(
        `SELECT k.key_id FROM api_keys k
          WHERE k.id = ANY($1::uuid[]) AND (
                $2::uuid = $3::uuid
             OR NOT (EXISTS (SELECT 1 FROM team_memberships tm WHERE tm.team_id = k.team_id AND tm.user_id = $2)
                  OR EXISTS (SELECT 1 FROM organization_memberships om WHERE om.organization_id = k.organization_id AND om.user_id = $2 AND om.role = 'ADMIN')))`,
        [ids, disposition.toUserId, userId],
      );
      if (outOfScope.length) {
        throw new UserInputFailure(
          'NOT_A_MEMBER',
          `The new owner must be a remaining member of each key’s team (or an organization ADMIN); not for ${outOfScope.map((k) => k.key_id).join(', ')}.`,
          ['input', 'apiKeys', 'transferToUserId'],
        );
      }
      await tx.query(`UPDATE api_keys SET owner_id = $2, transferred_at = now() WHERE id = ANY($1::uuid[])`, [ids, disposition.toUserId]);
      await recordAuditBatch(
        tx,
        caller,
        keys.map((key) => ({
          organizationId: scope.organizationId,
          teamId: key.team_id,
          action: 'apiKey.transfer',
          targetType: 'ApiKey',
          targetId: key.id,
          changes: { ownerId: { before: key.owner_id, after: disposition.toUserId }, reason: { before: null, after: reason }, formerMemberId: { before: userId, after: null } },
        })),
      );
    }
    return keys.map((key) => key.key_id);
  }

  /** After commit: revoked or re-owned keys must not authenticate from the cache with their old state. */
  forgetKeys(keyIds: string[]): void {
    for (const keyId of keyIds) this.authenticator.invalidateKey(keyId);
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
      const [row] = updated.length ? updated : await tx.query<Array<{ revoked_at: Date }>>(`SELECT revoked_at FROM api_keys WHERE id = $1`, [apiKey.id]);
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

/**
 * Keys left behind by the member being removed from `scope` (a whole organization, or one team of it): live keys
 * they created or own there, and every live key minted (directly or through further keys) by such a key, since
 * whoever held the parent key may hold its children's secrets too. Locked for the caller's transaction.
 */
async function keysLeftBy(tx: EntityManager, scope: KeyScope, userId: string): Promise<LeftKey[]> {
  return tx.query(
    `WITH RECURSIVE lineage AS (
       SELECT id FROM api_keys
        WHERE organization_id = $1 AND ($2::uuid IS NULL OR team_id = $2) AND (owner_id = $3 OR created_by_user_id = $3)
       UNION
       SELECT k.id FROM api_keys k JOIN lineage l ON k.created_by_api_key_id = l.id WHERE k.organization_id = $1
     )
     SELECT k.id, k.key_id, k.team_id, k.owner_id FROM api_keys k
      WHERE k.id IN (SELECT id FROM lineage) AND k.revoked_at IS NULL
      ORDER BY k.created_at, k.id
        FOR UPDATE`,
    [scope.organizationId, scope.teamId ?? null, userId],
  );
}

interface LeftKey {
  id: string;
  key_id: string;
  team_id: string;
  owner_id: string | null;
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
