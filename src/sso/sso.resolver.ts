import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app/context';
import { mutationPayload } from '../core/mutation';
import { localIdOf, toGlobalId } from '../core/relay';
import { UserInputFailure } from '../core/errors';
import { Organization } from '../organizations/organization.entity';
import { organizationByGlobalId } from '../organizations/organizations.lookup';
import type { SsoConnectionView } from './sso.service';
import { SetSsoConnectionInput, SsoConfiguration, SsoConfigurationPayload, SsoConfigurationTest, SsoOrganizationInput } from './sso.types';

/** The connection as the API shows it; its domains are the organization's proven ones (`Organization.domains`). */
const view = async (ctx: AppContext, connection: SsoConnectionView): Promise<SsoConfiguration> => ({
  issuer: connection.issuer,
  clientId: connection.clientId,
  updatedAt: connection.updatedAt,
  verifiedDomains: await ctx.services.domains.verifiedDomains(connection.organizationId),
  defaultTeamId: connection.defaultTeamId ? toGlobalId('Team', connection.defaultTeamId) : null,
});

@Resolver(() => Organization)
export class SsoResolver {
  @FieldResolver(() => SsoConfiguration, { nullable: true, description: 'The organization’s SSO connection (organization ADMIN).' })
  async ssoConnection(@Root() organization: Organization, @Ctx() ctx: AppContext): Promise<SsoConfiguration | null> {
    await ctx.access.requireOrganizationAdmin(organization);
    const connection = await ctx.services.sso.connection(organization.id);
    return connection ? view(ctx, connection) : null;
  }

  @Mutation(() => SsoConfigurationPayload, { description: 'Set the organization’s OIDC connection (organization ADMIN). It links and provisions only addresses in the organization’s VERIFIED domains (`addDomain`, `verifyDomain`). While SSO is required, a replacement must answer discovery first (`SSO_CONNECTION_UNREACHABLE`). Audited; the secret is never logged.' })
  async setSsoConnection(@Arg('input', () => SetSsoConnectionInput) input: SetSsoConnectionInput, @Ctx() ctx: AppContext): Promise<SsoConfigurationPayload> {
    const organization = await ctx.access.requireOrganizationAdmin(await organizationByGlobalId(ctx, input.organizationId));
    return mutationPayload(async () => {
      const defaultTeamId = input.defaultTeamId ? localIdOf(input.defaultTeamId, 'Team') : null;
      if (input.defaultTeamId && !defaultTeamId) throw new UserInputFailure('NOT_FOUND', 'No such team.', ['input', 'defaultTeamId']);
      return { connection: await view(ctx, await ctx.services.sso.setConnection(ctx.caller, organization.id, { ...input, defaultTeamId })) };
    });
  }

  @Mutation(() => SsoConfigurationTest, { description: 'Check that discovery works and the JWKS is reachable (organization ADMIN). Audited with its outcome.' })
  async testSsoConnection(@Arg('input', () => SsoOrganizationInput) input: SsoOrganizationInput, @Ctx() ctx: AppContext): Promise<SsoConfigurationTest> {
    const organization = await ctx.access.requireOrganizationAdmin(await organizationByGlobalId(ctx, input.organizationId));
    return ctx.services.sso.testAndRecord(ctx.caller, organization.id);
  }

  @Mutation(() => SsoConfigurationPayload, { description: 'Remove the organization’s OIDC connection (organization ADMIN). Refused (`SSO_REQUIRED_ACTIVE`) while SSO is required. Audited.' })
  async removeSsoConnection(@Arg('input', () => SsoOrganizationInput) input: SsoOrganizationInput, @Ctx() ctx: AppContext): Promise<SsoConfigurationPayload> {
    const organization = await ctx.access.requireOrganizationAdmin(await organizationByGlobalId(ctx, input.organizationId));
    return mutationPayload(async () => {
      const removed = await ctx.services.sso.removeConnection(ctx.caller, organization.id);
      if (!removed) throw new UserInputFailure('NOT_FOUND', 'This organization has no SSO connection to remove.', ['input', 'organizationId']);
      return { connection: null };
    });
  }
}
