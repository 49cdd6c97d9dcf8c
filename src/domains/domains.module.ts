import { defineModule } from '../app/module';
import { OWNED_TABLES } from './tables';
import { reachable, withUuidKeys } from '../node/reachable';
import { ssoRequirement } from '../policies/ssoRequirement';
import { DnsProofResolver } from './dnsProof';
import { DomainMutationsResolver, OrganizationDomainResolver, OrganizationDomainsResolver } from './domains.resolver';
import { DomainsService } from './domains.service';
import { OrganizationDomain } from './organizationDomain.entity';

declare module '../app/scope' {
  interface Services {
    domains: DomainsService;
  }
}

export const domainsModule = defineModule({
  name: 'domains',
  tables: OWNED_TABLES,
  entities: [OrganizationDomain],
  resolvers: [OrganizationDomainResolver, OrganizationDomainsResolver, DomainMutationsResolver],
  services: ({ db, config }) => ({
    domains: new DomainsService(db, new DnsProofResolver(config.DNS_RESOLVER ? [config.DNS_RESOLVER] : undefined), ssoRequirement),
  }),
  nodeFetchers: withUuidKeys({
    OrganizationDomain: async (ctx, id) => {
      const domain = await ctx.services.domains.byId(id);
      return domain && (await ctx.access.isOrganizationAdmin(domain.organizationId)) ? reachable(ctx, domain.organizationId, domain) : null;
    },
  }),
});
