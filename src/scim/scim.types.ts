import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { Connection, UserError } from '../core/relay';
import { TeamRole } from '../teams/teamMembership.entity';
import { ScimToken } from './scimToken.entity';
import { ScimGroup } from './scimGroup.entity';
import { ScimUser } from './scimUser.entity';

export const ScimTokenConnection = Connection(ScimToken, 'ScimToken', 'A page of an organization’s SCIM tokens, newest first.');
export type ScimTokenConnection = InstanceType<typeof ScimTokenConnection>;
export const ScimGroupConnection = Connection(ScimGroup, 'ScimGroup', 'A page of the groups the identity provider pushed, oldest first.');
export type ScimGroupConnection = InstanceType<typeof ScimGroupConnection>;
export const ScimUserConnection = Connection(ScimUser, 'ScimUser', 'A page of the people the identity provider provisioned, oldest first.');
export type ScimUserConnection = InstanceType<typeof ScimUserConnection>;

export enum ProvisioningSource {
  SCIM = 'SCIM',
  MANUAL = 'MANUAL',
}
registerEnumType(ProvisioningSource, {
  name: 'ProvisioningSource',
  description: 'Who manages a member’s presence in the organization.',
  valuesConfig: {
    SCIM: { description: 'The organization’s identity provider, over SCIM (it deactivates and removes them).' },
    MANUAL: { description: 'People in Orgraph: an invite, the organization’s creator, or an SSO sign-in.' },
  },
});

@ArgsType()
export class ScimTokensArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  @MaxLength(1000)
  after?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Include revoked (and rotated) tokens (default false).' })
  includeRevoked?: boolean | null;
}

@ArgsType()
export class ScimPageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  @MaxLength(1000)
  after?: string | null;
}

@ArgsType()
export class ScimUsersArgs extends ScimPageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only active (true) or only deactivated (false) people; both when absent.' })
  active?: boolean | null;
}

@InputType({ description: 'Create a SCIM token for an organization.' })
export class CreateScimTokenInput {
  @Field(() => ID, { description: 'The organization (global id).' })
  @MaxLength(200)
  organizationId!: string;

  @Field(() => String, { description: 'What the token is for, 1–200 characters (e.g. "Okta production").' })
  @MaxLength(200)
  description!: string;
}

@InputType({ description: 'Identify a SCIM token.' })
export class ScimTokenInput {
  @Field(() => ID, { description: 'The token (global id).' })
  @MaxLength(200)
  tokenId!: string;
}

@InputType({ description: 'Map a SCIM group to a team with a role: an existing team, or a new team created from the group.' })
export class SetScimGroupMappingInput {
  @Field(() => ID, { description: 'The group (global id of a ScimGroup).' })
  @MaxLength(200)
  groupId!: string;

  @Field(() => ID, { nullable: true, description: 'The team its members join (global id); give this or `createTeam`.' })
  @MaxLength(200)
  teamId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Create a new team named after the group (its name then follows the group’s); give this or `teamId`.' })
  createTeam?: boolean | null;

  @Field(() => TeamRole, { description: 'The team role the group’s members get.' })
  role!: TeamRole;
}

@InputType({ description: 'Identify a SCIM group.' })
export class ScimGroupInput {
  @Field(() => ID, { description: 'The group (global id of a ScimGroup).' })
  @MaxLength(200)
  groupId!: string;
}

@ObjectType({ description: 'Result of creating or rotating a SCIM token.' })
export class CreateScimTokenPayload {
  @Field(() => ScimToken, { nullable: true, description: 'The new token’s record.' })
  scimToken?: ScimToken | null;

  @Field(() => String, { nullable: true, description: 'The bearer token for the identity provider. Shown exactly once; only its hash is stored.' })
  token?: string | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of revoking a SCIM token.' })
export class ScimTokenPayload {
  @Field(() => ScimToken, { nullable: true, description: 'The token after the change.' })
  scimToken?: ScimToken | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of changing a group’s team mapping.' })
export class ScimGroupPayload {
  @Field(() => ScimGroup, { nullable: true, description: 'The group after the change.' })
  group?: ScimGroup | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}
