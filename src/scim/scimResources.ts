import { scimPatch, ScimError as PatchLibraryError, type ScimPatchOperation, type ScimResource } from 'scim-patch';
import { badRequest, ScimError } from './scimErrors';
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, LIST_SCHEMA, MAX_RESULTS, PATCH_SCHEMA, USER_SCHEMA } from './scimSchema';

export interface UserRow {
  id: string;
  user_id: string;
  email: string;
  external_id: string | null;
  given_name: string | null;
  family_name: string | null;
  display_name: string | null;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface GroupRow {
  id: string;
  display_name: string;
  external_id: string | null;
  team_id: string | null;
  team_role: string | null;
  team_created_by_group: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface GroupMemberRow {
  group_id: string;
  scim_user_id: string;
  email: string;
}

/** The name Orgraph shows for a provisioned person. */
export function formattedName(row: Pick<UserRow, 'given_name' | 'family_name' | 'display_name' | 'email'>): string {
  const full = [row.given_name, row.family_name].filter(Boolean).join(' ').trim();
  return (row.display_name?.trim() || full || row.email.split('@')[0]).slice(0, 100);
}

const meta = (resourceType: string, location: string, row: { created_at: Date; updated_at: Date; version: number }) => ({
  resourceType,
  created: row.created_at.toISOString(),
  lastModified: row.updated_at.toISOString(),
  location,
  version: `W/"${row.version}"`,
});

export function userResource(row: UserRow, baseUrl: string, groups?: Array<{ id: string; display_name: string }>): Record<string, unknown> {
  const full = [row.given_name, row.family_name].filter(Boolean).join(' ');
  return {
    schemas: [USER_SCHEMA],
    id: row.id,
    ...(row.external_id !== null ? { externalId: row.external_id } : {}),
    userName: row.email,
    name: {
      ...(row.given_name !== null ? { givenName: row.given_name } : {}),
      ...(row.family_name !== null ? { familyName: row.family_name } : {}),
      ...(full ? { formatted: full } : {}),
    },
    displayName: formattedName(row),
    active: row.active,
    emails: [{ value: row.email, type: 'work', primary: true }],
    ...(groups ? { groups: groups.map((group) => ({ value: group.id, display: group.display_name, $ref: `${baseUrl}/Groups/${group.id}` })) } : {}),
    meta: meta('User', `${baseUrl}/Users/${row.id}`, row),
  };
}

export function groupResource(row: GroupRow, baseUrl: string, members?: GroupMemberRow[]): Record<string, unknown> {
  return {
    schemas: [GROUP_SCHEMA],
    id: row.id,
    displayName: row.display_name,
    ...(row.external_id !== null ? { externalId: row.external_id } : {}),
    ...(members ? { members: members.map((member) => ({ value: member.scim_user_id, display: member.email, $ref: `${baseUrl}/Users/${member.scim_user_id}`, type: 'User' })) } : {}),
    meta: meta('Group', `${baseUrl}/Groups/${row.id}`, row),
  };
}

export interface ListQuery {
  filter?: string;
  startIndex?: string;
  count?: string;
  attributes?: string;
  excludedAttributes?: string;
}

/** `startIndex` (1-based) and `count` per RFC 7644 §3.4.2.4: out-of-range values are clamped, garbage is an error. */
export function pageOf(query: ListQuery): { startIndex: number; count: number } {
  const number = (value: string | undefined, name: string, fallback: number) => {
    if (value === undefined || value === '') return fallback;
    if (!/^-?\d{1,9}$/.test(value)) throw badRequest('invalidValue', `${name} must be an integer.`);
    return Number(value);
  };
  return { startIndex: Math.max(1, number(query.startIndex, 'startIndex', 1)), count: Math.min(MAX_RESULTS, Math.max(0, number(query.count, 'count', 100))) };
}

/** A ListResponse of one page (`page` already sliced) out of `total` matching resources. */
export function listResponse(page: Array<Record<string, unknown>>, total: number, startIndex: number) {
  return { schemas: [LIST_SCHEMA], totalResults: total, startIndex, itemsPerPage: page.length, Resources: page };
}

/** `attributes` / `excludedAttributes` (RFC 7644 §3.4.2.5) on top-level attributes; id, schemas and meta always stay. */
export function project(resource: Record<string, unknown>, query: Pick<ListQuery, 'attributes' | 'excludedAttributes'>): Record<string, unknown> {
  const names = (text: string | undefined) =>
    text ? text.split(',').map((name) => name.trim().replace(/^urn:ietf:params:scim:schemas:core:2\.0:(User|Group):/i, '').split('.')[0].toLowerCase()).filter(Boolean) : [];
  const keep = new Set(['id', 'schemas', 'meta']);
  const include = names(query.attributes);
  const exclude = new Set(names(query.excludedAttributes));
  return Object.fromEntries(
    Object.entries(resource).filter(([key]) => {
      const lower = key.toLowerCase();
      if (keep.has(lower)) return true;
      if (include.length) return include.includes(lower);
      return !exclude.has(lower);
    }),
  );
}

/**
 * Applies a PatchOp body to a resource's current representation with `scim-patch` (which takes `op` in any case, as
 * Entra ID sends "Replace"/"Add"/"Remove", and value-path filters such as `members[value eq "…"]`). The caller then
 * validates the result exactly like a PUT body.
 */
export function applyPatch(resource: Record<string, unknown>, body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('invalidSyntax', 'The request body must be a JSON object.');
  const { schemas, Operations } = body as { schemas?: unknown; Operations?: unknown };
  if (!Array.isArray(schemas) || !schemas.some((schema) => typeof schema === 'string' && schema.toLowerCase() === PATCH_SCHEMA.toLowerCase())) {
    throw badRequest('invalidSyntax', `A PATCH body must list the schema "${PATCH_SCHEMA}".`);
  }
  if (!Array.isArray(Operations) || Operations.length === 0) throw badRequest('invalidSyntax', 'A PATCH body needs a non-empty "Operations" array.');
  if (Operations.length > 1000) throw badRequest('tooMany', 'At most 1000 operations per PATCH.');
  for (const operation of Operations) {
    if (!operation || typeof operation !== 'object' || typeof (operation as { op?: unknown }).op !== 'string') {
      throw badRequest('invalidSyntax', 'Each operation needs an "op" (add, remove or replace).');
    }
    const { op, path, value } = operation as { op: string; path?: unknown; value?: unknown };
    if (path !== undefined && typeof path !== 'string') throw badRequest('invalidPath', 'An operation\'s "path" must be a string.');
    // RFC 7644 §3.5.2.1/3: without a path, "add" and "replace" carry an object of attributes to set.
    if (path === undefined && /^(add|replace)$/i.test(op) && (!value || typeof value !== 'object' || Array.isArray(value))) {
      throw badRequest('invalidValue', `An "${op}" without "path" needs an object "value" of attributes.`);
    }
  }
  let patched: Record<string, unknown>;
  try {
    patched = scimPatch(structuredClone(resource) as unknown as ScimResource, Operations as ScimPatchOperation[]) as unknown as Record<string, unknown>;
  } catch (error) {
    if (error instanceof PatchLibraryError) {
      const scimType = ((error as { scimCode?: string }).scimCode ?? 'invalidSyntax') as ConstructorParameters<typeof ScimError>[2];
      throw new ScimError(400, error.message.replace(/^Invalid SCIM Patch: /, ''), scimType);
    }
    throw badRequest('invalidSyntax', `The PATCH could not be applied: ${(error as Error).message}`);
  }
  if (!patched || typeof patched !== 'object' || Array.isArray(patched)) throw badRequest('invalidSyntax', 'The PATCH could not be applied to this resource.');
  // An operation that added enterprise-extension attributes implies that schema (scim-patch does not list it).
  if (Object.keys(patched).some((key) => key.toLowerCase() === ENTERPRISE_USER_SCHEMA.toLowerCase())) {
    const declared = (patched.schemas as string[]) ?? [];
    if (!declared.some((schema) => schema.toLowerCase() === ENTERPRISE_USER_SCHEMA.toLowerCase())) patched.schemas = [...declared, ENTERPRISE_USER_SCHEMA];
  }
  return patched;
}

/** Attribute problems in a patched resource are problems of the PATCH's paths. */
export function asPathError(error: unknown): unknown {
  return error instanceof ScimError && error.scimType === 'invalidSyntax' && error.message.includes('Unknown attribute')
    ? new ScimError(400, error.message, 'invalidPath')
    : error;
}
