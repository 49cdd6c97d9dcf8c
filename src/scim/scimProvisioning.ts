import type { EntityManager } from 'typeorm';
import { UserInputFailure } from '../core/errors';
import { assertOrganizationKeepsAnAdmin } from '../members/organizationLock';
import type { AuditEntry } from '../audit/audit';
import { joinOrganization, leaveOrganization } from '../organizations/organizationMemberships';
import { addTeamMembers, leaveOrganizationTeams, removeTeamMembers, setTeamRoles } from '../teams/teamMemberships';
import { revokeSessionsReaching } from '../users/accounts';
import { revokeKeysLeftByDeprovisioned } from '../apiKeys/keyRevocation';
import { ScimError } from './scimErrors';
import { regularTeamOf } from '../teams/teamLookup';

/**
 * What SCIM does to memberships, sessions and keys. Those tables belong to other modules (organizations, teams,
 * users, apiKeys), so the writes go through their functions, in the SCIM request's transaction and under the
 * organization lock; SCIM's own tables (grants) are written here. Every function returns the audit entries it owes.
 */

type Audit = Array<Omit<AuditEntry, 'organizationId'>>;

export interface DeprovisionResult {
  role: string | null;
  /** Public key ids to drop from the authentication cache once the transaction commits. */
  revokedKeyIds: string[];
  audit: Audit;
}

/**
 * Deactivation or deletion: the organization membership and every team membership in the organization end, the
 * person's sessions that can reach this organization end (password sessions, and SSO sessions of this
 * organization), and the API keys they own in this organization, or created there and nobody owns, are revoked.
 */
export async function deprovision(tx: EntityManager, organizationId: string, userId: string, scimUserId: string): Promise<DeprovisionResult> {
  const [membership] = await tx.query<Array<{ role: string }>>(`SELECT role FROM organization_memberships WHERE organization_id = $1 AND user_id = $2`, [organizationId, userId]);
  const teamIds = await leaveOrganizationTeams(tx, organizationId, userId);
  await tx.query(`DELETE FROM scim_team_grants WHERE organization_id = $1 AND user_id = $2`, [organizationId, userId]);
  if (membership) await leaveOrganization(tx, organizationId, userId);
  const sessionsRevoked = await revokeSessionsReaching(tx, userId, organizationId);
  const keys = await revokeKeysLeftByDeprovisioned(tx, organizationId, userId);
  // Checked last, after every write: refusing here rolls back the whole deprovisioning (one transaction).
  if (membership?.role === 'ADMIN') {
    try {
      await assertOrganizationKeepsAnAdmin(tx, organizationId, ['active']);
    } catch (error) {
      if (error instanceof UserInputFailure) {
        throw new ScimError(400, 'This person is the organization’s last ADMIN; make someone else ADMIN in Orgraph before deprovisioning them.', 'mutability');
      }
      throw error;
    }
  }
  const audit: Audit = keys.map((key) => ({
    teamId: key.teamId,
    action: 'apiKey.revoke',
    targetType: 'ApiKey',
    targetId: key.id,
    changes: { revokedAt: { before: null, after: key.revokedAt.toISOString() }, reason: { before: null, after: 'SCIM_DEPROVISIONED' } },
  }));
  audit.push({
    action: 'scim.user.deprovision',
    targetType: 'User',
    targetId: userId,
    changes: {
      scimUserId: { before: scimUserId, after: scimUserId },
      role: { before: membership?.role ?? null, after: null },
      teamIds: { before: [...teamIds].sort(), after: [] },
      sessionsRevoked: { before: null, after: sessionsRevoked },
      apiKeysRevoked: { before: null, after: keys.map((key) => key.keyId).sort() },
    },
  });
  return { role: membership?.role ?? null, revokedKeyIds: keys.map((key) => key.keyId), audit };
}

/** Joins (or rejoins) the organization with `role`; a person who is already a member keeps their role. */
export function ensureMembership(tx: EntityManager, organizationId: string, userId: string, role: string): Promise<boolean> {
  return joinOrganization(tx, organizationId, userId, role);
}

/**
 * Makes the given people's membership of one team what the mapped groups say: the highest role among the mapped
 * groups they are in while active, or nothing. Only memberships SCIM granted are changed or removed; one made by hand
 * stays. Set-based: one statement plans every person, then at most five batched writes, whatever the group's size.
 */
export async function syncTeamFor(tx: EntityManager, organizationId: string, teamId: string, userIds: Iterable<string>): Promise<Audit> {
  const people = [...new Set(userIds)];
  if (people.length === 0) return [];
  const team = await regularTeamOf(tx, organizationId, teamId);
  if (!team || team.archivedAt) return [];
  const plan: Array<{ user_id: string; desired: string | null; granted: string | null; current: string | null }> = await tx.query(
    `WITH ranked AS (
       SELECT su.user_id, max(CASE g.team_role WHEN 'ADMIN' THEN 3 WHEN 'DEVELOPER' THEN 2 ELSE 1 END) AS rank
         FROM scim_users su
         JOIN scim_group_members gm ON gm.scim_user_id = su.id
         JOIN scim_groups g ON g.id = gm.group_id
        WHERE su.organization_id = $1 AND su.user_id = ANY($3::uuid[]) AND su.active AND g.team_id = $2
        GROUP BY su.user_id)
     SELECT p.user_id, CASE r.rank WHEN 3 THEN 'ADMIN' WHEN 2 THEN 'DEVELOPER' WHEN 1 THEN 'BILLING' END AS desired,
            gr.role AS granted, tm.role AS current
       FROM unnest($3::uuid[]) AS p(user_id)
       LEFT JOIN ranked r ON r.user_id = p.user_id
       LEFT JOIN scim_team_grants gr ON gr.team_id = $2 AND gr.user_id = p.user_id
       LEFT JOIN team_memberships tm ON tm.team_id = $2 AND tm.user_id = p.user_id`,
    [organizationId, teamId, people],
  );
  const assign = plan.filter((row) => row.desired && !row.current);
  const change = plan.filter((row) => row.desired && row.granted && row.current && row.current !== row.desired);
  const revoke = plan.filter((row) => !row.desired && row.granted);
  await addTeamMembers(tx, organizationId, teamId, assign.map((row) => ({ userId: row.user_id, role: row.desired! })));
  if (assign.length || change.length) {
    const granted = [...assign, ...change];
    await tx.query(
      `INSERT INTO scim_team_grants (organization_id, team_id, user_id, role) SELECT $1, $2, u, r FROM unnest($3::uuid[], $4::text[]) AS x(u, r)
       ON CONFLICT (team_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
      [organizationId, teamId, granted.map((row) => row.user_id), granted.map((row) => row.desired)],
    );
  }
  await setTeamRoles(tx, teamId, change.map((row) => ({ userId: row.user_id, role: row.desired! })));
  if (revoke.length) {
    const ids = revoke.map((row) => row.user_id);
    await tx.query(`DELETE FROM scim_team_grants WHERE team_id = $1 AND user_id = ANY($2::uuid[])`, [teamId, ids]);
    await removeTeamMembers(tx, teamId, ids);
  }
  const event = (action: string, userId: string, before: string | null, after: string | null) => ({
    teamId,
    action,
    targetType: 'User',
    targetId: userId,
    changes: { role: { before, after }, source: { before: null, after: 'SCIM' } },
  });
  return [
    ...assign.map((row) => event('team.member.assign', row.user_id, null, row.desired)),
    ...change.map((row) => event('team.member.updateRole', row.user_id, row.current, row.desired)),
    ...revoke.filter((row) => row.current).map((row) => event('team.member.unassign', row.user_id, row.current, null)),
  ];
}

/** Syncs every team a person's groups map to, and every team SCIM granted them before. */
export async function syncUserTeams(tx: EntityManager, organizationId: string, userId: string): Promise<Audit> {
  const teams: Array<{ team_id: string }> = await tx.query(
    `SELECT g.team_id FROM scim_groups g JOIN scim_group_members gm ON gm.group_id = g.id JOIN scim_users su ON su.id = gm.scim_user_id
      WHERE g.organization_id = $1 AND su.user_id = $2 AND g.team_id IS NOT NULL
     UNION
     SELECT team_id FROM scim_team_grants WHERE organization_id = $1 AND user_id = $2`,
    [organizationId, userId],
  );
  const audit: Audit = [];
  for (const { team_id } of teams) audit.push(...(await syncTeamFor(tx, organizationId, team_id, [userId])));
  return audit;
}

