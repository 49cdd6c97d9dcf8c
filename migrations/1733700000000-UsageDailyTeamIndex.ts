import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dashboard fields (`Team.spend`, `Team.usageSummary`) ask by team for whole UTC days and months, which the daily
 * rollup answers exactly; like the hourly rollup it needs an index that leads with the team.
 */
export class UsageDailyTeamIndex1733700000000 implements MigrationInterface {
  name = 'UsageDailyTeamIndex1733700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX usage_rollup_1d_team_idx ON usage_rollup_1d (team_id, bucket)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX usage_rollup_1d_team_idx`);
  }
}
