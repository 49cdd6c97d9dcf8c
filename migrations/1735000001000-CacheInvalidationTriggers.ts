import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cross-instance cache invalidation (src/core/invalidation.ts). Every committed change to what
 * an instance caches about an API key — the columns ApiKeyAuthenticator reads, and its team's archive state and kind —
 * NOTIFYs channel `orgraph_invalidation` from a trigger. A NOTIFY inside a transaction is delivered exactly when it
 * commits and never if it rolls back, so the notification cannot be lost between the commit and a later publish,
 * and every code path (GraphQL, REST, SCIM, member removal, an operator's SQL) is covered without remembering to
 * call anything. `last_used_at` (written every few seconds) is not a cached field and notifies nothing.
 */
export class CacheInvalidationTriggers1735000001000 implements MigrationInterface {
  name = 'CacheInvalidationTriggers1735000001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION orgraph_notify_api_key_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM pg_notify('orgraph_invalidation', json_build_object('kind', 'apiKey', 'keyId', OLD.key_id)::text);
        ELSIF (NEW.revoked_at, NEW.expires_at, NEW.owner_id, NEW.team_id, NEW.organization_id, NEW.scope, NEW.secret_hash, NEW.key_id)
              IS DISTINCT FROM (OLD.revoked_at, OLD.expires_at, OLD.owner_id, OLD.team_id, OLD.organization_id, OLD.scope, OLD.secret_hash, OLD.key_id) THEN
          PERFORM pg_notify('orgraph_invalidation', json_build_object('kind', 'apiKey', 'keyId', OLD.key_id)::text);
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER api_keys_notify_invalidation AFTER UPDATE OR DELETE ON api_keys
        FOR EACH ROW EXECUTE FUNCTION orgraph_notify_api_key_change()`);
    await db.query(`
      CREATE FUNCTION orgraph_notify_team_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR (NEW.archived_at, NEW.kind) IS DISTINCT FROM (OLD.archived_at, OLD.kind) THEN
          PERFORM pg_notify('orgraph_invalidation', json_build_object('kind', 'team', 'teamId', OLD.id)::text);
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER teams_notify_invalidation AFTER UPDATE OR DELETE ON teams
        FOR EACH ROW EXECUTE FUNCTION orgraph_notify_team_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER teams_notify_invalidation ON teams`);
    await db.query(`DROP FUNCTION orgraph_notify_team_change()`);
    await db.query(`DROP TRIGGER api_keys_notify_invalidation ON api_keys`);
    await db.query(`DROP FUNCTION orgraph_notify_api_key_change()`);
  }
}
