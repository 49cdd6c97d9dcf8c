import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import { UserInputFailure } from '../core/errors';
import { paginate, type PageArgs } from '../core/relay';
import { recordAudit, recordAuditBatch, type Caller } from '../audit/audit';
import { lockOrganization } from '../members/organizationLock';
import type { TeamsService } from '../teams/teams.service';
import { TeamKind } from '../teams/team.entity';
import type { TeamRole } from '../teams/teamMembership.entity';
import { usernameFrom } from '../teams/username';
import { ScimGroup } from './scimGroup.entity';
import { ScimUser } from './scimUser.entity';
import { ScimGroupConnection, ScimUserConnection } from './scim.types';
import { syncTeamFor } from './scimProvisioning';

export type MappingTarget = { teamId: string; createTeam?: false } | { teamId?: null; createTeam: true };

/**
 * What organization admins decide about SCIM through GraphQL: which team (and role) a pushed group stands for, and
 * the read side (groups, provisioned people, a member's provisioning source).
 */
export class ScimMappingsService {
  constructor(
    private readonly db: DataSource,
    private readonly teams: TeamsService,
  ) {}

  findGroup(id: string): Promise<ScimGroup | null> {
    return this.db.getRepository(ScimGroup).findOneBy({ id });
  }

  findUser(id: string): Promise<ScimUser | null> {
    return this.db.getRepository(ScimUser).findOneBy({ id });
  }

  groups(organizationId: string, page: PageArgs): Promise<ScimGroupConnection> {
    const query = this.db.getRepository(ScimGroup).createQueryBuilder('grp').where('grp.organization_id = :organizationId', { organizationId });
    return paginate(query, page, { connection: ScimGroupConnection, orderBy: "date_trunc('milliseconds', grp.created_at)", orderValue: (group) => group.createdAt.toISOString() });
  }

  users(organizationId: string, page: PageArgs & { active?: boolean | null }): Promise<ScimUserConnection> {
    const query = this.db.getRepository(ScimUser).createQueryBuilder('su').where('su.organization_id = :organizationId', { organizationId });
    if (page.active !== null && page.active !== undefined) query.andWhere('su.active = :active', { active: page.active });
    return paginate(query, page, { connection: ScimUserConnection, orderBy: "date_trunc('milliseconds', su.created_at)", orderValue: (user) => user.createdAt.toISOString() });
  }

  async memberCounts(groupIds: readonly string[]): Promise<Map<string, number>> {
    const rows: Array<{ group_id: string; n: number }> = await this.db.query(
      `SELECT group_id, count(*)::int AS n FROM scim_group_members WHERE group_id = ANY($1::uuid[]) GROUP BY group_id`,
      [[...groupIds]],
    );
    return new Map(rows.map((row) => [row.group_id, row.n]));
  }

  /** Provisioned rows of these users in one organization (for Member.provisioningSource / lastScimSyncAt). */
  async byUsers(organizationId: string, userIds: readonly string[]): Promise<ScimUser[]> {
    return this.db.getRepository(ScimUser).createQueryBuilder('su').where('su.organization_id = :organizationId AND su.user_id = ANY(:userIds)', { organizationId, userIds: [...userIds] }).getMany();
  }

  /**
   * Maps a group to a team with a role (or creates a team from it). Current members get the team at once; a previous
   * team loses the memberships this group granted.
   */
  async setMapping(caller: Caller, group: ScimGroup, target: MappingTarget, role: TeamRole): Promise<ScimGroup> {
    return this.db.transaction(async (tx) => {
      await lockOrganization(tx, group.organizationId);
      const current = await tx.getRepository(ScimGroup).findOneBy({ id: group.id });
      if (!current) throw new UserInputFailure('NOT_FOUND', 'The group was deleted by the identity provider.', ['input', 'groupId']);
      let teamId: string;
      if (target.createTeam) {
        const team = await this.teams.insertTeam(tx, { organizationId: group.organizationId, kind: TeamKind.TEAM, username: await this.freeUsername(current.displayName), name: current.displayName.slice(0, 100) });
        await recordAudit(tx, caller, { organizationId: group.organizationId, teamId: team.id, action: 'team.create', targetType: 'Team', targetId: team.id, changes: { username: { before: null, after: team.username }, name: { before: null, after: team.name }, source: { before: null, after: 'SCIM_GROUP' } } });
        teamId = team.id;
      } else {
        const [team] = await tx.query<Array<{ id: string; archived_at: Date | null }>>(`SELECT id, archived_at FROM teams WHERE id = $1 AND organization_id = $2 AND kind = 'TEAM'`, [target.teamId, group.organizationId]);
        if (!team) throw new UserInputFailure('NOT_FOUND', 'No such team in this organization (root teams cannot be mapped).', ['input', 'teamId']);
        if (team.archived_at) throw new UserInputFailure('ARCHIVED', 'The team is archived.', ['input', 'teamId']);
        teamId = team.id;
      }
      await tx.query(`UPDATE scim_groups SET team_id = $2, team_role = $3, team_created_by_group = $4, updated_at = now() WHERE id = $1`, [group.id, teamId, role, Boolean(target.createTeam)]);
      await recordAudit(tx, caller, {
        organizationId: group.organizationId,
        teamId,
        action: 'scim.group.map',
        targetType: 'ScimGroup',
        targetId: group.id,
        changes: { teamId: { before: current.teamId, after: teamId }, teamRole: { before: current.teamRole, after: role } },
      });
      await this.resync(tx, caller, group.organizationId, group.id, [current.teamId, teamId]);
      return (await tx.getRepository(ScimGroup).findOneBy({ id: group.id }))!;
    });
  }

  async removeMapping(caller: Caller, group: ScimGroup): Promise<ScimGroup> {
    return this.db.transaction(async (tx) => {
      await lockOrganization(tx, group.organizationId);
      const current = await tx.getRepository(ScimGroup).findOneBy({ id: group.id });
      if (!current) throw new UserInputFailure('NOT_FOUND', 'The group was deleted by the identity provider.', ['input', 'groupId']);
      if (!current.teamId) throw new UserInputFailure('NOT_MAPPED', 'The group is not mapped to a team.', ['input', 'groupId']);
      await tx.query(`UPDATE scim_groups SET team_id = NULL, team_role = NULL, team_created_by_group = false, updated_at = now() WHERE id = $1`, [group.id]);
      await recordAudit(tx, caller, { organizationId: group.organizationId, teamId: current.teamId, action: 'scim.group.unmap', targetType: 'ScimGroup', targetId: group.id, changes: { teamId: { before: current.teamId, after: null }, teamRole: { before: current.teamRole, after: null } } });
      await this.resync(tx, caller, group.organizationId, group.id, [current.teamId]);
      return (await tx.getRepository(ScimGroup).findOneBy({ id: group.id }))!;
    });
  }

  private async resync(tx: import('typeorm').EntityManager, caller: Caller, organizationId: string, groupId: string, teamIds: Array<string | null>) {
    const members: Array<{ user_id: string }> = await tx.query(
      `SELECT su.user_id FROM scim_group_members gm JOIN scim_users su ON su.id = gm.scim_user_id WHERE gm.group_id = $1`,
      [groupId],
    );
    for (const teamId of new Set(teamIds)) {
      if (!teamId) continue;
      const audit = await syncTeamFor(tx, organizationId, teamId, members.map((member) => member.user_id));
      await recordAuditBatch(tx, caller, audit.map((entry) => ({ ...entry, organizationId })));
    }
  }

  private async freeUsername(displayName: string): Promise<string> {
    const base = usernameFrom(displayName).slice(0, 30).replace(/-+$/, '');
    const [taken] = await this.db.query<unknown[]>(`SELECT 1 FROM teams WHERE username = $1`, [base]);
    return taken ? `${base}-${crypto.randomBytes(3).toString('hex')}` : base;
  }
}
