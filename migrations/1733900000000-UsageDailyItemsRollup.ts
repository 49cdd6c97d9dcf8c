import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A daily UTC rollup without the auth dimension: exactly the items of the seed-shaped page (team, product, endpoint,
 * unit per day). The full daily rollup holds ~3 rows per item (one per key and login), which a page had to
 * aggregate; this one is read as it is. Backfilled from the full daily rollup, maintained by ingest from then on.
 */
export class UsageDailyItemsRollup1733900000000 implements MigrationInterface {
  name = 'UsageDailyItemsRollup1733900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE usage_rollup_items_1d (
        tenant_id uuid NOT NULL,
        bucket timestamptz NOT NULL,
        team_id uuid NOT NULL,
        product text NOT NULL,
        endpoint_id text NOT NULL,
        unit text NOT NULL,
        quantity numeric NOT NULL,
        cost numeric NOT NULL,
        min_unit_price numeric NOT NULL,
        max_unit_price numeric NOT NULL,
        records bigint NOT NULL,
        PRIMARY KEY (tenant_id, bucket, team_id, product, endpoint_id, unit)
      );
      INSERT INTO usage_rollup_items_1d
      SELECT tenant_id, bucket, team_id, product, endpoint_id, unit, sum(quantity), sum(cost), min(min_unit_price),
             max(max_unit_price), sum(records)
        FROM usage_rollup_1d GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6;
      ANALYZE usage_rollup_items_1d;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE usage_rollup_items_1d`);
  }
}
