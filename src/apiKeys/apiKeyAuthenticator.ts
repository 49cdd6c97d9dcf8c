import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ApiKeyActor } from '../auth/actor';
import { sha256 } from '../auth/tokens';
import type { Invalidation, InvalidationBus, InvalidationSubscriber } from '../core/invalidation';
import { outsideRequestScope } from '../core/requestScope';

interface CachedKey {
  apiKeyId: string;
  keyId: string;
  teamId: string;
  organizationId: string | null;
  scope: 'API' | 'ADMIN';
  ownerUserId: string | null;
  secretHash: Buffer;
  expiresAt: Date | null;
  usable: boolean;
  isRootTeam: boolean;
  cachedAt: number;
}

const KEY_ID_PATTERN = /^ogk_[0-9a-f]{24}$/;
const CACHE_TTL_MS = 30_000;
const LAST_USED_FLUSH_MS = 5_000;

/**
 * Verifies `key_id:key_secret` credentials. Key rows are cached briefly and `lastUsedAt` is written in one batched
 * UPDATE every few seconds instead of once per request.
 *
 * Revocation, archiving and every other change to a cached field invalidate the entry at once on every instance:
 * triggers on api_keys and teams NOTIFY when the change commits (migration 1735000001000) and each instance drops
 * the entry when the notification arrives (src/core/invalidation.ts). The instance that made the change also drops
 * it right after its commit, so its own next request never waits for the notification. While this instance is not
 * LISTENing (not started yet, connection lost) the cache is flushed and bypassed, so a missed notification cannot
 * keep a revoked key alive; CACHE_TTL_MS remains the last bound (a dead connection not yet noticed).
 */
export class ApiKeyAuthenticator implements InvalidationSubscriber {
  private readonly cache = new Map<string, CachedKey>();
  private readonly usedSince = new Map<string, Date>();
  /** Reads of a key's row in progress, with the generation they started in. */
  private readonly reading = new Map<string, { generation: number; row: Promise<CachedKey | null> }>();
  /**
   * Bumped by every invalidation. A lookup that started before an invalidation may have read the row before the
   * revocation committed; it still answers its own request, but must not put that stale row into the cache.
   */
  private generation = 0;
  private flushTimer: NodeJS.Timeout | null = null;
  /** False while invalidations could be missed (no bus listening): every lookup then reads the database. */
  private cacheTrusted = true;

  constructor(
    private readonly db: DataSource,
    private readonly options: { cache: boolean } = { cache: true },
  ) {}

  /** Returns the actor for a valid, live key, or null for anything else (callers answer uniformly). */
  async authenticate(credential: string): Promise<ApiKeyActor | null> {
    const separator = credential.indexOf(':');
    if (separator < 0) return null;
    const keyId = credential.slice(0, separator);
    const secret = credential.slice(separator + 1);
    if (!KEY_ID_PATTERN.test(keyId) || secret.length === 0 || secret.length > 200) return null;

    const key = await this.lookup(keyId);
    // Compare even when the key is unknown so timing does not reveal which keys exist.
    const presented = sha256(secret);
    const expected = key?.secretHash ?? crypto.randomBytes(32);
    const secretMatches = crypto.timingSafeEqual(presented, expected);
    if (!key || !secretMatches || !key.usable) return null;
    if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) return null;

    this.markUsed(key.apiKeyId);
    return {
      kind: 'API_KEY',
      apiKeyId: key.apiKeyId,
      keyId: key.keyId,
      teamId: key.teamId,
      organizationId: key.organizationId,
      scope: key.scope,
      ownerUserId: key.ownerUserId,
      isOrganizationAdminKey: key.isRootTeam && key.scope === 'ADMIN',
    };
  }

  /** Receive every instance's invalidations (the database's triggers publish them) through the bus. */
  useInvalidationBus(bus: InvalidationBus): void {
    bus.subscribe(this);
  }

  /**
   * Forget a key here at once, after the commit that changed it (revocation, expiry change, owner change); other
   * instances hear of the same commit from the trigger's notification.
   */
  invalidateKey(keyId: string): void {
    this.dropKey(keyId);
  }

  /** Forget every key of a team here at once (archiving); other instances hear of it from the trigger. */
  invalidateTeam(teamId: string): void {
    this.dropTeam(teamId);
  }

  onInvalidation(message: Invalidation): void {
    if (message.kind === 'apiKey') this.dropKey(message.keyId);
    else if (message.kind === 'team') this.dropTeam(message.teamId);
  }

  onListeningChanged(listening: boolean): void {
    this.generation += 1;
    this.cache.clear();
    this.cacheTrusted = listening;
  }

  private dropKey(keyId: string): void {
    this.generation += 1;
    this.cache.delete(keyId);
  }

  private dropTeam(teamId: string): void {
    this.generation += 1;
    for (const [keyId, key] of this.cache) if (key.teamId === teamId) this.cache.delete(keyId);
  }

  async flushLastUsed(): Promise<void> {
    if (this.usedSince.size === 0) return;
    const ids = [...this.usedSince.keys()];
    const times = ids.map((id) => this.usedSince.get(id)!.toISOString());
    this.usedSince.clear();
    await this.db.query(
      `UPDATE api_keys k SET last_used_at = GREATEST(k.last_used_at, u.used_at)
         FROM unnest($1::uuid[], $2::timestamptz[]) AS u(id, used_at) WHERE k.id = u.id`,
      [ids, times],
    );
  }

  async close(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    await this.flushLastUsed().catch(() => undefined);
  }

  private markUsed(apiKeyId: string): void {
    this.usedSince.set(apiKeyId, new Date());
    if (!this.flushTimer) {
      // The flush serves every request of the next few seconds, not the one that happens to start the timer.
      this.flushTimer = outsideRequestScope(() =>
        setTimeout(() => {
          this.flushTimer = null;
          this.flushLastUsed().catch(() => undefined);
        }, LAST_USED_FLUSH_MS),
      );
      this.flushTimer.unref();
    }
  }

  private lookup(keyId: string): Promise<CachedKey | null> | CachedKey {
    const cached = this.cache.get(keyId);
    if (cached && this.options.cache && this.cacheTrusted && Date.now() - cached.cachedAt < CACHE_TTL_MS) return cached;
    // Not listening for invalidations: every request reads its own row (no shared read that could predate a revocation).
    if (!this.options.cache || !this.cacheTrusted) return this.read(keyId, this.generation);
    // When an entry expires, every request of a busy key misses at once: they share one read, unless an
    // invalidation came after it started (then its row may predate a revocation, and a request arriving now reads anew).
    const pending = this.reading.get(keyId);
    if (pending && pending.generation === this.generation) return pending.row;
    const generation = this.generation;
    const row = this.read(keyId, generation);
    this.reading.set(keyId, { generation, row });
    const forget = () => {
      if (this.reading.get(keyId)?.row === row) this.reading.delete(keyId);
    };
    row.then(forget, forget);
    return row;
  }

  private async read(keyId: string, generation: number): Promise<CachedKey | null> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT k.id, k.key_id, k.team_id, k.organization_id, k.scope, k.owner_id, k.secret_hash, k.expires_at,
              k.revoked_at IS NULL AND t.archived_at IS NULL AS usable, t.kind = 'ROOT' AS is_root
         FROM api_keys k JOIN teams t ON t.id = k.team_id
        WHERE k.key_id = $1`,
      [keyId],
    );
    const row = rows[0];
    if (!row) return null;
    const key: CachedKey = {
      apiKeyId: row.id as string,
      keyId: row.key_id as string,
      teamId: row.team_id as string,
      organizationId: (row.organization_id as string | null) ?? null,
      scope: row.scope as 'API' | 'ADMIN',
      ownerUserId: (row.owner_id as string | null) ?? null,
      secretHash: row.secret_hash as Buffer,
      expiresAt: (row.expires_at as Date | null) ?? null,
      usable: row.usable as boolean,
      isRootTeam: row.is_root as boolean,
      cachedAt: Date.now(),
    };
    if (this.options.cache && this.cacheTrusted && generation === this.generation) this.cache.set(keyId, key);
    return key;
  }
}

export function newKeyId(): string {
  return `ogk_${crypto.randomBytes(12).toString('hex')}`;
}

/** Secrets carry a recognizable prefix so secret scanners can find leaked keys. */
export function newKeySecret(): string {
  return `ogsk_${crypto.randomBytes(32).toString('base64url')}`;
}
