import type { EntityManager } from 'typeorm';
import { describeActor, type Actor } from '../auth/actor';

/** Who is calling a service, with the request facts the audit log records. Built by the resolver layer. */
export interface Caller {
  actor: Actor;
  requestId: string;
  ip: string | null;
}

export interface AuditEntry {
  organizationId: string | null;
  teamId?: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  /** Changed fields only; never secrets. */
  changes?: Record<string, { before: unknown; after: unknown }>;
}

/** Writes an audit event inside the caller's transaction, so the change and its record commit together. */
export async function recordAudit(tx: EntityManager, caller: Caller, entry: AuditEntry): Promise<void> {
  const actor = describeActor(caller.actor);
  await tx.query(
    `INSERT INTO audit_events (organization_id, team_id, actor_type, actor_id, actor_label, auth_method, action,
                               target_type, target_id, changes, request_id, ip)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      entry.organizationId,
      entry.teamId ?? null,
      actor.type,
      actor.id,
      actor.label,
      actor.authMethod,
      entry.action,
      entry.targetType,
      entry.targetId,
      JSON.stringify(entry.changes ?? {}),
      caller.requestId,
      caller.ip,
    ],
  );
}

/** Writes many audit events of one caller in a single statement (e.g. every payload a listing opened). */
export async function recordAuditBatch(tx: EntityManager, caller: Caller, entries: AuditEntry[]): Promise<void> {
  await recordAuditBatchAs(tx, describeActor(caller.actor), caller, entries);
}

/** Who acted, as the audit log's columns say it; for an actor that is not a request's Actor (a SCIM token). */
export interface AuditActor {
  type: string;
  id: string | null;
  label: string;
  authMethod: string;
}

/** recordAuditBatch for an actor given by its audit columns. */
export async function recordAuditBatchAs(
  tx: EntityManager,
  actor: AuditActor,
  request: { requestId: string; ip: string | null },
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.query(
    `INSERT INTO audit_events (organization_id, team_id, actor_type, actor_id, actor_label, auth_method, action,
                               target_type, target_id, changes, request_id, ip)
     SELECT o, t, $3, $4, $5, $6, a, tt, ti, c, $11, $12
       FROM unnest($1::uuid[], $2::uuid[], $7::text[], $8::text[], $9::text[], $10::jsonb[]) AS e(o, t, a, tt, ti, c)`,
    [
      entries.map((e) => e.organizationId),
      entries.map((e) => e.teamId ?? null),
      actor.type,
      actor.id,
      actor.label,
      actor.authMethod,
      entries.map((e) => e.action),
      entries.map((e) => e.targetType),
      entries.map((e) => e.targetId),
      entries.map((e) => JSON.stringify(e.changes ?? {})),
      request.requestId,
      request.ip,
    ],
  );
}

/** Field-level before/after for the fields that actually changed. */
export function diff<T extends object>(before: T, after: Partial<T>): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [field, value] of Object.entries(after)) {
    const previous = (before as Record<string, unknown>)[field];
    if (value !== undefined && JSON.stringify(previous) !== JSON.stringify(value)) {
      changes[field] = { before: previous ?? null, after: value };
    }
  }
  return changes;
}
