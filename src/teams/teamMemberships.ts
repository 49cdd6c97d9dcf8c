import type { EntityManager } from 'typeorm';
import { returnedRows } from '../core/dbErrors';
import { TeamMembership, type TeamRole } from './teamMembership.entity';

/**
 * Every write to `team_memberships` and to a team's name made on another module's behalf (members, invites, SSO,
 * SCIM). Each function runs in the caller's transaction, so the membership change commits or rolls back with the
 * caller's own writes and audit; callers take the organization lock and write the audit themselves.
 */

/** Adds people to live teams; someone already on a team keeps their role there. Archived teams are skipped. */
export async function joinTeams(
  tx: EntityManager,
  userId: string,
  assignments: ReadonlyArray<{ teamId: string; role: TeamRole | string }>,
): Promise<void> {
  for (const assignment of assignments) {
    await tx.query(
      `INSERT INTO team_memberships (team_id, organization_id, user_id, role)
       SELECT t.id, t.organization_id, $2, $3 FROM teams t WHERE t.id = $1 AND t.archived_at IS NULL
       ON CONFLICT (team_id, user_id) DO NOTHING`,
      [assignment.teamId, userId, assignment.role],
    );
  }
}

/** Adds many people to one team of an organization in one statement (SCIM group sync). */
export async function addTeamMembers(tx: EntityManager, organizationId: string, teamId: string, members: ReadonlyArray<{ userId: string; role: string }>): Promise<void> {
  if (members.length === 0) return;
  await tx.query(
    `INSERT INTO team_memberships (team_id, organization_id, user_id, role) SELECT $1, $2, u, r FROM unnest($3::uuid[], $4::text[]) AS x(u, r)`,
    [teamId, organizationId, members.map((m) => m.userId), members.map((m) => m.role)],
  );
}

/** Changes many people's role on one team in one statement. */
export async function setTeamRoles(tx: EntityManager, teamId: string, members: ReadonlyArray<{ userId: string; role: string }>): Promise<void> {
  if (members.length === 0) return;
  await tx.query(
    `UPDATE team_memberships tm SET role = x.r FROM unnest($2::uuid[], $3::text[]) AS x(u, r) WHERE tm.team_id = $1 AND tm.user_id = x.u`,
    [teamId, members.map((m) => m.userId), members.map((m) => m.role)],
  );
}

/** Assigns one person to a team or changes their role there; answers the membership and the role it had before. */
export async function assignTeamMember(
  tx: EntityManager,
  organizationId: string,
  teamId: string,
  userId: string,
  role: TeamRole,
): Promise<{ membership: TeamMembership; before: TeamRole | null }> {
  const repository = tx.getRepository(TeamMembership);
  const existing = await repository.findOneBy({ teamId, userId });
  if (existing?.role === role) return { membership: existing, before: role };
  const membership = existing
    ? await repository.save({ ...existing, role })
    : await repository.save(repository.create({ teamId, organizationId, userId, role }));
  return { membership, before: existing?.role ?? null };
}

/** Takes people off one team; answers who was removed and the role they had. */
export async function removeTeamMembers(tx: EntityManager, teamId: string, userIds: readonly string[]): Promise<Array<{ userId: string; role: TeamRole }>> {
  if (userIds.length === 0) return [];
  const rows: Array<{ user_id: string; role: TeamRole }> = returnedRows(
    await tx.query(`DELETE FROM team_memberships WHERE team_id = $1 AND user_id = ANY($2::uuid[]) RETURNING user_id, role`, [teamId, [...userIds]]),
  );
  return rows.map((row) => ({ userId: row.user_id, role: row.role }));
}

/** Takes a person off every team of an organization; answers the teams they were on. */
export async function leaveOrganizationTeams(tx: EntityManager, organizationId: string, userId: string): Promise<string[]> {
  const rows: Array<{ team_id: string }> = returnedRows(
    await tx.query(`DELETE FROM team_memberships WHERE organization_id = $1 AND user_id = $2 RETURNING team_id`, [organizationId, userId]),
  );
  return rows.map((row) => row.team_id);
}

/** Renames a team made for something outside Orgraph (a SCIM group) when that thing is renamed. */
export async function renameTeam(tx: EntityManager, teamId: string, name: string): Promise<void> {
  await tx.query(`UPDATE teams SET name = $2 WHERE id = $1`, [teamId, name]);
}
