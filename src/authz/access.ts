import type { Actor } from '../auth/actor';
import type { Loaders } from '../app/scope';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../core/errors';
import { OrganizationRole } from '../organizations/organizationMembership.entity';
import type { Organization } from '../organizations/organization.entity';
import type { Team } from '../teams/team.entity';
import type { Member } from '../members/member.entity';
import type { Invite } from '../invites/invite.entity';
import type { ApiKey } from '../apiKeys/apiKey.entity';
import { TeamRole } from '../teams/teamMembership.entity';
import { organizationPolicyState, teamPolicyState } from '../policies/policyState';
import { resolveSetting, settingValue } from '../policies/resolution';

/**
 * The one place that decides what an actor may see and do. Resolvers ask it before they call services.
 * Objects the actor may not see are reported as NOT_FOUND, exactly like objects that do not exist; objects it may
 * see but not change are FORBIDDEN with a reason code.
 */
/** What the request log shows a viewer of one team. */
export interface RequestView {
  rows: 'ALL' | 'OWN';
  /** For OWN: whose requests. */
  userId: string | null;
  /** False when rows are listed for metadata only (payloads hidden with a reason). */
  payloads: boolean;
}

/**
 * Types whose objects reach the graph through many fields (a Team through `team(username:)`, `node(id:)`,
 * `Organization.rootTeam`, `viewer.teams`, `ApiKey.team`, `Invoice.team`, …). Whoever reaches such an object may
 * read its identity fields; every other field of the type first asks the type's visibility check, so an object the
 * caller may not see answers like one that does not exist (NOT_FOUND), whichever field handed it out. The schema
 * applies this to every field of the type (`src/app/schema.ts`), including fields added later: a new field is
 * checked unless it is added to `identityFields` here.
 */
export interface VisibilityGate {
  /** Fields anyone who reaches the object may read: what names it, nothing it owns. */
  identityFields: readonly string[];
  /** Throws (NOT_FOUND, or FORBIDDEN for SSO rules) unless the actor may see the object. */
  require(access: Access, object: unknown): Promise<unknown>;
}

export const VISIBILITY_GATES: Readonly<Record<string, VisibilityGate>> = {
  // The root team's identity is part of its organization's (its username is the organization's slug), and the
  // SDK's OrganizationFields selects it for every organization a user belongs to.
  Team: {
    identityFields: ['id', 'username', 'name', 'kind', 'createdAt', 'archivedAt', 'viewerRole'],
    require: (access, team) => access.visibleTeam(team as Team),
  },
  // An organization reaches its teams' keys through `Team.organization` (they cannot look it up by slug) and
  // password sessions of an SSO-only organization through `viewer.organizations`: they may name it, nothing more.
  Organization: {
    identityFields: ['id', 'slug', 'name', 'createdAt', 'viewerRole', 'rootTeam'],
    require: (access, organization) => access.visibleOrganization(organization as Organization),
  },
};

export class Access {
  constructor(
    readonly actor: Actor,
    private readonly loaders: Loaders,
  ) {}

  /** The signed-in user's id, or UNAUTHENTICATED. */
  requireUser(): string {
    if (this.actor.kind !== 'USER') {
      if (this.actor.kind === 'ANONYMOUS') throw new UnauthenticatedError();
      throw new ForbiddenError('USER_SESSION_REQUIRED', 'This operation needs a signed-in user session.');
    }
    return this.actor.userId;
  }

  /** Any authenticated actor that is a customer (user or key). */
  requireCustomer(): void {
    if (this.actor.kind === 'ANONYMOUS') throw new UnauthenticatedError();
    if (this.actor.kind === 'INGEST' || this.actor.kind === 'OPERATOR') {
      throw new ForbiddenError('CUSTOMER_CREDENTIAL_REQUIRED', 'This operation needs a user session or an API key.');
    }
  }

  requireOperator(): void {
    if (this.actor.kind === 'ANONYMOUS') throw new UnauthenticatedError();
    if (this.actor.kind !== 'OPERATOR') throw new ForbiddenError('OPERATOR_REQUIRED', 'Only platform operators may do this.');
  }

  requireIngest(): void {
    if (this.actor.kind === 'ANONYMOUS') throw new UnauthenticatedError();
    if (this.actor.kind !== 'INGEST') throw new ForbiddenError('INGEST_CREDENTIAL_REQUIRED', 'Only the ingest credential may write records.');
  }

  /** The actor's effective role in an organization, or null when it has none. */
  async organizationRole(organizationId: string): Promise<OrganizationRole | null> {
    const actor = this.actor;
    if (actor.kind === 'API_KEY') {
      return actor.isOrganizationAdminKey && actor.organizationId === organizationId ? OrganizationRole.ADMIN : null;
    }
    if (actor.kind !== 'USER' || !this.inSessionScope(organizationId)) return null;
    const memberships = await this.loaders.organizationMembershipsByUser.load(actor.userId);
    return memberships.find((m) => m.organizationId === organizationId)?.role ?? null;
  }

  /** The actor's effective role in a team: organization ADMINs and ADMIN keys act as team ADMIN. */
  async teamRole(team: Team): Promise<TeamRole | null> {
    const actor = this.actor;
    if (actor.kind === 'API_KEY') {
      if (actor.teamId === team.id) return actor.scope === 'ADMIN' ? TeamRole.ADMIN : TeamRole.DEVELOPER;
      if (team.organizationId && (await this.organizationRole(team.organizationId)) === OrganizationRole.ADMIN) {
        return TeamRole.ADMIN;
      }
      return null;
    }
    if (actor.kind !== 'USER' || !this.inSessionScope(team.organizationId)) return null;
    if (team.personalOwnerId === actor.userId) return TeamRole.ADMIN;
    if (team.organizationId && (await this.organizationRole(team.organizationId)) === OrganizationRole.ADMIN) {
      return TeamRole.ADMIN;
    }
    const memberships = await this.loaders.teamMembershipsByUser.load(actor.userId);
    return memberships.find((m) => m.teamId === team.id)?.role ?? null;
  }

  async canSeeOrganization(organization: Organization): Promise<boolean> {
    if (!this.inSessionScope(organization.id)) return false;
    if ((await this.organizationRole(organization.id)) !== null) return true;
    // Team-only members (and team keys) of the organization may see it exists, not administer it.
    if (this.actor.kind === 'USER') {
      const teams = await this.loaders.teamMembershipsByUser.load(this.actor.userId);
      return teams.some((m) => m.organizationId === organization.id);
    }
    return false;
  }

  async canSeeTeam(team: Team): Promise<boolean> {
    if ((await this.teamRole(team)) !== null) return true;
    // Organization BILLING users see every team of their organization (usage and invoices).
    if (team.organizationId !== null && (await this.organizationRole(team.organizationId)) === OrganizationRole.BILLING) return true;
    // The governance owner answers for the team, so sees it (read-only oversight; see isGovernanceOwner).
    return this.isGovernanceOwner(team);
  }

  /**
   * Whether the actor (a user) is the team's governance owner while still a member of its organization. The owner is
   * accountable for the team: they see it, its governance, policy, usage, spend, invoices and alerts (as a team
   * BILLING member would), and change nothing through ownership alone — powers come from roles, which are granted
   * and audited as such.
   */
  async isGovernanceOwner(team: Team): Promise<boolean> {
    if (this.actor.kind !== 'USER' || !team.organizationId) return false;
    const owned = await this.loaders.governedTeamsByUser.load(this.actor.userId);
    return owned.some((row) => row.teamId === team.id);
  }


  /** Loads an organization the actor may see, else NOT_FOUND. */
  async visibleOrganization(organization: Organization | null): Promise<Organization> {
    this.requireCustomer();
    if (!organization || !(await this.canSeeOrganization(organization))) throw new NotFoundError('Organization');
    await this.enforceSessionRules(organization.id);
    return organization;
  }

  /** Loads a team the actor may see, else NOT_FOUND. */
  async visibleTeam(team: Team | null): Promise<Team> {
    this.requireCustomer();
    if (!team || !(await this.canSeeTeam(team))) throw new NotFoundError('Team');
    await this.enforceSessionRules(team.organizationId, team.personalOwnerId);
    return team;
  }

  /**
   * The SSO session scope (docs/sso.md): a session obtained through an organization's identity provider acts only in
   * that organization. Whoever runs that provider vouches for nothing else, so the same person's other
   * organizations, their teams and their personal account need their own login. Every role and visibility
   * decision of this class asks it first (`organizationRole`, `teamRole`, `canSeeOrganization`, `canSeeMember`,
   * usage teams), so out of scope the session holds no role at all and everything answers NOT_FOUND, exactly like
   * objects that do not exist. `organizationId` is the organization owning the object (null: personal/standalone).
   */
  inSessionScope(organizationId: string | null): boolean {
    const actor = this.actor;
    if (actor.kind !== 'USER' || actor.method !== 'SSO') return true;
    return actor.ssoOrganizationId !== null && actor.ssoOrganizationId === organizationId;
  }

  /** For acts that belong to no organization yet (creating one): refused to SSO sessions, which act only in theirs. */
  requireUnscopedSession(): void {
    if (this.actor.kind === 'USER' && this.actor.method === 'SSO') {
      throw new ForbiddenError('SSO_SESSION_SCOPE', 'This session was signed in through an organization’s SSO and acts only in that organization; sign in with your own account to do this.');
    }
  }

  /**
   * Session rules of SSO (docs/sso.md, docs/policies.md), for people only (API keys belong to teams): an SSO session reaches only its
   * own organization (`inSessionScope`; callers have normally answered NOT_FOUND before this backstop); an
   * organization that requires SSO accepts only sessions from its own identity provider (`SSO_REQUIRED`); and a
   * user who signed in through the SSO of an organization that blocks personal accounts cannot use their personal
   * account in any session (`PERSONAL_ACCOUNT_BLOCKED`). `organizationId` is the organization owning the object
   * reached (null for personal and standalone teams).
   *
   * `visibleOrganization` and `visibleTeam` apply it, and through `VISIBILITY_GATES` so does every data field of a
   * Team or Organization however it was reached (the viewer's own listings name them, nothing more); `node(id:)`
   * applies it to the objects of other types it hands out.
   */
  async enforceSessionRules(organizationId: string | null, personalOwnerId: string | null = null): Promise<void> {
    const actor = this.actor;
    if (actor.kind !== 'USER') return;
    if (!this.inSessionScope(organizationId)) {
      throw new ForbiddenError('SSO_SESSION_SCOPE', 'This session was signed in through an organization’s SSO and acts only in that organization; sign in separately for anything else.');
    }
    const fromThisSso = actor.method === 'SSO' && actor.ssoOrganizationId === organizationId;
    if (organizationId && !fromThisSso && (await this.organizationSetting(organizationId, 'ssoRequired'))) {
      throw new ForbiddenError('SSO_REQUIRED', 'This organization requires signing in through its identity provider (SSO).');
    }
    if (personalOwnerId !== null && personalOwnerId === actor.userId) {
      for (const identity of await this.loaders.ssoOrganizationsByUser.load(actor.userId)) {
        if ((await this.organizationSetting(identity.organizationId, 'personalAccountAccess')) === 'BLOCKED') {
          throw new ForbiddenError('PERSONAL_ACCOUNT_BLOCKED', 'An organization you sign in to through SSO does not allow its SSO users to use personal accounts.');
        }
      }
    }
    // However the session was obtained (password, or SSO of any organization): a member of an organization that
    // blocks personal accounts reaches no account outside an organization.
    if (organizationId === null && (await this.personalAccountsBlockedForUser(actor.userId))) {
      throw new ForbiddenError('PERSONAL_ACCOUNT_BLOCKED', 'An organization you belong to blocks personal accounts for its members, whatever the sign-in.');
    }
  }

  /** Whether any organization the user belongs to sets `personalAccountAccess: BLOCKED`. */
  private async personalAccountsBlockedForUser(userId: string): Promise<boolean> {
    const memberships = await this.loaders.organizationMembershipsByUser.load(userId);
    const settings = await Promise.all(memberships.map((m) => this.organizationSetting(m.organizationId, 'personalAccountAccess')));
    return settings.includes('BLOCKED');
  }

  /** Whether an organization requires SSO sessions (invites to it can then only be accepted after SSO login). */
  async requiresSso(organizationId: string): Promise<boolean> {
    return await this.organizationSetting(organizationId, 'ssoRequired');
  }

  private async organizationSetting<K extends 'ssoRequired' | 'personalAccountAccess'>(organizationId: string, setting: K) {
    return settingValue(organizationPolicyState(await this.loaders.policySettingsByOrganization.load(organizationId), []), setting);
  }

  /** Organization administration: organization ADMIN users and organization admin keys. */
  async requireOrganizationAdmin(organization: Organization | null): Promise<Organization> {
    const visible = await this.visibleOrganization(organization);
    this.rejectApiScopedKey();
    if ((await this.organizationRole(visible.id)) !== OrganizationRole.ADMIN) {
      throw new ForbiddenError('ORGANIZATION_ADMIN_REQUIRED', 'Only organization admins may do this.');
    }
    return visible;
  }

  /** Organization oversight (readiness, findings): organization ADMINs, organization admin keys and BILLING users. */
  async requireOrganizationOversight(organization: Organization | null): Promise<Organization> {
    const visible = await this.visibleOrganization(organization);
    this.rejectApiScopedKey();
    const role = await this.organizationRole(visible.id);
    if (role !== OrganizationRole.ADMIN && role !== OrganizationRole.BILLING) {
      throw new ForbiddenError('ORGANIZATION_ADMIN_REQUIRED', 'Only organization admins and billing users may read this.');
    }
    return visible;
  }

  /** Team administration: team ADMINs (including organization ADMINs) and ADMIN keys of the team or organization. */
  async requireTeamAdmin(team: Team | null): Promise<Team> {
    const visible = await this.visibleTeam(team);
    this.rejectApiScopedKey();
    if ((await this.teamRole(visible)) !== TeamRole.ADMIN) {
      throw new ForbiddenError('TEAM_ADMIN_REQUIRED', 'Only team admins may do this.');
    }
    return visible;
  }

  /**
   * Who may invite people, per the organization's invite-permission policy: organization invites (which grant
   * organization roles) always need an organization ADMIN; team invites need a team ADMIN under `TEAM_ADMINS` (the
   * default) and an organization ADMIN under `ORG_ADMINS`.
   */
  async requireMayInvite(target: { organization: Organization | null } | { team: Team | null }): Promise<void> {
    if ('organization' in target) {
      await this.requireOrganizationAdmin(target.organization);
      return;
    }
    const team = await this.requireTeamAdmin(target.team);
    if (!team.organizationId) return;
    const settings = await this.loaders.policySettingsByOrganization.load(team.organizationId);
    if (settingValue(organizationPolicyState(settings, []), 'invitePermission') === 'ORG_ADMINS') {
      if ((await this.organizationRole(team.organizationId)) !== OrganizationRole.ADMIN) {
        throw new ForbiddenError('INVITE_POLICY', 'The organization’s invite policy allows only organization admins to invite.');
      }
    }
  }

  /** Team members who use the team (ADMIN, DEVELOPER) may read names of its secrets; API-scoped keys may not. */
  async requireTeamUser(team: Team | null): Promise<Team> {
    const visible = await this.visibleTeam(team);
    this.rejectApiScopedKey();
    const role = await this.teamRole(visible);
    if (role !== TeamRole.ADMIN && role !== TeamRole.DEVELOPER) {
      throw new ForbiddenError('TEAM_DEVELOPER_REQUIRED', 'Only team admins and developers may do this.');
    }
    return visible;
  }

  /** Whether the actor is a team ADMIN or DEVELOPER (not an API-scoped key), without throwing. */
  async canUseTeam(team: Team): Promise<boolean> {
    if (this.actor.kind === 'API_KEY' && this.actor.scope === 'API') return false;
    const role = await this.teamRole(team);
    return role === TeamRole.ADMIN || role === TeamRole.DEVELOPER;
  }

  /** Whether the actor administers a team, without throwing (node fetchers and listings). */
  async isTeamAdmin(team: Team): Promise<boolean> {
    if (this.actor.kind === 'API_KEY' && this.actor.scope === 'API') return false;
    return (await this.teamRole(team)) === TeamRole.ADMIN;
  }

  /** Whether the actor administers an organization, without throwing. */
  async isOrganizationAdmin(organizationId: string): Promise<boolean> {
    if (this.actor.kind === 'API_KEY' && this.actor.scope === 'API') return false;
    return (await this.organizationRole(organizationId)) === OrganizationRole.ADMIN;
  }

  /** Organization admins see every member and open invite; a member also sees their own entry. */
  async canSeeMember(member: Member): Promise<boolean> {
    if (this.actor.kind === 'USER' && member.userId === this.actor.userId) return this.inSessionScope(member.organizationId);
    return this.isOrganizationAdmin(member.organizationId);
  }

  /** Managing a member (role, removal) is organization administration; invisible members are NOT_FOUND. */
  async requireMemberAdmin(member: Member | null): Promise<Member> {
    this.requireCustomer();
    const organization = member ? await this.loaders.organizationById.load(member.organizationId) : null;
    if (!member || !organization || !(await this.canSeeOrganization(organization))) throw new NotFoundError('Member');
    await this.requireOrganizationAdmin(organization);
    return member;
  }

  /** Invites are seen by whoever may invite to their target. */
  async canSeeInvite(invite: Invite): Promise<boolean> {
    if (invite.teamId) {
      const team = await this.loaders.teamById.load(invite.teamId);
      return team !== null && (await this.isTeamAdmin(team));
    }
    return invite.organizationId !== null && (await this.isOrganizationAdmin(invite.organizationId));
  }

  /** Revoking or resending an invite needs the same right as creating it. */
  async requireInviteManager(invite: Invite | null): Promise<Invite> {
    this.requireCustomer();
    if (!invite || !(await this.canSeeInvite(invite))) throw new NotFoundError('Invite');
    if (invite.teamId) await this.requireMayInvite({ team: await this.loaders.teamById.load(invite.teamId) });
    else await this.requireMayInvite({ organization: await this.loaders.organizationById.load(invite.organizationId!) });
    return invite;
  }

  /** Keys are administered (listed, created, revoked) by admins of their team; others are told they do not exist. */
  async requireApiKeyAdmin(apiKey: ApiKey | null): Promise<{ apiKey: ApiKey; team: Team }> {
    this.requireCustomer();
    const team = apiKey ? await this.loaders.teamById.load(apiKey.teamId) : null;
    if (!apiKey || !team || !(await this.canSeeTeam(team))) throw new NotFoundError('ApiKey');
    return { apiKey, team: await this.requireTeamAdmin(team) };
  }

  /**
   * Restricted request view (docs/requests.md): admins and ADMIN keys see everything; under `ALL` every member (and
   * API-scoped keys) sees everything; under `OWN` people see only requests whose identity is theirs and API-scoped
   * keys may not search at all. Organization BILLING users who are not team members see metadata only. A team the
   * actor may not see is NOT_FOUND however it was reached (`team(username:)`, `Organization.rootTeam`, `node(id:)`
   * of a request, …): `VISIBILITY_GATES` checks Team fields, and callers that are not a Team field rely on this.
   */
  async requestView(team: Team): Promise<RequestView> {
    // visibleTeam applies the SSO session rules too.
    await this.visibleTeam(team);
    const role = await this.teamRole(team);
    if (role === TeamRole.ADMIN) return { rows: 'ALL', userId: null, payloads: true };
    const visibility = await this.requestVisibility(team);
    const actor = this.actor;
    if (actor.kind === 'API_KEY') {
      if (visibility === 'OWN') {
        throw new ForbiddenError('REQUEST_VIEW_RESTRICTED', 'API-scoped keys cannot search requests under restricted request view.');
      }
      return { rows: 'ALL', userId: null, payloads: true };
    }
    const userId = actor.kind === 'USER' ? actor.userId : null;
    if (visibility === 'OWN') return { rows: 'OWN', userId, payloads: true };
    return { rows: 'ALL', userId: null, payloads: role !== null };
  }

  /** `requestView` for `node(id:)`, which answers null (like a missing id) where the request log is NOT_FOUND or FORBIDDEN. */
  async requestViewIfAllowed(team: Team): Promise<RequestView | null> {
    try {
      return await this.requestView(team);
    } catch (error) {
      if (error instanceof NotFoundError || error instanceof ForbiddenError) return null;
      throw error;
    }
  }

  /**
   * Whose usage the actor may read in an organization (docs/usage.md, Query): organization ADMINs (sessions and organization
   * admin keys) and organization BILLING users see every team; team ADMIN and BILLING members see their teams, and
   * every team of the organization under cross-team visibility. Anyone else is FORBIDDEN.
   */
  async usageTeams(organizationId: string): Promise<string[] | null> {
    this.rejectApiScopedKey();
    const role = await this.organizationRole(organizationId);
    if (role === OrganizationRole.ADMIN || role === OrganizationRole.BILLING) return null;
    const mine = await this.usageRoleTeams(organizationId);
    if (mine.length === 0) throw new ForbiddenError('USAGE_ROLE_REQUIRED', 'Usage is visible to organization admins and billing users, and to team admins and billing members.');
    const settings = await this.loaders.policySettingsByOrganization.load(organizationId);
    return settingValue(organizationPolicyState(settings, []), 'crossTeamVisibility') ? null : mine;
  }

  /** Usage of one team: its ADMIN/BILLING members, organization ADMIN/BILLING, or anyone allowed by cross-team visibility. */
  async requireTeamUsage(team: Team | null): Promise<Team> {
    const visible = await this.visibleTeam(team);
    this.rejectApiScopedKey();
    const role = await this.teamRole(visible);
    if (role === TeamRole.ADMIN || role === TeamRole.BILLING || (await this.isGovernanceOwner(visible))) return visible;
    if (visible.organizationId) {
      const teams = await this.usageTeams(visible.organizationId).catch((): string[] => []);
      if (teams === null || teams.includes(visible.id)) return visible;
    }
    throw new ForbiddenError('USAGE_ROLE_REQUIRED', 'Only team admins and billing members (and organization admins and billing users) see this team’s usage.');
  }

  /** Teams of an organization where the actor is ADMIN or BILLING. */
  private async usageRoleTeams(organizationId: string): Promise<string[]> {
    const actor = this.actor;
    if (actor.kind === 'API_KEY') return actor.organizationId === organizationId && actor.scope === 'ADMIN' ? [actor.teamId] : [];
    if (actor.kind !== 'USER' || !this.inSessionScope(organizationId)) return [];
    const memberships = await this.loaders.teamMembershipsByUser.load(actor.userId);
    return memberships
      .filter((m) => m.organizationId === organizationId && (m.role === TeamRole.ADMIN || m.role === TeamRole.BILLING))
      .map((m) => m.teamId);
  }

  /** The team's effective request visibility (organization setting, team override unless locked). */
  private async requestVisibility(team: Team): Promise<'ALL' | 'OWN'> {
    const [settings, overrides] = await Promise.all([
      team.organizationId ? this.loaders.policySettingsByOrganization.load(team.organizationId) : [],
      this.loaders.policyOverridesByTeam.load(team.id),
    ]);
    const effective = resolveSetting('requestVisibility', organizationPolicyState(settings, []), teamPolicyState(team, overrides, [], false));
    return effective.value as 'ALL' | 'OWN';
  }

  /** API-scoped keys can call models and nothing administrative. */
  rejectApiScopedKey(): void {
    if (this.actor.kind === 'API_KEY' && this.actor.scope === 'API') {
      throw new ForbiddenError('API_KEY_SCOPE', 'API-scoped keys cannot perform administrative operations.');
    }
  }

  /**
   * Team creation follows the organization's team-creation policy (docs/policies.md): ORG_ADMINS (organization ADMIN users
   * and organization admin keys), TEAM_ADMINS (also users who are ADMIN of one of its teams), ANY_MEMBER (also any
   * member of the organization or of one of its teams). Returns the user to make ADMIN of the new team, if any.
   */
  async requireTeamCreation(organization: Organization | null): Promise<{ organization: Organization; creatorUserId: string | null }> {
    const visible = await this.visibleOrganization(organization);
    this.rejectApiScopedKey();
    const role = await this.organizationRole(visible.id);
    if (role === OrganizationRole.ADMIN) return { organization: visible, creatorUserId: null };
    const policy = settingValue(
      organizationPolicyState(await this.loaders.policySettingsByOrganization.load(visible.id), []),
      'teamCreation',
    );
    if (this.actor.kind === 'USER' && policy !== 'ORG_ADMINS') {
      const teamMemberships = (await this.loaders.teamMembershipsByUser.load(this.actor.userId)).filter(
        (m) => m.organizationId === visible.id,
      );
      const allowed =
        policy === 'ANY_MEMBER' ? role !== null || teamMemberships.length > 0 : teamMemberships.some((m) => m.role === TeamRole.ADMIN);
      if (allowed) return { organization: visible, creatorUserId: this.actor.userId };
    }
    throw new ForbiddenError(
      'TEAM_CREATION_POLICY',
      policy === 'ORG_ADMINS'
        ? 'The organization’s team creation policy allows only organization admins to create teams.'
        : policy === 'TEAM_ADMINS'
          ? 'The organization’s team creation policy allows only organization admins and team admins to create teams.'
          : 'Only members of the organization may create teams in it.',
    );
  }

  /** Who may ask `checkModelAccess`: the gateway (ingest credential) and organization administrators. */
  requireModelAccessChecker(): void {
    if (this.actor.kind === 'ANONYMOUS') throw new UnauthenticatedError();
    if (this.actor.kind === 'INGEST') return;
    this.requireCustomer();
    this.rejectApiScopedKey();
  }

  /**
   * The gateway may check any team; organization admins (users and admin keys) the teams of their organization, under
   * the organization's session rules like every other read of it (an admin's password session gets SSO_REQUIRED where
   * SSO is required; red-team D11: checkModelAccess and reserveSpend used to skip them).
   */
  async mayCheckModelAccess(team: Team): Promise<boolean> {
    if (this.actor.kind === 'INGEST') return true;
    if (team.organizationId === null || (await this.organizationRole(team.organizationId)) !== OrganizationRole.ADMIN) return false;
    await this.enforceSessionRules(team.organizationId, team.personalOwnerId);
    return true;
  }
}
