/**
 * Who is making a request, as established by authentication. Services receive the actor (never HTTP headers) and
 * authorization decisions are made on it in `src/authz`.
 */
export type Actor = AnonymousActor | UserActor | ApiKeyActor | IngestActor | OperatorActor;

export interface AnonymousActor {
  kind: 'ANONYMOUS';
}

export interface UserActor {
  kind: 'USER';
  userId: string;
  sessionId: string;
  /** How the session was obtained. */
  method: 'PASSWORD' | 'SSO';
  /** For SSO sessions: the organization whose identity provider issued it. */
  ssoOrganizationId: string | null;
}

export interface ApiKeyActor {
  kind: 'API_KEY';
  /** Database id of the key row. */
  apiKeyId: string;
  /** Public key id (the part before the colon). */
  keyId: string;
  teamId: string;
  organizationId: string | null;
  scope: 'API' | 'ADMIN';
  ownerUserId: string | null;
  /** An ADMIN-scoped key on an organization's root team acts as organization admin. */
  isOrganizationAdminKey: boolean;
}

/** The gateway / metering pipeline: may only write request and usage records. */
export interface IngestActor {
  kind: 'INGEST';
}

/** A platform operator (catalog edits, billing period closes). */
export interface OperatorActor {
  kind: 'OPERATOR';
}

export const ANONYMOUS: AnonymousActor = { kind: 'ANONYMOUS' };

/** The audit log's view of an actor. */
export function describeActor(actor: Actor): { type: string; id: string | null; label: string; authMethod: string } {
  switch (actor.kind) {
    case 'USER':
      return { type: 'USER', id: actor.userId, label: `user:${actor.userId}`, authMethod: actor.method };
    case 'API_KEY':
      return { type: 'API_KEY', id: actor.keyId, label: `key:${actor.keyId}`, authMethod: `API_KEY_${actor.scope}` };
    case 'INGEST':
      return { type: 'INGEST', id: null, label: 'ingest', authMethod: 'INGEST_TOKEN' };
    case 'OPERATOR':
      return { type: 'OPERATOR', id: null, label: 'operator', authMethod: 'OPERATOR_TOKEN' };
    case 'ANONYMOUS':
      return { type: 'ANONYMOUS', id: null, label: 'anonymous', authMethod: 'NONE' };
  }
}
