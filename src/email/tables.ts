/** Tables only this module writes; other modules call its service (inside their transaction when it must be atomic). */
export const OWNED_TABLES = [
  'email_outbox',
] as const;
