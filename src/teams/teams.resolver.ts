import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app/context';
import { teamByGlobalId } from './teams.lookup';
import { mutationPayload } from '../core/mutation';
import { NodeIdResolver } from '../core/nodeId';
import { Organization } from '../organizations/organization.entity';
import { organizationByGlobalId } from '../organizations/organizations.lookup';
import { Team } from './team.entity';
import { TeamRole } from './teamMembership.entity';
import { ArchiveTeamInput, CreateTeamInput, RenameTeamInput, TeamPayload, UnarchiveTeamInput } from './teams.types';
import { NotFoundError } from '../core/errors';

@Resolver(() => Team)
export class TeamResolver extends NodeIdResolver(Team, 'Team') {
  @Query(() => Team, { description: 'A team by username. NOT_FOUND unless you may see it.' })
  async team(@Arg('username', () => String, { description: 'The team’s username.' }) username: string, @Ctx() ctx: AppContext) {
    return ctx.access.visibleTeam(await ctx.loaders.teamByUsername.load(username));
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization; null for personal and standalone teams.' })
  async organization(@Root() team: Team, @Ctx() ctx: AppContext): Promise<Organization | null> {
    return team.organizationId ? ctx.loaders.organizationById.load(team.organizationId) : null;
  }

  @FieldResolver(() => TeamRole, { nullable: true, description: 'Your effective role in this team (organization ADMINs act as ADMIN).' })
  viewerRole(@Root() team: Team, @Ctx() ctx: AppContext): Promise<TeamRole | null> {
    return ctx.access.teamRole(team);
  }

  @Mutation(() => TeamPayload, {
    description:
      'Create a team in an organization, as its team-creation policy allows (organization ADMINs always; team ADMINs or any member when the policy says so — they become the new team’s ADMIN).',
  })
  async createTeam(@Arg('input', () => CreateTeamInput) input: CreateTeamInput, @Ctx() ctx: AppContext): Promise<TeamPayload> {
    const { organization, creatorUserId } = await ctx.access.requireTeamCreation(await organizationByGlobalId(ctx, input.organizationId));
    return mutationPayload(async () => {
      const team = await ctx.services.teams.create(ctx.caller, {
        organizationId: organization.id,
        username: input.username,
        name: input.name,
        adminUserId: creatorUserId,
      });
      // The creator's memberships were loaded for the policy check; the new ADMIN membership must show in the payload.
      if (creatorUserId) ctx.loaders.teamMembershipsByUser.clear(creatorUserId);
      return { team };
    });
  }

  @Mutation(() => TeamPayload, { description: 'Rename a team (team ADMIN).' })
  async renameTeam(@Arg('input', () => RenameTeamInput) input: RenameTeamInput, @Ctx() ctx: AppContext): Promise<TeamPayload> {
    const team = await ctx.access.requireTeamAdmin(await teamByGlobalId(ctx, input.teamId));
    return mutationPayload(async () => ({ team: await ctx.services.teams.rename(ctx.caller, team, input.name) }));
  }

  @Mutation(() => TeamPayload, {
    description:
      'Archive a team (team ADMIN): its keys stop authenticating at once and model access is denied; new keys, secret values, invites and team assignments are refused (userError `ARCHIVED`); usage, invoices and audit history remain.',
  })
  async archiveTeam(@Arg('input', () => ArchiveTeamInput) input: ArchiveTeamInput, @Ctx() ctx: AppContext): Promise<TeamPayload> {
    const team = await ctx.access.requireTeamAdmin(await teamByGlobalId(ctx, input.teamId));
    return mutationPayload(async () => ({ team: await ctx.services.teams.archive(ctx.caller, team) }));
  }

  @Mutation(() => TeamPayload, {
    description:
      'Unarchive a team (organization ADMIN): its keys that were not revoked work again, model access follows its policies again, and it reappears in listings. Audited.',
  })
  async unarchiveTeam(@Arg('input', () => UnarchiveTeamInput) input: UnarchiveTeamInput, @Ctx() ctx: AppContext): Promise<TeamPayload> {
    // Seeing the team first: a team the caller cannot see is NOT_FOUND, one they see but may not unarchive FORBIDDEN.
    const team = await ctx.access.visibleTeam(await teamByGlobalId(ctx, input.teamId));
    const organization = team.organizationId ? await ctx.loaders.organizationById.load(team.organizationId) : null;
    if (!organization) throw new NotFoundError('Team');
    await ctx.access.requireOrganizationAdmin(organization);
    return mutationPayload(async () => ({ team: await ctx.services.teams.unarchive(ctx.caller, team) }));
  }
}
