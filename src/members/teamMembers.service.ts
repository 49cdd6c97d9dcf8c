import type { DataSource } from 'typeorm';
import { paginate, type PageArgs } from '../core/relay';
import { Invite, InviteStatus } from '../invites/invite.entity';
import { TeamMembership, type TeamRole } from '../teams/teamMembership.entity';
import { InviteConnection, TeamMember, TeamMemberConnection } from './teamMembers.types';

/** Reads of one team's people for its admins: members (searchable) and the invites sent to the team. */
export class TeamMembersService {
  constructor(private readonly db: DataSource) {}

  /** One membership for `node(id:)`, as the GraphQL class (the Node interface tells types apart by class). */
  async byId(id: string): Promise<TeamMember | null> {
    const membership = await this.db.getRepository(TeamMembership).findOneBy({ id });
    return membership ? Object.assign(new TeamMember(), membership) : null;
  }

  members(teamId: string, filter: { role?: TeamRole | null; search?: string | null }, page: PageArgs): Promise<TeamMemberConnection> {
    const query = this.db.getRepository(TeamMembership).createQueryBuilder('tm').where('tm.team_id = :teamId', { teamId });
    if (filter.role) query.andWhere('tm.role = :role', { role: filter.role });
    if (filter.search) {
      query.andWhere(`EXISTS (SELECT 1 FROM users su WHERE su.id = tm.user_id AND (su.email ILIKE :search OR su.name ILIKE :search))`, {
        search: likePattern(filter.search),
      });
    }
    return paginate(query, page, {
      connection: TeamMemberConnection,
      orderBy: "date_trunc('milliseconds', tm.created_at)",
      orderValue: (row) => row.createdAt.toISOString(),
    });
  }

  invites(teamId: string, status: InviteStatus | null | undefined, page: PageArgs): Promise<InviteConnection> {
    const query = this.db.getRepository(Invite).createQueryBuilder('invite').where('invite.team_id = :teamId', { teamId });
    // Status as the API shows it: an open invite past its expiry is EXPIRED even before a write catches up.
    if (status === InviteStatus.PENDING) query.andWhere(`invite.status = 'PENDING' AND invite.expires_at > now()`);
    else if (status === InviteStatus.EXPIRED) query.andWhere(`(invite.status = 'EXPIRED' OR (invite.status = 'PENDING' AND invite.expires_at <= now()))`);
    else if (status) query.andWhere('invite.status = :status', { status });
    return paginate(query, page, {
      connection: InviteConnection,
      orderBy: "date_trunc('milliseconds', invite.created_at)",
      orderValue: (row) => row.createdAt.toISOString(),
      direction: 'DESC',
    });
  }
}

/** `%text%` with LIKE wildcards in the text matched literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
