import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An ADJUSTMENT line bills what the month's usage is now, in cents, minus what was billed for it in cents
 * (docs/billing.md). As a generated column, `billed_amount` rounded the exact difference on its own: a month whose
 * line of 0.015 was billed 0.02, plus a late 0.005, was billed 0.02 + 0.01 for 0.020 of usage. The column keeps its
 * values and becomes a plain one that closing writes: `round(amount, 2)` for usage lines, the difference of billed
 * cents for adjustments. Issued lines are not touched (dropping the expression rewrites nothing).
 */
export class AdjustmentBilledAmounts1735600000000 implements MigrationInterface {
  name = 'AdjustmentBilledAmounts1735600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE invoice_lines ALTER COLUMN billed_amount DROP EXPRESSION`);
    await db.query(`ALTER TABLE invoice_lines ALTER COLUMN billed_amount SET NOT NULL`);
    await db.query(
      `COMMENT ON COLUMN invoice_lines.billed_amount IS 'Billed amount in cents: a usage line''s amount rounded half away from zero; an adjustment''s, the month''s usage now in cents minus the cents already billed for it.'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    // The generated column would recompute every billed amount (a table rewrite, which no trigger sees): refuse
    // rather than silently change an issued adjustment billed under this rule.
    const [{ changed }] = await db.query(`SELECT count(*)::int AS changed FROM invoice_lines WHERE billed_amount <> round(amount, 2)`);
    if (changed > 0) throw new Error(`${changed} issued invoice lines bill other than round(amount, 2); reverting would change issued invoices.`);
    await db.query(`ALTER TABLE invoice_lines DROP COLUMN billed_amount`);
    await db.query(`ALTER TABLE invoice_lines ADD COLUMN billed_amount numeric GENERATED ALWAYS AS (round(amount, 2)) STORED`);
    await db.query(`COMMENT ON COLUMN invoice_lines.billed_amount IS 'Billed amount: amount rounded to cents, half away from zero.'`);
  }
}
