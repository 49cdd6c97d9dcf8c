import type { TestApp } from './testApp';
import { signUp, type SignedUpUser } from './factories';

/** Helpers for people-related tests: invites go through the real API and the email outbox, like a recipient would. */

export const CREATE_INVITE = `mutation($input: CreateInviteInput!) {
  createInvite(input: $input) { invite { id email status organizationRole teamRole expiresAt } userErrors { field code message } }
}`;
export const ACCEPT_INVITE = `mutation($input: AcceptInviteInput!) {
  acceptInvite(input: $input) { invite { id status } userErrors { field code message } }
}`;

/** The token from the newest invite email to this address (what the recipient's mailbox would show). */
export async function latestInviteToken(app: TestApp, email: string): Promise<string> {
  const rows = await app.db.query(`SELECT body FROM email_outbox WHERE lower(recipient) = lower($1) ORDER BY created_at DESC LIMIT 1`, [email]);
  const token = /ogi_[A-Za-z0-9_-]+/.exec(rows[0]?.body ?? '')?.[0];
  if (!token) throw new Error(`no invite email for ${email}`);
  return token;
}

/** Signs up a new user and brings them into the organization with a role and optional team roles. */
export async function addMember(
  app: TestApp,
  admin: SignedUpUser,
  organizationId: string,
  options: { role?: 'ADMIN' | 'BILLING' | 'MEMBER'; teams?: Array<{ teamId: string; role: 'ADMIN' | 'DEVELOPER' | 'BILLING' }> } = {},
): Promise<SignedUpUser & { memberId: string }> {
  const user = await signUp(app);
  const { createInvite } = await app.data(
    CREATE_INVITE,
    { input: { organizationId, email: user.email, organizationRole: options.role ?? 'MEMBER', teamAssignments: options.teams ?? [] } },
    { token: admin.token },
  );
  if (createInvite.userErrors.length) throw new Error(JSON.stringify(createInvite.userErrors));
  const { acceptInvite } = await app.data(ACCEPT_INVITE, { input: { token: await latestInviteToken(app, user.email) } }, { token: user.token });
  if (acceptInvite.userErrors.length) throw new Error(JSON.stringify(acceptInvite.userErrors));
  const [row] = await app.db.query(
    `SELECT m.id FROM organization_memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1 AND m.organization_id = $2`,
    [user.email, localId(organizationId)],
  );
  return { ...user, memberId: Buffer.from(`Member:${row.id}`, 'utf8').toString('base64url') };
}

/** Audit events written for an organization since a marker, oldest first (read straight from the table). */
export async function auditEventsSince(app: TestApp, since: Date): Promise<any[]> {
  return app.db.query(`SELECT * FROM audit_events WHERE created_at >= $1 ORDER BY created_at`, [since]);
}

export function localId(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];
}

export function globalId(typeName: string, id: string): string {
  return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64url');
}
