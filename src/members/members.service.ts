import type { DataSource, EntityManager } from 'typeorm';
import { UserInputFailure } from '../core/errors';
import { paginate, type PageArgs } from '../core/relay';
import { recordAudit, type Caller } from '../audit/audit';
import { OrganizationMembership, OrganizationRole } from '../organizations/organizationMembership.entity';
import { TeamMembership, TeamRole } from '../teams/teamMembership.entity';
import { TeamKind, type Team } from '../teams/team.entity';
import { Member, MemberStatus } from './member.entity';
import type { ApiKeysService, KeyDisposition } from '../apiKeys/apiKeys.service';
import { MemberConnection } from './members.types';
import { assertOrganizationKeepsAnAdmin, lockOrganization } from './organizationLock';
import { leaveOrganization, setOrganizationRole } from '../organizations/organizationMemberships';
import { assignTeamMember, leaveOrganizationTeams, removeTeamMembers } from '../teams/teamMemberships';
import { likePattern } from './teamMembers.service';

export interface MemberFilter {
  teamId?: string | null;
  role?: OrganizationRole | null;
  status?: MemberStatus | null;
  /** Substring of the name or email (already length-checked by the resolver). */
  search?: string | null;
}

/**
 * Organization membership and team assignment. Every change takes the organization lock first, so the last-ADMIN
 * rule holds under concurrency, and writes exactly one audit event in the same transaction.
 */
export class MembersService {
  constructor(
    private readonly db: DataSource,
    private readonly apiKeys: ApiKeysService,
  ) {}

  connection(organizationId: string, filter: MemberFilter, page: PageArgs): Promise<MemberConnection> {
    const query = this.db.getRepository(Member).createQueryBuilder('member').where('member.organization_id = :organizationId', {
      organizationId,
    });
    if (filter.role) query.andWhere('member.role = :role', { role: filter.role });
    if (filter.status) query.andWhere('member.status = :status', { status: filter.status });
    if (filter.search) {
      // LIKE wildcards in the text are matched literally; names live on users (PENDING invites have only an email).
      const pattern = likePattern(filter.search);
      query.andWhere(
        `(member.email ILIKE :search OR EXISTS (SELECT 1 FROM users su WHERE su.id = member.user_id AND su.name ILIKE :search))`,
        { search: pattern },
      );
    }
    if (filter.teamId) {
      query.andWhere(
        `(EXISTS (SELECT 1 FROM team_memberships tm WHERE tm.team_id = :teamId AND tm.user_id = member.user_id)
          OR EXISTS (SELECT 1 FROM invites i WHERE i.id = member.invite_id
                      AND (i.team_id = :teamId OR i.team_assignments @> jsonb_build_array(jsonb_build_object('teamId', :teamId::text)))))`,
        { teamId: filter.teamId },
      );
    }
    return paginate(query, page, {
      connection: MemberConnection,
      orderBy: "date_trunc('milliseconds', member.created_at)",
      orderValue: (member) => member.createdAt.toISOString(),
    });
  }

  findByUser(organizationId: string, userId: string): Promise<Member | null> {
    return this.db.getRepository(Member).findOneBy({ organizationId, userId });
  }

  async updateRole(caller: Caller, member: Member, role: OrganizationRole): Promise<Member> {
    const userId = requireJoined(member);
    return this.db.transaction(async (tx) => {
      await lockOrganization(tx, member.organizationId);
      const membership = await currentMembership(tx, member.organizationId, userId);
      if (membership.role === role) return { ...member, role };
      await setOrganizationRole(tx, membership.id, role);
      if (membership.role === OrganizationRole.ADMIN) await assertOrganizationKeepsAnAdmin(tx, member.organizationId, ['input', 'role']);
      await recordAudit(tx, caller, {
        organizationId: member.organizationId,
        action: 'member.updateRole',
        targetType: 'User',
        targetId: userId,
        changes: { role: { before: membership.role, after: role } },
      });
      return { ...member, role };
    });
  }

  /**
   * Removes a member from the organization and from all its teams; the API keys they created or own there are
   * revoked or transferred in the same transaction, as `keys` says (ApiKeysService.settleKeysOf).
   */
  async remove(caller: Caller, member: Member, keys: KeyDisposition | null, action: 'member.remove' | 'member.leave' = 'member.remove'): Promise<Member> {
    const userId = requireJoined(member);
    let settled: string[] = [];
    const removed = await this.db.transaction(async (tx) => {
      await lockOrganization(tx, member.organizationId);
      const membership = await currentMembership(tx, member.organizationId, userId);
      const teamIds = await leaveOrganizationTeams(tx, member.organizationId, userId);
      await leaveOrganization(tx, member.organizationId, userId);
      if (membership.role === OrganizationRole.ADMIN) {
        await assertOrganizationKeepsAnAdmin(tx, member.organizationId, action === 'member.leave' ? ['input', 'organizationId'] : ['input', 'memberId']);
      }
      await recordAudit(tx, caller, {
        organizationId: member.organizationId,
        action,
        targetType: 'User',
        targetId: userId,
        changes: {
          role: { before: membership.role, after: null },
          teamIds: { before: [...teamIds].sort(), after: [] },
        },
      });
      settled = await this.apiKeys.settleKeysOf(tx, caller, { organizationId: member.organizationId }, userId, keys);
      return member;
    });
    this.apiKeys.forgetKeys(settled);
    return removed;
  }

  /** Adds an organization member to a team, or changes their role there. */
  async assignToTeam(caller: Caller, team: Team, userId: string, role: TeamRole): Promise<TeamMembership> {
    const organizationId = assignableTeamOrganization(team);
    return this.db.transaction(async (tx) => {
      await lockOrganization(tx, organizationId);
      const isMember = await tx.getRepository(OrganizationMembership).exists({ where: { organizationId, userId } });
      if (!isMember) {
        throw new UserInputFailure('NOT_A_MEMBER', 'Only members of the organization can be assigned to its teams.', ['input', 'userId']);
      }
      const { membership, before } = await assignTeamMember(tx, organizationId, team.id, userId, role);
      if (before === role) return membership;
      await recordAudit(tx, caller, {
        organizationId,
        teamId: team.id,
        action: before ? 'team.member.updateRole' : 'team.member.assign',
        targetType: 'User',
        targetId: userId,
        changes: { role: { before, after: role } },
      });
      return membership;
    });
  }

  /** Takes a person off a team; the keys they created or own on it are settled as `keys` says (see remove). */
  async unassignFromTeam(caller: Caller, team: Team, userId: string, keys: KeyDisposition | null): Promise<void> {
    const organizationId = assignableTeamOrganization(team);
    let settled: string[] = [];
    await this.db.transaction(async (tx) => {
      await lockOrganization(tx, organizationId);
      const rows = await removeTeamMembers(tx, team.id, [userId]);
      if (rows.length === 0) throw new UserInputFailure('NOT_A_MEMBER', 'This person is not a member of the team.', ['input', 'userId']);
      await recordAudit(tx, caller, {
        organizationId,
        teamId: team.id,
        action: 'team.member.unassign',
        targetType: 'User',
        targetId: userId,
        changes: { role: { before: rows[0].role, after: null } },
      });
      settled = await this.apiKeys.settleKeysOf(tx, caller, { organizationId, teamId: team.id }, userId, keys);
    });
    this.apiKeys.forgetKeys(settled);
  }
}

function requireJoined(member: Member): string {
  if (!member.userId) {
    throw new UserInputFailure('PENDING_INVITE', 'This person has not accepted their invite yet; revoke or resend the invite instead.', [
      'input',
      'memberId',
    ]);
  }
  return member.userId;
}

/** Re-read under the lock: the member may have been changed or removed since the request started. */
async function currentMembership(tx: EntityManager, organizationId: string, userId: string): Promise<OrganizationMembership> {
  const membership = await tx.getRepository(OrganizationMembership).findOneBy({ organizationId, userId });
  if (!membership) throw new UserInputFailure('NOT_A_MEMBER', 'This person is no longer a member of the organization.', ['input', 'memberId']);
  return membership;
}

/** Only regular teams of an organization have assignable members (root teams are administered through org roles). */
function assignableTeamOrganization(team: Team): string {
  if (team.kind !== TeamKind.TEAM || !team.organizationId) {
    throw new UserInputFailure('NOT_ASSIGNABLE', 'Members can only be assigned to regular teams of an organization.', ['input', 'teamId']);
  }
  if (team.archivedAt) throw new UserInputFailure('ARCHIVED', 'The team is archived.', ['input', 'teamId']);
  return team.organizationId;
}
