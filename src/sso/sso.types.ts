import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../core/relay';

@ObjectType({ description: 'An organization’s OIDC identity provider connection (the client secret is never returned).' })
export class SsoConfiguration {
  @Field(() => String, { description: 'Issuer URL (discovery at `<issuer>/.well-known/openid-configuration`).' })
  issuer!: string;

  @Field(() => String, { description: 'OAuth client id registered at the provider.' })
  clientId!: string;

  @Field(() => [String], {
    description: 'The organization’s VERIFIED email domains (see `Organization.domains`): only addresses in them are linked or provisioned by this connection.',
  })
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

  @Field(() => ID, { nullable: true, description: 'Team that just-in-time provisioned users join (global id).' })
  defaultTeamId?: string | null;
}

@InputType({ description: 'Identify the organization of an SSO operation.' })
export class SsoOrganizationInput {
  @Field(() => ID, { description: 'The organization.' })
  organizationId!: string;
}

@ObjectType({ description: 'Result of an SSO connection change.' })
export class SsoConfigurationPayload {
  @Field(() => SsoConfiguration, { nullable: true, description: 'The connection after the change (null once removed).' })
  connection?: SsoConfiguration | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of testing the connection: discovery and JWKS.' })
export class SsoConfigurationTest {
  @Field(() => Boolean, { description: 'Discovery works and the JWKS is reachable.' })
  ok!: boolean;

  @Field(() => String, { description: 'What was checked, or what failed.' })
  message!: string;
}
