import { isUuid } from '../core/relay';
import { requestRecordNode } from '../requests/requests.resolver';
import { budgetNode } from '../budgets/budgets.registration';
import { scimNodeFetchers } from '../scim/scim.resolver';
import { invoiceNode, spendingAlertNode, webhookDeliveryNode } from '../billing/billing.resolver';
import type { AppContext } from './context';
import { EmailDelivery } from '../email/emailDelivery.entity';

type NodeFetcher = (ctx: AppContext, localId: string) => Promise<object | null>;

/**
 * How `node(id:)` fetches each type, with the same visibility rules as the type's own queries: anything the
 * caller may not see comes back as null, exactly like an id that does not exist. Objects the caller may see but not
 * reach in this session (SSO required, personal account blocked) answer FORBIDDEN with the reason, exactly like
 * `organization(slug:)` and `team(username:)`: `reachable` applies those session rules.
 */
const uuidKeyedFetchers: Record<string, NodeFetcher> = withUuidKeys({
  Organization: async (ctx, id) => {
    const organization = await ctx.loaders.organizationById.load(id);
    return organization && (await ctx.access.canSeeOrganization(organization)) ? reachable(ctx, organization.id, organization) : null;
  },
  Team: async (ctx, id) => {
    const team = await ctx.loaders.teamById.load(id);
    return team && (await ctx.access.canSeeTeam(team)) ? reachable(ctx, team.organizationId, team, team.personalOwnerId) : null;
  },
  ModelAccessRule: async (ctx, id) => {
    const rule = await ctx.loaders.modelAccessRuleById.load(id);
    if (!rule) return null;
    // Rules are as visible as what owns them: the team for team rules, the organization for organization rules.
    if (rule.teamId) {
      const team = await ctx.loaders.teamById.load(rule.teamId);
      return team && (await ctx.access.canSeeTeam(team)) ? reachable(ctx, rule.organizationId, rule) : null;
    }
    const organization = await ctx.loaders.organizationById.load(rule.organizationId);
    return organization && (await ctx.access.canSeeOrganization(organization)) ? reachable(ctx, rule.organizationId, rule) : null;
  },
  User: async (ctx, id) => {
    // Users are visible to themselves only; admins reach other people through Member.
    return ctx.actor.kind === 'USER' && ctx.actor.userId === id ? ctx.loaders.userById.load(id) : null;
  },
  Member: async (ctx, id) => {
    const member = await ctx.loaders.memberById.load(id);
    return member && (await ctx.access.canSeeMember(member)) ? reachable(ctx, member.organizationId, member) : null;
  },
  Invite: async (ctx, id) => {
    const invite = await ctx.loaders.inviteById.load(id);
    if (!invite || !(await ctx.access.canSeeInvite(invite))) return null;
    const team = invite.teamId ? await ctx.loaders.teamById.load(invite.teamId) : null;
    return reachable(ctx, invite.organizationId ?? team?.organizationId ?? null, invite);
  },
  ApiKey: async (ctx, id) => {
    const apiKey = await ctx.loaders.apiKeyById.load(id);
    const team = apiKey ? await ctx.loaders.teamById.load(apiKey.teamId) : null;
    return apiKey && team && (await ctx.access.isTeamAdmin(team)) ? reachable(ctx, team.organizationId, apiKey, team.personalOwnerId) : null;
  },
  TeamSecret: async (ctx, id) => {
    const secret = await ctx.loaders.teamSecretById.load(id);
    const team = secret ? await ctx.loaders.teamById.load(secret.teamId) : null;
    return secret && team && (await ctx.access.canUseTeam(team)) ? reachable(ctx, team.organizationId, secret, team.personalOwnerId) : null;
  },
  OrganizationDomain: async (ctx, id) => {
    const domain = await ctx.services.domains.byId(id);
    return domain && (await ctx.access.isOrganizationAdmin(domain.organizationId)) ? reachable(ctx, domain.organizationId, domain) : null;
  },
  Budget: (ctx, id) => budgetNode(ctx, id, reachable),
  TeamMember: async (ctx, id) => {
    const membership = await ctx.services.teamMembers.byId(id);
    const team = membership ? await ctx.loaders.teamById.load(membership.teamId) : null;
    if (!membership || !team || !(await ctx.access.canSeeTeam(team))) return null;
    return (await ctx.access.isTeamAdmin(team)) ? reachable(ctx, team.organizationId, membership) : null;
  },
  EmailDelivery: async (ctx, id) => {
    const email = await ctx.services.db.getRepository(EmailDelivery).findOneBy({ id });
    return email?.organizationId && (await ctx.access.isOrganizationAdmin(email.organizationId)) ? reachable(ctx, email.organizationId, email) : null;
  },
  AuditEvent: async (ctx, id) => {
    const event = await ctx.loaders.auditEventById.load(id);
    return event?.organizationId && (await ctx.access.isOrganizationAdmin(event.organizationId)) ? reachable(ctx, event.organizationId, event) : null;
  },
  ...scimNodeFetchers,
});

/**
 * The object, once the session rules allow reaching objects of `organizationId` (else FORBIDDEN with the reason);
 * `personalOwnerId` for objects of a personal account.
 */
async function reachable<T extends object>(ctx: AppContext, organizationId: string | null, object: T, personalOwnerId: string | null = null): Promise<T> {
  await ctx.access.enforceSessionRules(organizationId, personalOwnerId);
  return object;
}

export const nodeFetchers: Record<string, NodeFetcher> = {
  ...uuidKeyedFetchers,
  // Keyed `teamId/requestId` (the gateway's id); the fetcher checks the team id itself. What it answers is what the
  // team's request log shows this viewer (restricted request view, docs/requests.md); RequestRecord.payload audits reads.
  RequestRecord: requestRecordNode,
  // Keyed `teamId/YYYY-MM`: a draft has no row yet, and the issued invoice keeps the draft's id.
  Invoice: invoiceNode,
  SpendingAlert: spendingAlertNode,
  WebhookDelivery: webhookDeliveryNode,
  // The catalog is public to every customer; keyed by endpoint id.
  ModelEndpoint: async (ctx, endpointId) => (await ctx.services.catalog.cachedCatalog()).byId.get(endpointId) ?? null,
};

/** Types keyed by UUID never reach SQL with anything else (a malformed id is simply not found). */
function withUuidKeys(fetchers: Record<string, NodeFetcher>): Record<string, NodeFetcher> {
  return Object.fromEntries(
    Object.entries(fetchers).map(([type, fetch]) => [type, (ctx: AppContext, id: string) => (isUuid(id) ? fetch(ctx, id) : Promise.resolve(null))]),
  );
}
