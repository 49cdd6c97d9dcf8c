import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app/context';
import { NotFoundError } from '../core/errors';
import { mutationPayload } from '../core/mutation';
import { NodeIdResolver } from '../core/nodeId';
import { localIdOf, toGlobalId } from '../core/relay';
import { Organization } from '../organizations/organization.entity';
import { organizationByGlobalId } from '../organizations/organizations.lookup';
import { DomainStatus, OrganizationDomain } from './organizationDomain.entity';
import { AddDomainInput, DomainIdInput, DomainPayload, OrganizationDomainConnection, OrganizationDomainsArgs, RemoveDomainPayload } from './domains.types';
import { challengeName, challengeValue } from './domains.service';

@Resolver(() => OrganizationDomain)
export class OrganizationDomainResolver extends NodeIdResolver(OrganizationDomain, 'OrganizationDomain') {
  @FieldResolver(() => DomainStatus, { description: 'PENDING until the TXT proof is found, then VERIFIED.' })
  status(@Root() domain: OrganizationDomain): DomainStatus {
    return domain.verifiedAt ? DomainStatus.VERIFIED : DomainStatus.PENDING;
  }

  @FieldResolver(() => String, { description: 'DNS name to publish the TXT record at: `_orgraph-challenge.<domain>`.' })
  txtRecordName(@Root() domain: OrganizationDomain): string {
    return challengeName(domain.domain);
  }

  @FieldResolver(() => String, { description: 'Exact TXT value to publish: `orgraph-domain-verification=<token>`.' })
  txtRecordValue(@Root() domain: OrganizationDomain): string {
    return challengeValue(domain.verificationToken);
  }

  @FieldResolver(() => Organization, { description: 'The organization claiming the domain.' })
  async organization(@Root() domain: OrganizationDomain, @Ctx() ctx: AppContext): Promise<Organization> {
    return (await ctx.loaders.organizationById.load(domain.organizationId))!;
  }
}

@Resolver(() => Organization)
export class OrganizationDomainsResolver {
  @FieldResolver(() => OrganizationDomainConnection, {
    description: 'Email domains the organization claims, pending or proven, oldest first (organization ADMIN). Only VERIFIED ones let SSO link or provision people.',
  })
  async domains(@Root() organization: Organization, @Args(() => OrganizationDomainsArgs) args: OrganizationDomainsArgs, @Ctx() ctx: AppContext) {
    await ctx.access.requireOrganizationAdmin(organization);
    return ctx.services.domains.connection(organization.id, args);
  }
}

/** A domain the caller administers (its organization's ADMIN), else NOT_FOUND like a missing id. */
async function administeredDomain(ctx: AppContext, globalId: string): Promise<OrganizationDomain> {
  // Who is asking comes first: no credential is UNAUTHENTICATED and non-customers FORBIDDEN, whatever the id.
  ctx.access.requireCustomer();
  const localId = localIdOf(globalId, 'OrganizationDomain');
  const domain = localId ? await ctx.services.domains.byId(localId) : null;
  if (!domain || !(await ctx.access.isOrganizationAdmin(domain.organizationId))) throw new NotFoundError('OrganizationDomain');
  await ctx.access.requireOrganizationAdmin(await ctx.loaders.organizationById.load(domain.organizationId));
  return domain;
}

@Resolver()
export class DomainMutationsResolver {
  @Mutation(() => DomainPayload, {
    description:
      'Claim an email domain for the organization (organization ADMIN). The answer names the TXT record to publish; the domain counts only after `verifyDomain`. Audited.',
  })
  async addDomain(@Arg('input', () => AddDomainInput) input: AddDomainInput, @Ctx() ctx: AppContext): Promise<DomainPayload> {
    const organization = await ctx.access.requireOrganizationAdmin(await organizationByGlobalId(ctx, input.organizationId));
    return mutationPayload(async () => ({ domain: await ctx.services.domains.add(ctx.caller, organization.id, input.domain) }));
  }

  @Mutation(() => DomainPayload, {
    description:
      'Look up the domain’s TXT proof in DNS now and mark it VERIFIED when found (organization ADMIN). Refused (`DOMAIN_OWNED_ELSEWHERE`) when another organization proved it first; `DOMAIN_NOT_VERIFIED` while the record is missing. Audited.',
  })
  async verifyDomain(@Arg('input', () => DomainIdInput) input: DomainIdInput, @Ctx() ctx: AppContext): Promise<DomainPayload> {
    const domain = await administeredDomain(ctx, input.domainId);
    return mutationPayload(async () => ({ domain: await ctx.services.domains.verify(ctx.caller, domain) }));
  }

  @Mutation(() => RemoveDomainPayload, {
    description: 'Remove a claimed domain (organization ADMIN); SSO stops linking its addresses at once. Audited.',
  })
  async removeDomain(@Arg('input', () => DomainIdInput) input: DomainIdInput, @Ctx() ctx: AppContext): Promise<RemoveDomainPayload> {
    const domain = await administeredDomain(ctx, input.domainId);
    return mutationPayload(async () => {
      await ctx.services.domains.remove(ctx.caller, domain);
      return { removedDomainId: toGlobalId('OrganizationDomain', domain.id) };
    });
  }
}
