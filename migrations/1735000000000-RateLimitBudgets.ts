import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shared rate-limit budgets: the table rate-limiter-flexible's RateLimiterPostgres reads and
 * upserts (its own column layout: key, points consumed in the window, window end in epoch ms). Created here so the
 * application never runs DDL at start-up. UNLOGGED: counters of a one-minute window need no WAL, no replica and no
 * crash recovery; after a crash every credential simply starts a fresh window. The expire index serves the library's
 * periodic sweep of windows that ended an hour ago.
 */
export class RateLimitBudgets1735000000000 implements MigrationInterface {
  name = 'RateLimitBudgets1735000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE UNLOGGED TABLE rate_limit_budgets (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
    await db.query(`CREATE INDEX rate_limit_budgets_expire ON rate_limit_budgets (expire)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rate_limit_budgets`);
  }
}
