import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Spending alerts can be paused: a disabled alert stays listed with its history but neither fires nor, as a hard
 * limit, denies model access. (Deleting sets the existing `deleted_at`; its events and deliveries stay.)
 */
export class SpendingAlertEnabled1734520000000 implements MigrationInterface {
  name = 'SpendingAlertEnabled1734520000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE spending_alerts ADD COLUMN enabled boolean NOT NULL DEFAULT true`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE spending_alerts DROP COLUMN enabled`);
  }
}
