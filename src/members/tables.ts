/**
 * Members owns no table: memberships are the organizations and teams modules' (members changes them through their
 * functions), and the `organization_members` view it reads is read-only.
 */
export const OWNED_TABLES = [] as const;
