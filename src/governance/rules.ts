/**
 * Governance rules (docs/governance.md), pure: from a snapshot of an organization's teams, keys, admins and spend, derive
 * each team's launch checklist, the anti-pattern findings and the structure the organization resembles. No I/O
 * here, so one snapshot (a fixed number of SQL statements) answers all three for any number of teams.
 */

export type Environment = 'DEVELOPMENT' | 'STAGING' | 'PRODUCTION';

export interface TeamFacts {
  id: string;
  username: string;
  name: string;
  environment: Environment | null;
  workload: string | null;
  workloadCategory: string | null;
  ownerId: string | null;
  escalationContact: string | null;
  expectedMonthlySpend: string | null;
  /** Month-to-date spend and the spend projected to the end of the month (decimal strings, computed in SQL). */
  monthToDateSpend: string;
  projectedMonthSpend: string;
  /** True when projected spend exceeds expected × the configured factor (decided in SQL, decimal-exact). */
  onPaceToExceed: boolean;
}

export interface KeyFacts {
  id: string;
  keyId: string;
  teamId: string;
  ownerId: string | null;
  environment: Environment | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  /** The owner is no longer on the key's team (nor an organization ADMIN). */
  ownerLeft: boolean;
  /** The member who created the key left the organization and the key was never transferred. */
  creatorLeft: boolean;
}

export interface GovernanceSnapshot {
  teams: TeamFacts[];
  /** Active (not revoked, not expired) keys of the organization's active (not archived) teams. */
  keys: KeyFacts[];
  memberCount: number;
  adminUserIds: string[];
  now: Date;
}

export interface GovernanceThresholds {
  maxAdminShare: number;
  minMembersForAdminShare: number;
  unusedKeyDays: number;
  keyRotationDays: number;
  spendPaceFactor: string;
}

export type ReadinessItemKind = 'OWNER' | 'ESCALATION_CONTACT' | 'ENVIRONMENT' | 'WORKLOAD' | 'EXPECTED_SPEND' | 'KEY_OWNERS';

export interface ReadinessItem {
  item: ReadinessItemKind;
  ok: boolean;
  /** What to do when not ok. */
  missing: string | null;
}

export interface TeamReadiness {
  teamId: string;
  ready: boolean;
  items: ReadinessItem[];
}

export type FindingKind =
  | 'PRODUCTION_TEAM_WITHOUT_OWNER_OR_ESCALATION'
  | 'TOO_MANY_ORGANIZATION_ADMINS'
  | 'KEYS_WITHOUT_OWNER'
  | 'KEYS_UNUSED_90_DAYS'
  | 'KEYS_NEVER_ROTATED'
  | 'MIXED_ENVIRONMENTS_IN_ONE_TEAM'
  | 'SPEND_ABOVE_EXPECTED'
  | 'TEAMS_WITHOUT_OWNER'
  | 'KEYS_OF_FORMER_MEMBERS';

export interface Finding {
  kind: FindingKind;
  severity: 'HIGH' | 'MEDIUM' | 'LOW';
  message: string;
  fix: string;
  teamIds: string[];
  apiKeyIds: string[];
  userIds: string[];
}

const DAY_MS = 86_400_000;

export function readiness(snapshot: GovernanceSnapshot): TeamReadiness[] {
  return snapshot.teams.map((team) => {
    const unowned = snapshot.keys.filter((key) => key.teamId === team.id && !key.ownerId);
    const items: ReadinessItem[] = [
      check('OWNER', team.ownerId !== null, 'Name an owner (a member accountable for the team).'),
      check('ESCALATION_CONTACT', team.escalationContact !== null, 'Set an escalation contact (email or on-call handle).'),
      check('ENVIRONMENT', team.environment !== null, 'Say whether the team is DEVELOPMENT, STAGING or PRODUCTION.'),
      check('WORKLOAD', team.workload !== null || team.workloadCategory !== null, 'Describe the primary workload.'),
      check('EXPECTED_SPEND', team.expectedMonthlySpend !== null, 'Record the expected monthly spend.'),
      check('KEY_OWNERS', unowned.length === 0, `Give ${unowned.length} API key(s) an owner: ${unowned.map((k) => k.keyId).join(', ')}.`),
    ];
    return { teamId: team.id, ready: items.every((item) => item.ok), items };
  });
}

function check(item: ReadinessItemKind, ok: boolean, missing: string): ReadinessItem {
  return { item, ok, missing: ok ? null : missing };
}

export function findings(snapshot: GovernanceSnapshot, thresholds: GovernanceThresholds): Finding[] {
  const found: Finding[] = [];
  const add = (finding: Omit<Finding, 'teamIds' | 'apiKeyIds' | 'userIds'> & Partial<Finding>) =>
    found.push({ teamIds: [], apiKeyIds: [], userIds: [], ...finding });
  const now = snapshot.now.getTime();

  for (const team of snapshot.teams) {
    if (team.environment === 'PRODUCTION' && (!team.ownerId || !team.escalationContact)) {
      const missing = [!team.ownerId && 'an owner', !team.escalationContact && 'an escalation contact'].filter(Boolean).join(' and ');
      add({
        kind: 'PRODUCTION_TEAM_WITHOUT_OWNER_OR_ESCALATION',
        severity: 'HIGH',
        message: `Production team "${team.username}" is missing ${missing}.`,
        fix: 'Set the owner and escalation contact with updateTeamGovernance before launch.',
        teamIds: [team.id],
      });
    }
  }

  const admins = snapshot.adminUserIds.length;
  if (snapshot.memberCount >= thresholds.minMembersForAdminShare && admins / snapshot.memberCount > thresholds.maxAdminShare) {
    add({
      kind: 'TOO_MANY_ORGANIZATION_ADMINS',
      severity: 'MEDIUM',
      message: `${admins} of ${snapshot.memberCount} members are organization admins (more than ${Math.round(thresholds.maxAdminShare * 100)}%).`,
      fix: 'Demote admins who do not administer the organization to MEMBER or BILLING; grant team roles instead.',
      userIds: snapshot.adminUserIds,
    });
  }

  const orphaned = snapshot.keys.filter((key) => key.ownerLeft || key.creatorLeft);
  if (orphaned.length) {
    add({
      kind: 'KEYS_OF_FORMER_MEMBERS',
      severity: 'HIGH',
      message: `${orphaned.length} active API key(s) were created or are owned by people who are no longer members: whoever holds them keeps access.`,
      fix: 'Revoke each key (revokeApiKey), or replace it with one created for a current member and revoke the old one.',
      apiKeyIds: orphaned.map((key) => key.id),
      teamIds: unique(orphaned.map((key) => key.teamId)),
    });
  }

  const unowned = snapshot.keys.filter((key) => !key.ownerId);
  if (unowned.length) {
    add({
      kind: 'KEYS_WITHOUT_OWNER',
      severity: 'MEDIUM',
      message: `${unowned.length} API key(s) have no owner: requests made with them match nobody under restricted request view.`,
      fix: 'Replace each shared key with one created for the person who uses it (createApiKey with ownerId), move traffic to it, then revoke the shared key.',
      apiKeyIds: unowned.map((key) => key.id),
      teamIds: unique(unowned.map((key) => key.teamId)),
    });
  }

  const unused = snapshot.keys.filter((key) => (key.lastUsedAt ?? key.createdAt).getTime() < now - thresholds.unusedKeyDays * DAY_MS);
  if (unused.length) {
    add({
      kind: 'KEYS_UNUSED_90_DAYS',
      severity: 'LOW',
      message: `${unused.length} API key(s) have not been used for ${thresholds.unusedKeyDays} days.`,
      fix: 'Revoke keys nobody uses.',
      apiKeyIds: unused.map((key) => key.id),
      teamIds: unique(unused.map((key) => key.teamId)),
    });
  }

  const old = snapshot.keys.filter((key) => key.createdAt.getTime() < now - thresholds.keyRotationDays * DAY_MS);
  if (old.length) {
    add({
      kind: 'KEYS_NEVER_ROTATED',
      severity: 'LOW',
      message: `${old.length} API key(s) are older than ${thresholds.keyRotationDays} days and were never rotated.`,
      fix: 'Create a replacement key, move traffic to it, then revoke the old one.',
      apiKeyIds: old.map((key) => key.id),
      teamIds: unique(old.map((key) => key.teamId)),
    });
  }

  for (const team of snapshot.teams) {
    const environments = new Set(snapshot.keys.filter((key) => key.teamId === team.id && key.environment).map((key) => key.environment));
    if (team.environment) environments.add(team.environment);
    if (environments.has('DEVELOPMENT') && environments.has('PRODUCTION')) {
      add({
        kind: 'MIXED_ENVIRONMENTS_IN_ONE_TEAM',
        severity: 'MEDIUM',
        message: `Team "${team.username}" carries both development and production traffic.`,
        fix: 'Split development into its own team so limits, keys and request visibility stay separate.',
        teamIds: [team.id],
        apiKeyIds: snapshot.keys.filter((key) => key.teamId === team.id && key.environment).map((key) => key.id),
      });
    }
    if (team.onPaceToExceed) {
      add({
        kind: 'SPEND_ABOVE_EXPECTED',
        severity: 'MEDIUM',
        message: `Team "${team.username}" is on pace to spend ${team.projectedMonthSpend} this month against ${team.expectedMonthlySpend} expected (more than ${thresholds.spendPaceFactor}×).`,
        fix: 'Check for runaway usage, or raise the expected spend if the growth is intended; consider a spending alert.',
        teamIds: [team.id],
      });
    }
  }

  const ownerless = snapshot.teams.filter((team) => !team.ownerId);
  if (ownerless.length) {
    add({
      kind: 'TEAMS_WITHOUT_OWNER',
      severity: 'LOW',
      message: `${ownerless.length} of ${snapshot.teams.length} team(s) have no owner.`,
      fix: 'Name an owner for every team (updateTeamGovernance).',
      teamIds: ownerless.map((team) => team.id),
    });
  }
  return found;
}

export type StructureKind = 'ONE_PRODUCT_WITH_ENVIRONMENTS' | 'MULTIPLE_PRODUCT_TEAMS' | 'AGENCY_PER_CLIENT' | 'SECURITY_SENSITIVE_SPLIT' | 'UNDETERMINED';

export interface StructureSuggestion {
  structure: StructureKind;
  explanation: string;
  differences: string[];
}

const CLIENT_WORDS = /\b(client|customer|tenant)\b/i;
const SECURITY_WORDS = /\b(security|sensitive|restricted|confidential|pii|hipaa)\b/i;

/**
 * Which of the seed's suggested structures the organization resembles, decided in this order: security-sensitive
 * split, agency per client, one product with environments, multiple product teams.
 */
export function suggestedStructure(snapshot: GovernanceSnapshot): StructureSuggestion {
  const teams = snapshot.teams;
  if (teams.length === 0) {
    return { structure: 'UNDETERMINED', explanation: 'The organization has no teams yet.', differences: ['Create teams and record their environment and workload.'] };
  }
  const text = (team: TeamFacts) => `${team.name} ${team.username.replace(/-/g, ' ')} ${team.workload ?? ''}`;
  const environments = new Set(teams.flatMap((team) => (team.environment ? [team.environment] : [])));
  const categories = new Set(teams.flatMap((team) => (team.workloadCategory ? [team.workloadCategory] : [])));
  const missingMetadata = teams.filter((team) => !team.environment || !team.workloadCategory).map((team) => team.username);
  const differences: string[] = [];
  if (missingMetadata.length) differences.push(`Teams without environment or workload category: ${missingMetadata.join(', ')}.`);

  const sensitive = teams.filter((team) => SECURITY_WORDS.test(text(team)));
  if (sensitive.length > 0 && sensitive.length < teams.length) {
    return {
      structure: 'SECURITY_SENSITIVE_SPLIT',
      explanation: `Sensitive workloads (${sensitive.map((t) => t.username).join(', ')}) are kept in teams of their own, apart from the rest.`,
      differences: [...differences, ...sensitive.filter((t) => !t.ownerId).map((t) => `Sensitive team "${t.username}" has no owner.`)],
    };
  }
  const clients = teams.filter((team) => CLIENT_WORDS.test(text(team)));
  if (clients.length * 2 >= teams.length && clients.length >= 2) {
    return {
      structure: 'AGENCY_PER_CLIENT',
      explanation: `${clients.length} of ${teams.length} teams are named for clients: one team per client keeps keys, spend and invoices apart.`,
      differences: [...differences, ...teams.filter((t) => !CLIENT_WORDS.test(text(t))).map((t) => `"${t.username}" is not a client team.`)],
    };
  }
  if (environments.size >= 2 && categories.size <= 1) {
    const absent = (['DEVELOPMENT', 'STAGING', 'PRODUCTION'] as const).filter((env) => !environments.has(env));
    return {
      structure: 'ONE_PRODUCT_WITH_ENVIRONMENTS',
      explanation: `One product (${[...categories][0] ?? 'workload not categorised'}) split by environment: ${[...environments].join(', ')}.`,
      differences: [...differences, ...absent.map((env) => `No ${env} team.`)],
    };
  }
  if (categories.size >= 2) {
    return {
      structure: 'MULTIPLE_PRODUCT_TEAMS',
      explanation: `Teams carry different products (${[...categories].join(', ')}): one team per product line.`,
      differences: [...differences, ...(environments.has('PRODUCTION') ? [] : ['No team is marked PRODUCTION.'])],
    };
  }
  return {
    structure: 'UNDETERMINED',
    explanation: 'Not enough metadata to tell: record each team’s environment and workload category.',
    differences,
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
