import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { loaderByKey, loaderOfGroups } from '../core/loaderUtils';
import { User } from '../users/user.entity';
import { Organization } from '../organizations/organization.entity';
import { OrganizationMembership } from '../organizations/organizationMembership.entity';
import { Team } from '../teams/team.entity';
import { TeamMembership } from '../teams/teamMembership.entity';
import { ModelPrice } from '../catalog/modelPrice.entity';
import { Member } from '../members/member.entity';
import { Invite } from '../invites/invite.entity';
import { ApiKey } from '../apiKeys/apiKey.entity';
import { createUsageDashboardLoaders } from '../usage/usageDashboards';
import type { TeamListFilter } from '../teams/teams.service';
import type { TeamConnection } from '../teams/teams.types';
import type { PageArgs } from '../core/relay';
import type { Services } from './services';
import { TeamSecret } from '../secrets/teamSecret.entity';
import { AuditEvent } from '../audit/auditEvent.entity';
import { budgetAccessCheck, createBudgetLoaders } from '../budgets/budgets.loaders';
import { createPolicyLoaders } from '../policies/policies.loaders';

/** Per-request DataLoaders: every object fetched by id in a request costs one statement per kind, not per object. */
export function createLoaders(db: DataSource, services: Pick<Services, 'requests' | 'teams' | 'budgets' | 'alerts'>) {
  const budgets = createBudgetLoaders(db, services.budgets);
  return {
    ...createPolicyLoaders(db, { hardSpendLimits: services.alerts, budgetAccess: budgetAccessCheck(budgets) }),
    userById: loaderByKey<string, User>((ids) => db.getRepository(User).findBy({ id: In([...ids]) }), (u) => u.id),
    organizationById: loaderByKey<string, Organization>(
      (ids) => db.getRepository(Organization).findBy({ id: In([...ids]) }),
      (o) => o.id,
    ),
    organizationBySlug: loaderByKey<string, Organization>(
      (slugs) => db.getRepository(Organization).findBy({ slug: In([...slugs]) }),
      (o) => o.slug,
    ),
    teamById: loaderByKey<string, Team>((ids) => db.getRepository(Team).findBy({ id: In([...ids]) }), (t) => t.id),
    teamByUsername: loaderByKey<string, Team>(
      (names) => db.getRepository(Team).findBy({ username: In([...names]) }),
      (t) => t.username,
    ),
    personalTeamByOwner: loaderByKey<string, Team>(
      (ids) => db.getRepository(Team).findBy({ personalOwnerId: In([...ids]) }),
      (t) => t.personalOwnerId!,
    ),
    organizationMembershipsByUser: loaderOfGroups<string, OrganizationMembership>(
      (ids) => db.getRepository(OrganizationMembership).findBy({ userId: In([...ids]) }),
      (m) => m.userId,
    ),
    teamMembershipsByUser: loaderOfGroups<string, TeamMembership>(
      (ids) => db.getRepository(TeamMembership).findBy({ userId: In([...ids]) }),
      (m) => m.userId,
    ),
    // Organizations whose SSO a user has signed in through (their "personal account access for SSO users" applies).
    ssoOrganizationsByUser: loaderOfGroups<string, { userId: string; organizationId: string }>(
      async (ids) =>
        (await db.query(`SELECT DISTINCT user_id, organization_id FROM sso_identities WHERE user_id = ANY($1::uuid[])`, [[...ids]])).map(
          (row: { user_id: string; organization_id: string }) => ({ userId: row.user_id, organizationId: row.organization_id }),
        ),
      (identity) => identity.userId,
    ),
    // Teams whose governance owner is this user, while the user is still a member of the team's organization.
    governedTeamsByUser: loaderOfGroups<string, { userId: string; teamId: string }>(
      async (ids) =>
        (
          await db.query(
            `SELECT g.owner_id AS user_id, g.team_id FROM team_governance g
               JOIN organization_memberships m ON m.organization_id = g.organization_id AND m.user_id = g.owner_id
              WHERE g.owner_id = ANY($1::uuid[])`,
            [[...ids]],
          )
        ).map((row: { user_id: string; team_id: string }) => ({ userId: row.user_id, teamId: row.team_id })),
      (row) => row.userId,
    ),
    apiKeyById: loaderByKey<string, ApiKey>((ids) => db.getRepository(ApiKey).findBy({ id: In([...ids]) }), (k) => k.id),
    requestPayload: new DataLoader<string, { input: unknown; output: unknown } | null>(async (keys) => {
      const found = await services.requests.payloads(keys);
      return keys.map((key) => found.get(key) ?? null);
    }),
    usageDashboards: createUsageDashboardLoaders(db),
    budgets,
    pricesByEndpoint: loaderOfGroups<string, ModelPrice>(
      (ids) => db.getRepository(ModelPrice).find({ where: { endpointId: In([...ids]) }, order: { effectiveFrom: 'ASC' } }),
      (p) => p.endpointId,
    ),
    memberById: loaderByKey<string, Member>((ids) => db.getRepository(Member).findBy({ id: In([...ids]) }), (m) => m.id),
    inviteById: loaderByKey<string, Invite>((ids) => db.getRepository(Invite).findBy({ id: In([...ids]) }), (i) => i.id),
    teamSecretById: loaderByKey<string, TeamSecret>((ids) => db.getRepository(TeamSecret).findBy({ id: In([...ids]) }), (s) => s.id),
    auditEventById: loaderByKey<string, AuditEvent>((ids) => db.getRepository(AuditEvent).findBy({ id: In([...ids]) }), (e) => e.id),
    // Aliased pages of an organization's teams (a dashboard's `a: teams(first: 100) b: teams(first: 100, after: …)`)
    // arrive in one tick: one statement for all pages of the same list, so their teams' fields batch together too.
    teamPages: new DataLoader<TeamPageKey, TeamConnection, string>(
      async (keys) => {
        const lists = new Map<string, TeamPageKey[]>();
        for (const key of keys) {
          const list = JSON.stringify([key.organizationId, key.filter]);
          const group = lists.get(list);
          if (group) group.push(key);
          else lists.set(list, [key]);
        }
        const pages = new Map<TeamPageKey, TeamConnection | Error>();
        await Promise.all(
          [...lists.values()].map(async (group) => {
            const answers = await services.teams.connections(group[0]!.organizationId, group[0]!.filter, group.map((key) => key.page));
            group.forEach((key, index) => pages.set(key, answers[index]!));
          }),
        );
        return keys.map((key) => pages.get(key)!);
      },
      { cacheKeyFn: (key) => JSON.stringify([key.organizationId, key.filter, key.page]) },
    ),
  };
}

export interface TeamPageKey {
  organizationId: string;
  filter: TeamListFilter;
  page: PageArgs;
}

export type Loaders = ReturnType<typeof createLoaders>;
