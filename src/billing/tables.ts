/** Tables only this module writes; other modules call its service (inside their transaction when it must be atomic). */
export const OWNED_TABLES = [
  'organization_billing',
  'billing_periods',
  'invoices',
  'invoice_lines',
  'spending_alerts',
  'alert_events',
  'webhook_deliveries',
  'webhook_attempts',
  // The history of organization_billing.timezone, kept by a trigger on that table; budgets read it to place periods.
  'budget_zone_history',
] as const;
