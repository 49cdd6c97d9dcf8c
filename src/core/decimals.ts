/**
 * The scale of every kind of decimal Orgraph returns (docs/api.md, "Decimals"), and its one rounding rule: round half away
 * from zero (PostgreSQL's `round(numeric, scale)`), applied where a value leaves the database, trailing zeros trimmed
 * except on billed amounts, which always show their cents.
 *
 * - quantities, unit prices, costs: 12 fractional digits. Inputs carry at most 12; a record's cost computed as
 *   quantity × unit price is rounded to 12 at ingest (stored so), so sums of costs are exact at 12 digits and a time
 *   series adds up to its summary exactly. Derived unit prices (cost ÷ quantity) are rounded to 12.
 * - billed amounts (invoice lines, invoice totals, FOCUS BilledCost): 2 (cents, the currency's minor unit). Each
 *   line's exact amount is rounded once; totals are sums of billed lines, never rounded again.
 */
export const DECIMAL_SCALE = { quantity: 12, unitPrice: 12, cost: 12, billed: 2 } as const;

/** SQL: a numeric expression as output text at `scale` fractional digits at most (trailing zeros trimmed). */
export function decimalText(expression: string, scale: number = DECIMAL_SCALE.cost): string {
  return `trim_scale(round(${expression}, ${scale}))::text`;
}

/** SQL: a billed amount as text with exactly two fractional digits (`12.50`). */
export function billedText(expression: string): string {
  return `round(${expression}, ${DECIMAL_SCALE.billed})::text`;
}
