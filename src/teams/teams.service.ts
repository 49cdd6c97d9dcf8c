import crypto from 'node:crypto';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { paginateMany, type PageArgs } from '../core/relay';
import { TeamConnection } from './teams.types';
import { UserInputFailure } from '../core/errors';
import { isUniqueViolation } from '../core/dbErrors';
import { recordAudit, diff, type Caller } from '../audit/audit';
import type { ApiKeyAuthenticator } from '../apiKeys/apiKeyAuthenticator';
import { Team, TeamKind } from './team.entity';
import { TeamMembership, TeamRole } from './teamMembership.entity';
import { assertValidName, assertValidUsername, usernameFrom } from './username';

export interface TeamListFilter {
  includeArchived?: boolean | null;
  /** Only teams this user is a member of. */
  memberUserId?: string | null;
  /** Only regular teams; unset also lists the organization's root team (it has keys and spend of its own). */
  kind?: 'TEAM';
}

/** Team lifecycle: creation, renaming, archiving. Authorization happens before these are called. */
export class TeamsService {
  constructor(
    private readonly db: DataSource,
    private readonly apiKeys: ApiKeyAuthenticator,
  ) {}

  /**
   * Pages of an organization's teams in creation order, all in one statement (aliased pages of a dashboard); an
   * Error for a page with bad arguments. `memberUserId` restricts the list to teams that user belongs to (for
   * viewers who are not organization ADMIN or BILLING).
   */
  connections(organizationId: string, filter: TeamListFilter, pages: readonly PageArgs[]): Promise<Array<TeamConnection | Error>> {
    const query = () => {
      const list = this.db.getRepository(Team).createQueryBuilder('team').where('team.organization_id = :organizationId', { organizationId });
      if (filter.kind) list.andWhere('team.kind = :kind', { kind: filter.kind });
      if (!filter.includeArchived) list.andWhere('team.archived_at IS NULL');
      if (filter.memberUserId) {
        list.andWhere('EXISTS (SELECT 1 FROM team_memberships m WHERE m.team_id = team.id AND m.user_id = :memberUserId)', {
          memberUserId: filter.memberUserId,
        });
      }
      return list;
    };
    return paginateMany(query, pages, {
      connection: TeamConnection,
      orderBy: "date_trunc('milliseconds', team.created_at)",
      orderValue: (team) => team.createdAt.toISOString(),
    });
  }

  /**
   * Every team of an organization, root team included, oldest first (ties by username): the REST team list and the
   * model-access export. `usernames` narrows it (archived teams named there are included); a name that is not a
   * team of the organization is reported in `unknown`, never silently dropped.
   */
  async organizationTeams(organizationId: string, options: { includeArchived?: boolean; usernames?: string[] | null } = {}): Promise<{ teams: Team[]; unknown: string[] }> {
    const list = this.db.getRepository(Team).createQueryBuilder('team').where('team.organization_id = :organizationId', { organizationId });
    if (options.usernames) list.andWhere('team.username IN (:...usernames)', { usernames: options.usernames });
    else if (!options.includeArchived) list.andWhere('team.archived_at IS NULL');
    const teams = await list.orderBy('team.created_at').addOrderBy('team.username').getMany();
    const found = new Set(teams.map((team) => team.username));
    return { teams, unknown: (options.usernames ?? []).filter((username) => !found.has(username)) };
  }

  /**
   * `adminUserId`: a creator who is not an organization admin (allowed by the team-creation policy) becomes the new
   * team's ADMIN, so they can manage what they created.
   */
  async create(caller: Caller, input: { organizationId: string; username: string; name: string; adminUserId?: string | null }): Promise<Team> {
    assertValidUsername(input.username, ['input', 'username']);
    const name = assertValidName(input.name, ['input', 'name']);
    return this.db.transaction(async (tx) => {
      const team = await this.insertTeam(tx, {
        organizationId: input.organizationId,
        kind: TeamKind.TEAM,
        username: input.username,
        name,
      });
      if (input.adminUserId) {
        await tx.getRepository(TeamMembership).insert({
          teamId: team.id,
          organizationId: input.organizationId,
          userId: input.adminUserId,
          role: TeamRole.ADMIN,
        });
      }
      await recordAudit(tx, caller, {
        organizationId: input.organizationId,
        teamId: team.id,
        action: 'team.create',
        targetType: 'Team',
        targetId: team.id,
        changes: { username: { before: null, after: team.username }, name: { before: null, after: team.name } },
      });
      return team;
    });
  }

  /** Inserts a team, reporting a taken username as a userError rather than a constraint violation. */
  async insertTeam(
    tx: EntityManager,
    values: Pick<Team, 'kind' | 'username' | 'name'> & Partial<Pick<Team, 'organizationId' | 'personalOwnerId'>>,
  ): Promise<Team> {
    const repository = tx.getRepository(Team);
    if (await repository.exists({ where: { username: values.username } })) throw usernameTaken(values.username);
    try {
      return await repository.save(repository.create({ organizationId: null, personalOwnerId: null, ...values }));
    } catch (error) {
      if (isUniqueViolation(error)) throw usernameTaken(values.username);
      throw error;
    }
  }

  /** Personal accounts get a username from the email, made unique with a short suffix when needed. */
  async createPersonalTeam(tx: EntityManager, user: { id: string; email: string; name: string }): Promise<Team> {
    const base = usernameFrom(user.email.split('@')[0] ?? user.name);
    for (let attempt = 0; attempt < 5; attempt++) {
      const username = attempt === 0 ? base : `${base.slice(0, 30)}-${crypto.randomBytes(3).toString('hex')}`;
      const exists = await tx.getRepository(Team).exists({ where: { username } });
      if (!exists) {
        return this.insertTeam(tx, { kind: TeamKind.PERSONAL, username, name: user.name, personalOwnerId: user.id });
      }
    }
    throw new Error('Could not find a free personal username');
  }

  async rename(caller: Caller, team: Team, name: string): Promise<Team> {
    const newName = assertValidName(name, ['input', 'name']);
    return this.db.transaction(async (tx) => {
      const changes = diff(team, { name: newName });
      await tx.getRepository(Team).update({ id: team.id }, { name: newName });
      await recordAudit(tx, caller, {
        organizationId: team.organizationId,
        teamId: team.id,
        action: 'team.rename',
        targetType: 'Team',
        targetId: team.id,
        changes,
      });
      return { ...team, name: newName };
    });
  }

  /** Archiving locks the team at once: its keys stop authenticating (cache dropped) and models are denied. */
  async archive(caller: Caller, team: Team): Promise<Team> {
    if (team.kind !== TeamKind.TEAM) {
      throw new UserInputFailure('NOT_ARCHIVABLE', 'Root teams and personal accounts cannot be archived.', ['input', 'teamId']);
    }
    if (team.archivedAt) return team;
    const archived = await this.db.transaction(async (tx) => {
      const result = await tx
        .getRepository(Team)
        .createQueryBuilder()
        .update()
        .set({ archivedAt: () => 'now()' })
        .where({ id: team.id, archivedAt: IsNull() })
        .returning('archived_at')
        .execute();
      const archivedAt: Date = (result.raw as Array<{ archived_at: Date }>)[0]?.archived_at ?? new Date();
      await recordAudit(tx, caller, {
        organizationId: team.organizationId,
        teamId: team.id,
        action: 'team.archive',
        targetType: 'Team',
        targetId: team.id,
        changes: { archivedAt: { before: null, after: archivedAt.toISOString() } },
      });
      return { ...team, archivedAt };
    });
    this.apiKeys.invalidateTeam(team.id);
    return archived;
  }

  /**
   * Lifts an archive. Keys that were not revoked authenticate again (archiving locked them, it did not revoke them),
   * memberships were kept, and the history never left.
   */
  async unarchive(caller: Caller, team: Team): Promise<Team> {
    if (team.kind !== TeamKind.TEAM) throw new UserInputFailure('NOT_ARCHIVABLE', 'Root teams and personal accounts are never archived.', ['input', 'teamId']);
    const unarchived = await this.db.transaction(async (tx) => {
      const [row] = await tx.query<Array<{ archived_at: Date | null }>>(`SELECT archived_at FROM teams WHERE id = $1 FOR UPDATE`, [team.id]);
      if (!row?.archived_at) throw new UserInputFailure('NOT_ARCHIVED', 'The team is not archived.', ['input', 'teamId']);
      await tx.query(`UPDATE teams SET archived_at = NULL WHERE id = $1`, [team.id]);
      await recordAudit(tx, caller, {
        organizationId: team.organizationId,
        teamId: team.id,
        action: 'team.unarchive',
        targetType: 'Team',
        targetId: team.id,
        changes: { archivedAt: { before: new Date(row.archived_at).toISOString(), after: null } },
      });
      return { ...team, archivedAt: null };
    });
    // Drop any cached refusal of the team's keys.
    this.apiKeys.invalidateTeam(team.id);
    return unarchived;
  }
}

function usernameTaken(username: string): UserInputFailure {
  return new UserInputFailure('TAKEN', `The username "${username}" is already taken.`, ['input', 'username']);
}
