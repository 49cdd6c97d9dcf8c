import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app/context';
import { organizationByGlobalId } from './organizations.lookup';
import { mutationPayload } from '../core/mutation';
import { NodeIdResolver } from '../core/nodeId';
import { Team } from '../teams/team.entity';
import { TeamConnection } from '../teams/teams.types';
import { Organization } from './organization.entity';
import { OrganizationRole } from './organizationMembership.entity';
import { CreateOrganizationInput, OrganizationPayload, RenameOrganizationInput } from './organizations.types';

@ArgsType()
class OrganizationTeamsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  after?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Include archived teams (default false).' })
  includeArchived?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Include the organization’s root team (`kind: ROOT`, first: it is the oldest), which has keys and spend of its own, as the REST `is_org_root` team (default false).',
  })
  includeRoot?: boolean | null;
}

@Resolver(() => Organization)
export class OrganizationResolver extends NodeIdResolver(Organization, 'Organization') {
  @Query(() => Organization, { description: 'An organization by slug. NOT_FOUND unless you belong to it.' })
  async organization(@Arg('slug', () => String, { description: 'The organization’s slug.' }) slug: string, @Ctx() ctx: AppContext) {
    return ctx.access.visibleOrganization(await ctx.loaders.organizationBySlug.load(slug));
  }

  @FieldResolver(() => Team, { description: 'The organization’s own account; ADMIN keys on it act as organization admin.' })
  async rootTeam(@Root() organization: Organization, @Ctx() ctx: AppContext): Promise<Team> {
    return (await ctx.loaders.teamById.load(organization.rootTeamId!))!;
  }

  @FieldResolver(() => OrganizationRole, {
    nullable: true,
    description: 'Your role in this organization (null when you only belong to some of its teams).',
  })
  viewerRole(@Root() organization: Organization, @Ctx() ctx: AppContext): Promise<OrganizationRole | null> {
    return ctx.access.organizationRole(organization.id);
  }

  @FieldResolver(() => TeamConnection, {
    description:
      'The organization’s teams, oldest first; the root team only with `includeRoot: true`. Organization ADMIN and BILLING see all; others see the teams they belong to.',
  })
  async teams(@Root() organization: Organization, @Args(() => OrganizationTeamsArgs) args: OrganizationTeamsArgs, @Ctx() ctx: AppContext) {
    const role = await ctx.access.organizationRole(organization.id);
    const seesAll = role === OrganizationRole.ADMIN || role === OrganizationRole.BILLING;
    return ctx.loaders.teamPages.load({
      organizationId: organization.id,
      filter: {
        ...(args.includeRoot ? {} : { kind: 'TEAM' as const }),
        includeArchived: args.includeArchived ?? false,
        memberUserId: seesAll ? null : ctx.actor.kind === 'USER' ? ctx.actor.userId : '00000000-0000-0000-0000-000000000000',
      },
      page: { first: args.first ?? null, after: args.after ?? null },
    });
  }

  @Mutation(() => OrganizationPayload, { description: 'Create an organization with its root team; you become its ADMIN.' })
  createOrganization(
    @Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput,
    @Ctx() ctx: AppContext,
  ): Promise<OrganizationPayload> {
    const userId = ctx.access.requireUser();
    // An SSO session acts only in its organization (docs/sso.md); a new organization needs the person's own login.
    ctx.access.requireUnscopedSession();
    return mutationPayload(async () => ({
      organization: await ctx.services.organizations.create(ctx.caller, userId, input),
    }));
  }

  @Mutation(() => OrganizationPayload, { description: 'Rename an organization (organization ADMIN).' })
  async renameOrganization(
    @Arg('input', () => RenameOrganizationInput) input: RenameOrganizationInput,
    @Ctx() ctx: AppContext,
  ): Promise<OrganizationPayload> {
    const organization = await ctx.access.requireOrganizationAdmin(await organizationByGlobalId(ctx, input.organizationId));
    return mutationPayload(async () => ({
      organization: await ctx.services.organizations.rename(ctx.caller, organization, input.name),
    }));
  }
}
