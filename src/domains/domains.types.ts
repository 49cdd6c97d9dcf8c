import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { Connection, UserError } from '../core/relay';
import { OrganizationDomain } from './organizationDomain.entity';

export const OrganizationDomainConnection = Connection(OrganizationDomain, 'OrganizationDomain', 'A page of an organization’s email domains, oldest first.');
export type OrganizationDomainConnection = InstanceType<typeof OrganizationDomainConnection>;

/** Longest DNS name (RFC 1035), also the input limit. */
export const MAX_DOMAIN_LENGTH = 253;

@ArgsType()
export class OrganizationDomainsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  after?: string | null;
}

@InputType({ description: 'Claim an email domain for an organization; it counts only once proven with `verifyDomain`.' })
export class AddDomainInput {
  @Field(() => ID, { description: 'The organization’s global id.' })
  organizationId!: string;

  @Field(() => String, { description: `The domain, e.g. \`example.com\` (at most ${MAX_DOMAIN_LENGTH} characters; no scheme, path or wildcard).` })
  @MaxLength(MAX_DOMAIN_LENGTH)
  domain!: string;
}

@InputType({ description: 'Identify one of an organization’s domains.' })
export class DomainIdInput {
  @Field(() => ID, { description: 'The domain’s global id (`OrganizationDomain`).' })
  domainId!: string;
}

@ObjectType({ description: 'Result of adding or verifying a domain.' })
export class DomainPayload {
  @Field(() => OrganizationDomain, { nullable: true, description: 'The domain after the change.' })
  domain?: OrganizationDomain | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of removing a domain.' })
export class RemoveDomainPayload {
  @Field(() => ID, { nullable: true, description: 'Global id of the removed domain.' })
  removedDomainId?: string | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}
