/** Tables only this module writes; other modules call its service (inside their transaction when it must be atomic). */
export const OWNED_TABLES = [
  'scim_tokens',
  'scim_users',
  'scim_groups',
  'scim_group_members',
  'scim_team_grants',
] as const;
