import { GraphQLScalarType, Kind } from 'graphql';

const DECIMAL_PATTERN = /^-?(?:0|[1-9]\d{0,19})(?:\.\d{1,12})?$/;

/** True for a canonical decimal string such as `12`, `-0.5`, `1234.000001` (no exponent, no leading zeros). */
export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL_PATTERN.test(value);
}

/**
 * Money and quantities travel as decimal strings end to end (PostgreSQL `numeric` ↔ JSON string): binary floats
 * never touch them. Numbers are accepted on input only when they are integers (exactly representable).
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description:
    'An exact decimal number as a string, e.g. "12.50" or "0.0003"; no exponent, never a binary float. Up to 20 integer and 12 fractional digits. Scales: quantities, unit prices and costs carry at most 12 fractional digits (a cost computed as quantity × unit price is rounded to 12 at ingest; derived unit prices are rounded to 12); billed amounts (invoice lines and totals) carry exactly 2 (cents). One rounding rule everywhere: half away from zero. Trailing zeros are trimmed except on billed amounts.',
  serialize(value) {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isInteger(value)) return String(value);
    throw new TypeError('Decimal values must be strings');
  },
  parseValue(value) {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    if (!isDecimalString(value)) throw new TypeError('Expected a decimal string such as "12.50"');
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.INT) return ast.value;
    if (ast.kind === Kind.STRING && isDecimalString(ast.value)) return ast.value;
    throw new TypeError('Expected a decimal string such as "12.50"');
  },
});
