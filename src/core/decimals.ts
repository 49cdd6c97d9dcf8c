/**
 * The scale of every kind of decimal Orgraph returns (docs/api.md, "Decimals"), and its one rounding rule: round half away
 * from zero (PostgreSQL's `round(numeric, scale)`), applied where a value leaves the database, trailing zeros trimmed
 * except on billed amounts, which always show their cents.
 *
 * - quantities, unit prices, costs: 12 fractional digits. Inputs carry at most 12; a record's cost computed as
 *   quantity × unit price is rounded to 12 at ingest (stored so), so sums of costs are exact at 12 digits and a time
 *   series adds up to its summary exactly. Derived unit prices (cost ÷ quantity) are rounded to 12, once (quotientText).
 * - billed amounts (invoice lines, invoice totals, FOCUS BilledCost): 2 (cents, the currency's minor unit). Each
 *   line's exact amount is rounded once; totals are sums of billed lines, never rounded again.
 */
export const DECIMAL_SCALE = { quantity: 12, unitPrice: 12, cost: 12, billed: 2 } as const;

/** SQL: a numeric expression as output text at `scale` fractional digits at most (trailing zeros trimmed). */
export function decimalText(expression: string, scale: number = DECIMAL_SCALE.cost): string {
  return `trim_scale(round(${expression}, ${scale}))::text`;
}

/**
 * SQL: `dividend ÷ divisor` as output text, rounded half away from zero at `scale` digits exactly once (null when
 * the divisor is 0). `round(a / b, 12)` rounded twice: numeric division already rounds its quotient, at a scale
 * PostgreSQL picks (about 20 digits), so a quotient whose digits after the 12th were 4999…9 followed by 5 or more came
 * out 1e-12 too high. Here the truncated quotient and its remainder are exact integers: the last digit goes up when
 * twice the remainder reaches the divisor. Each operand is evaluated once per row (repeated aggregates are computed once).
 */
export function quotientText(dividend: string, divisor: string, scale: number = DECIMAL_SCALE.cost): string {
  const shift = `1${'0'.repeat(scale)}`;
  const unit = scale === 0 ? '1' : `0.${'0'.repeat(scale - 1)}1`;
  // nullif rather than CASE: PostgreSQL may fold a CASE branch over constants, and divide by zero doing it.
  const [a, b] = [`abs(${dividend})`, `nullif(abs(${divisor}), 0)`];
  return `trim_scale(sign(${dividend}) * sign(${divisor}) *
            (div(${a} * ${shift}, ${b}) + CASE WHEN 2 * mod(${a} * ${shift}, ${b}) >= ${b} THEN 1 ELSE 0 END) * ${unit})::text`;
}

/** SQL: a billed amount as text with exactly two fractional digits (`12.50`). */
export function billedText(expression: string): string {
  return `round(${expression}, ${DECIMAL_SCALE.billed})::text`;
}
