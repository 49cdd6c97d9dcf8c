import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `orgraph_ensure_month_partition` re-checked for the partition with `to_regclass` after taking its advisory lock.
 * That check answers from the backend's catalog cache, and an advisory lock does not make a backend read the
 * invalidations other sessions committed meanwhile: a writer that lost the race to create a new month still saw no
 * partition, ran CREATE TABLE, and failed with "relation … already exists" (a 500 to about one concurrent first
 * writer of a month in twenty). After the lock the function now lets CREATE TABLE IF NOT EXISTS decide, whose name
 * check locks the schema first and so reads the catalog as committed.
 */
export class MonthPartitionRace1735500000000 implements MigrationInterface {
  name = 'MonthPartitionRace1735500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(functionWith('CREATE TABLE IF NOT EXISTS %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', ''));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(functionWith('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', 'IF to_regclass(partition_name) IS NULL THEN'));
  }
}

function functionWith(create: string, guard: string): string {
  return `
    CREATE OR REPLACE FUNCTION orgraph_ensure_month_partition(parent text, at timestamptz) RETURNS text
    LANGUAGE plpgsql AS $$
    DECLARE
      month_start timestamptz := date_trunc('month', at, 'UTC');
      partition_name text := parent || '_' || to_char(month_start AT TIME ZONE 'UTC', 'YYYYMM');
    BEGIN
      IF to_regclass(partition_name) IS NOT NULL THEN RETURN partition_name; END IF;
      -- Concurrent ingests of a new month: one creates, the others wait here and then skip the creation.
      PERFORM pg_advisory_xact_lock(hashtext('orgraph_partition:' || partition_name));
      ${guard}
        EXECUTE format('${create}', partition_name, parent, month_start, month_start + interval '1 month');
      ${guard ? 'END IF;' : ''}
      RETURN partition_name;
    END $$;`;
}
