import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app/context';
import { mutationPayload } from '../core/mutation';
import { NodeIdResolver } from '../core/nodeId';
import { localIdOf } from '../core/relay';
import { NotFoundError, UserInputFailure } from '../core/errors';
import { Member } from '../members/member.entity';
import { Organization } from '../organizations/organization.entity';
import { organizationByGlobalId } from '../organizations/organizations.lookup';
import { Team } from '../teams/team.entity';
import { ScimGroup } from './scimGroup.entity';
import { ScimToken } from './scimToken.entity';
import { ScimUser } from './scimUser.entity';
import {
  CreateScimTokenInput,
  CreateScimTokenPayload,
  ProvisioningSource,
  ScimGroupConnection,
  ScimGroupInput,
  ScimGroupPayload,
  ScimPageArgs,
  ScimTokenConnection,
  ScimTokenInput,
  ScimTokenPayload,
  ScimTokensArgs,
  ScimUserConnection,
  ScimUsersArgs,
  SetScimGroupMappingInput,
} from './scim.types';

/** A SCIM object of an organization the caller administers, or NOT_FOUND (never revealing other organizations'). */
async function administered<T extends { organizationId: string }>(ctx: AppContext, object: T | null, what: string): Promise<T> {
  const organization = object ? await ctx.loaders.organizationById.load(object.organizationId) : null;
  if (!object || !organization || !(await ctx.access.canSeeOrganization(organization))) throw new NotFoundError(what);
  await ctx.access.requireOrganizationAdmin(organization);
  return object;
}

async function tokenByGlobalId(ctx: AppContext, globalId: string): Promise<ScimToken> {
  const id = localIdOf(globalId, 'ScimToken');
  return administered(ctx, id ? await ctx.services.scim.tokens.findById(id) : null, 'SCIM token');
}

async function groupByGlobalId(ctx: AppContext, globalId: string): Promise<ScimGroup> {
  const id = localIdOf(globalId, 'ScimGroup');
  return administered(ctx, id ? await ctx.services.scim.mappings.findGroup(id) : null, 'SCIM group');
}

/** node(id:) for the SCIM types: visible to organization admins of their organization only. */
export const scimNodeFetchers = {
  ScimToken: async (ctx: AppContext, id: string) => visibleToAdmin(ctx, await ctx.services.scim.tokens.findById(id)),
  ScimGroup: async (ctx: AppContext, id: string) => visibleToAdmin(ctx, await ctx.services.scim.mappings.findGroup(id)),
  ScimUser: async (ctx: AppContext, id: string) => visibleToAdmin(ctx, await ctx.services.scim.mappings.findUser(id)),
};

async function visibleToAdmin<T extends { organizationId: string }>(ctx: AppContext, object: T | null): Promise<T | null> {
  if (!object || !(await ctx.access.isOrganizationAdmin(object.organizationId))) return null;
  await ctx.access.enforceSessionRules(object.organizationId);
  return object;
}

@Resolver(() => Organization)
export class OrganizationScimResolver {
  @FieldResolver(() => ScimTokenConnection, { description: 'SCIM tokens of the organization, newest first (organization ADMIN). Secrets are never shown.' })
  async scimTokens(@Root() organization: Organization, @Args(() => ScimTokensArgs) args: ScimTokensArgs, @Ctx() ctx: AppContext): Promise<ScimTokenConnection> {
    await ctx.access.requireOrganizationAdmin(organization);
    return ctx.services.scim.tokens.connection(organization.id, args);
  }

  @FieldResolver(() => ScimGroupConnection, { description: 'Groups the identity provider pushed over SCIM, with their team mappings (organization ADMIN).' })
  async scimGroups(@Root() organization: Organization, @Args(() => ScimPageArgs) args: ScimPageArgs, @Ctx() ctx: AppContext): Promise<ScimGroupConnection> {
    await ctx.access.requireOrganizationAdmin(organization);
    return ctx.services.scim.mappings.groups(organization.id, args);
  }

  @FieldResolver(() => ScimUserConnection, { description: 'People the identity provider provisioned over SCIM, including deactivated ones (organization ADMIN).' })
  async scimUsers(@Root() organization: Organization, @Args(() => ScimUsersArgs) args: ScimUsersArgs, @Ctx() ctx: AppContext): Promise<ScimUserConnection> {
    await ctx.access.requireOrganizationAdmin(organization);
    return ctx.services.scim.mappings.users(organization.id, args);
  }
}

@Resolver(() => Member)
export class MemberScimResolver {
  @FieldResolver(() => ProvisioningSource, { nullable: true, description: 'Who manages this person’s presence in the organization; null for PENDING invites.' })
  async provisioningSource(@Root() member: Member, @Ctx() ctx: AppContext): Promise<ProvisioningSource | null> {
    if (!member.userId) return null;
    return (await ctx.loaders.scimUserOf.load(`${member.organizationId}/${member.userId}`)) ? ProvisioningSource.SCIM : ProvisioningSource.MANUAL;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'Last time the identity provider changed this person over SCIM; null unless provisioned by SCIM.' })
  async lastScimSyncAt(@Root() member: Member, @Ctx() ctx: AppContext): Promise<Date | null> {
    if (!member.userId) return null;
    return (await ctx.loaders.scimUserOf.load(`${member.organizationId}/${member.userId}`))?.lastSyncedAt ?? null;
  }
}

@Resolver(() => ScimToken)
export class ScimTokenResolver extends NodeIdResolver(ScimToken, 'ScimToken') {}

@Resolver(() => ScimUser)
export class ScimUserResolver extends NodeIdResolver(ScimUser, 'ScimUser') {
  @FieldResolver(() => String, { description: 'The person’s email (the SCIM userName).' })
  async email(@Root() user: ScimUser, @Ctx() ctx: AppContext): Promise<string> {
    return (await ctx.loaders.userById.load(user.userId))?.email ?? '';
  }

  @FieldResolver(() => String, { description: 'The name Orgraph shows for the person.' })
  async displayName(@Root() user: ScimUser, @Ctx() ctx: AppContext): Promise<string> {
    return (await ctx.loaders.userById.load(user.userId))?.name ?? '';
  }
}

@Resolver(() => ScimGroup)
export class ScimGroupResolver extends NodeIdResolver(ScimGroup, 'ScimGroup') {
  @FieldResolver(() => Team, { nullable: true, description: 'The team the group is mapped to; null while unmapped.' })
  team(@Root() group: ScimGroup, @Ctx() ctx: AppContext): Promise<Team | null> | null {
    return group.teamId ? ctx.loaders.teamById.load(group.teamId) : null;
  }

  @FieldResolver(() => Int, { description: 'How many provisioned people are in the group.' })
  memberCount(@Root() group: ScimGroup, @Ctx() ctx: AppContext): Promise<number> {
    return ctx.loaders.scimGroupMemberCount.load(group.id);
  }
}

@Resolver()
export class ScimMutationsResolver {
  @Mutation(() => CreateScimTokenPayload, { description: 'Create a SCIM bearer token for the organization’s identity provider (organization ADMIN). The token is shown once. Audited.' })
  async createScimToken(@Arg('input', () => CreateScimTokenInput, { description: 'The operation’s input.' }) input: CreateScimTokenInput, @Ctx() ctx: AppContext): Promise<CreateScimTokenPayload> {
    const organization = await ctx.access.requireOrganizationAdmin(await organizationByGlobalId(ctx, input.organizationId));
    return mutationPayload(() => ctx.services.scim.tokens.create(ctx.caller, organization.id, input.description));
  }

  @Mutation(() => CreateScimTokenPayload, { description: 'Replace a SCIM token: the old one stops working at once and a new one (shown once) takes its place (organization ADMIN). Audited.' })
  async rotateScimToken(@Arg('input', () => ScimTokenInput, { description: 'The operation’s input.' }) input: ScimTokenInput, @Ctx() ctx: AppContext): Promise<CreateScimTokenPayload> {
    const token = await tokenByGlobalId(ctx, input.tokenId);
    return mutationPayload(() => ctx.services.scim.tokens.rotate(ctx.caller, token));
  }

  @Mutation(() => ScimTokenPayload, { description: 'Revoke a SCIM token; it stops working at once (organization ADMIN). Audited.' })
  async revokeScimToken(@Arg('input', () => ScimTokenInput, { description: 'The operation’s input.' }) input: ScimTokenInput, @Ctx() ctx: AppContext): Promise<ScimTokenPayload> {
    const token = await tokenByGlobalId(ctx, input.tokenId);
    return mutationPayload(async () => ({ scimToken: await ctx.services.scim.tokens.revoke(ctx.caller, token) }));
  }

  @Mutation(() => ScimGroupPayload, { description: 'Map a SCIM group to a team and role, or create a team from it (organization ADMIN). Its members join the team at once; a previously mapped team loses what this group granted. Audited.' })
  async setScimGroupMapping(@Arg('input', () => SetScimGroupMappingInput, { description: 'The operation’s input.' }) input: SetScimGroupMappingInput, @Ctx() ctx: AppContext): Promise<ScimGroupPayload> {
    const group = await groupByGlobalId(ctx, input.groupId);
    return mutationPayload(async () => {
      if (Boolean(input.teamId) === Boolean(input.createTeam)) throw new UserInputFailure('INVALID', 'Give either teamId or createTeam: true.', ['input', 'teamId']);
      const teamId = input.teamId ? localIdOf(input.teamId, 'Team') : null;
      if (input.teamId && !teamId) throw new UserInputFailure('NOT_FOUND', 'No such team in this organization.', ['input', 'teamId']);
      const target = teamId ? { teamId } : { createTeam: true as const };
      return { group: await ctx.services.scim.mappings.setMapping(ctx.caller, group, target, input.role) };
    });
  }

  @Mutation(() => ScimGroupPayload, { description: 'Unmap a SCIM group from its team (organization ADMIN): the team memberships it granted end. Audited.' })
  async removeScimGroupMapping(@Arg('input', () => ScimGroupInput, { description: 'The operation’s input.' }) input: ScimGroupInput, @Ctx() ctx: AppContext): Promise<ScimGroupPayload> {
    const group = await groupByGlobalId(ctx, input.groupId);
    return mutationPayload(async () => ({ group: await ctx.services.scim.mappings.removeMapping(ctx.caller, group) }));
  }
}
