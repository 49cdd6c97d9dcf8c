import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../core/relay';
import { Organization } from './organization.entity';

@InputType({ description: 'Create an organization; you become its first ADMIN.' })
export class CreateOrganizationInput {
  @Field({ description: 'Unique handle; also the username of the organization’s root team. Same rules as team usernames.' })
  slug!: string;

  @Field({ description: 'Display name, 1–100 characters.' })
  name!: string;
}

@InputType({ description: 'Rename an organization.' })
export class RenameOrganizationInput {
  @Field(() => ID, { description: 'The organization’s global id.' })
  organizationId!: string;

  @Field({ description: 'New display name, 1–100 characters.' })
  name!: string;
}

@ObjectType({ description: 'Result of an organization mutation.' })
export class OrganizationPayload {
  @Field(() => Organization, { nullable: true, description: 'The organization after the change.' })
  organization?: Organization | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}
