import { isEmailAddress } from '../core/email';
import type { DataSource, EntityManager } from 'typeorm';
import { UserInputFailure, type UserErrorShape } from '../core/errors';
import { isUniqueViolation } from '../core/dbErrors';
import { randomToken, sha256Hex } from '../auth/tokens';
import { markMailboxProven } from '../users/mailboxProof';
import { recordAudit, type Caller } from '../audit/audit';
import type { Organization } from '../organizations/organization.entity';
import { OrganizationRole } from '../organizations/organizationMembership.entity';
import { TeamKind, type Team } from '../teams/team.entity';
import { TeamRole } from '../teams/teamMembership.entity';
import { lockOrganization } from '../members/organizationLock';
import { Invite, InviteStatus, effectiveInviteStatus, type StoredTeamAssignment } from './invite.entity';
import { queueEmail } from '../email/outbox';
import { inviteEmail } from '../email/templates';
import { PublicUrl } from '../core/publicUrl';
import { isDeprovisionedByScim } from '../scim/scimStatus';

export const INVITE_TTL_MS = 7 * 24 * 3600_000;
export const MAX_INVITES_PER_CALL = 50;

export type InviteTarget = { organization: Organization } | { team: Team };

export interface InvitationRow {
  email: string;
  organizationRole?: OrganizationRole | null;
  teamRole?: TeamRole | null;
  /** Already resolved to teams the caller may see; `null` team = an id that names no team of the organization. */
  teamAssignments?: Array<{ team: Team | null; role: TeamRole }> | null;
}

export interface InvitationResult {
  email: string;
  invite: Invite | null;
  userErrors: UserErrorShape[];
}

/** Invitations: created (one audit event each), mailed through the outbox, accepted, revoked and resent. */
export class InvitesService {
  constructor(
    private readonly db: DataSource,
    private readonly links: PublicUrl = new PublicUrl(undefined),
  ) {}

  /** Each row is validated and committed on its own: one bad row never blocks the others. */
  async createMany(caller: Caller, target: InviteTarget, rows: InvitationRow[]): Promise<InvitationResult[]> {
    const seen = new Set<string>();
    const results: InvitationResult[] = [];
    for (const [index, row] of rows.entries()) {
      const field = (...rest: string[]) => ['input', 'invitations', String(index), ...rest];
      try {
        const email = row.email.trim();
        if (email.length > 254 || !isEmailAddress(email)) throw new UserInputFailure('INVALID', 'Must be a valid email address.', field('email'));
        if (seen.has(email.toLowerCase())) throw new UserInputFailure('DUPLICATE', 'This email appears more than once in the list.', field('email'));
        seen.add(email.toLowerCase());
        const shape = inviteShape(target, row, field);
        const invite = await this.db.transaction((tx) => this.createOne(tx, caller, target, email, shape, field));
        results.push({ email, invite, userErrors: [] });
      } catch (error) {
        if (!(error instanceof UserInputFailure)) throw error;
        results.push({ email: row.email, invite: null, userErrors: [error.toUserError()] });
      }
    }
    return results;
  }

  private async createOne(
    tx: EntityManager,
    caller: Caller,
    target: InviteTarget,
    email: string,
    shape: InviteShape,
    field: (...rest: string[]) => string[],
  ): Promise<Invite> {
    const organizationId = 'organization' in target ? target.organization.id : target.team.organizationId;
    const teamId = 'team' in target ? target.team.id : null;
    if (organizationId) await lockOrganization(tx, organizationId);
    const alreadyMember: Array<unknown> = teamId
      ? await tx.query(`SELECT 1 FROM team_memberships m JOIN users u ON u.id = m.user_id WHERE m.team_id = $1 AND lower(u.email) = lower($2)`, [teamId, email])
      : await tx.query(
          `SELECT 1 FROM organization_memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 AND lower(u.email) = lower($2)`,
          [organizationId, email],
        );
    if (alreadyMember.length) throw new UserInputFailure('ALREADY_MEMBER', `${email} is already a member.`, field('email'));
    // Open invites past their expiry stop blocking a fresh one.
    await tx.query(
      `UPDATE invites SET status = 'EXPIRED' WHERE status = 'PENDING' AND expires_at <= now() AND lower(email) = lower($1)
          AND ${teamId ? 'team_id = $2' : 'organization_id = $2 AND team_id IS NULL'}`,
      [email, teamId ?? organizationId],
    );
    const token = randomToken('ogi_');
    const repository = tx.getRepository(Invite);
    let invite: Invite;
    try {
      invite = await repository.save(
        repository.create({
          organizationId,
          teamId,
          email,
          organizationRole: shape.organizationRole,
          teamRole: shape.teamRole,
          teamAssignments: shape.teamAssignments,
          tokenHash: sha256Hex(token),
          status: InviteStatus.PENDING,
          expiresAt: new Date(Date.now() + INVITE_TTL_MS),
          invitedByUserId: caller.actor.kind === 'USER' ? caller.actor.userId : null,
          acceptedByUserId: null,
          acceptedAt: null,
          revokedAt: null,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new UserInputFailure('ALREADY_INVITED', `${email} already has an open invite.`, field('email'));
      throw error;
    }
    await queueEmail(tx, this.inviteMail(invite, organizationId, targetName(target), token));
    await recordAudit(tx, caller, {
      organizationId,
      teamId,
      action: 'invite.create',
      targetType: 'Invite',
      targetId: invite.id,
      changes: {
        email: { before: null, after: email },
        organizationRole: { before: null, after: shape.organizationRole },
        teamRole: { before: null, after: shape.teamRole },
        teamAssignments: { before: null, after: shape.teamAssignments },
      },
    });
    delete (invite as Partial<Invite>).tokenHash;
    return invite;
  }

  /** The address an open invite was sent to (before an account is created for it); the same errors as `accept`. */
  /** An organization requiring SSO refuses it here, before an account is made that could not accept anyway. */
  async pendingInviteEmail(token: string, ssoRequired: (organizationId: string) => Promise<boolean>): Promise<string> {
    const invite = await this.db.getRepository(Invite).findOneBy({ tokenHash: sha256Hex(token) });
    if (!invite) throw new UserInputFailure('INVALID_TOKEN', 'This invite link is not valid.', ['input', 'token']);
    const status = effectiveInviteStatus(invite);
    if (status !== InviteStatus.PENDING) throw new UserInputFailure(status, `This invite is ${status.toLowerCase()}.`, ['input', 'token']);
    if (invite.organizationId && (await ssoRequired(invite.organizationId))) {
      throw new UserInputFailure('SSO_REQUIRED', 'This organization requires SSO: sign in through its identity provider, then accept the invite.', ['input', 'token']);
    }
    return invite.email;
  }

  /** The signed-in user whose email matches (case-insensitively) joins the target with the invited roles. */
  /** `ssoRequired(organizationId)` answers whether the organization requires SSO (invites then need an SSO session). */
  async accept(caller: Caller, user: { id: string; email: string }, token: string, ssoRequired: (organizationId: string) => Promise<boolean> = async () => false): Promise<Invite> {
    const field = ['input', 'token'];
    return this.db.transaction(async (tx) => {
      const found = await tx.getRepository(Invite).findOneBy({ tokenHash: sha256Hex(token) });
      if (!found) throw new UserInputFailure('INVALID_TOKEN', 'This invite link is not valid.', field);
      if (found.organizationId) await lockOrganization(tx, found.organizationId);
      const invite = (await tx.getRepository(Invite).findOneBy({ id: found.id }))!;
      const status = effectiveInviteStatus(invite);
      if (status !== InviteStatus.PENDING) {
        throw new UserInputFailure(status, `This invite is ${status.toLowerCase()}.`, field);
      }
      if (invite.email.toLowerCase() !== user.email.toLowerCase()) {
        throw new UserInputFailure('EMAIL_MISMATCH', 'This invite was sent to a different email address; sign in with that address.', field);
      }
      const organizationId = invite.organizationId ?? (invite.teamId ? (await tx.query<Array<{ organization_id: string }>>(`SELECT organization_id FROM teams WHERE id = $1`, [invite.teamId]))[0]?.organization_id : null);
      const viaThisSso = caller.actor.kind === 'USER' && caller.actor.method === 'SSO' && caller.actor.ssoOrganizationId === organizationId;
      // An SSO session acts only in its own organization (DESIGN §4): joining another one needs the person's own login.
      if (caller.actor.kind === 'USER' && caller.actor.method === 'SSO' && !viaThisSso) {
        throw new UserInputFailure('SSO_SESSION_SCOPE', 'This session was signed in through another organization’s SSO; sign in with your own account (or this organization’s SSO) to accept the invite.', field);
      }
      // Whom the organization's identity provider deactivated stays out until it reactivates them (issue 22).
      if (organizationId && (await isDeprovisionedByScim(tx, organizationId, user.id))) {
        throw new UserInputFailure('DEPROVISIONED', 'Your organization’s identity provider has deactivated you here; ask it to reactivate you.', field);
      }
      if (organizationId && !viaThisSso && (await ssoRequired(organizationId))) {
        throw new UserInputFailure('SSO_REQUIRED', 'This organization requires SSO: sign in through its identity provider, then accept the invite.', field);
      }
      if (invite.organizationId) {
        // Joining any team of an organization makes you a member of the organization too.
        await tx.query(
          `INSERT INTO organization_memberships (organization_id, user_id, role) VALUES ($1, $2, $3)
           ON CONFLICT (organization_id, user_id) DO NOTHING`,
          [invite.organizationId, user.id, invite.organizationRole ?? OrganizationRole.MEMBER],
        );
      }
      const assignments: StoredTeamAssignment[] = invite.teamId ? [{ teamId: invite.teamId, role: invite.teamRole! }] : invite.teamAssignments;
      for (const assignment of assignments) {
        await tx.query(
          `INSERT INTO team_memberships (team_id, organization_id, user_id, role)
           SELECT t.id, t.organization_id, $2, $3 FROM teams t WHERE t.id = $1 AND t.archived_at IS NULL
           ON CONFLICT (team_id, user_id) DO NOTHING`,
          [assignment.teamId, user.id, assignment.role],
        );
      }
      // The invite link was emailed to this address, and it matches the account's: the mailbox is proven.
      await markMailboxProven(tx, user.id);
      const acceptedAt = new Date();
      await tx.getRepository(Invite).update({ id: invite.id }, { status: InviteStatus.ACCEPTED, acceptedAt, acceptedByUserId: user.id });
      await recordAudit(tx, caller, {
        organizationId: invite.organizationId,
        teamId: invite.teamId,
        action: 'invite.accept',
        targetType: 'Invite',
        targetId: invite.id,
        changes: { status: { before: InviteStatus.PENDING, after: InviteStatus.ACCEPTED } },
      });
      return { ...invite, status: InviteStatus.ACCEPTED, acceptedAt, acceptedByUserId: user.id };
    });
  }

  async revoke(caller: Caller, invite: Invite): Promise<Invite> {
    return this.db.transaction(async (tx) => {
      const current = await lockedPendingInvite(tx, invite.id, false);
      const revokedAt = new Date();
      await tx.getRepository(Invite).update({ id: current.id }, { status: InviteStatus.REVOKED, revokedAt });
      await recordAudit(tx, caller, {
        organizationId: current.organizationId,
        teamId: current.teamId,
        action: 'invite.revoke',
        targetType: 'Invite',
        targetId: current.id,
        changes: { status: { before: effectiveInviteStatus(current), after: InviteStatus.REVOKED } },
      });
      return { ...current, status: InviteStatus.REVOKED, revokedAt };
    });
  }

  /** A new link with a fresh expiry; the previous link stops working. Works on expired invites too. */
  async resend(caller: Caller, invite: Invite, targetLabel: string): Promise<Invite> {
    return this.db.transaction(async (tx) => {
      const current = await lockedPendingInvite(tx, invite.id, true);
      const token = randomToken('ogi_');
      const expiresAt = new Date(Date.now() + INVITE_TTL_MS);
      await tx.getRepository(Invite).update({ id: current.id }, { tokenHash: sha256Hex(token), expiresAt });
      const updated = { ...current, expiresAt };
      await queueEmail(tx, this.inviteMail(updated, updated.organizationId, targetLabel, token));
      await recordAudit(tx, caller, {
        organizationId: current.organizationId,
        teamId: current.teamId,
        action: 'invite.resend',
        targetType: 'Invite',
        targetId: current.id,
        changes: { expiresAt: { before: current.expiresAt.toISOString(), after: expiresAt.toISOString() } },
      });
      return updated;
    });
  }

  /** The invite email: an absolute link to the acceptance page with the token in the fragment. */
  private inviteMail(invite: Invite, organizationId: string | null, targetLabel: string, token: string) {
    return {
      ...inviteEmail({ targetLabel, email: invite.email, link: this.links.link('/invites/accept', { token }), expiresAt: invite.expiresAt }),
      recipient: invite.email,
      organizationId,
      inviteId: invite.id,
    };
  }
}

interface InviteShape {
  organizationRole: OrganizationRole | null;
  teamRole: TeamRole | null;
  teamAssignments: StoredTeamAssignment[];
}

/** What a row grants, checked against its target: organization invites name an org role, team invites a team role. */
function inviteShape(target: InviteTarget, row: InvitationRow, field: (...rest: string[]) => string[]): InviteShape {
  if ('team' in target) {
    if (target.team.kind === TeamKind.PERSONAL) throw new UserInputFailure('NOT_INVITABLE', 'Personal accounts have no members.', ['input', 'teamId']);
    if (target.team.archivedAt) throw new UserInputFailure('ARCHIVED', 'The team is archived.', ['input', 'teamId']);
    if (row.organizationRole || row.teamAssignments?.length) {
      throw new UserInputFailure('INVALID', 'Team invites take a team role only.', field('organizationRole'));
    }
    return { organizationRole: null, teamRole: row.teamRole ?? TeamRole.DEVELOPER, teamAssignments: [] };
  }
  if (row.teamRole) throw new UserInputFailure('INVALID', 'Organization invites assign team roles through teamAssignments.', field('teamRole'));
  const assignments: StoredTeamAssignment[] = [];
  for (const [index, assignment] of (row.teamAssignments ?? []).entries()) {
    const team = assignment.team;
    if (!team || team.organizationId !== target.organization.id || team.kind !== TeamKind.TEAM || team.archivedAt) {
      throw new UserInputFailure('NOT_FOUND', 'No live team of this organization has that id.', field('teamAssignments', String(index), 'teamId'));
    }
    if (assignments.some((a) => a.teamId === team.id)) {
      throw new UserInputFailure('DUPLICATE', 'This team is listed twice.', field('teamAssignments', String(index), 'teamId'));
    }
    assignments.push({ teamId: team.id, role: assignment.role });
  }
  return { organizationRole: row.organizationRole ?? OrganizationRole.MEMBER, teamRole: null, teamAssignments: assignments };
}

async function lockedPendingInvite(tx: EntityManager, inviteId: string, allowExpired: boolean): Promise<Invite> {
  const [current] = await tx.getRepository(Invite).find({ where: { id: inviteId }, lock: { mode: 'pessimistic_write' } });
  const status = current ? effectiveInviteStatus(current) : InviteStatus.REVOKED;
  if (!current || !(status === InviteStatus.PENDING || (allowExpired && current.status === InviteStatus.PENDING))) {
    throw new UserInputFailure('NOT_PENDING', `The invite is ${status.toLowerCase()} and cannot be changed.`, ['input', 'inviteId']);
  }
  return current;
}

function targetName(target: InviteTarget): string {
  return 'organization' in target ? `the organization ${target.organization.name}` : `the team ${target.team.name}`;
}

export function inviteTargetLabel(invite: Invite, organization: Organization | null, team: Team | null): string {
  return invite.teamId && team ? `the team ${team.name}` : `the organization ${organization?.name ?? ''}`;
}
