import type { EntityManager } from 'typeorm';
import { recordAuditBatchAs, type AuditEntry } from '../audit/audit';

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
 * Writes audit events for a change made over SCIM, in the caller's transaction. The actor is the SCIM token
 * (`actor_type` SCIM_TOKEN, `auth_method` SCIM_TOKEN): the identity provider, not a person or an API key.
 */
export async function recordScimAudit(tx: EntityManager, caller: ScimCaller, entries: Array<Omit<AuditEntry, 'organizationId'>>): Promise<void> {
  await recordAuditBatchAs(
    tx,
    { type: 'SCIM_TOKEN', id: caller.tokenId, label: `scim:…${caller.tokenHint}`, authMethod: 'SCIM_TOKEN' },
    caller,
    entries.map((entry) => ({ ...entry, organizationId: caller.organizationId })),
  );
}
