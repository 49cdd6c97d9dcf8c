/** Tables only this module writes; other modules call its service (inside their transaction when it must be atomic). */
export const OWNED_TABLES = [
  'usage_records',
  'usage_record_ids',
  'usage_rollup_15m',
  'usage_rollup_1h',
  'usage_rollup_1d',
  'usage_rollup_items_1d',
  'usage_rollup_product_1h',
  'usage_watermark',
] as const;
