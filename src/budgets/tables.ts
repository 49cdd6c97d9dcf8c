/** Tables only this module writes; other modules call its service (inside their transaction when it must be atomic). */
export const OWNED_TABLES = [
  'budgets',
  'budget_policies',
  'budget_reservations',
  'budget_threshold_events',
] as const;
