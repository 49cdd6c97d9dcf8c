import type { EntityManager } from 'typeorm';
import type { AuditEntry } from '../audit/audit';

/** Who is calling /scim/v2: one organization's SCIM token, with the request facts the audit log records. */
export interface ScimCaller {
  organizationId: string;
  tokenId: string;
  tokenHint: string;
  requestId: string;
  ip: string | null;
  /** Absolute URL of /scim/v2 as the client reached it (for `meta.location` and `$ref`). */
  baseUrl: string;
}

/**
 * Writes an audit event for a change made over SCIM, in the caller's transaction. The actor is the SCIM token
 * (`actor_type` SCIM_TOKEN, `auth_method` SCIM_TOKEN): the identity provider, not a person or an API key.
 * Same columns as `recordAudit` (src/audit/audit.ts), whose Actor union has no SCIM kind yet.
 */
export async function recordScimAudit(tx: EntityManager, caller: ScimCaller, entries: Array<Omit<AuditEntry, 'organizationId'>>): Promise<void> {
  if (entries.length === 0) return;
  await tx.query(
    `INSERT INTO audit_events (organization_id, team_id, actor_type, actor_id, actor_label, auth_method, action,
                               target_type, target_id, changes, request_id, ip)
     SELECT $1, t, 'SCIM_TOKEN', $3, $4, 'SCIM_TOKEN', a, tt, ti, c, $5, $6
       FROM unnest($2::uuid[], $7::text[], $8::text[], $9::text[], $10::jsonb[]) AS e(t, a, tt, ti, c)`,
    [
      caller.organizationId,
      entries.map((entry) => entry.teamId ?? null),
      caller.tokenId,
      `scim:…${caller.tokenHint}`,
      caller.requestId,
      caller.ip,
      entries.map((entry) => entry.action),
      entries.map((entry) => entry.targetType),
      entries.map((entry) => entry.targetId),
      entries.map((entry) => JSON.stringify(entry.changes ?? {})),
    ],
  );
}
