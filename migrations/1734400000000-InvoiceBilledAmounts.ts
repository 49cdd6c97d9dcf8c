import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invoices bill in cents (docs/billing.md): each line's billed amount is its exact amount rounded to 2 fractional digits,
 * half away from zero (PostgreSQL `round(numeric, 2)`), and an invoice's total is the sum of its billed lines. The
 * billed amount is a stored generated column beside the exact `amount`, so issued lines (which a trigger keeps
 * immutable) get theirs without being updated, and the rule lives in one place. The invoice-level columns keep the
 * exact sums; billed totals are summed from the lines when read.
 */
export class InvoiceBilledAmounts1734400000000 implements MigrationInterface {
  name = 'InvoiceBilledAmounts1734400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE invoice_lines ADD COLUMN billed_amount numeric GENERATED ALWAYS AS (round(amount, 2)) STORED`);
    await db.query(`COMMENT ON COLUMN invoice_lines.amount IS 'Exact amount of the line (sum of usage costs), up to 12 fractional digits.'`);
    await db.query(`COMMENT ON COLUMN invoice_lines.billed_amount IS 'Billed amount: amount rounded to cents, half away from zero.'`);
    for (const column of ['usage_total', 'adjustments_total', 'total']) {
      await db.query(`COMMENT ON COLUMN invoices.${column} IS 'Exact sum of the lines'' amounts; the billed figure is the sum of their billed_amount.'`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE invoice_lines DROP COLUMN billed_amount`);
  }
}
