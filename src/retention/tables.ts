/** Retention owns no table: it decides what goes, and the owners of the raw tables and settings do the writing. */
export const OWNED_TABLES = [] as const;
