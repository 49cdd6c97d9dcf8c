import crypto from 'node:crypto';
import { ApiKeyScope } from '../../src/apiKeys/apiKey.entity';
import { Team } from '../../src/teams/team.entity';
import type { TestApp } from './testApp';

/** Factories build fresh, uniquely named objects through the public API (no shared fixtures). */
export function unique(prefix: string): string {
  return `${prefix}-${crypto.randomBytes(4).toString('hex')}`;
}

export interface SignedUpUser {
  id: string;
  email: string;
  token: string;
}

export async function signUp(app: TestApp, overrides: { email?: string; name?: string; password?: string } = {}): Promise<SignedUpUser> {
  const email = overrides.email ?? `${unique('user')}@example.com`;
  const data = await app.data(
    `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id email } userErrors { code message } } }`,
    { input: { email, name: overrides.name ?? 'Test User', password: overrides.password ?? 'correct horse battery' } },
  );
  if (data.signUp.userErrors.length) throw new Error(JSON.stringify(data.signUp.userErrors));
  return { id: data.signUp.user.id, email, token: data.signUp.token };
}

export interface CreatedOrganization {
  id: string;
  slug: string;
  rootTeamId: string;
}

export async function createOrganization(app: TestApp, admin: SignedUpUser, slug = unique('org')): Promise<CreatedOrganization> {
  const data = await app.data(
    `mutation($input: CreateOrganizationInput!) {
       createOrganization(input: $input) { organization { id slug rootTeam { id } } userErrors { code message } }
     }`,
    { input: { slug, name: `Org ${slug}` } },
    { token: admin.token },
  );
  if (data.createOrganization.userErrors.length) throw new Error(JSON.stringify(data.createOrganization.userErrors));
  const organization = data.createOrganization.organization;
  return { id: organization.id, slug: organization.slug, rootTeamId: organization.rootTeam.id };
}

export async function createTeam(app: TestApp, admin: SignedUpUser, organizationId: string, username = unique('team')) {
  const data = await app.data(
    `mutation($input: CreateTeamInput!) { createTeam(input: $input) { team { id username } userErrors { code message } } }`,
    { input: { organizationId, username, name: `Team ${username}` } },
    { token: admin.token },
  );
  if (data.createTeam.userErrors.length) throw new Error(JSON.stringify(data.createTeam.userErrors));
  return data.createTeam.team as { id: string; username: string };
}

/** Creates a key directly through the service (the key mutations are tested on their own). */
export async function createApiKeyFor(app: TestApp, teamUsername: string, scope: 'API' | 'ADMIN'): Promise<string> {
  const team = await app.db.getRepository(Team).findOneByOrFail({ username: teamUsername });
  const { key } = await app.server.services.apiKeys.create(
    { actor: { kind: 'OPERATOR' }, requestId: 'test-factory', ip: null },
    team,
    { alias: `test ${scope} key`, scope: scope as ApiKeyScope },
  );
  return key;
}

/**
 * Marks the account's mailbox as proven, as using an emailed link does (sign-up confirmation, password reset, invite;
 * those paths are exercised in test/preAccountTakeover.test.ts and test/accountSecurity.test.ts). Tests whose subject
 * is not pre-account takeover use it for a person who owns their address and keeps their password when SSO or SCIM
 * links their account.
 */
export async function proveMailbox(app: TestApp, user: { email: string }): Promise<void> {
  await app.db.query(`UPDATE users SET email_verified_at = now() WHERE lower(email) = lower($1)`, [user.email]);
}
