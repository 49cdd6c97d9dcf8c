import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app/context';
import { loadExisting } from '../core/loaderUtils';
import { mutationPayload } from '../core/mutation';
import { NodeIdResolver } from '../core/nodeId';
import { Organization } from '../organizations/organization.entity';
import { Team } from '../teams/team.entity';
import { User } from './user.entity';
import {
  AuthMethod,
  ChangePasswordInput,
  ChangePasswordPayload,
  ConfirmSignUpInput,
  LoginInput,
  LogoutPayload,
  RequestPasswordResetInput,
  RequestPasswordResetPayload,
  ResetPasswordInput,
  ResetPasswordPayload,
  SessionPayload,
  SignOutEverywherePayload,
  SignUpInput,
  Viewer,
} from './users.types';

@Resolver(() => User)
export class UserResolver extends NodeIdResolver(User, 'User') {}

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { description: 'The signed-in user (needs a `Bearer` session token).' })
  async viewer(@Ctx() ctx: AppContext): Promise<Viewer> {
    const userId = ctx.access.requireUser();
    const user = await ctx.loaders.userById.load(userId);
    const method = ctx.actor.kind === 'USER' ? ctx.actor.method : 'PASSWORD';
    return { user: user!, sessionMethod: method as AuthMethod };
  }

  @FieldResolver(() => User, { description: 'The user record.' })
  user(@Root() viewer: Viewer): User {
    return viewer.user;
  }

  @FieldResolver(() => String, { description: 'The user’s email address.' })
  email(@Root() viewer: Viewer): string {
    return viewer.user.email;
  }

  @FieldResolver(() => String, { description: 'The user’s display name.' })
  name(@Root() viewer: Viewer): string {
    return viewer.user.name;
  }

  @FieldResolver(() => AuthMethod, { description: 'How this session was obtained.' })
  sessionMethod(@Root() viewer: Viewer): AuthMethod {
    return viewer.sessionMethod;
  }

  @FieldResolver(() => [Organization], {
    description:
      'Organizations the user belongs to, directly or through one of its teams, in creation order. An SSO session lists only the organization it was signed in through (it acts nowhere else).',
  })
  async organizations(@Root() viewer: Viewer, @Ctx() ctx: AppContext): Promise<Organization[]> {
    const [direct, viaTeams] = await Promise.all([
      ctx.loaders.organizationMembershipsByUser.load(viewer.user.id),
      ctx.loaders.teamMembershipsByUser.load(viewer.user.id),
    ]);
    const ids = new Set([...direct.map((m) => m.organizationId), ...viaTeams.flatMap((m) => m.organizationId ?? [])].filter((id) => ctx.access.inSessionScope(id)));
    return (await loadExisting(ctx.loaders.organizationById, [...ids])).sort(byCreation);
  }

  @FieldResolver(() => [Team], {
    description:
      'Teams the user is a member of (not archived), plus their personal account, in creation order. An SSO session lists only the teams of its organization (no personal account).',
  })
  async teams(@Root() viewer: Viewer, @Ctx() ctx: AppContext): Promise<Team[]> {
    const memberships = (await ctx.loaders.teamMembershipsByUser.load(viewer.user.id)).filter((m) => ctx.access.inSessionScope(m.organizationId));
    const teams = await loadExisting(ctx.loaders.teamById, memberships.map((m) => m.teamId));
    const personal = ctx.access.inSessionScope(null) ? await ctx.loaders.personalTeamByOwner.load(viewer.user.id) : null;
    return [...(personal ? [personal] : []), ...teams.filter((t) => !t.archivedAt).sort(byCreation)];
  }

  @FieldResolver(() => Team, {
    nullable: true,
    description: 'The user’s personal account (a standalone team owned by them); null in an SSO session, which acts only in its organization.',
  })
  async personalAccount(@Root() viewer: Viewer, @Ctx() ctx: AppContext): Promise<Team | null> {
    if (!ctx.access.inSessionScope(null)) return null;
    return ctx.loaders.personalTeamByOwner.load(viewer.user.id);
  }
}

@Resolver()
export class SessionResolver {
  @Mutation(() => SessionPayload, {
    description:
      'Create an account (with its personal account). Where sign-ups are confirmed by email (SIGN_UP_CONFIRMATION, on in production) it answers `confirmationSent: true` for every address and the account is created by `confirmSignUp`; otherwise it signs in at once.',
  })
  signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: AppContext): Promise<SessionPayload> {
    return mutationPayload(async () => {
      if (ctx.services.config.signUpConfirmation) {
        await ctx.services.users.requestSignUp(ctx.caller, input);
        return { token: null, expiresAt: null, user: null, confirmationSent: true };
      }
      const grant = await ctx.services.users.signUp(ctx.caller, input);
      return { token: grant.token, expiresAt: grant.session.expiresAt, user: grant.user };
    });
  }

  @Mutation(() => SessionPayload, { description: 'Finish a sign-up with the token from its confirmation email: creates the account and signs in.' })
  confirmSignUp(@Arg('input', () => ConfirmSignUpInput) input: ConfirmSignUpInput, @Ctx() ctx: AppContext): Promise<SessionPayload> {
    return mutationPayload(async () => {
      const grant = await ctx.services.users.confirmSignUp(ctx.caller, input.token);
      return { token: grant.token, expiresAt: grant.session.expiresAt, user: grant.user };
    });
  }

  @Mutation(() => ChangePasswordPayload, { description: 'Change the signed-in user’s password (needs the current one); every other session of the user ends.' })
  changePassword(@Arg('input', () => ChangePasswordInput) input: ChangePasswordInput, @Ctx() ctx: AppContext): Promise<ChangePasswordPayload> {
    const userId = ctx.access.requireUser();
    const sessionId = ctx.actor.kind === 'USER' ? ctx.actor.sessionId : '';
    return mutationPayload(async () => ({ endedSessions: await ctx.services.passwords.change(ctx.caller, userId, sessionId, input) }));
  }

  @Mutation(() => RequestPasswordResetPayload, { description: 'Email a password reset link (1 hour, single use) to the address if it has an account; the answer is the same either way.' })
  requestPasswordReset(@Arg('input', () => RequestPasswordResetInput) input: RequestPasswordResetInput, @Ctx() ctx: AppContext): Promise<RequestPasswordResetPayload> {
    return mutationPayload(async () => {
      await ctx.services.passwords.requestReset(ctx.caller, input.email);
      return { accepted: true };
    });
  }

  @Mutation(() => ResetPasswordPayload, { description: 'Set a new password with the token from a reset email; every session of the account ends.' })
  resetPassword(@Arg('input', () => ResetPasswordInput) input: ResetPasswordInput, @Ctx() ctx: AppContext): Promise<ResetPasswordPayload> {
    return mutationPayload(async () => {
      await ctx.services.passwords.reset(ctx.caller, input);
      return { passwordReset: true };
    });
  }

  @Mutation(() => SignOutEverywherePayload, { description: 'End every session of the signed-in user, this one included (API keys are unaffected).' })
  signOutEverywhere(@Ctx() ctx: AppContext): Promise<SignOutEverywherePayload> {
    const userId = ctx.access.requireUser();
    return mutationPayload(async () => ({ endedSessions: await ctx.services.passwords.signOutEverywhere(ctx.caller, userId) }));
  }

  @Mutation(() => SessionPayload, { description: 'Sign in with email and password; returns a session token.' })
  login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() ctx: AppContext): Promise<SessionPayload> {
    return mutationPayload(async () => {
      const grant = await ctx.services.users.login(input);
      return { token: grant.token, expiresAt: grant.session.expiresAt, user: grant.user };
    });
  }

  @Mutation(() => LogoutPayload, { description: 'Revoke the session used for this request.' })
  logout(@Ctx() ctx: AppContext): Promise<LogoutPayload> {
    ctx.access.requireUser();
    const sessionId = ctx.actor.kind === 'USER' ? ctx.actor.sessionId : '';
    return mutationPayload(async () => ({ revoked: await ctx.services.users.revokeSession(sessionId) }));
  }
}

function byCreation(a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
}
