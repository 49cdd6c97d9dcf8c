import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app/context';
import { mutationPayload } from '../core/mutation';
import { localIdOf, toGlobalId, UserError } from '../core/relay';
import { UserInputFailure } from '../core/errors';
import { Organization } from '../organizations/organization.entity';
import { organizationByGlobalId } from '../organizations/organizations.resolver';

@ObjectType({ description: 'An organization’s OIDC identity provider connection (the client secret is never returned).' })
export class SsoConnection {
  @Field(() => String, { description: 'Issuer URL (discovery at `<issuer>/.well-known/openid-configuration`).' })
  issuer!: string;

  @Field(() => String, { description: 'OAuth client id registered at the provider.' })
  clientId!: string;

  @Field(() => [String], { description: 'Email domains whose verified addresses may sign in and be provisioned.' })
  verifiedDomains!: string[];

  @Field(() => ID, { nullable: true, description: 'Team new SSO users join as DEVELOPER (global id), if any.' })
  defaultTeamId!: string | null;

  @Field(() => Date, { description: 'Last change.' })
  updatedAt!: Date;
}

@InputType({ description: 'Set (create or replace) the organization’s OIDC connection.' })
export class SetSsoConnectionInput {
  @Field(() => ID, { description: 'The organization.' })
  organizationId!: string;

  @Field(() => String, { description: 'Issuer URL (https; http only for localhost).' })
  issuer!: string;

  @Field(() => String, { description: 'Client id.' })
  clientId!: string;

  @Field(() => String, { description: 'Client secret; stored encrypted, never returned.' })
  clientSecret!: string;

  @Field(() => [String], { description: 'Verified email domains (1–50), e.g. ["example.com"].' })
  verifiedDomains!: string[];

  @Field(() => ID, { nullable: true, description: 'Team that just-in-time provisioned users join (global id).' })
  defaultTeamId?: string | null;
}

@InputType({ description: 'Identify the organization of an SSO operation.' })
export class SsoOrganizationInput {
  @Field(() => ID, { description: 'The organization.' })
  organizationId!: string;
}

@ObjectType({ description: 'Result of an SSO connection change.' })
export class SsoConnectionPayload {
  @Field(() => SsoConnection, { nullable: true, description: 'The connection after the change (null once removed).' })
  connection?: SsoConnection | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of testing the connection: discovery and JWKS.' })
export class SsoConnectionTest {
  @Field(() => Boolean, { description: 'Discovery works and the JWKS is reachable.' })
  ok!: boolean;

  @Field(() => String, { description: 'What was checked, or what failed.' })
  message!: string;
}

const view = (connection: { issuer: string; clientId: string; verifiedDomains: string[]; defaultTeamId: string | null; updatedAt: Date }): SsoConnection => ({
  ...connection,
  defaultTeamId: connection.defaultTeamId ? toGlobalId('Team', connection.defaultTeamId) : null,
});

@Resolver(() => Organization)
export class SsoResolver {
  @FieldResolver(() => SsoConnection, { nullable: true, description: 'The organization’s SSO connection (organization ADMIN).' })
  async ssoConnection(@Root() organization: Organization, @Ctx() ctx: AppContext): Promise<SsoConnection | null> {
    await ctx.access.requireOrganizationAdmin(organization);
    const connection = await ctx.services.sso.connection(organization.id);
    return connection ? view(connection) : null;
  }

  @Mutation(() => SsoConnectionPayload, { description: 'Set the organization’s OIDC connection (organization ADMIN). Audited; the secret is never logged.' })
  async setSsoConnection(@Arg('input', () => SetSsoConnectionInput) input: SetSsoConnectionInput, @Ctx() ctx: AppContext): Promise<SsoConnectionPayload> {
    const organization = await ctx.access.requireOrganizationAdmin(await organizationByGlobalId(ctx, input.organizationId));
    return mutationPayload(async () => {
      const defaultTeamId = input.defaultTeamId ? localIdOf(input.defaultTeamId, 'Team') : null;
      if (input.defaultTeamId && !defaultTeamId) throw new UserInputFailure('NOT_FOUND', 'No such team.', ['input', 'defaultTeamId']);
      return { connection: view(await ctx.services.sso.setConnection(ctx.caller, organization.id, { ...input, defaultTeamId })) };
    });
  }

  @Mutation(() => SsoConnectionTest, { description: 'Check that discovery works and the JWKS is reachable (organization ADMIN).' })
  async testSsoConnection(@Arg('input', () => SsoOrganizationInput) input: SsoOrganizationInput, @Ctx() ctx: AppContext): Promise<SsoConnectionTest> {
    const organization = await ctx.access.requireOrganizationAdmin(await organizationByGlobalId(ctx, input.organizationId));
    return ctx.services.sso.test(organization.id);
  }

  @Mutation(() => SsoConnectionPayload, { description: 'Remove the organization’s OIDC connection (organization ADMIN). Audited.' })
  async removeSsoConnection(@Arg('input', () => SsoOrganizationInput) input: SsoOrganizationInput, @Ctx() ctx: AppContext): Promise<SsoConnectionPayload> {
    const organization = await ctx.access.requireOrganizationAdmin(await organizationByGlobalId(ctx, input.organizationId));
    return mutationPayload(async () => {
      await ctx.services.sso.removeConnection(ctx.caller, organization.id);
      return { connection: null };
    });
  }
}
