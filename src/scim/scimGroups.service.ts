import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../core/relay';
import { isUniqueViolation } from '../core/dbErrors';
import { lockOrganization } from '../members/organizationLock';
import { recordScimAudit, type ScimCaller } from './scimCaller';
import { badRequest, conflict, notFound } from './scimErrors';
import { parseScimFilter } from './scimFilter';
import { GROUP_FILTERS, parseGroupInput, type GroupInput } from './scimSchema';
import { applyPatch, asPathError, groupResource, listResponse, pageOf, project, type GroupMemberRow, type GroupRow, type ListQuery } from './scimResources';
import { syncTeamFor } from './scimProvisioning';
import { renameTeam } from '../teams/teamMemberships';

const GROUP_COLUMNS = `g.id, g.display_name, g.external_id, g.team_id, g.team_role, g.team_created_by_group, g.version, g.created_at, g.updated_at`;

/**
 * SCIM Groups ↔ teams. A group's membership is stored as the identity provider sends it; once an organization admin
 * maps the group to a team (GraphQL `setScimGroupMapping`), every change of its members is applied to that team in
 * the same transaction.
 */
export class ScimGroupsService {
  constructor(private readonly db: DataSource) {}

  async list(caller: ScimCaller, query: ListQuery) {
    const { startIndex, count } = pageOf(query);
    const filter = query.filter ? parseScimFilter(query.filter, GROUP_FILTERS) : null;
    const where = ['g.organization_id = $1'];
    const params: unknown[] = [caller.organizationId];
    const equality = filter?.equality;
    if (equality?.attribute === 'displayName') where.push(`lower(g.display_name) = $${params.push(equality.value.toLowerCase())}`);
    if (equality?.attribute === 'externalId') where.push(`g.external_id = $${params.push(equality.value)}`);
    if (equality?.attribute === 'id') {
      if (!isUuid(equality.value)) return listResponse([], 0, startIndex);
      where.push(`g.id = $${params.push(equality.value)}`);
    }
    const rows: GroupRow[] = await this.db.query(`SELECT ${GROUP_COLUMNS} FROM scim_groups g WHERE ${where.join(' AND ')} ORDER BY g.created_at, g.id`, params);
    // Members are read only when the filter or the answer needs them (Okta and Entra ID usually exclude them).
    const needsMembers = Boolean(filter && /members/i.test(query.filter ?? '')) || !/members/i.test(query.excludedAttributes ?? '');
    const members = needsMembers ? await this.membersOf(this.db.manager, rows.map((row) => row.id)) : new Map<string, GroupMemberRow[]>();
    const matching = rows.map((row) => groupResource(row, caller.baseUrl, members.get(row.id) ?? [])).filter((resource) => !filter || filter.test(resource));
    const page = matching.slice(startIndex - 1, startIndex - 1 + count).map((resource) => project(resource, query));
    return listResponse(page, matching.length, startIndex);
  }

  async get(caller: ScimCaller, id: string, query: ListQuery = {}) {
    const row = await this.row(this.db.manager, caller.organizationId, id);
    const members = await this.membersOf(this.db.manager, [row.id]);
    return project(groupResource(row, caller.baseUrl, members.get(row.id) ?? []), query);
  }

  async create(caller: ScimCaller, body: unknown) {
    const input = parseGroupInput(body);
    const row = await this.transaction(async (tx) => {
      await lockOrganization(tx, caller.organizationId);
      const [inserted] = await tx.query<Array<{ id: string }>>(
        `INSERT INTO scim_groups (organization_id, display_name, external_id) VALUES ($1, $2, $3) RETURNING id`,
        [caller.organizationId, input.displayName, input.externalId],
      );
      const audit: Parameters<typeof recordScimAudit>[2] = [
        { action: 'scim.group.create', targetType: 'ScimGroup', targetId: inserted.id, changes: { displayName: { before: null, after: input.displayName } } },
      ];
      if (input.members?.length) audit.push(...(await this.setMembers(tx, caller.organizationId, await this.row(tx, caller.organizationId, inserted.id), input.members)));
      await recordScimAudit(tx, caller, audit);
      return this.row(tx, caller.organizationId, inserted.id);
    });
    return this.get(caller, row.id);
  }

  replace(caller: ScimCaller, id: string, body: unknown) {
    return this.update(caller, id, false, () => parseGroupInput(body));
  }

  patch(caller: ScimCaller, id: string, body: unknown) {
    return this.update(caller, id, true, (current) => {
      try {
        return parseGroupInput(applyPatch(current, byMemberValue(body)));
      } catch (error) {
        throw asPathError(error);
      }
    });
  }

  async delete(caller: ScimCaller, id: string): Promise<void> {
    await this.transaction(async (tx) => {
      await lockOrganization(tx, caller.organizationId);
      const row = await this.row(tx, caller.organizationId, id, true);
      const audit = await this.setMembers(tx, caller.organizationId, row, []);
      await tx.query(`DELETE FROM scim_groups WHERE id = $1`, [row.id]);
      // Dropping the group removes its grants; any other mapped group the members are in still applies.
      audit.push({ action: 'scim.group.delete', targetType: 'ScimGroup', targetId: row.id, changes: { displayName: { before: row.display_name, after: null }, teamId: { before: row.team_id, after: null } } });
      await recordScimAudit(tx, caller, audit);
    });
  }

  /** Replaces a group's members (as given by SCIM ids of this organization) and applies the change to its team. */
  async setMembers(tx: EntityManager, organizationId: string, group: GroupRow, scimUserIds: string[]) {
    const wanted = [...new Set(scimUserIds)];
    if (wanted.some((id) => !isUuid(id))) throw badRequest('invalidValue', 'Group members must be ids of Users of this organization.');
    const known: Array<{ id: string; user_id: string }> = await tx.query(`SELECT id, user_id FROM scim_users WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [organizationId, wanted]);
    if (known.length !== wanted.length) {
      const missing = wanted.filter((id) => !known.some((row) => row.id === id));
      throw badRequest('invalidValue', `Unknown member(s): ${missing.slice(0, 5).join(', ')} (not Users of this organization).`);
    }
    const before: Array<{ scim_user_id: string; user_id: string }> = await tx.query(
      `SELECT gm.scim_user_id, su.user_id FROM scim_group_members gm JOIN scim_users su ON su.id = gm.scim_user_id WHERE gm.group_id = $1`,
      [group.id],
    );
    const removed = before.filter((row) => !wanted.includes(row.scim_user_id));
    const added = known.filter((row) => !before.some((previous) => previous.scim_user_id === row.id));
    if (removed.length) await tx.query(`DELETE FROM scim_group_members WHERE group_id = $1 AND scim_user_id = ANY($2::uuid[])`, [group.id, removed.map((row) => row.scim_user_id)]);
    if (added.length) {
      await tx.query(
        `INSERT INTO scim_group_members (group_id, scim_user_id, organization_id) SELECT $1, unnest($2::uuid[]), $3`,
        [group.id, added.map((row) => row.id), organizationId],
      );
    }
    const audit: Parameters<typeof recordScimAudit>[2] = [];
    if (removed.length || added.length) {
      await tx.query(`UPDATE scim_groups SET last_synced_at = now(), updated_at = now(), version = version + 1 WHERE id = $1`, [group.id]);
      audit.push({
        action: 'scim.group.members',
        targetType: 'ScimGroup',
        targetId: group.id,
        changes: { added: { before: null, after: added.map((row) => row.id).sort() }, removed: { before: removed.map((row) => row.scim_user_id).sort(), after: null } },
      });
    }
    if (group.team_id) audit.push(...(await syncTeamFor(tx, organizationId, group.team_id, [...removed, ...added].map((row) => row.user_id))));
    return audit;
  }

  private async update(caller: ScimCaller, id: string, isPatch: boolean, next: (current: Record<string, unknown>) => GroupInput) {
    const row = await this.transaction(async (tx) => {
      await lockOrganization(tx, caller.organizationId);
      const current = await this.row(tx, caller.organizationId, id, true);
      const members = (await this.membersOf(tx, [current.id])).get(current.id) ?? [];
      const input = next(groupResource(current, caller.baseUrl, members));
      const audit: Parameters<typeof recordScimAudit>[2] = [];
      if (input.displayName !== current.display_name || input.externalId !== current.external_id) {
        await tx.query(`UPDATE scim_groups SET display_name = $2, external_id = $3, version = version + 1, updated_at = now(), last_synced_at = now() WHERE id = $1`, [current.id, input.displayName, input.externalId]);
        audit.push({ action: 'scim.group.update', targetType: 'ScimGroup', targetId: current.id, changes: { displayName: { before: current.display_name, after: input.displayName }, externalId: { before: current.external_id, after: input.externalId } } });
        if (current.team_created_by_group && current.team_id && input.displayName !== current.display_name) {
          await renameTeam(tx, current.team_id, input.displayName.slice(0, 100));
          audit.push({ teamId: current.team_id, action: 'team.rename', targetType: 'Team', targetId: current.team_id, changes: { name: { before: current.display_name.slice(0, 100), after: input.displayName.slice(0, 100) } } });
        }
      }
      // A PUT without "members" (and a PATCH that leaves them alone) keeps them; an explicit list replaces them.
      const memberIds = input.members ?? (isPatch ? [] : null);
      if (memberIds !== null) audit.push(...(await this.setMembers(tx, caller.organizationId, current, memberIds)));
      await recordScimAudit(tx, caller, audit);
      return current;
    });
    return this.get(caller, row.id);
  }

  private async row(manager: EntityManager, organizationId: string, id: string, forUpdate = false): Promise<GroupRow> {
    if (!isUuid(id)) throw notFound('Group', id);
    const [row] = await manager.query<Array<GroupRow | undefined>>(`SELECT ${GROUP_COLUMNS} FROM scim_groups g WHERE g.id = $1 AND g.organization_id = $2 ${forUpdate ? 'FOR UPDATE' : ''}`, [id, organizationId]);
    if (!row) throw notFound('Group', id);
    return row;
  }

  private async membersOf(manager: EntityManager, groupIds: string[]): Promise<Map<string, GroupMemberRow[]>> {
    const byGroup = new Map<string, GroupMemberRow[]>();
    if (groupIds.length === 0) return byGroup;
    const rows: GroupMemberRow[] = await manager.query(
      `SELECT gm.group_id, gm.scim_user_id, u.email FROM scim_group_members gm JOIN scim_users su ON su.id = gm.scim_user_id JOIN users u ON u.id = su.user_id
        WHERE gm.group_id = ANY($1::uuid[]) ORDER BY gm.created_at, gm.scim_user_id`,
      [groupIds],
    );
    for (const row of rows) byGroup.set(row.group_id, [...(byGroup.get(row.group_id) ?? []), row]);
    return byGroup;
  }

  private async transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('A Group with this displayName already exists.');
      throw error;
    }
  }
}

/**
 * Entra ID removes members as `{ op: "Remove", path: "members", value: [{ value: "<id>" }] }`. scim-patch matches such
 * values by deep equality against the stored member objects (which also carry display and $ref), so each is
 * rewritten to the equivalent value-path form `members[value eq "<id>"]` first.
 */
function byMemberValue(body: unknown): unknown {
  const operations = (body as { Operations?: unknown })?.Operations;
  if (!Array.isArray(operations)) return body;
  const rewritten = (operations as unknown[]).flatMap((operation) => {
    const { op, path, value } = (operation ?? {}) as { op?: unknown; path?: unknown; value?: unknown };
    if (typeof op !== 'string' || op.toLowerCase() !== 'remove' || typeof path !== 'string' || path.toLowerCase() !== 'members' || !Array.isArray(value)) return [operation];
    return value.map((member) => {
      const id = (member as { value?: unknown })?.value;
      if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw badRequest('invalidValue', 'Each member to remove needs the "value" of a User id.');
      return { op: 'remove', path: `members[value eq "${id}"]` };
    });
  });
  return { ...(body as object), Operations: rewritten };
}
