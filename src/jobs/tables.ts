/**
 * Jobs owns no table of ours: the `pgboss` schema is pg-boss's (only this module touches it), and `job_dead_letters`
 * is a read-only view over the delivery tables.
 */
export const OWNED_TABLES = [] as const;
