import crypto from 'node:crypto';
import { DataSource } from 'typeorm';
import { allMigrations } from '../migrations';
import { MonthlyRawPartitions1735200000000 } from '../migrations/1735200000000-MonthlyRawPartitions';
import { databaseUrl, testDatabaseEnv, withAdminClient } from './support/testDatabase';

/**
 * The month-partitioning migration converts tables that already hold data: a database migrated up to just before
 * it gets old-shape rows, then the migration runs and every row (and its idempotency key) must be there, in the
 * right monthly partition — and `down` must bring the same rows back to the plain tables.
 */
const before = allMigrations.slice(0, allMigrations.indexOf(MonthlyRawPartitions1735200000000));
let db: DataSource;
let name: string;

beforeAll(async () => {
  const { adminUrl } = testDatabaseEnv();
  name = `orgraph_migration_${crypto.randomBytes(4).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  db = new DataSource({ type: 'postgres', url: databaseUrl(adminUrl, name), migrations: before, migrationsTableName: 'schema_migrations' });
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
}, 120_000);
afterAll(async () => {
  await db?.destroy();
  await withAdminClient(testDatabaseEnv().adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});

it('copies existing usage and request records into monthly partitions, keeps ids unique, and can go back', async () => {
  // Registered, with every migration before it applied here (later ones, e.g. the job queues', come after it).
  expect(before.length).toBeGreaterThan(0);
  expect(allMigrations.indexOf(MonthlyRawPartitions1735200000000)).toBe(before.length);
  const [org] = await db.query(`INSERT INTO organizations (slug, name) VALUES ('mig-org', 'Mig') RETURNING id`);
  const [team] = await db.query(`INSERT INTO teams (organization_id, kind, username, name) VALUES ($1, 'TEAM', 'mig-team', 'Mig') RETURNING id`, [org.id]);
  const [user] = await db.query(`INSERT INTO users (email, name) VALUES ('mig@example.com', 'Mig') RETURNING id`);
  // Three years back to now: months far outside the partitions the migration would make on its own.
  await db.query(
    `INSERT INTO usage_records (tenant_id, id, ts, team_id, organization_id, product, endpoint_id, unit, quantity, unit_price, cost, auth_key)
     SELECT $1, 'u-' || g, now() - (g || ' days')::interval, $2, $1, 'MODEL_APIS', 'fal-ai/flux/dev', 'images', g, 1, g, '' FROM generate_series(0, 1095) g`,
    [org.id, team.id],
  );
  await db.query(
    `INSERT INTO request_records (team_id, id, organization_id, endpoint_id, status, started_at, auth_kind, user_id, input, payload_bytes)
     SELECT $2, 'r-' || g, $1, 'fal-ai/flux/dev', 'SUCCEEDED', now() - (g || ' days')::interval, 'LOGIN', $3, jsonb_build_object('g', g), 8
       FROM generate_series(0, 1095) g`,
    [org.id, team.id, user.id],
  );
  const fingerprint = async () =>
    db.query(`SELECT (SELECT count(*)::int FROM usage_records) AS usage, (SELECT sum(cost)::text FROM usage_records) AS cost,
                     (SELECT md5(string_agg(id || ts::text, ',' ORDER BY id)) FROM usage_records) AS usage_hash,
                     (SELECT count(*)::int FROM request_records) AS requests,
                     (SELECT md5(string_agg(id || started_at::text || input::text || identity_user_id::text, ',' ORDER BY id)) FROM request_records) AS request_hash`);
  const original = await fingerprint();
  expect(original[0].usage).toBe(1096);

  const runner = db.createQueryRunner();
  try {
    await runner.startTransaction();
    await new MonthlyRawPartitions1735200000000().up(runner);
    await runner.commitTransaction();

    expect(await fingerprint()).toEqual(original);
    const [kinds] = await db.query(`SELECT (SELECT relkind FROM pg_class WHERE relname = 'usage_records') AS usage,
                                           (SELECT relkind FROM pg_class WHERE relname = 'request_records') AS requests`);
    expect(kinds).toEqual({ usage: 'p', requests: 'p' });
    // Every row sits in the partition of its own UTC month.
    const misplaced = await db.query(
      `SELECT tableoid::regclass::text AS part, ts FROM usage_records
        WHERE tableoid::regclass::text <> 'usage_records_' || to_char(ts AT TIME ZONE 'UTC', 'YYYYMM')`,
    );
    expect(misplaced).toEqual([]);
    const [{ months }] = await db.query(`SELECT count(DISTINCT tableoid)::int AS months FROM request_records`);
    expect(months).toBeGreaterThanOrEqual(36);
    const [ledger] = await db.query(`SELECT (SELECT count(*)::int FROM usage_record_ids) AS usage, (SELECT count(*)::int FROM request_record_ids) AS requests`);
    expect(ledger).toEqual({ usage: 1096, requests: 1096 });
    // The ledger refuses a second copy of an id, whatever its timestamp.
    await expect(db.query(`INSERT INTO usage_record_ids (tenant_id, id, ts) VALUES ($1, 'u-5', now())`, [org.id])).rejects.toThrow(/duplicate key/);

    await runner.startTransaction();
    await new MonthlyRawPartitions1735200000000().down(runner);
    await runner.commitTransaction();
    expect(await fingerprint()).toEqual(original);
    const [plain] = await db.query(`SELECT relkind FROM pg_class WHERE relname = 'usage_records'`);
    expect(plain.relkind).toBe('r');
  } finally {
    await runner.release();
  }
}, 180_000);
