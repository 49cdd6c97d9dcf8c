import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app/context';
import { localIdOf } from '../core/relay';
import { mutationPayload } from '../core/mutation';
import { NodeIdResolver } from '../core/nodeId';
import { BadUserInputError, UserInputFailure } from '../core/errors';
import { Organization } from '../organizations/organization.entity';
import { organizationByGlobalId } from '../organizations/organizations.lookup';
import { Team } from '../teams/team.entity';
import { teamByGlobalId } from '../teams/teams.lookup';
import { User } from '../users/user.entity';
import { TeamAssignment } from '../members/teamAssignment';
import { loadAssignments } from '../members/members.lookup';
import { Invite, InviteStatus, effectiveInviteStatus } from './invite.entity';
import { MAX_INVITES_PER_CALL, inviteTargetLabel, type InvitationRow, type InviteTarget } from './invites.service';
import {
  AcceptInviteInput,
  CreateInviteInput,
  CreateInvitesInput,
  CreateInvitesPayload,
  InviteIdInput,
  InvitePayload,
  type InvitationInput,
} from './invites.types';

@Resolver(() => Invite)
export class InviteResolver extends NodeIdResolver(Invite, 'Invite') {
  @FieldResolver(() => InviteStatus, { description: 'PENDING, ACCEPTED, REVOKED or EXPIRED (an open invite past its expiry is EXPIRED).' })
  status(@Root() invite: Invite): InviteStatus {
    return effectiveInviteStatus(invite);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization invited to (also set for team invites of an organization’s team).' })
  organization(@Root() invite: Invite, @Ctx() ctx: AppContext): Promise<Organization | null> | null {
    return invite.organizationId ? ctx.loaders.organizationById.load(invite.organizationId) : null;
  }

  @FieldResolver(() => Team, { nullable: true, description: 'The team invited to (team invites only).' })
  team(@Root() invite: Invite, @Ctx() ctx: AppContext): Promise<Team | null> | null {
    return invite.teamId ? ctx.loaders.teamById.load(invite.teamId) : null;
  }

  @FieldResolver(() => [TeamAssignment], { description: 'Organization invites: the teams joined on acceptance.' })
  teamAssignments(@Root() invite: Invite, @Ctx() ctx: AppContext): Promise<TeamAssignment[]> {
    return loadAssignments(ctx, invite.teamAssignments);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who sent the invite (null when an API key did).' })
  invitedBy(@Root() invite: Invite, @Ctx() ctx: AppContext): Promise<User | null> | null {
    return invite.invitedByUserId ? ctx.loaders.userById.load(invite.invitedByUserId) : null;
  }
}

@Resolver()
export class InviteMutationsResolver {
  @Mutation(() => InvitePayload, {
    description: 'Invite one person to an organization (organization ADMIN) or a team (team ADMIN); the link is emailed and expires in 7 days.',
  })
  async createInvite(@Arg('input', () => CreateInviteInput) input: CreateInviteInput, @Ctx() ctx: AppContext): Promise<InvitePayload> {
    const target = await authorizedTarget(ctx, input);
    return mutationPayload(async () => {
      const [result] = await ctx.services.invites.createMany(ctx.caller, target, [await toRow(ctx, input)]);
      const error = result.userErrors[0];
      // Single invites report field paths relative to their own input (not `invitations[0]`); errors about the
      // target (`input.teamId`) already are.
      const field = error?.field?.[1] === 'invitations' ? ['input', ...error.field.slice(3)] : error?.field;
      if (error) throw new UserInputFailure(error.code, error.message, field);
      return { invite: result.invite };
    });
  }

  @Mutation(() => CreateInvitesPayload, { description: 'Invite 1–50 people at once; each row succeeds or fails on its own.' })
  async createInvites(@Arg('input', () => CreateInvitesInput) input: CreateInvitesInput, @Ctx() ctx: AppContext): Promise<CreateInvitesPayload> {
    if (input.invitations.length < 1 || input.invitations.length > MAX_INVITES_PER_CALL) {
      throw new BadUserInputError(`Give between 1 and ${MAX_INVITES_PER_CALL} invitations.`, 'input.invitations');
    }
    const target = await authorizedTarget(ctx, input);
    const rows = await Promise.all(input.invitations.map((row) => toRow(ctx, row)));
    return mutationPayload(async () => ({ results: await ctx.services.invites.createMany(ctx.caller, target, rows) }));
  }

  @Mutation(() => InvitePayload, {
    description: 'Accept an invite as the signed-in user whose email it was sent to; or, without a session, with `newAccount` for an address that has no account yet (the link proves the address).',
  })
  async acceptInvite(@Arg('input', () => AcceptInviteInput) input: AcceptInviteInput, @Ctx() ctx: AppContext): Promise<InvitePayload> {
    const ssoRequired = (organizationId: string) => ctx.access.requiresSso(organizationId);
    if (input.newAccount) {
      if (ctx.actor.kind !== 'ANONYMOUS') throw new BadUserInputError('`newAccount` is for invitees without a session; signed in, accept without it.', 'input.newAccount');
      const newAccount = input.newAccount;
      return mutationPayload(async () => {
        const email = await ctx.services.invites.pendingInviteEmail(input.token, ssoRequired);
        const grant = await ctx.services.users.signUpFromInvite(ctx.caller, { email, name: newAccount.name, password: newAccount.password });
        const caller = { ...ctx.caller, actor: { kind: 'USER' as const, userId: grant.user.id, sessionId: grant.session.id, method: 'PASSWORD' as const, ssoOrganizationId: null } };
        return { invite: await ctx.services.invites.accept(caller, grant.user, input.token, ssoRequired), sessionToken: grant.token };
      });
    }
    const userId = ctx.access.requireUser();
    const user = (await ctx.loaders.userById.load(userId))!;
    return mutationPayload(async () => ({ invite: await ctx.services.invites.accept(ctx.caller, user, input.token, ssoRequired) }));
  }

  @Mutation(() => InvitePayload, { description: 'Withdraw an open invite (whoever may invite to its target).' })
  async revokeInvite(@Arg('input', () => InviteIdInput) input: InviteIdInput, @Ctx() ctx: AppContext): Promise<InvitePayload> {
    const invite = await ctx.access.requireInviteManager(await inviteByGlobalId(ctx, input.inviteId));
    return mutationPayload(async () => ({ invite: await ctx.services.invites.revoke(ctx.caller, invite) }));
  }

  @Mutation(() => InvitePayload, { description: 'Email a fresh link with a new 7-day expiry; the previous link stops working.' })
  async resendInvite(@Arg('input', () => InviteIdInput) input: InviteIdInput, @Ctx() ctx: AppContext): Promise<InvitePayload> {
    const invite = await ctx.access.requireInviteManager(await inviteByGlobalId(ctx, input.inviteId));
    const organization = invite.organizationId ? await ctx.loaders.organizationById.load(invite.organizationId) : null;
    const team = invite.teamId ? await ctx.loaders.teamById.load(invite.teamId) : null;
    return mutationPayload(async () => ({
      invite: await ctx.services.invites.resend(ctx.caller, invite, inviteTargetLabel(invite, organization, team)),
    }));
  }
}

async function inviteByGlobalId(ctx: AppContext, globalId: string): Promise<Invite | null> {
  const localId = localIdOf(globalId, 'Invite');
  return localId ? ctx.loaders.inviteById.load(localId) : null;
}

/** Exactly one target, which the caller may invite to (invisible targets are NOT_FOUND). */
async function authorizedTarget(ctx: AppContext, input: { organizationId?: string | null; teamId?: string | null }): Promise<InviteTarget> {
  if (Boolean(input.organizationId) === Boolean(input.teamId)) {
    throw new BadUserInputError('Give exactly one of organizationId and teamId.', 'input');
  }
  if (input.organizationId) {
    const organization = await organizationByGlobalId(ctx, input.organizationId);
    await ctx.access.requireMayInvite({ organization });
    return { organization: organization! };
  }
  const team = await teamByGlobalId(ctx, input.teamId!);
  await ctx.access.requireMayInvite({ team });
  return { team: team! };
}

async function toRow(ctx: AppContext, row: InvitationInput): Promise<InvitationRow> {
  const teamAssignments = await Promise.all(
    (row.teamAssignments ?? []).map(async (assignment) => ({ team: await teamByGlobalId(ctx, assignment.teamId), role: assignment.role })),
  );
  return { email: row.email, organizationRole: row.organizationRole, teamRole: row.teamRole, teamAssignments };
}
