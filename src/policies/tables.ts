/** Tables only this module writes; other modules call its service (inside their transaction when it must be atomic). */
export const OWNED_TABLES = [
  'organization_policy_settings',
  'team_policy_overrides',
  'model_access_rules',
] as const;
