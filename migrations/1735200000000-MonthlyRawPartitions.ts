import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Raw usage records and request records partitioned by calendar month (UTC), so old data leaves by detaching and
 * dropping whole partitions instead of deleting rows (docs/usage.md, Partitions and retention).
 *
 * A partitioned table's unique keys must contain the partition key, so "one record per (tenant, id)" can no longer
 * be a constraint on the raw table: it moves to `usage_record_ids` / `request_record_ids`, unpartitioned ledgers
 * that ingest claims in the same statement as the raw insert (claim with ON CONFLICT DO NOTHING, then insert only
 * the claimed rows). The ledgers are narrow and outlive raw records — like the rollups they guard: a record re-sent
 * after its raw partition was dropped must still not be counted again.
 *
 * Partitions are created by `orgraph_ensure_month_partition` (ingest calls it for a month it has not seen; the
 * maintenance step calls it for the months ahead). There is no default partition: a late record for any month gets
 * its partition created on demand, and attaching a month never has to move rows out of a default partition.
 *
 * The migration creates the previous, current and next 2 months, plus every
 * month the existing data covers.
 *
 * Conversion is create-new / copy / swap in one transaction: the old tables are renamed, the partitioned tables
 * are created with every month the old data covers, rows and ids are copied, and the old tables dropped.
 */
export class MonthlyRawPartitions1735200000000 implements MigrationInterface {
  name = 'MonthlyRawPartitions1735200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION orgraph_ensure_month_partition(parent text, at timestamptz) RETURNS text
      LANGUAGE plpgsql AS $$
      DECLARE
        month_start timestamptz := date_trunc('month', at, 'UTC');
        partition_name text := parent || '_' || to_char(month_start AT TIME ZONE 'UTC', 'YYYYMM');
      BEGIN
        IF to_regclass(partition_name) IS NOT NULL THEN RETURN partition_name; END IF;
        -- Concurrent ingests of a new month: one creates, the others find it after the lock.
        PERFORM pg_advisory_xact_lock(hashtext('orgraph_partition:' || partition_name));
        IF to_regclass(partition_name) IS NULL THEN
          EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', partition_name, parent,
                         month_start, month_start + interval '1 month');
        END IF;
        RETURN partition_name;
      END $$;

      ALTER TABLE usage_records RENAME TO usage_records_unpartitioned;
      ALTER INDEX usage_records_pkey RENAME TO usage_records_unpartitioned_pkey;
      ALTER INDEX usage_records_tenant_ts_idx RENAME TO usage_records_unpartitioned_tenant_ts_idx;

      CREATE TABLE usage_records (
        tenant_id uuid NOT NULL,
        id text NOT NULL CHECK (char_length(id) BETWEEN 1 AND 200),
        ts timestamptz NOT NULL,
        team_id uuid NOT NULL,
        organization_id uuid,
        product text NOT NULL CHECK (product IN ('MODEL_APIS', 'SERVERLESS', 'COMPUTE')),
        endpoint_id text NOT NULL,
        unit text NOT NULL,
        quantity numeric NOT NULL CHECK (quantity >= 0),
        unit_price numeric NOT NULL CHECK (unit_price >= 0),
        cost numeric NOT NULL CHECK (cost >= 0),
        currency text NOT NULL DEFAULT 'USD',
        auth_key text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      ) PARTITION BY RANGE (ts);
      -- No primary key on the raw table: uniqueness lives in usage_record_ids, nothing reads raw rows by id.
      CREATE INDEX usage_records_tenant_ts_idx ON usage_records (tenant_id, ts);

      CREATE TABLE usage_record_ids (
        tenant_id uuid NOT NULL,
        id text NOT NULL,
        ts timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );

      SELECT orgraph_ensure_month_partition('usage_records', m)
        FROM generate_series(
               date_trunc('month', LEAST(now() - interval '1 month', (SELECT min(ts) FROM usage_records_unpartitioned)), 'UTC'),
               date_trunc('month', GREATEST(now() + interval '2 months', (SELECT max(ts) FROM usage_records_unpartitioned)), 'UTC'),
               interval '1 month') AS m;
      INSERT INTO usage_records (tenant_id, id, ts, team_id, organization_id, product, endpoint_id, unit, quantity,
                                 unit_price, cost, currency, auth_key, received_at)
        SELECT tenant_id, id, ts, team_id, organization_id, product, endpoint_id, unit, quantity,
               unit_price, cost, currency, auth_key, received_at
          FROM usage_records_unpartitioned;
      INSERT INTO usage_record_ids (tenant_id, id, ts) SELECT tenant_id, id, ts FROM usage_records_unpartitioned;
      DROP TABLE usage_records_unpartitioned;

      ALTER TABLE request_records RENAME TO request_records_unpartitioned;
      ALTER INDEX request_records_pkey RENAME TO request_records_unpartitioned_pkey;
      ALTER INDEX request_records_team_time_idx RENAME TO request_records_unpartitioned_team_time_idx;
      ALTER INDEX request_records_team_identity_idx RENAME TO request_records_unpartitioned_team_identity_idx;

      CREATE TABLE request_records (
        team_id uuid NOT NULL REFERENCES teams(id),
        id text NOT NULL CHECK (char_length(id) BETWEEN 1 AND 200),
        organization_id uuid REFERENCES organizations(id),
        endpoint_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('SUCCEEDED', 'FAILED', 'CANCELLED')),
        http_status integer,
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        queue_ms integer,
        auth_kind text NOT NULL CHECK (auth_kind IN ('API_KEY', 'LOGIN')),
        api_key_id uuid REFERENCES api_keys(id),
        key_owner_id uuid REFERENCES users(id),
        user_id uuid REFERENCES users(id),
        input jsonb,
        output jsonb,
        payload_bytes integer NOT NULL DEFAULT 0,
        received_at timestamptz NOT NULL DEFAULT now(),
        identity_user_id uuid GENERATED ALWAYS AS (COALESCE(user_id, key_owner_id)) STORED,
        -- Unique per partition only (it must contain started_at); (team_id, id) lookups use its prefix.
        PRIMARY KEY (team_id, id, started_at),
        CHECK ((auth_kind = 'API_KEY') = (api_key_id IS NOT NULL)),
        CHECK ((auth_kind = 'LOGIN') = (user_id IS NOT NULL))
      ) PARTITION BY RANGE (started_at);
      CREATE INDEX request_records_team_time_idx ON request_records (team_id, started_at DESC, id DESC);
      CREATE INDEX request_records_team_identity_idx ON request_records (team_id, identity_user_id, started_at DESC, id DESC)
        WHERE identity_user_id IS NOT NULL;

      CREATE TABLE request_record_ids (
        team_id uuid NOT NULL,
        id text NOT NULL,
        started_at timestamptz NOT NULL,
        PRIMARY KEY (team_id, id)
      );

      SELECT orgraph_ensure_month_partition('request_records', m)
        FROM generate_series(
               date_trunc('month', LEAST(now() - interval '1 month', (SELECT min(started_at) FROM request_records_unpartitioned)), 'UTC'),
               date_trunc('month', GREATEST(now() + interval '2 months', (SELECT max(started_at) FROM request_records_unpartitioned)), 'UTC'),
               interval '1 month') AS m;
      INSERT INTO request_records (team_id, id, organization_id, endpoint_id, status, http_status, started_at, finished_at,
                                   queue_ms, auth_kind, api_key_id, key_owner_id, user_id, input, output, payload_bytes, received_at)
        SELECT team_id, id, organization_id, endpoint_id, status, http_status, started_at, finished_at,
               queue_ms, auth_kind, api_key_id, key_owner_id, user_id, input, output, payload_bytes, received_at
          FROM request_records_unpartitioned;
      INSERT INTO request_record_ids (team_id, id, started_at) SELECT team_id, id, started_at FROM request_records_unpartitioned;
      DROP TABLE request_records_unpartitioned;

      -- Raw-record retention per organization, in months (standalone and personal teams use the documented default).
      ALTER TABLE organizations ADD COLUMN raw_retention_months integer NOT NULL DEFAULT 13
        CHECK (raw_retention_months BETWEEN 1 AND 120);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    // Back to plain tables, data preserved (create-new / copy / swap the other way).
    await db.query(`
      ALTER TABLE organizations DROP COLUMN raw_retention_months;

      ALTER TABLE usage_records RENAME TO usage_records_partitioned;
      ALTER INDEX usage_records_tenant_ts_idx RENAME TO usage_records_partitioned_tenant_ts_idx;
      CREATE TABLE usage_records (LIKE usage_records_partitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS, PRIMARY KEY (tenant_id, id));
      CREATE INDEX usage_records_tenant_ts_idx ON usage_records (tenant_id, ts);
      INSERT INTO usage_records SELECT * FROM usage_records_partitioned;
      DROP TABLE usage_records_partitioned, usage_record_ids;

      ALTER TABLE request_records RENAME TO request_records_partitioned;
      ALTER INDEX request_records_team_time_idx RENAME TO request_records_partitioned_team_time_idx;
      ALTER INDEX request_records_team_identity_idx RENAME TO request_records_partitioned_team_identity_idx;
      CREATE TABLE request_records (LIKE request_records_partitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED,
                                    PRIMARY KEY (team_id, id));
      ALTER TABLE request_records ADD FOREIGN KEY (team_id) REFERENCES teams(id), ADD FOREIGN KEY (organization_id) REFERENCES organizations(id),
        ADD FOREIGN KEY (api_key_id) REFERENCES api_keys(id), ADD FOREIGN KEY (key_owner_id) REFERENCES users(id),
        ADD FOREIGN KEY (user_id) REFERENCES users(id);
      CREATE INDEX request_records_team_time_idx ON request_records (team_id, started_at DESC, id DESC);
      CREATE INDEX request_records_team_identity_idx ON request_records (team_id, identity_user_id, started_at DESC, id DESC)
        WHERE identity_user_id IS NOT NULL;
      INSERT INTO request_records (team_id, id, organization_id, endpoint_id, status, http_status, started_at, finished_at,
                                   queue_ms, auth_kind, api_key_id, key_owner_id, user_id, input, output, payload_bytes, received_at)
        SELECT team_id, id, organization_id, endpoint_id, status, http_status, started_at, finished_at,
               queue_ms, auth_kind, api_key_id, key_owner_id, user_id, input, output, payload_bytes, received_at
          FROM request_records_partitioned;
      DROP TABLE request_records_partitioned, request_record_ids;
      DROP FUNCTION orgraph_ensure_month_partition(text, timestamptz);
    `);
  }
}
