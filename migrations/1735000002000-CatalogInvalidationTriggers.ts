import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The model catalog (endpoints and prices) is cached per instance by the catalog and ingest services; any committed
 * change to it NOTIFYs `orgraph_invalidation` with `{"kind":"catalog"}` so every instance reloads it at once instead
 * of after its 10 s lifetime (src/core/invalidation.ts). One notification per statement: a bulk price import is one
 * message, not one per row.
 */
export class CatalogInvalidationTriggers1735000002000 implements MigrationInterface {
  name = 'CatalogInvalidationTriggers1735000002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION orgraph_notify_catalog_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('orgraph_invalidation', '{"kind":"catalog"}');
        RETURN NULL;
      END $$`);
    for (const table of ['model_endpoints', 'model_prices']) {
      await db.query(`
        CREATE TRIGGER ${table}_notify_invalidation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION orgraph_notify_catalog_change()`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['model_endpoints', 'model_prices']) await db.query(`DROP TRIGGER ${table}_notify_invalidation ON ${table}`);
    await db.query(`DROP FUNCTION orgraph_notify_catalog_change()`);
  }
}
