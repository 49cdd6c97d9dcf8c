import { isEmailAddress } from '../core/email';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { UserInputFailure } from '../core/errors';
import { isDecimalString } from '../core/scalars';
import { decimalText } from '../core/decimals';
import { recordAudit, type Caller } from '../audit/audit';
import type { Team } from '../teams/team.entity';
import type { ApiKey } from '../apiKeys/apiKey.entity';
import type { Environment, GovernanceSnapshot, GovernanceThresholds, KeyFacts, TeamFacts } from './rules';

export interface TeamGovernanceValues {
  environment: Environment | null;
  workload: string | null;
  workloadCategory: string | null;
  ownerId: string | null;
  escalationContact: string | null;
  expectedMonthlySpend: string | null;
}

export type TeamGovernanceChange = Partial<TeamGovernanceValues>;

/** team_governance columns as the queries below select them (`expected` is the trimmed decimal text). */
interface GovernanceRow {
  environment: Environment | null;
  workload: string | null;
  workload_category: string | null;
  owner_id: string | null;
  escalation_contact: string | null;
  expected: string | null;
}

interface TeamFactsRow extends GovernanceRow {
  id: string;
  username: string;
  name: string;
  month_to_date: string;
  projected: string;
  on_pace: boolean;
}

interface KeyFactsRow {
  id: string;
  key_id: string;
  team_id: string;
  owner_id: string | null;
  environment: Environment | null;
  created_at: Date;
  last_used_at: Date | null;
  owner_left: boolean;
  creator_left: boolean;
}

// An email (checked in linear time), a @handle/#channel, or a scheme:target; the alternatives are bounded.
const ESCALATION_HANDLE = /^(?:[@#][A-Za-z0-9._-]{2,80}|[a-z][a-z0-9-]{0,30}:[A-Za-z0-9._/@-]{2,120})$/;
const isEscalationContact = (value: string) => value.length <= 254 && (isEmailAddress(value) || ESCALATION_HANDLE.test(value));

/**
 * Governance metadata and the organization snapshot that readiness, findings and the structure hint are computed
 * from: three SQL statements per organization, whatever its number of teams and keys.
 */
export class GovernanceService {
  constructor(
    private readonly db: DataSource,
    readonly thresholds: GovernanceThresholds,
  ) {}

  async snapshot(organizationId: string, now = new Date()): Promise<GovernanceSnapshot> {
    const monthStart = DateTime.fromJSDate(now, { zone: 'UTC' }).startOf('month');
    // Elapsed days of the month and its length: time arithmetic only; money stays numeric in SQL.
    const elapsedDays = Math.max(now.getTime() - monthStart.toMillis(), 3600_000) / 86_400_000;
    const [teams, keys, members] = await Promise.all([
      this.db.query<TeamFactsRow[]>(
        `SELECT t.id, t.username, t.name, g.environment, g.workload, g.workload_category, g.owner_id, g.escalation_contact,
                trim_scale(g.expected_monthly_spend)::text AS expected,
                ${decimalText('coalesce(s.cost, 0)')} AS month_to_date,
                trim_scale(round(coalesce(s.cost, 0) * $3::numeric / $4::numeric, 2))::text AS projected,
                coalesce(g.expected_monthly_spend IS NOT NULL
                         AND coalesce(s.cost, 0) * $3::numeric / $4::numeric > g.expected_monthly_spend * $5::numeric, false) AS on_pace
           FROM teams t
           LEFT JOIN team_governance g ON g.team_id = t.id
           LEFT JOIN (SELECT team_id, sum(cost) AS cost FROM usage_rollup_1h WHERE tenant_id = $1 AND bucket >= $2 GROUP BY team_id) s ON s.team_id = t.id
          WHERE t.organization_id = $1 AND t.kind = 'TEAM' AND t.archived_at IS NULL
          ORDER BY t.created_at, t.id`,
        [organizationId, monthStart.toISO(), String(monthStart.daysInMonth), elapsedDays.toFixed(6), this.thresholds.spendPaceFactor],
      ),
      this.db.query<KeyFactsRow[]>(
        // Keys of archived teams no longer authenticate (the team is locked): nothing to fix there, so not reported.
        // A key outlives the people behind it only by an explicit transfer: its owner must still be on its team (or
        // an organization ADMIN), and its creator still in the organization unless the key was transferred.
        `SELECT k.id, k.key_id, k.team_id, k.owner_id, e.environment, k.created_at, k.last_used_at,
                (k.owner_id IS NOT NULL AND NOT (
                   EXISTS (SELECT 1 FROM team_memberships tm WHERE tm.team_id = k.team_id AND tm.user_id = k.owner_id)
                   OR EXISTS (SELECT 1 FROM organization_memberships om
                               WHERE om.organization_id = k.organization_id AND om.user_id = k.owner_id AND om.role = 'ADMIN'))) AS owner_left,
                (k.created_by_user_id IS NOT NULL AND k.transferred_at IS NULL AND NOT EXISTS (
                   SELECT 1 FROM organization_memberships om WHERE om.organization_id = k.organization_id AND om.user_id = k.created_by_user_id)) AS creator_left
           FROM api_keys k
           JOIN teams t ON t.id = k.team_id AND t.archived_at IS NULL
           LEFT JOIN api_key_environments e ON e.api_key_id = k.id
          WHERE k.organization_id = $1 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > $2)`,
        [organizationId, now],
      ),
      this.db.query<Array<{ members: number; admins: string[] }>>(
        `SELECT count(*)::int AS members, coalesce(array_agg(user_id) FILTER (WHERE role = 'ADMIN'), '{}') AS admins
           FROM organization_memberships WHERE organization_id = $1`,
        [organizationId],
      ),
    ]);
    return {
      teams: teams.map(
        (row): TeamFacts => ({
          id: row.id,
          username: row.username,
          name: row.name,
          environment: row.environment,
          workload: row.workload,
          workloadCategory: row.workload_category,
          ownerId: row.owner_id,
          escalationContact: row.escalation_contact,
          expectedMonthlySpend: row.expected,
          monthToDateSpend: row.month_to_date,
          projectedMonthSpend: row.projected,
          onPaceToExceed: row.on_pace,
        }),
      ),
      keys: keys.map(
        (row): KeyFacts => ({
          id: row.id,
          keyId: row.key_id,
          teamId: row.team_id,
          ownerId: row.owner_id,
          environment: row.environment,
          createdAt: row.created_at,
          lastUsedAt: row.last_used_at,
          ownerLeft: row.owner_left,
          creatorLeft: row.creator_left,
        }),
      ),
      memberCount: members[0].members,
      adminUserIds: members[0].admins,
      now,
    };
  }

  async governanceOf(teamIds: readonly string[]): Promise<Map<string, TeamGovernanceValues>> {
    const rows = await this.db.query<Array<GovernanceRow & { team_id: string }>>(
      `SELECT team_id, environment, workload, workload_category, owner_id, escalation_contact, trim_scale(expected_monthly_spend)::text AS expected
         FROM team_governance WHERE team_id = ANY($1::uuid[])`,
      [teamIds],
    );
    return new Map(
      rows.map((row) => [
        row.team_id,
        {
          environment: row.environment,
          workload: row.workload,
          workloadCategory: row.workload_category,
          ownerId: row.owner_id,
          escalationContact: row.escalation_contact,
          expectedMonthlySpend: row.expected,
        },
      ]),
    );
  }

  /** Changes the given fields (null clears one); validates, writes and audits in one transaction. */
  async update(caller: Caller, team: Team, change: TeamGovernanceChange): Promise<TeamGovernanceValues> {
    if (change.escalationContact && !isEscalationContact(change.escalationContact)) {
      throw new UserInputFailure('INVALID', 'Must be an email address or an on-call handle such as @payments-oncall, #alerts or pagerduty:PXYZ.', ['input', 'escalationContact']);
    }
    if (change.expectedMonthlySpend !== undefined && change.expectedMonthlySpend !== null) {
      if (!isDecimalString(change.expectedMonthlySpend) || change.expectedMonthlySpend.startsWith('-')) {
        throw new UserInputFailure('INVALID', 'Must be a non-negative decimal amount.', ['input', 'expectedMonthlySpend']);
      }
    }
    if (change.workload && change.workload.length > 500) throw new UserInputFailure('INVALID', 'At most 500 characters.', ['input', 'workload']);
    return this.db.transaction(async (tx) => {
      if (change.ownerId) {
        const [member] = await tx.query<unknown[]>(
          `SELECT 1 FROM organization_memberships WHERE organization_id = $1 AND user_id = $2
           UNION ALL SELECT 1 FROM team_memberships WHERE team_id = $3 AND user_id = $2 LIMIT 1`,
          [team.organizationId, change.ownerId, team.id],
        );
        if (!member) throw new UserInputFailure('NOT_A_MEMBER', 'The owner must be a member of the organization.', ['input', 'ownerId']);
      }
      const [before] = await tx.query<Array<GovernanceRow | undefined>>(
        `SELECT environment, workload, workload_category, owner_id, escalation_contact, trim_scale(expected_monthly_spend)::text AS expected
           FROM team_governance WHERE team_id = $1 FOR UPDATE`,
        [team.id],
      );
      const current: TeamGovernanceValues = {
        environment: before?.environment ?? null,
        workload: before?.workload ?? null,
        workloadCategory: before?.workload_category ?? null,
        ownerId: before?.owner_id ?? null,
        escalationContact: before?.escalation_contact ?? null,
        expectedMonthlySpend: before?.expected ?? null,
      };
      const next: TeamGovernanceValues = { ...current };
      for (const key of Object.keys(change) as Array<keyof TeamGovernanceValues>) {
        if (change[key] !== undefined) (next as unknown as Record<string, unknown>)[key] = change[key];
      }
      const changes = Object.fromEntries(
        (Object.keys(next) as Array<keyof TeamGovernanceValues>).filter((key) => next[key] !== current[key]).map((key) => [key, { before: current[key], after: next[key] }]),
      );
      if (Object.keys(changes).length === 0) return current;
      await tx.query(
        `INSERT INTO team_governance (team_id, organization_id, environment, workload, workload_category, owner_id, escalation_contact, expected_monthly_spend, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
         ON CONFLICT (team_id) DO UPDATE SET environment = $3, workload = $4, workload_category = $5, owner_id = $6,
           escalation_contact = $7, expected_monthly_spend = $8, updated_at = now()`,
        [team.id, team.organizationId, next.environment, next.workload, next.workloadCategory, next.ownerId, next.escalationContact, next.expectedMonthlySpend],
      );
      await recordAudit(tx, caller, { organizationId: team.organizationId, teamId: team.id, action: 'team.governance.update', targetType: 'Team', targetId: team.id, changes });
      return next;
    });
  }

  /** Labels a key with the environment it serves (null removes the label); audited. */
  async labelKey(caller: Caller, apiKey: ApiKey, environment: Environment | null): Promise<Environment | null> {
    return this.db.transaction(async (tx) => {
      const [before] = await tx.query<Array<{ environment: Environment } | undefined>>(`SELECT environment FROM api_key_environments WHERE api_key_id = $1 FOR UPDATE`, [apiKey.id]);
      const previous: Environment | null = before?.environment ?? null;
      if (previous === environment) return environment;
      if (environment) {
        await tx.query(
          `INSERT INTO api_key_environments (api_key_id, environment) VALUES ($1, $2) ON CONFLICT (api_key_id) DO UPDATE SET environment = $2`,
          [apiKey.id, environment],
        );
      } else {
        await tx.query(`DELETE FROM api_key_environments WHERE api_key_id = $1`, [apiKey.id]);
      }
      await recordAudit(tx, caller, {
        organizationId: apiKey.organizationId,
        teamId: apiKey.teamId,
        action: 'apiKey.labelEnvironment',
        targetType: 'ApiKey',
        targetId: apiKey.id,
        changes: { environment: { before: previous, after: environment } },
      });
      return environment;
    });
  }

  async keyEnvironments(apiKeyIds: readonly string[]): Promise<Map<string, Environment>> {
    const rows: Array<{ api_key_id: string; environment: Environment }> = await this.db.query(
      `SELECT api_key_id, environment FROM api_key_environments WHERE api_key_id = ANY($1::uuid[])`,
      [apiKeyIds],
    );
    return new Map(rows.map((row) => [row.api_key_id, row.environment]));
  }
}
