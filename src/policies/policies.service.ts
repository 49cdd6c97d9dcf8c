import crypto from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit, type Caller } from '../audit/audit';
import { UserInputFailure } from '../core/errors';
import type { CatalogService } from '../catalog/catalog.service';
import type { ModelEndpoint } from '../catalog/modelEndpoint.entity';
import type { HardSpendLimitSource, PolicyReadLoaders } from './policies.loaders';
import { Team } from '../teams/team.entity';
import { ModelAccessRule } from './modelAccessRule.entity';
import { OrganizationPolicySetting } from './organizationPolicySetting.entity';
import { TeamPolicyOverride } from './teamPolicyOverride.entity';
import { organizationPolicyState, ruleState, teamPolicyState } from './policyState';
import {
  applyPolicyChange,
  decideModelAccess,
  DEFAULT_ORGANIZATION_POLICY,
  diffEffectivePolicies,
  effectiveRuleAdditions,
  isTeamScoped,
  isValidPattern,
  resolveSettings,
  SETTING_KEYS,
  SURFACES,
  type AccessDecision,
  type EffectiveSetting,
  type OrganizationPolicyState,
  type PolicyChange,
  type PolicyStates,
  type RuleAddition,
  type Surface,
  type TeamPolicyDiff,
  type TeamPolicyState,
} from './resolution';

/**
 * What the SSO module checks before an organization may require SSO (a working connection, an admin who can sign
 * in): `beforeChange` (which may call the identity provider) before the transaction, and `inTransaction` again under
 * the organization lock, cheaply, so a connection removed in between is noticed instead of locking everyone out.
 */
export interface SsoRequirementGuard {
  beforeChange(organizationId: string): Promise<void>;
  inTransaction(tx: EntityManager, organizationId: string): Promise<void>;
}

export const MAX_CHECKS_PER_CALL = 1000;
const MAX_RULES_PER_LEVEL = 500;

export type TeamReference = { username: string } | { id: string };

export interface ModelAccessCheck {
  /** null when the reference could not be parsed (e.g. a global id of another type). */
  team: TeamReference | null;
  endpointId: string;
  surface: string;
  /** The public id of the key making the call, when known (its budgets and its owner's apply). */
  keyId?: string | null;
  /** The person making the call (Playground), when no key. */
  userId?: string | null;
}

export type CheckErrorCode = 'TEAM_NOT_FOUND' | 'UNKNOWN_ENDPOINT' | 'UNKNOWN_SURFACE' | 'UNKNOWN_API_KEY';

export interface ModelAccessCheckResult {
  index: number;
  team: Team | null;
  endpointId: string;
  surface: string;
  decision: AccessDecision | null;
  error: { code: CheckErrorCode; message: string } | null;
}

export interface ModelAccessEntry {
  endpoint: ModelEndpoint;
  surface: Surface;
  decision: AccessDecision;
}

/**
 * Policy storage and the I/O around the pure resolution module: loading state in batches (through the request's
 * DataLoaders, so N teams cost a constant number of statements), persisting changes with their audit events, and
 * previewing a change with exactly the computation that applying it uses.
 */
export class PoliciesService {
  constructor(
    private readonly db: DataSource,
    private readonly catalog: CatalogService,
    private readonly hardSpendLimits: HardSpendLimitSource,
    private readonly ssoRequirementGuard: SsoRequirementGuard,
  ) {}

  // -------------------------------------------------------------------------------------------------------------
  // Reading (batched through per-request loaders)

  async organizationState(loaders: PolicyReadLoaders, organizationId: string | null): Promise<OrganizationPolicyState> {
    // Personal and standalone teams have no organization: the platform defaults apply.
    if (!organizationId) return DEFAULT_ORGANIZATION_POLICY;
    const [settings, rules] = await Promise.all([
      loaders.policySettingsByOrganization.load(organizationId),
      loaders.organizationRulesByOrganization.load(organizationId),
    ]);
    return organizationPolicyState(settings, rules);
  }

  async teamState(loaders: PolicyReadLoaders, team: Team): Promise<TeamPolicyState> {
    const [overrides, rules, hardLimit] = await Promise.all([
      loaders.policyOverridesByTeam.load(team.id),
      loaders.teamRulesByTeam.load(team.id),
      loaders.hardSpendLimitByTeam.load(team.id),
    ]);
    return teamPolicyState(team, overrides, rules, hardLimit);
  }

  /** Every setting of the organization itself, with provenance (DEFAULT or ORGANIZATION) and lock. */
  async organizationSettings(loaders: PolicyReadLoaders, organizationId: string): Promise<EffectiveSetting[]> {
    return resolveSettings(await this.organizationState(loaders, organizationId), null);
  }

  async organizationRules(loaders: PolicyReadLoaders, organizationId: string): Promise<ModelAccessRule[]> {
    return loaders.organizationRulesByOrganization.load(organizationId);
  }

  async effectiveSettings(loaders: PolicyReadLoaders, team: Team): Promise<EffectiveSetting[]> {
    const [organization, state] = await Promise.all([this.organizationState(loaders, team.organizationId), this.teamState(loaders, team)]);
    return resolveSettings(organization, state);
  }

  /** Every catalog endpoint's resolved state for the team on one surface, in endpoint id order. */
  async modelAccess(loaders: PolicyReadLoaders, team: Team, surface: Surface): Promise<ModelAccessEntry[]> {
    const [organization, state, catalog] = await Promise.all([
      this.organizationState(loaders, team.organizationId),
      this.teamState(loaders, team),
      this.catalog.cachedCatalog(),
    ]);
    return catalog.endpoints.map((endpoint) => ({ endpoint, surface, decision: decideModelAccess(organization, state, endpoint, surface) }));
  }

  /**
   * The gateway's batched question. Teams, policies and rules load in a constant number of statements whatever
   * the number of checks; the catalog comes from the in-process cache. Problems are reported per check.
   */
  async checkModelAccess(
    loaders: PolicyReadLoaders,
    checks: readonly ModelAccessCheck[],
    mayCheck: (team: Team) => Promise<boolean>,
  ): Promise<ModelAccessCheckResult[]> {
    const catalog = await this.catalog.cachedCatalog();
    // Load every team first (one statement per reference kind), so the policy loaders below see all of them at once.
    const teams = await Promise.all(
      checks.map(async (check) => {
        if (!check.team) return null;
        const team = 'username' in check.team ? await loaders.teamByUsername.load(check.team.username) : await loaders.teamById.load(check.team.id);
        return team && (await mayCheck(team)) ? team : null;
      }),
    );
    return Promise.all(
      checks.map(async (check, index): Promise<ModelAccessCheckResult> => {
        const team = teams[index] ?? null;
        const base = { index, team, endpointId: check.endpointId, surface: check.surface, decision: null };
        if (!team) {
          return { ...base, error: { code: 'TEAM_NOT_FOUND', message: 'No such team, or you may not check model access for it.' } };
        }
        if (!(SURFACES as readonly string[]).includes(check.surface)) {
          return { ...base, error: { code: 'UNKNOWN_SURFACE', message: `Unknown surface \`${check.surface}\`; expected one of ${SURFACES.join(', ')}.` } };
        }
        const endpoint = catalog.byId.get(check.endpointId);
        if (!endpoint) {
          return { ...base, error: { code: 'UNKNOWN_ENDPOINT', message: `No catalog endpoint \`${check.endpointId}\`.` } };
        }
        const [organization, state, budget] = await Promise.all([
          this.organizationState(loaders, team.organizationId),
          this.teamState(loaders, team),
          loaders.budgetAccess.check(team, { keyId: check.keyId ?? null, userId: check.userId ?? null }),
        ]);
        if (budget.unknownKey) return { ...base, error: { code: 'UNKNOWN_API_KEY', message: 'No live API key with this key id on this team.' } };
        const decision = decideModelAccess(organization, state, endpoint, check.surface as Surface);
        // Step 1 of model access resolution (after archival): a used-up hard budget denies whatever the rules say.
        if (budget.exhausted && decision.reasonCode !== 'TEAM_ARCHIVED') {
          return { ...base, decision: { decision: 'BLOCKED', level: budget.exhausted.level, rule: null, reasonCode: 'BUDGET_EXHAUSTED', reason: budget.exhausted.reason, overriddenTeamRule: null }, error: null };
        }
        return { ...base, decision, error: null };
      }),
    );
  }

  // -------------------------------------------------------------------------------------------------------------
  // Changing (dry run and apply share loadStates + applyPolicyChange + diffEffectivePolicies)

  /** What `change` would alter, per team, without changing anything. */
  async preview(organizationId: string, change: PolicyChange): Promise<TeamPolicyDiff[]> {
    const { states, allRules } = await this.loadStates(this.db.manager, organizationId);
    const after = this.plan(states, allRules, change);
    return diffEffectivePolicies(states, after, (await this.catalog.cachedCatalog()).endpoints);
  }

  /** Applies `change` atomically with its audit events and returns what changed, computed as the preview does. */
  async apply(caller: Caller, organizationId: string, change: PolicyChange): Promise<{ changes: TeamPolicyDiff[]; rules: ModelAccessRule[] }> {
    const catalog = (await this.catalog.cachedCatalog()).endpoints;
    const requiringSso = change.settings?.ssoRequired?.value === true;
    if (requiringSso) await this.ssoRequirementGuard.beforeChange(organizationId);
    return this.db.transaction(async (tx) => {
      // Serialize policy changes of one organization so before/after (and the audit log) are exact.
      await tx.query(`SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE`, [organizationId]);
      if (requiringSso) await this.ssoRequirementGuard.inTransaction(tx, organizationId);
      const { states, allRules } = await this.loadStates(tx, organizationId);
      const after = this.plan(states, allRules, change);
      await this.persistSettings(tx, caller, organizationId, states.organization, change);
      await this.persistOverrides(tx, caller, organizationId, states, change);
      await this.persistRuleRemovals(tx, caller, organizationId, allRules, change.removeRuleIds ?? []);
      const rules = await this.persistRuleAdditions(tx, caller, organizationId, allRules, effectiveRuleAdditions(change.addRules ?? []));
      return { changes: diffEffectivePolicies(states, after, catalog), rules };
    });
  }

  /** Validates `change` against the current state and returns the state after it. */
  private plan(states: PolicyStates, allRules: ModelAccessRule[], change: PolicyChange): PolicyStates {
    const teamIds = new Set(states.teams.map((team) => team.teamId));
    const after = applyPolicyChange(states, change);
    for (const [i, override] of (change.teamOverrides ?? []).entries()) {
      const field = ['input', 'teamOverrides', String(i)];
      if (!teamIds.has(override.teamId)) throw new UserInputFailure('NOT_FOUND', 'No such active team in this organization.', [...field, 'teamId']);
      if (!isTeamScoped(override.setting)) throw new UserInputFailure('NOT_TEAM_SCOPED', `\`${override.setting}\` is organization-wide; teams cannot override it.`, field);
      if (override.value !== null && after.organization.settings[override.setting]?.locked) {
        throw new UserInputFailure('SETTING_LOCKED', `The organization has locked \`${override.setting}\`; teams cannot override it while it is locked.`, field);
      }
    }
    for (const [i, rule] of (change.addRules ?? []).entries()) {
      const field = ['input', 'addRules', String(i)];
      if (!isValidPattern(rule.pattern)) {
        throw new UserInputFailure('INVALID_PATTERN', 'A pattern is an exact endpoint id (`fal-ai/flux/dev`) or a prefix ending in `*` (`fal-ai/flux/*`); `*` only at the end.', [...field, 'pattern']);
      }
      if (rule.teamId !== null && !teamIds.has(rule.teamId)) throw new UserInputFailure('NOT_FOUND', 'No such active team in this organization.', [...field, 'teamId']);
      if (rule.teamId !== null && rule.locked) throw new UserInputFailure('INVALID', 'Only organization rules can be locked.', [...field, 'locked']);
    }
    const known = new Set(allRules.map((rule) => rule.id));
    for (const [i, id] of (change.removeRuleIds ?? []).entries()) {
      if (!known.has(id)) throw new UserInputFailure('NOT_FOUND', 'No such model access rule in this organization.', ['input', 'removeRuleIds', String(i)]);
    }
    const perLevel = new Map<string, number>();
    for (const rule of [after.organization.rules.map(() => 'org'), ...after.teams.map((t) => t.rules.map(() => t.teamId))].flat()) {
      perLevel.set(rule, (perLevel.get(rule) ?? 0) + 1);
    }
    if ([...perLevel.values()].some((count) => count > MAX_RULES_PER_LEVEL)) {
      throw new UserInputFailure('TOO_MANY_RULES', `At most ${MAX_RULES_PER_LEVEL} rules per organization or team; use globs to cover families of models.`, ['input', 'addRules']);
    }
    return after;
  }

  /** The organization's policy and the state of every active team, in four statements (plus the billing hook). */
  private async loadStates(manager: EntityManager, organizationId: string): Promise<{ states: PolicyStates; allRules: ModelAccessRule[] }> {
    // Sequential: inside a transaction the manager holds one connection, which runs one statement at a time.
    const teams = await manager.getRepository(Team).find({ where: { organizationId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const settings = await manager.getRepository(OrganizationPolicySetting).findBy({ organizationId });
    const overrides = await manager.getRepository(TeamPolicyOverride).findBy({ organizationId });
    const allRules = await manager.getRepository(ModelAccessRule).findBy({ organizationId });
    const active = teams.filter((team) => team.archivedAt === null);
    const atHardLimit = await this.hardSpendLimits.teamsAtHardLimit(active.map((team) => team.id));
    return {
      allRules,
      states: {
        organization: organizationPolicyState(settings, allRules),
        teams: active.map((team) =>
          teamPolicyState(team, overrides.filter((o) => o.teamId === team.id), allRules, atHardLimit.has(team.id)),
        ),
      },
    };
  }

  private async persistSettings(tx: EntityManager, caller: Caller, organizationId: string, before: OrganizationPolicyState, change: PolicyChange) {
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const setting of SETTING_KEYS) {
      const update = change.settings?.[setting];
      if (!update) continue;
      const previous = before.settings[setting] ?? null;
      const next = applyPolicyChange({ organization: before, teams: [] }, { settings: { [setting]: update } }).organization.settings[setting]!;
      if (previous && previous.value === next.value && previous.locked === next.locked) continue;
      await tx.query(
        `INSERT INTO organization_policy_settings (organization_id, setting, value, locked) VALUES ($1, $2, $3, $4)
         ON CONFLICT (organization_id, setting) DO UPDATE SET value = EXCLUDED.value, locked = EXCLUDED.locked, updated_at = now()`,
        [organizationId, setting, JSON.stringify(next.value), next.locked],
      );
      changes[setting] = { before: previous, after: next };
    }
    if (Object.keys(changes).length) {
      await recordAudit(tx, caller, { organizationId, action: 'policy.settings.update', targetType: 'Organization', targetId: organizationId, changes });
    }
  }

  private async persistOverrides(tx: EntityManager, caller: Caller, organizationId: string, states: PolicyStates, change: PolicyChange) {
    const current = new Map(states.teams.map((team) => [team.teamId, { ...team.overrides }]));
    for (const override of change.teamOverrides ?? []) {
      const overrides = current.get(override.teamId)!;
      const previous = overrides[override.setting] ?? null;
      if (previous === override.value) continue;
      if (override.value === null) {
        await tx.query(`DELETE FROM team_policy_overrides WHERE team_id = $1 AND setting = $2`, [override.teamId, override.setting]);
        delete overrides[override.setting];
      } else {
        await tx.query(
          `INSERT INTO team_policy_overrides (team_id, organization_id, setting, value) VALUES ($1, $2, $3, $4)
           ON CONFLICT (team_id, setting) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
          [override.teamId, organizationId, override.setting, JSON.stringify(override.value)],
        );
        overrides[override.setting] = override.value;
      }
      await recordAudit(tx, caller, {
        organizationId,
        teamId: override.teamId,
        action: override.value === null ? 'policy.team_override.remove' : 'policy.team_override.set',
        targetType: 'Team',
        targetId: override.teamId,
        changes: { [override.setting]: { before: previous, after: override.value } },
      });
    }
  }

  private async persistRuleRemovals(tx: EntityManager, caller: Caller, organizationId: string, allRules: ModelAccessRule[], ids: readonly string[]) {
    for (const id of new Set(ids)) {
      const rule = allRules.find((r) => r.id === id)!;
      await tx.query(`DELETE FROM model_access_rules WHERE id = $1 AND organization_id = $2`, [id, organizationId]);
      await recordAudit(tx, caller, {
        organizationId,
        teamId: rule.teamId,
        action: 'policy.rule.remove',
        targetType: 'ModelAccessRule',
        targetId: id,
        changes: { rule: { before: auditedRule(rule), after: null } },
      });
    }
  }

  private async persistRuleAdditions(
    tx: EntityManager,
    caller: Caller,
    organizationId: string,
    allRules: ModelAccessRule[],
    additions: ReadonlyArray<RuleAddition & { id: string }>,
  ): Promise<ModelAccessRule[]> {
    const saved: ModelAccessRule[] = [];
    for (const addition of additions) {
      const previous = allRules.find((r) => r.teamId === addition.teamId && r.surface === addition.surface && r.pattern === addition.pattern);
      const rows: Array<Record<string, unknown>> = await tx.query(
        `INSERT INTO model_access_rules (id, organization_id, team_id, surface, pattern, effect, locked) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (organization_id, (COALESCE(team_id, '00000000-0000-0000-0000-000000000000'::uuid)), surface, pattern)
         DO UPDATE SET effect = EXCLUDED.effect, locked = EXCLUDED.locked, updated_at = now()
         RETURNING id`,
        [addition.id, organizationId, addition.teamId, addition.surface, addition.pattern, addition.effect, addition.locked],
      );
      const rule = await tx.getRepository(ModelAccessRule).findOneByOrFail({ id: rows[0].id as string });
      await recordAudit(tx, caller, {
        organizationId,
        teamId: addition.teamId,
        action: previous ? 'policy.rule.update' : 'policy.rule.add',
        targetType: 'ModelAccessRule',
        targetId: rule.id,
        changes: { rule: { before: previous ? auditedRule(previous) : null, after: auditedRule(rule) } },
      });
      saved.push(rule);
    }
    return saved;
  }
}

/** A fresh id for a rule about to be added, shared by the plan and the insert so both describe the same rule. */
export function newRuleId(): string {
  return crypto.randomUUID();
}

function auditedRule(rule: ModelAccessRule) {
  return { ...ruleState(rule), teamId: rule.teamId };
}
