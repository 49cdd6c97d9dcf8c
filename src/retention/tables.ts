/**
 * Retention owns only the record of its runs: it decides what raw records go, and the owners of the raw tables and
 * of the settings do that writing.
 */
export const OWNED_TABLES = ['retention_runs'] as const;
