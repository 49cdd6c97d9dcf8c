import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../core/relay';
import { isUniqueViolation } from '../core/dbErrors';
import { lockOrganization } from '../members/organizationLock';
import type { ApiKeyAuthenticator } from '../apiKeys/apiKeyAuthenticator';
import type { TeamsService } from '../teams/teams.service';
import { User } from '../users/user.entity';
import { recordScimAudit, type ScimCaller } from './scimCaller';
import { badRequest, conflict, notFound } from './scimErrors';
import { parseScimFilter } from './scimFilter';
import { parseUserInput, USER_FILTERS, type UserInput } from './scimSchema';
import { applyPatch, asPathError, formattedName, listResponse, pageOf, project, userResource, type ListQuery, type UserRow } from './scimResources';
import { isInProvenDomain } from './provenDomains';
import { deprovision, ensureMembership, syncUserTeams } from './scimProvisioning';
import { secureUnprovenAccount } from '../users/mailboxProof';
import { changeUserEmail, createPasswordlessUser, renameUser } from '../users/accounts';

const USER_COLUMNS = `su.id, su.user_id, u.email, su.external_id, su.given_name, su.family_name, su.display_name, su.active, su.version, su.created_at, su.updated_at`;

/**
 * SCIM Users ↔ organization members. Every change runs in one transaction under the organization lock and is
 * audited with the SCIM token as actor; deactivation (active=false) and DELETE deprovision (src/scim/scimProvisioning).
 */
export class ScimUsersService {
  constructor(
    private readonly db: DataSource,
    private readonly teams: TeamsService,
    private readonly apiKeys: ApiKeyAuthenticator,
  ) {}

  async list(caller: ScimCaller, query: ListQuery) {
    const { startIndex, count } = pageOf(query);
    const filter = query.filter ? parseScimFilter(query.filter, USER_FILTERS) : null;
    // `userName eq "…"`, `externalId eq "…"` and `id eq "…"` (what Okta and Entra ID send before a create) are
    // answered by an indexed lookup; other filters are evaluated on the organization's provisioned people.
    const where: string[] = ['su.organization_id = $1'];
    const params: unknown[] = [caller.organizationId];
    const equality = filter?.equality;
    if (equality?.attribute === 'userName') where.push(`lower(u.email) = $${params.push(equality.value.toLowerCase())}`);
    if (equality?.attribute === 'externalId') where.push(`su.external_id = $${params.push(equality.value)}`);
    if (equality?.attribute === 'id') {
      if (!isUuid(equality.value)) return listResponse([], 0, startIndex);
      where.push(`su.id = $${params.push(equality.value)}`);
    }
    const rows: UserRow[] = await this.db.query(
      `SELECT ${USER_COLUMNS} FROM scim_users su JOIN users u ON u.id = su.user_id WHERE ${where.join(' AND ')} ORDER BY su.created_at, su.id`,
      params,
    );
    const matching = filter ? rows.filter((row) => filter.test(userResource(row, caller.baseUrl))) : rows;
    const page = matching.slice(startIndex - 1, startIndex - 1 + count);
    const groups = await this.groupsOf(this.db.manager, page.map((row) => row.id));
    // Group memberships are read for the page only.
    return listResponse(page.map((row) => project(userResource(row, caller.baseUrl, groups.get(row.id) ?? []), query)), matching.length, startIndex);
  }

  async get(caller: ScimCaller, id: string, query: ListQuery = {}) {
    const row = await this.row(this.db.manager, caller.organizationId, id);
    const groups = await this.groupsOf(this.db.manager, [row.id]);
    return project(userResource(row, caller.baseUrl, groups.get(row.id) ?? []), query);
  }

  async create(caller: ScimCaller, body: unknown) {
    const input = parseUserInput(body);
    const { row, revokedKeyIds } = await this.transaction(async (tx) => {
      await lockOrganization(tx, caller.organizationId);
      await this.assertProvenDomain(tx, caller.organizationId, input.userName);
      const users = tx.getRepository(User);
      let user = await users.createQueryBuilder('u').where('lower(u.email) = :email', { email: input.userName }).getOne();
      let secured: Awaited<ReturnType<typeof secureUnprovenAccount>> = null;
      if (user) {
        const [existing] = await tx.query<Array<{ id: string } | undefined>>(`SELECT id FROM scim_users WHERE organization_id = $1 AND user_id = $2`, [caller.organizationId, user.id]);
        if (existing) throw conflict(`A User with userName ${JSON.stringify(input.userName)} already exists (id ${existing.id}).`);
        // Adopting by email: a password chosen by whoever registered the address first must not survive (D2).
        secured = await secureUnprovenAccount(tx, user.id, 'SCIM');
      } else {
        // A new person: a user with no password (they sign in through the organization's SSO) and a personal account.
        user = await createPasswordlessUser(tx, input.userName, nameOf(input));
        await this.teams.createPersonalTeam(tx, user);
      }
      const [inserted] = await tx.query<Array<{ id: string }>>(
        `INSERT INTO scim_users (organization_id, user_id, external_id, given_name, family_name, display_name, active)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [caller.organizationId, user.id, input.externalId, input.givenName, input.familyName, input.displayName, input.active],
      );
      await renameUser(tx, user.id, nameOf(input));
      const audit = [
        {
          action: 'scim.user.create',
          targetType: 'User',
          targetId: user.id,
          changes: { scimUserId: { before: null, after: inserted.id }, userName: { before: null, after: input.userName }, externalId: { before: null, after: input.externalId }, active: { before: null, after: input.active } },
        },
      ];
      if (secured) audit.push(secured as (typeof audit)[number]);
      let revoked: string[] = [];
      if (input.active) {
        // Someone already in the organization (invited earlier) is adopted with their role.
        await ensureMembership(tx, caller.organizationId, user.id, 'MEMBER');
      } else {
        const result = await deprovision(tx, caller.organizationId, user.id, inserted.id);
        revoked = result.revokedKeyIds;
        audit.push(...(result.audit as typeof audit));
        if (result.role) await tx.query(`UPDATE scim_users SET suspended_role = $2 WHERE id = $1`, [inserted.id, result.role]);
      }
      await recordScimAudit(tx, caller, audit);
      return { row: await this.row(tx, caller.organizationId, inserted.id), revokedKeyIds: revoked };
    });
    this.forgetKeys(revokedKeyIds);
    return userResource(row, caller.baseUrl, []);
  }

  replace(caller: ScimCaller, id: string, body: unknown) {
    return this.update(caller, id, () => parseUserInput(body));
  }

  patch(caller: ScimCaller, id: string, body: unknown) {
    return this.update(caller, id, (current) => {
      try {
        return parseUserInput(applyPatch(current, body));
      } catch (error) {
        throw asPathError(error);
      }
    });
  }

  async delete(caller: ScimCaller, id: string): Promise<void> {
    const revokedKeyIds = await this.transaction(async (tx) => {
      await lockOrganization(tx, caller.organizationId);
      const row = await this.row(tx, caller.organizationId, id, true);
      const result = row.active ? await deprovision(tx, caller.organizationId, row.user_id, row.id) : { revokedKeyIds: [], audit: [] };
      // Group memberships go with the row (ON DELETE CASCADE); the team grants were ended by deprovisioning.
      await tx.query(`DELETE FROM scim_users WHERE id = $1`, [row.id]);
      await recordScimAudit(tx, caller, [...result.audit, { action: 'scim.user.delete', targetType: 'User', targetId: row.user_id, changes: { scimUserId: { before: row.id, after: null } } }]);
      return result.revokedKeyIds;
    });
    this.forgetKeys(revokedKeyIds);
  }

  /** PUT and PATCH: compute the new state from the current representation, then apply the differences. */
  private async update(caller: ScimCaller, id: string, next: (current: Record<string, unknown>) => UserInput) {
    const { row, revokedKeyIds } = await this.transaction(async (tx) => {
      await lockOrganization(tx, caller.organizationId);
      const current = await this.row(tx, caller.organizationId, id, true);
      const input = next(userResource(current, caller.baseUrl));
      const audit: Parameters<typeof recordScimAudit>[2] = [];
      if (input.userName !== current.email.toLowerCase()) {
        await this.assertProvenDomain(tx, caller.organizationId, input.userName);
        const [taken] = await tx.query<unknown[]>(`SELECT 1 FROM users WHERE lower(email) = $1 AND id <> $2`, [input.userName, current.user_id]);
        if (taken) throw conflict(`userName ${JSON.stringify(input.userName)} is already taken.`);
        await changeUserEmail(tx, current.user_id, input.userName);
      }
      await renameUser(tx, current.user_id, nameOf(input));
      await tx.query(
        `UPDATE scim_users SET external_id = $2, given_name = $3, family_name = $4, display_name = $5, active = $6,
                version = version + 1, updated_at = now(), last_synced_at = now() WHERE id = $1`,
        [current.id, input.externalId, input.givenName, input.familyName, input.displayName, input.active],
      );
      const changes = changed(
        { userName: current.email, externalId: current.external_id, givenName: current.given_name, familyName: current.family_name, displayName: current.display_name, active: current.active },
        { userName: input.userName, externalId: input.externalId, givenName: input.givenName, familyName: input.familyName, displayName: input.displayName, active: input.active },
      );
      audit.push({ action: 'scim.user.update', targetType: 'User', targetId: current.user_id, changes: { ...changes, scimUserId: { before: current.id, after: current.id } } });
      let revoked: string[] = [];
      if (current.active && !input.active) {
        const result = await deprovision(tx, caller.organizationId, current.user_id, current.id);
        await tx.query(`UPDATE scim_users SET suspended_role = $2 WHERE id = $1`, [current.id, result.role]);
        revoked = result.revokedKeyIds;
        audit.push(...result.audit);
      } else if (!current.active && input.active) {
        const [suspended] = await tx.query<Array<{ suspended_role: string | null } | undefined>>(`SELECT suspended_role FROM scim_users WHERE id = $1`, [current.id]);
        await ensureMembership(tx, caller.organizationId, current.user_id, suspended?.suspended_role ?? 'MEMBER');
        await tx.query(`UPDATE scim_users SET suspended_role = NULL WHERE id = $1`, [current.id]);
        audit.push({ action: 'scim.user.reactivate', targetType: 'User', targetId: current.user_id, changes: { role: { before: null, after: suspended?.suspended_role ?? 'MEMBER' } } });
        audit.push(...(await syncUserTeams(tx, caller.organizationId, current.user_id)));
      }
      await recordScimAudit(tx, caller, audit);
      return { row: await this.row(tx, caller.organizationId, current.id), revokedKeyIds: revoked };
    });
    this.forgetKeys(revokedKeyIds);
    const groups = await this.groupsOf(this.db.manager, [row.id]);
    return userResource(row, caller.baseUrl, groups.get(row.id) ?? []);
  }

  private async row(manager: EntityManager, organizationId: string, id: string, forUpdate = false): Promise<UserRow> {
    if (!isUuid(id)) throw notFound('User', id);
    const [row] = await manager.query<Array<UserRow | undefined>>(
      `SELECT ${USER_COLUMNS} FROM scim_users su JOIN users u ON u.id = su.user_id WHERE su.id = $1 AND su.organization_id = $2 ${forUpdate ? 'FOR UPDATE OF su' : ''}`,
      [id, organizationId],
    );
    if (!row) throw notFound('User', id);
    return row;
  }

  private async groupsOf(manager: EntityManager, scimUserIds: string[]): Promise<Map<string, Array<{ id: string; display_name: string }>>> {
    const byUser = new Map<string, Array<{ id: string; display_name: string }>>();
    if (scimUserIds.length === 0) return byUser;
    const rows: Array<{ scim_user_id: string; id: string; display_name: string }> = await manager.query(
      `SELECT gm.scim_user_id, g.id, g.display_name FROM scim_group_members gm JOIN scim_groups g ON g.id = gm.group_id
        WHERE gm.scim_user_id = ANY($1::uuid[]) ORDER BY g.display_name`,
      [scimUserIds],
    );
    for (const row of rows) byUser.set(row.scim_user_id, [...(byUser.get(row.scim_user_id) ?? []), row]);
    return byUser;
  }

  private async assertProvenDomain(tx: EntityManager, organizationId: string, email: string): Promise<void> {
    if (!(await isInProvenDomain(tx, organizationId, email))) {
      throw badRequest('invalidValue', `userName ${JSON.stringify(email)} is not in one of this organization's proven domains.`);
    }
  }

  private async transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (error) {
      // Two concurrent creates of one new email: the second meets the users_email_lower_key index.
      if (isUniqueViolation(error)) throw conflict('A User with this userName already exists.');
      throw error;
    }
  }

  private forgetKeys(keyIds: string[]): void {
    for (const keyId of keyIds) this.apiKeys.invalidateKey(keyId);
  }
}

function nameOf(input: UserInput): string {
  return formattedName({ given_name: input.givenName, family_name: input.familyName, display_name: input.displayName, email: input.userName });
}

function changed(before: Record<string, unknown>, after: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(after).filter(([key, value]) => before[key] !== value).map(([key, value]) => [key, { before: before[key] ?? null, after: value }]));
}
