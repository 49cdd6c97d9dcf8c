import type { MigrationInterface, QueryRunner } from 'typeorm';

const DIMENSIONS = `
  tenant_id uuid NOT NULL,
  bucket timestamptz NOT NULL,
  team_id uuid NOT NULL,
  product text NOT NULL,
  endpoint_id text NOT NULL,
  unit text NOT NULL,
  auth_key text NOT NULL,
  quantity numeric NOT NULL,
  cost numeric NOT NULL,
  min_unit_price numeric NOT NULL,
  max_unit_price numeric NOT NULL,
  records bigint NOT NULL,
  PRIMARY KEY (tenant_id, bucket, team_id, product, endpoint_id, unit, auth_key)`;

/**
 * Usage records and their rollups. Raw records are the source of truth (idempotency key unique per tenant — the
 * organization, or the team itself for standalone and personal teams); three rollups are maintained in the same
 * statement as each insert: 15-minute buckets (answer every IANA zone exactly, including +05:45 and +10:30), hourly
 * (whole-hour zones), daily UTC (UTC-aligned long ranges), and a product-only hourly rollup for cost-per-product
 * charts. `auth_key` is 'KEY:<api key uuid>', 'LOGIN:<user uuid>'
 * or '' so the rollup key has no NULLs.
 */
export class Usage1733300000000 implements MigrationInterface {
  name = 'Usage1733300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE usage_records (
        tenant_id uuid NOT NULL,
        id text NOT NULL CHECK (char_length(id) BETWEEN 1 AND 200),
        ts timestamptz NOT NULL,
        team_id uuid NOT NULL REFERENCES teams(id),
        organization_id uuid REFERENCES organizations(id),
        product text NOT NULL CHECK (product IN ('MODEL_APIS', 'SERVERLESS', 'COMPUTE')),
        endpoint_id text NOT NULL,
        unit text NOT NULL,
        quantity numeric NOT NULL CHECK (quantity >= 0),
        unit_price numeric NOT NULL CHECK (unit_price >= 0),
        cost numeric NOT NULL CHECK (cost >= 0),
        currency text NOT NULL DEFAULT 'USD',
        auth_key text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      );
      -- Fine-grained recent windows read raw records by tenant and time.
      CREATE INDEX usage_records_tenant_ts_idx ON usage_records (tenant_id, ts);
      CREATE TABLE usage_rollup_15m (${DIMENSIONS});
      CREATE TABLE usage_rollup_1h (${DIMENSIONS});
      CREATE TABLE usage_rollup_1d (${DIMENSIONS});
      CREATE INDEX usage_rollup_1h_team_idx ON usage_rollup_1h (team_id, bucket);
      -- Charts of cost per product (no team, endpoint or key dimension) read a few rows per hour.
      CREATE TABLE usage_rollup_product_1h (
        tenant_id uuid NOT NULL,
        bucket timestamptz NOT NULL,
        product text NOT NULL,
        cost numeric NOT NULL,
        records bigint NOT NULL,
        PRIMARY KEY (tenant_id, bucket, product)
      );

      -- The metering pipeline's watermark: every record before it has been sent.
      CREATE TABLE usage_watermark (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        complete_through timestamptz NOT NULL
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE usage_watermark, usage_rollup_product_1h, usage_rollup_1d, usage_rollup_1h, usage_rollup_15m, usage_records`);
  }
}
