import { sendWithAuthorizations } from './support/repeatedHeaders';
import fc from 'fast-check';
import { startTestApp, type TestApp } from './support/testApp';
import { createOrganization, createTeam, signUp, unique, type SignedUpUser, proveMailbox } from './support/factories';
import { addMember, localId } from './support/people';
import { Team } from '../src/teams/team.entity';
import { User } from '../src/users/user.entity';
import type { ApiKeyScope } from '../src/apiKeys/apiKey.entity';

/**
 * SCIM 2.0 through the real server. The Okta and Entra ID sequences replay the requests those providers document
 * (Okta "SCIM 2.0 provisioning" / Runscope spec; Microsoft "Develop a SCIM endpoint" request/response examples),
 * body shapes included, and assert what Orgraph then holds: members, teams, sessions and keys.
 */

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

interface ScimResponse {
  status: number;
  contentType: string | null;
  body: any;
}

async function scim(token: string | null, method: string, path: string, body?: unknown, rawBody?: string): Promise<ScimResponse> {
  const response = await fetch(`${app.url}/scim/v2${path}`, {
    method,
    headers: { 'content-type': 'application/scim+json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), body: text ? JSON.parse(text) : null };
}

const CREATE_TOKEN = `mutation($input: CreateScimTokenInput!) {
  createScimToken(input: $input) { token scimToken { id description tokenHint revokedAt } userErrors { field code message } }
}`;
const MAP_GROUP = `mutation($input: SetScimGroupMappingInput!) {
  setScimGroupMapping(input: $input) { group { id displayName teamRole teamCreatedByGroup memberCount team { id username name } } userErrors { field code message } }
}`;
const MEMBERS = `query($slug: String!) {
  organization(slug: $slug) {
    members(first: 100) { edges { node { email role provisioningSource lastScimSyncAt teams { team { username } role } } } }
  }
}`;

interface ScimOrg {
  admin: SignedUpUser;
  org: { id: string; slug: string };
  organizationId: string;
  domain: string;
  token: string;
}

/**
 * An organization with a proven domain and a SCIM token. Proving a domain (DNS TXT) is the SSO module's feature;
 * the test writes the proven row it would leave behind.
 */
async function scimOrganization(): Promise<ScimOrg> {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const organizationId = localId(org.id);
  const domain = `${unique('corp')}.example`;
  await app.db.query(`INSERT INTO organization_domains (organization_id, domain, verification_token, verified_at) VALUES ($1, $2, md5(random()::text), now())`, [organizationId, domain]);
  const { createScimToken } = await app.data(CREATE_TOKEN, { input: { organizationId: org.id, description: 'IdP' } }, { token: admin.token });
  expect(createScimToken.userErrors).toEqual([]);
  return { admin, org, organizationId, domain, token: createScimToken.token };
}

async function members(scimOrg: ScimOrg): Promise<Map<string, any>> {
  const data = await app.data(MEMBERS, { slug: scimOrg.org.slug }, { token: scimOrg.admin.token });
  return new Map(data.organization.members.edges.map((edge: any) => [edge.node.email, edge.node]));
}

async function keyOwnedBy(teamUsername: string, ownerEmail: string): Promise<string> {
  const team = await app.db.getRepository(Team).findOneByOrFail({ username: teamUsername });
  const owner = await app.db.getRepository(User).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email: ownerEmail }).getOneOrFail();
  const { key } = await app.server.services.apiKeys.create({ actor: { kind: 'OPERATOR' }, requestId: 'test', ip: null }, team, {
    alias: 'owned key',
    scope: 'API' as ApiKeyScope,
    ownerId: owner.id,
  });
  return key;
}

/** Whether a credential still authenticates on the GraphQL endpoint. */
async function authenticates(credential: { token: string } | { key: string }): Promise<boolean> {
  const response = await app.gql('{ __typename }', {}, credential);
  return response.status === 200 && !response.body.errors;
}

async function teamRole(teamUsername: string, email: string): Promise<string | null> {
  const [row] = await app.db.query(
    `SELECT tm.role FROM team_memberships tm JOIN teams t ON t.id = tm.team_id JOIN users u ON u.id = tm.user_id WHERE t.username = $1 AND lower(u.email) = lower($2)`,
    [teamUsername, email],
  );
  return row?.role ?? null;
}

async function auditActions(organizationId: string, since: Date): Promise<string[]> {
  const rows = await app.db.query(`SELECT action, actor_type FROM audit_events WHERE organization_id = $1 AND created_at >= $2 ORDER BY created_at`, [organizationId, since]);
  return rows.map((row: { action: string; actor_type: string }) => `${row.actor_type}:${row.action}`);
}

describe('Okta provisioning sequence', () => {
  it('creates, updates, deactivates, reactivates and deletes a user; pushes, fills, renames, empties and deletes a group', async () => {
    const o = await scimOrganization();
    const team = await createTeam(app, o.admin, o.org.id);
    // Someone who already signed up with a password in the company's domain: SCIM adopts them.
    const alice = await signUp(app, { email: `alice@${o.domain}` });
    await proveMailbox(app, alice);
    const since = new Date();

    // Okta checks whether the user exists before creating it.
    const lookup = await scim(o.token, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "alice@${o.domain}"`)}&startIndex=1&count=100`);
    expect(lookup.status).toBe(200);
    expect(lookup.contentType).toMatch(/^application\/scim\+json/);
    expect(lookup.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 0, Resources: [] });

    const created = await scim(o.token, 'POST', '/Users', {
      schemas: [USER],
      userName: `alice@${o.domain}`,
      name: { givenName: 'Alice', familyName: 'Liddell' },
      emails: [{ primary: true, value: `alice@${o.domain}`, type: 'work' }],
      displayName: 'Alice Liddell',
      locale: 'en-US',
      externalId: '00ujl29u0le5T6Aj10h7',
      groups: [],
      password: '1mz050nq',
      active: true,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ schemas: [USER], userName: `alice@${o.domain}`, externalId: '00ujl29u0le5T6Aj10h7', active: true, name: { givenName: 'Alice', familyName: 'Liddell' }, meta: { resourceType: 'User' } });
    const aliceId = created.body.id;
    expect(created.body.meta.location).toBe(`${app.url}/scim/v2/Users/${aliceId}`);

    let people = await members(o);
    expect(people.get(`alice@${o.domain}`)).toMatchObject({ role: 'MEMBER', provisioningSource: 'SCIM' });
    expect(people.get(`alice@${o.domain}`).lastScimSyncAt).not.toBeNull();
    expect(people.get(o.admin.email)).toMatchObject({ role: 'ADMIN', provisioningSource: 'MANUAL', lastScimSyncAt: null });

    expect((await scim(o.token, 'GET', `/Users/${aliceId}`)).body).toMatchObject({ id: aliceId, userName: `alice@${o.domain}`, groups: [] });

    // Push Groups: Okta creates the group, then sends membership with PATCH.
    const group = await scim(o.token, 'POST', '/Groups', { schemas: [GROUP], displayName: 'Engineering', members: [] });
    expect(group.status).toBe(201);
    const groupId = group.body.id;
    const { setScimGroupMapping } = await app.data(MAP_GROUP, { input: { groupId: globalScimGroupId(groupId), teamId: team.id, role: 'DEVELOPER' } }, { token: o.admin.token });
    expect(setScimGroupMapping.userErrors).toEqual([]);
    expect(setScimGroupMapping.group).toMatchObject({ displayName: 'Engineering', teamRole: 'DEVELOPER', team: { username: team.username }, memberCount: 0 });

    const added = await scim(o.token, 'PATCH', `/Groups/${groupId}`, {
      schemas: [PATCH],
      Operations: [{ op: 'add', path: 'members', value: [{ value: aliceId, display: `alice@${o.domain}` }] }],
    });
    expect(added.status).toBe(200);
    expect(added.body.members).toEqual([expect.objectContaining({ value: aliceId })]);
    expect(await teamRole(team.username, alice.email)).toBe('DEVELOPER');
    expect((await scim(o.token, 'GET', `/Users/${aliceId}`)).body.groups).toEqual([expect.objectContaining({ value: groupId, display: 'Engineering' })]);

    const key = await keyOwnedBy(team.username, alice.email);
    expect(await authenticates({ key })).toBe(true);
    expect(await authenticates({ token: alice.token })).toBe(true);

    // Profile update: Okta PUTs the whole user.
    const replaced = await scim(o.token, 'PUT', `/Users/${aliceId}`, {
      ...created.body,
      name: { givenName: 'Alice', familyName: 'Kingsleigh' },
      displayName: 'Alice Kingsleigh',
      password: 'ignored-by-orgraph',
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ name: { familyName: 'Kingsleigh' }, displayName: 'Alice Kingsleigh', meta: { version: 'W/"2"' } });
    expect((await app.db.query(`SELECT name FROM users WHERE lower(email) = lower($1)`, [alice.email]))[0].name).toBe('Alice Kingsleigh');

    // Rename the pushed group.
    const renamed = await scim(o.token, 'PATCH', `/Groups/${groupId}`, { schemas: [PATCH], Operations: [{ op: 'replace', value: { id: groupId, displayName: 'Engineering (all)' } }] });
    expect(renamed.status).toBe(200);
    expect(renamed.body.displayName).toBe('Engineering (all)');
    expect(renamed.body.members).toHaveLength(1);

    // Deactivate: one PATCH ends membership, team membership, sessions and owned keys.
    const deactivated = await scim(o.token, 'PATCH', `/Users/${aliceId}`, { schemas: [PATCH], Operations: [{ op: 'replace', value: { active: false } }] });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.active).toBe(false);
    people = await members(o);
    expect(people.has(alice.email)).toBe(false);
    expect(await teamRole(team.username, alice.email)).toBeNull();
    expect(await authenticates({ token: alice.token })).toBe(false);
    expect(await authenticates({ key })).toBe(false);
    expect((await scim(o.token, 'GET', `/Users/${aliceId}`)).body.active).toBe(false);
    // Deactivated people do not walk back in by an invite: the identity provider decides.
    const again = (await app.data(`mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: { email: alice.email, password: 'correct horse battery' } })).login.token;
    const { createInvite } = await app.data(`mutation($i: CreateInviteInput!) { createInvite(input: $i) { invite { id } userErrors { code } } }`, { i: { organizationId: o.org.id, email: alice.email } }, { token: o.admin.token });
    expect(createInvite.userErrors).toEqual([]);
    const inviteToken = (await app.db.query(`SELECT body FROM email_outbox WHERE recipient = $1 ORDER BY created_at DESC LIMIT 1`, [alice.email]))[0].body.match(/ogi_[A-Za-z0-9_-]+/)[0];
    const rejoin = await app.data(`mutation($i: AcceptInviteInput!) { acceptInvite(input: $i) { userErrors { code } } }`, { i: { token: inviteToken } }, { token: again });
    expect(rejoin.acceptInvite.userErrors).toEqual([{ code: 'DEPROVISIONED' }]);
    const rejoined = await app.db.query(`SELECT 1 FROM organization_memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 AND lower(u.email) = lower($2)`, [o.organizationId, alice.email]);
    expect(rejoined).toEqual([]);
    // The invite stays pending; revoked, so the rest of the sequence sees only what SCIM does.
    await app.data(`mutation($i: InviteIdInput!) { revokeInvite(input: $i) { userErrors { code } } }`, { i: { inviteId: createInvite.invite.id } }, { token: o.admin.token });
    const [deprovisioned] = await app.db.query(`SELECT * FROM audit_events WHERE organization_id = $1 AND action = 'scim.user.deprovision'`, [o.organizationId]);
    expect(deprovisioned).toMatchObject({ actor_type: 'SCIM_TOKEN', auth_method: 'SCIM_TOKEN', target_type: 'User' });
    expect(deprovisioned.changes).toMatchObject({
      role: { before: 'MEMBER', after: null },
      teamIds: { before: [localId(team.id)], after: [] },
      sessionsRevoked: { after: 1 },
      apiKeysRevoked: { after: [key.split(':')[0]] },
    });
    // What admins see in GraphQL: the deactivated person, the group and its mapping, each a Node.
    const view = await app.data(
      `query($slug: String!) { organization(slug: $slug) {
         scimUsers(active: false) { totalCount edges { node { id email active externalId lastSyncedAt } } }
         scimGroups { totalCount edges { node { id displayName teamRole memberCount team { username } } } }
       } }`,
      { slug: o.org.slug },
      { token: o.admin.token },
    );
    expect(view.organization.scimUsers).toMatchObject({ totalCount: 1, edges: [{ node: { email: alice.email, active: false, externalId: '00ujl29u0le5T6Aj10h7' } }] });
    expect(view.organization.scimGroups.edges).toEqual([{ node: expect.objectContaining({ displayName: 'Engineering (all)', teamRole: 'DEVELOPER', memberCount: 1, team: { username: team.username } }) }]);
    const node = await app.data(`query($id: ID!) { node(id: $id) { ... on ScimGroup { displayName } } }`, { id: view.organization.scimGroups.edges[0].node.id }, { token: o.admin.token });
    expect(node.node).toEqual({ displayName: 'Engineering (all)' });

    // Reactivate: back in the organization, and in the team her (still mapped) group grants.
    const reactivated = await scim(o.token, 'PATCH', `/Users/${aliceId}`, { schemas: [PATCH], Operations: [{ op: 'replace', value: { active: true } }] });
    expect(reactivated.status).toBe(200);
    expect((await members(o)).get(alice.email)).toMatchObject({ role: 'MEMBER', teams: [{ team: { username: team.username }, role: 'DEVELOPER' }] });
    expect(await authenticates({ key })).toBe(false);
    expect(await authenticates({ token: alice.token })).toBe(false);

    // Unassign in Okta: remove from the group by value filter.
    const removed = await scim(o.token, 'PATCH', `/Groups/${groupId}`, { schemas: [PATCH], Operations: [{ op: 'remove', path: `members[value eq "${aliceId}"]` }] });
    expect(removed.status).toBe(200);
    expect(removed.body.members ?? []).toEqual([]);
    expect(await teamRole(team.username, alice.email)).toBeNull();
    expect((await members(o)).get(alice.email)).toMatchObject({ role: 'MEMBER', teams: [] });

    expect((await scim(o.token, 'DELETE', `/Groups/${groupId}`)).status).toBe(204);
    expect((await scim(o.token, 'GET', `/Groups/${groupId}`)).status).toBe(404);

    const deleted = await scim(o.token, 'DELETE', `/Users/${aliceId}`);
    expect(deleted.status).toBe(204);
    expect((await scim(o.token, 'GET', `/Users/${aliceId}`)).status).toBe(404);
    expect((await members(o)).has(alice.email)).toBe(false);
    // The person's account and personal team remain: only this organization let go of them.
    expect((await app.db.query(`SELECT 1 FROM users WHERE lower(email) = lower($1)`, [alice.email])).length).toBe(1);

    const actions = await auditActions(o.organizationId, since);
    expect(actions).toEqual(
      expect.arrayContaining([
        'SCIM_TOKEN:scim.user.create',
        'SCIM_TOKEN:scim.group.create',
        'USER:scim.group.map',
        'SCIM_TOKEN:team.member.assign',
        'SCIM_TOKEN:scim.user.update',
        'SCIM_TOKEN:apiKey.revoke',
        'SCIM_TOKEN:scim.user.deprovision',
        'SCIM_TOKEN:scim.user.reactivate',
        'SCIM_TOKEN:team.member.unassign',
        'SCIM_TOKEN:scim.group.delete',
        'SCIM_TOKEN:scim.user.delete',
      ]),
    );
  });
});

describe('Microsoft Entra ID provisioning sequence', () => {
  it('accepts Entra’s request shapes (capitalised ops, "False" strings, value-path filters, extra schemas)', async () => {
    const o = await scimOrganization();
    const userName = `bob.builder@${o.domain}`;

    const lookup = await scim(o.token, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`);
    expect(lookup.body.totalResults).toBe(0);

    const created = await scim(o.token, 'POST', '/Users', {
      schemas: [USER, ENTERPRISE],
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      userName,
      active: true,
      emails: [{ primary: true, type: 'work', value: userName }],
      meta: { resourceType: 'User' },
      name: { formatted: 'Bob Builder', familyName: 'Builder', givenName: 'Bob' },
      roles: [],
      [ENTERPRISE]: { department: 'Construction', manager: { value: 'someone' } },
    });
    expect(created.status).toBe(201);
    const bobId = created.body.id;
    // A new person: no password; they sign in through the organization's SSO. Give them an SSO session here.
    const bob = await app.db.getRepository(User).createQueryBuilder('u').where('lower(u.email) = :email', { email: userName }).getOneOrFail();
    const session = await app.db.transaction((tx) => app.server.services.users.createSession(tx, bob, 'SSO', o.organizationId));
    expect(await authenticates({ token: session.token })).toBe(true);

    const byExternalId = await scim(o.token, 'GET', `/Users?filter=${encodeURIComponent('externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"')}`);
    expect(byExternalId.body).toMatchObject({ totalResults: 1, Resources: [{ id: bobId }] });

    const updated = await scim(o.token, 'PATCH', `/Users/${bobId}`, {
      schemas: [PATCH],
      Operations: [
        { op: 'Replace', path: 'emails[type eq "work"].value', value: userName },
        { op: 'Replace', path: 'name.familyName', value: 'Builder-Smith' },
        { op: 'Add', path: `${ENTERPRISE}:department`, value: 'Demolition' },
      ],
    });
    expect(updated.status).toBe(200);
    expect(updated.body.name.familyName).toBe('Builder-Smith');

    const group = await scim(o.token, 'POST', '/Groups', {
      schemas: [GROUP, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'Data Platform',
      meta: { resourceType: 'Group' },
    });
    expect(group.status).toBe(201);
    const groupId = group.body.id;
    const found = await scim(o.token, 'GET', `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "data platform"')}`);
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0]).not.toHaveProperty('members');

    // The admin lets the group create its own team, with ADMIN as the role.
    const { setScimGroupMapping } = await app.data(MAP_GROUP, { input: { groupId: globalScimGroupId(groupId), createTeam: true, role: 'ADMIN' } }, { token: o.admin.token });
    expect(setScimGroupMapping.userErrors).toEqual([]);
    const team = setScimGroupMapping.group.team;
    expect(team).toMatchObject({ name: 'Data Platform' });

    const add = await scim(o.token, 'PATCH', `/Groups/${groupId}`, { schemas: [PATCH], Operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: bobId }] }] });
    expect(add.status).toBe(200);
    expect(await teamRole(team.username, userName)).toBe('ADMIN');
    const key = await keyOwnedBy(team.username, userName);
    expect(await authenticates({ key })).toBe(true);
    // Entra's membership check before an add or remove.
    const check = await scim(o.token, 'GET', `/Groups?excludedAttributes=members&filter=${encodeURIComponent(`id eq "${groupId}" and members[value eq "${bobId}"]`)}`);
    expect(check.body.totalResults).toBe(1);
    expect(check.body.Resources[0]).not.toHaveProperty('members');

    const rename = await scim(o.token, 'PATCH', `/Groups/${groupId}`, { schemas: [PATCH], Operations: [{ op: 'Replace', path: 'displayName', value: 'Data Platform Team' }] });
    expect(rename.status).toBe(200);
    expect((await app.db.query(`SELECT name FROM teams WHERE username = $1`, [team.username]))[0].name).toBe('Data Platform Team');

    // Entra ID's disable: "Replace" with the string "False".
    const disabled = await scim(o.token, 'PATCH', `/Users/${bobId}`, { schemas: [PATCH], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] });
    expect(disabled.status).toBe(200);
    expect(disabled.body.active).toBe(false);
    expect((await members(o)).has(userName)).toBe(false);
    expect(await teamRole(team.username, userName)).toBeNull();
    expect(await authenticates({ token: session.token })).toBe(false);
    expect(await authenticates({ key })).toBe(false);

    const enabled = await scim(o.token, 'PATCH', `/Users/${bobId}`, { schemas: [PATCH], Operations: [{ op: 'Replace', path: 'active', value: 'True' }] });
    expect(enabled.body.active).toBe(true);
    expect((await members(o)).get(userName)).toMatchObject({ role: 'MEMBER', provisioningSource: 'SCIM' });
    expect(await teamRole(team.username, userName)).toBe('ADMIN');

    const remove = await scim(o.token, 'PATCH', `/Groups/${groupId}`, { schemas: [PATCH], Operations: [{ op: 'Remove', path: 'members', value: [{ $ref: null, value: bobId }] }] });
    expect(remove.status).toBe(200);
    expect(await teamRole(team.username, userName)).toBeNull();

    expect((await scim(o.token, 'DELETE', `/Groups/${groupId}`)).status).toBe(204);
    expect((await scim(o.token, 'DELETE', `/Users/${bobId}`)).status).toBe(204);
    expect((await members(o)).has(userName)).toBe(false);
    expect((await scim(o.token, 'GET', '/Users')).body.totalResults).toBe(0);
  });

  it('deprovisioning revokes the keys the person owns or created unowned; a key they made for someone else stays', async () => {
    const o = await scimOrganization();
    const team = await createTeam(app, o.admin, o.org.id);
    const created = await scim(o.token, 'POST', '/Users', { schemas: [USER], userName: `erin@${o.domain}` });
    const [erin] = await app.db.query(`SELECT user_id FROM scim_users WHERE id = $1`, [created.body.id]);
    await app.db.query(`INSERT INTO team_memberships (team_id, organization_id, user_id, role) VALUES ($1, $2, $3, 'ADMIN')`, [localId(team.id), o.organizationId, erin.user_id]);
    const teamRow = await app.db.getRepository(Team).findOneByOrFail({ id: localId(team.id) });
    const asErin = { actor: { kind: 'USER' as const, userId: erin.user_id, sessionId: '', method: 'PASSWORD' as const, ssoOrganizationId: null }, requestId: 'test', ip: null };
    const mint = (ownerId: string | null) => app.server.services.apiKeys.create(asErin, teamRow, { alias: 'erin made', scope: 'API' as ApiKeyScope, ownerId });
    const unowned = (await mint(null)).key;
    const forAdmin = (await mint(localId(o.admin.id))).key;
    const owned = await keyOwnedBy(team.username, `erin@${o.domain}`);
    expect(await authenticates({ key: unowned })).toBe(true);

    const patched = await scim(o.token, 'PATCH', `/Users/${created.body.id}`, { schemas: [PATCH], Operations: [{ op: 'replace', path: 'active', value: false }] });
    expect(patched.status).toBe(200);
    expect(await authenticates({ key: unowned })).toBe(false);
    expect(await authenticates({ key: owned })).toBe(false);
    expect(await authenticates({ key: forAdmin })).toBe(true);
    const [deprovisioned] = await app.db.query(`SELECT changes FROM audit_events WHERE organization_id = $1 AND action = 'scim.user.deprovision'`, [o.organizationId]);
    expect(deprovisioned.changes.apiKeysRevoked.after).toEqual([unowned, owned].map((key) => key.split(':')[0]).sort());
  });

  it('deleting a mapped group ends the team memberships it granted, but not one made by hand', async () => {
    const o = await scimOrganization();
    const team = await createTeam(app, o.admin, o.org.id);
    const ids: string[] = [];
    for (const name of ['carol', 'dave']) {
      const response = await scim(o.token, 'POST', '/Users', { schemas: [USER], userName: `${name}@${o.domain}` });
      ids.push(response.body.id);
    }
    // Dave was put on the team by hand before the group mapping existed.
    const dave = await app.db.query(`SELECT user_id FROM scim_users WHERE id = $1`, [ids[1]]);
    await app.db.query(`INSERT INTO team_memberships (team_id, organization_id, user_id, role) VALUES ($1, $2, $3, 'BILLING')`, [localId(team.id), o.organizationId, dave[0].user_id]);
    const group = await scim(o.token, 'POST', '/Groups', { schemas: [GROUP], displayName: 'Ops', members: ids.map((value) => ({ value })) });
    await app.data(MAP_GROUP, { input: { groupId: globalScimGroupId(group.body.id), teamId: team.id, role: 'DEVELOPER' } }, { token: o.admin.token });
    expect(await teamRole(team.username, `carol@${o.domain}`)).toBe('DEVELOPER');
    expect(await teamRole(team.username, `dave@${o.domain}`)).toBe('BILLING');
    expect((await scim(o.token, 'DELETE', `/Groups/${group.body.id}`)).status).toBe(204);
    expect(await teamRole(team.username, `carol@${o.domain}`)).toBeNull();
    expect(await teamRole(team.username, `dave@${o.domain}`)).toBe('BILLING');
  });
});

describe('SCIM tokens', () => {
  const ROTATE = `mutation($input: ScimTokenInput!) { rotateScimToken(input: $input) { token scimToken { id revokedAt } userErrors { code } } }`;
  const REVOKE = `mutation($input: ScimTokenInput!) { revokeScimToken(input: $input) { scimToken { id revokedAt } userErrors { code } } }`;

  it('work on /scim/v2 only, and nothing else works there', async () => {
    const o = await scimOrganization();
    const adminKey = await (async () => {
      const team = await app.db.getRepository(Team).findOneByOrFail({ username: o.org.slug });
      return (await app.server.services.apiKeys.create({ actor: { kind: 'OPERATOR' }, requestId: 'test', ip: null }, team, { alias: 'org admin', scope: 'ADMIN' as ApiKeyScope })).key;
    })();
    expect((await scim(o.token, 'GET', '/Users')).status).toBe(200);
    // A SCIM token is not a GraphQL credential.
    const graphql = await app.gql('{ viewer { id } }', {}, { token: o.token });
    expect(graphql.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // No other credential opens /scim/v2: the admin's session, an organization admin key, nothing, garbage.
    for (const authorization of [`Bearer ${o.admin.token}`, `Key ${adminKey}`, '', 'Bearer ogscim_nope', `Basic ${Buffer.from('a:b').toString('base64')}`]) {
      const response = await fetch(`${app.url}/scim/v2/Users`, { headers: authorization ? { authorization } : {} });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/scim\+json/);
      expect(await response.json()).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' });
    }
    // The token twice, or beside another credential: one Authorization header or none counts.
    for (const order of [[`Bearer ${o.token}`, `Bearer ${o.token}`], [`Bearer ${o.token}`, `Key ${adminKey}`]]) {
      expect((await sendWithAuthorizations(`${app.url}/scim/v2/Users`, order)).status).toBe(401);
    }
  });

  it('are shown once, listed without secrets, rotatable and revocable, and audited', async () => {
    const o = await scimOrganization();
    const list = await app.data(`query($slug: String!) { organization(slug: $slug) { scimTokens { totalCount edges { node { id description tokenHint lastUsedAt revokedAt } } } } }`, { slug: o.org.slug }, { token: o.admin.token });
    expect(list.organization.scimTokens.totalCount).toBe(1);
    const record = list.organization.scimTokens.edges[0].node;
    expect(record.tokenHint).toBe(o.token.slice(-4));
    expect(JSON.stringify(list)).not.toContain(o.token);
    const stored = await app.db.query(`SELECT token_hash FROM scim_tokens WHERE organization_id = $1`, [o.organizationId]);
    expect(stored[0].token_hash).not.toContain(o.token);

    const { rotateScimToken } = await app.data(ROTATE, { input: { tokenId: record.id } }, { token: o.admin.token });
    expect(rotateScimToken.userErrors).toEqual([]);
    expect((await scim(o.token, 'GET', '/Users')).status).toBe(401);
    expect((await scim(rotateScimToken.token, 'GET', '/Users')).status).toBe(200);

    const { revokeScimToken } = await app.data(REVOKE, { input: { tokenId: rotateScimToken.scimToken.id } }, { token: o.admin.token });
    expect(revokeScimToken.scimToken.revokedAt).not.toBeNull();
    expect((await scim(rotateScimToken.token, 'GET', '/Users')).status).toBe(401);

    const actions = await app.db.query(`SELECT action FROM audit_events WHERE organization_id = $1 AND action LIKE 'scim.token.%' ORDER BY created_at`, [o.organizationId]);
    expect(actions.map((row: { action: string }) => row.action)).toEqual(['scim.token.create', 'scim.token.revoke', 'scim.token.rotate', 'scim.token.revoke']);
  });

  it('only organization admins manage tokens and mappings; others get FORBIDDEN or NOT_FOUND', async () => {
    const o = await scimOrganization();
    const member = await addMember(app, o.admin, o.org.id);
    const denied = await app.gql(CREATE_TOKEN, { input: { organizationId: o.org.id, description: 'mine' } }, { token: member.token });
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const tokens = await app.gql(`query($slug: String!) { organization(slug: $slug) { scimTokens { totalCount } } }`, { slug: o.org.slug }, { token: member.token });
    expect(tokens.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await scimOrganization();
    const group = await scim(other.token, 'POST', '/Groups', { schemas: [GROUP], displayName: 'Theirs' });
    const team = await createTeam(app, o.admin, o.org.id);
    const foreign = await app.gql(MAP_GROUP, { input: { groupId: globalScimGroupId(group.body.id), teamId: team.id, role: 'ADMIN' } }, { token: o.admin.token });
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Nor can another organization's group be mapped onto this organization's team by the other admin.
    const crossTeam = await app.data(MAP_GROUP, { input: { groupId: globalScimGroupId(group.body.id), teamId: team.id, role: 'ADMIN' } }, { token: other.admin.token });
    expect(crossTeam.setScimGroupMapping.userErrors[0].code).toBe('NOT_FOUND');
  });
});

describe('isolation between organizations', () => {
  it('a SCIM token of one organization reads and changes nothing of another, on every endpoint', async () => {
    const a = await scimOrganization();
    const b = await scimOrganization();
    const bUser = await scim(b.token, 'POST', '/Users', { schemas: [USER], userName: `erin@${b.domain}`, externalId: 'erin-ext' });
    const bGroup = await scim(b.token, 'POST', '/Groups', { schemas: [GROUP], displayName: 'B only', members: [{ value: bUser.body.id }] });
    const aGroup = await scim(a.token, 'POST', '/Groups', { schemas: [GROUP], displayName: 'A group' });
    const bUserId = bUser.body.id;
    const bGroupId = bGroup.body.id;
    const before = await app.db.query(`SELECT * FROM scim_users WHERE organization_id = $1 UNION ALL SELECT * FROM scim_users WHERE id = $2`, [b.organizationId, bUserId]);

    // Reads: by id, by filter, in lists.
    expect((await scim(a.token, 'GET', `/Users/${bUserId}`)).status).toBe(404);
    expect((await scim(a.token, 'GET', `/Groups/${bGroupId}`)).status).toBe(404);
    expect((await scim(a.token, 'GET', '/Users')).body.totalResults).toBe(0);
    expect((await scim(a.token, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "erin@${b.domain}"`)}`)).body.totalResults).toBe(0);
    expect((await scim(a.token, 'GET', `/Users?filter=${encodeURIComponent(`id eq "${bUserId}"`)}`)).body.totalResults).toBe(0);
    expect((await scim(a.token, 'GET', `/Users?filter=${encodeURIComponent('externalId eq "erin-ext"')}`)).body.totalResults).toBe(0);
    expect((await scim(a.token, 'GET', `/Users?filter=${encodeURIComponent('userName sw "erin"')}`)).body.totalResults).toBe(0);
    expect((await scim(a.token, 'GET', '/Groups')).body.Resources.map((group: any) => group.id)).toEqual([aGroup.body.id]);
    expect((await scim(a.token, 'GET', `/Groups?filter=${encodeURIComponent('displayName eq "B only"')}`)).body.totalResults).toBe(0);

    // Writes: replace, patch, delete on the other organization's ids are 404; nothing changes.
    expect((await scim(a.token, 'PUT', `/Users/${bUserId}`, { schemas: [USER], userName: `erin@${b.domain}`, active: false })).status).toBe(404);
    expect((await scim(a.token, 'PATCH', `/Users/${bUserId}`, { schemas: [PATCH], Operations: [{ op: 'replace', path: 'active', value: false }] })).status).toBe(404);
    expect((await scim(a.token, 'DELETE', `/Users/${bUserId}`)).status).toBe(404);
    expect((await scim(a.token, 'PUT', `/Groups/${bGroupId}`, { schemas: [GROUP], displayName: 'stolen', members: [] })).status).toBe(404);
    expect((await scim(a.token, 'PATCH', `/Groups/${bGroupId}`, { schemas: [PATCH], Operations: [{ op: 'remove', path: 'members' }] })).status).toBe(404);
    expect((await scim(a.token, 'DELETE', `/Groups/${bGroupId}`)).status).toBe(404);
    // Another organization's person cannot be pulled into this organization's groups…
    const pull = await scim(a.token, 'PATCH', `/Groups/${aGroup.body.id}`, { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: bUserId }] }] });
    expect(pull).toMatchObject({ status: 400, body: { scimType: 'invalidValue' } });
    expect((await scim(a.token, 'POST', '/Groups', { schemas: [GROUP], displayName: 'grab', members: [{ value: bUserId }] })).status).toBe(400);
    // …nor provisioned: their domain is proven by the other organization, not this one.
    const claim = await scim(a.token, 'POST', '/Users', { schemas: [USER], userName: `erin@${b.domain}` });
    expect(claim).toMatchObject({ status: 400, body: { scimType: 'invalidValue' } });
    const squat = await scim(a.token, 'POST', '/Users', { schemas: [USER], userName: `frank@${b.domain}` });
    expect(squat.status).toBe(400);

    const after = await app.db.query(`SELECT * FROM scim_users WHERE organization_id = $1 UNION ALL SELECT * FROM scim_users WHERE id = $2`, [b.organizationId, bUserId]);
    expect(after).toEqual(before);
    expect((await scim(b.token, 'GET', `/Groups/${bGroupId}`)).body).toMatchObject({ displayName: 'B only', members: [{ value: bUserId }] });
    expect((await members(b)).has(`erin@${b.domain}`)).toBe(true);
    expect((await app.db.query(`SELECT count(*)::int AS n FROM organization_memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 AND u.email LIKE $2`, [a.organizationId, `%@${b.domain}`]))[0].n).toBe(0);
  });
});

describe('bad input', () => {
  it('gets SCIM errors with scimType, never a 500', async () => {
    const o = await scimOrganization();
    const user = await scim(o.token, 'POST', '/Users', { schemas: [USER], userName: `grace@${o.domain}` });
    const id = user.body.id;
    const cases: Array<[string, string, unknown, number, string | undefined, string?]> = [
      ['unknown attribute', 'POST /Users', { schemas: [USER], userName: `h@${o.domain}`, favouriteColour: 'blue' }, 400, 'invalidSyntax'],
      ['unknown sub-attribute', 'POST /Users', { schemas: [USER], userName: `h@${o.domain}`, name: { nickname: 'x' } }, 400, 'invalidSyntax'],
      ['undeclared extension', 'POST /Users', { schemas: [USER], userName: `h@${o.domain}`, [ENTERPRISE]: { department: 'x' } }, 400, 'invalidSyntax'],
      ['unsupported schema', 'POST /Users', { schemas: [USER, 'urn:example:custom'], userName: `h@${o.domain}` }, 400, 'invalidValue'],
      ['no schemas', 'POST /Users', { userName: `h@${o.domain}` }, 400, 'invalidSyntax'],
      ['userName not an email', 'POST /Users', { schemas: [USER], userName: 'not-an-email' }, 400, 'invalidValue'],
      ['userName missing', 'POST /Users', { schemas: [USER] }, 400, 'invalidValue'],
      ['active not boolean', 'POST /Users', { schemas: [USER], userName: `h@${o.domain}`, active: 'maybe' }, 400, 'invalidValue'],
      ['userName of another type', 'POST /Users', { schemas: [USER], userName: 42 }, 400, 'invalidValue'],
      ['body an array', 'POST /Users', [1, 2], 400, 'invalidSyntax'],
      ['duplicate userName', 'POST /Users', { schemas: [USER], userName: `GRACE@${o.domain}` }, 409, 'uniqueness'],
      ['malformed filter', 'GET /Users?filter=' + encodeURIComponent('userName eq'), undefined, 400, 'invalidFilter'],
      ['garbage filter', 'GET /Users?filter=' + encodeURIComponent('foo bar baz'), undefined, 400, 'invalidFilter'],
      ['filter on unknown attribute', 'GET /Users?filter=' + encodeURIComponent('password eq "x"'), undefined, 400, 'invalidFilter'],
      ['group filter on unknown attribute', 'GET /Groups?filter=' + encodeURIComponent('owner eq "x"'), undefined, 400, 'invalidFilter'],
      ['bad startIndex', 'GET /Users?startIndex=abc', undefined, 400, 'invalidValue'],
      ['PATCH remove without path', `PATCH /Users/${id}`, { schemas: [PATCH], Operations: [{ op: 'remove' }] }, 400, 'noTarget'],
      ['PATCH on an unknown path', `PATCH /Users/${id}`, { schemas: [PATCH], Operations: [{ op: 'replace', path: 'shoeSize', value: 44 }] }, 400, 'invalidPath'],
      ['PATCH with an unknown op', `PATCH /Users/${id}`, { schemas: [PATCH], Operations: [{ op: 'frobnicate', path: 'active', value: false }] }, 400, 'invalidSyntax'],
      ['PATCH replace without path or value', `PATCH /Users/${id}`, { schemas: [PATCH], Operations: [{ op: 'Replace' }] }, 400, 'invalidValue'],
      ['PATCH without Operations', `PATCH /Users/${id}`, { schemas: [PATCH] }, 400, 'invalidSyntax'],
      ['PATCH without the PatchOp schema', `PATCH /Users/${id}`, { Operations: [{ op: 'replace', path: 'active', value: false }] }, 400, 'invalidSyntax'],
      ['PATCH with a non-string path', `PATCH /Users/${id}`, { schemas: [PATCH], Operations: [{ op: 'replace', path: 7, value: false }] }, 400, 'invalidPath'],
      ['PATCH an unknown user', `PATCH /Users/00000000-0000-4000-8000-000000000000`, { schemas: [PATCH], Operations: [{ op: 'replace', path: 'active', value: false }] }, 404, undefined],
      ['not a uuid', 'GET /Users/not-a-uuid%27%3B--', undefined, 404, undefined],
      ['group without displayName', 'POST /Groups', { schemas: [GROUP] }, 400, 'invalidValue'],
      ['group member not a user', 'POST /Groups', { schemas: [GROUP], displayName: 'x', members: [{ value: 'nope' }] }, 400, 'invalidValue'],
      ['group members not an array', 'POST /Groups', { schemas: [GROUP], displayName: 'x', members: 'all' }, 400, 'invalidValue'],
      ['unknown endpoint', 'GET /Widgets', undefined, 404, undefined],
    ];
    for (const [label, route, body, status, scimType] of cases) {
      const [method, path] = route.split(' ') as [string, string];
      const response = await scim(o.token, method, path, body);
      const expected = { status, contentType: expect.stringMatching(/^application\/scim\+json/), body: expect.objectContaining({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), ...(scimType ? { scimType } : {}) }) };
      expect({ label, ...response }).toMatchObject({ label, ...expected });
    }
    const malformed = await scim(o.token, 'POST', '/Users', undefined, '{"schemas": [');
    expect(malformed).toMatchObject({ status: 400, body: { scimType: 'invalidSyntax' } });
    await scim(o.token, 'POST', '/Groups', { schemas: [GROUP], displayName: 'Unique' });
    expect(await scim(o.token, 'POST', '/Groups', { schemas: [GROUP], displayName: 'unique' })).toMatchObject({ status: 409, body: { scimType: 'uniqueness' } });
    // Nothing half-done: the failed creates left no users behind.
    expect((await scim(o.token, 'GET', '/Users')).body.totalResults).toBe(1);
  });

  it('changes a userName only to a free email in a proven domain', async () => {
    const o = await scimOrganization();
    const other = await signUp(app, { email: `taken@${o.domain}` });
    const created = await scim(o.token, 'POST', '/Users', { schemas: [USER], userName: `ivy@${o.domain}` });
    const rename = (userName: string) => scim(o.token, 'PATCH', `/Users/${created.body.id}`, { schemas: [PATCH], Operations: [{ op: 'Replace', path: 'userName', value: userName }] });
    expect(await rename('ivy@gmail.com')).toMatchObject({ status: 400, body: { scimType: 'invalidValue' } });
    expect(await rename(other.email)).toMatchObject({ status: 409, body: { scimType: 'uniqueness' } });
    const renamed = await rename(`Ivy.New@${o.domain}`);
    expect(renamed).toMatchObject({ status: 200, body: { userName: `ivy.new@${o.domain}`, emails: [{ value: `ivy.new@${o.domain}` }] } });
    expect((await members(o)).has(`ivy.new@${o.domain}`)).toBe(true);
  });

  it('refuses to deprovision the organization’s last ADMIN, rolling back everything (PUT active:false)', async () => {
    const domain = `${unique('solo')}.example`;
    const admin = await signUp(app, { email: `boss@${domain}` });
    await proveMailbox(app, admin);
    const org = await createOrganization(app, admin);
    await app.db.query(`INSERT INTO organization_domains (organization_id, domain, verification_token, verified_at) VALUES ($1, $2, md5(random()::text), now())`, [localId(org.id), domain]);
    const { createScimToken } = await app.data(CREATE_TOKEN, { input: { organizationId: org.id, description: 'IdP' } }, { token: admin.token });
    const created = await scim(createScimToken.token, 'POST', '/Users', { schemas: [USER], userName: admin.email });
    expect(created.status).toBe(201);
    const team = await createTeam(app, admin, org.id);
    const key = await keyOwnedBy(team.username, admin.email);
    // Okta's older integrations deactivate with a full PUT.
    const refused = await scim(createScimToken.token, 'PUT', `/Users/${created.body.id}`, { ...created.body, active: false });
    expect(refused).toMatchObject({ status: 400, body: { scimType: 'mutability' } });
    // One transaction: the session and key revocations made before the refusal were rolled back with it.
    expect(await authenticates({ token: admin.token })).toBe(true);
    expect(await authenticates({ key })).toBe(true);
    expect((await scim(createScimToken.token, 'GET', `/Users/${created.body.id}`)).body.active).toBe(true);
    expect((await app.db.query(`SELECT role FROM organization_memberships WHERE organization_id = $1`, [localId(org.id)]))[0].role).toBe('ADMIN');
    // With a second ADMIN the same PUT goes through.
    await addMember(app, admin, org.id, { role: 'ADMIN' });
    expect((await scim(createScimToken.token, 'PUT', `/Users/${created.body.id}`, { ...created.body, active: false })).status).toBe(200);
    expect(await authenticates({ token: admin.token })).toBe(false);
    expect(await authenticates({ key })).toBe(false);
  });
});

describe('hostile input', () => {
  it('random bodies, PATCH operations and filters never produce a 500 or a non-SCIM answer', async () => {
    const o = await scimOrganization();
    const user = await scim(o.token, 'POST', '/Users', { schemas: [USER], userName: `fuzz@${o.domain}` });
    const group = await scim(o.token, 'POST', '/Groups', { schemas: [GROUP], displayName: 'Fuzz', members: [{ value: user.body.id }] });
    const attribute = fc.constantFrom('userName', 'active', 'name', 'name.givenName', 'emails', 'emails[type eq "work"].value', 'members', `members[value eq "${user.body.id}"]`, 'displayName', 'externalId', 'groups', 'id', 'meta', 'bogus', `${ENTERPRISE}:department`, '', '[', 'members[value eq', 'name..x');
    const operation = fc.record(
      { op: fc.oneof(fc.constantFrom('add', 'Add', 'remove', 'Remove', 'replace', 'Replace', 'copy'), fc.anything()), path: fc.option(attribute, { nil: undefined }), value: fc.option(fc.oneof(fc.jsonValue(), fc.constantFrom('False', 'True')), { nil: undefined }) },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record({ schemas: fc.constantFrom([USER], [GROUP], [USER, ENTERPRISE], 'x', []), userName: fc.oneof(fc.string(), fc.constant(`f${Math.random()}@${o.domain}`), fc.jsonValue()), displayName: fc.jsonValue(), active: fc.jsonValue(), members: fc.jsonValue(), name: fc.jsonValue() }, { requiredKeys: [] }),
    );
    const request = fc.oneof(
      body.map((value) => ['POST', '/Users', value] as const),
      body.map((value) => ['POST', '/Groups', value] as const),
      body.map((value) => ['PUT', `/Users/${user.body.id}`, value] as const),
      body.map((value) => ['PUT', `/Groups/${group.body.id}`, value] as const),
      fc.array(operation, { maxLength: 4 }).map((Operations) => ['PATCH', `/Users/${user.body.id}`, { schemas: [PATCH], Operations }] as const),
      fc.array(operation, { maxLength: 4 }).map((Operations) => ['PATCH', `/Groups/${group.body.id}`, { schemas: [PATCH], Operations }] as const),
      fc.string({ maxLength: 60 }).map((filter) => ['GET', `/Users?filter=${encodeURIComponent(filter)}`, undefined] as const),
      fc.tuple(attribute, fc.constantFrom('eq', 'co', 'sw', 'pr', 'gt', 'and', 'or'), fc.jsonValue()).map(([a, op, v]) => ['GET', `/Groups?filter=${encodeURIComponent(`${a} ${op} ${JSON.stringify(v)}`)}`, undefined] as const),
    );
    await fc.assert(
      fc.asyncProperty(request, async ([method, path, payload]) => {
        const response = await scim(o.token, method, path, payload);
        expect(response.status).toBeLessThan(500);
        expect(response.contentType).toMatch(/^application\/scim\+json/);
        if (response.status >= 400) expect(response.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(response.status) });
      }),
      { numRuns: 300 },
    );
  });
});

describe('discovery', () => {
  it('serves ServiceProviderConfig, ResourceTypes and Schemas', async () => {
    const o = await scimOrganization();
    const config = await scim(o.token, 'GET', '/ServiceProviderConfig');
    expect(config.body).toMatchObject({ patch: { supported: true }, filter: { supported: true }, bulk: { supported: false }, authenticationSchemes: [{ type: 'oauthbearertoken' }] });
    const types = await scim(o.token, 'GET', '/ResourceTypes');
    expect(types.body.Resources.map((type: any) => type.endpoint)).toEqual(['/Users', '/Groups']);
    const schemas = await scim(o.token, 'GET', '/Schemas');
    expect(schemas.body.Resources.map((schema: any) => schema.id)).toEqual([USER, GROUP]);
    expect((await scim(o.token, 'GET', `/Schemas/${USER}`)).body.attributes.map((a: any) => a.name)).toContain('userName');
    expect((await scim(o.token, 'GET', '/ResourceTypes/Nope')).status).toBe(404);
  });

  it('pages lists with startIndex and count', async () => {
    const o = await scimOrganization();
    for (let i = 0; i < 5; i++) await scim(o.token, 'POST', '/Users', { schemas: [USER], userName: `p${i}@${o.domain}` });
    const page = await scim(o.token, 'GET', '/Users?startIndex=2&count=2');
    expect(page.body).toMatchObject({ totalResults: 5, startIndex: 2, itemsPerPage: 2 });
    expect(page.body.Resources.map((user: any) => user.userName)).toEqual([`p1@${o.domain}`, `p2@${o.domain}`]);
    const filtered = await scim(o.token, 'GET', `/Users?filter=${encodeURIComponent(`userName sw "p3" or userName eq "P4@${o.domain.toUpperCase()}"`)}&attributes=userName`);
    expect(filtered.body.Resources).toEqual([
      expect.objectContaining({ userName: `p3@${o.domain}` }),
      expect.objectContaining({ userName: `p4@${o.domain}` }),
    ]);
    expect(filtered.body.Resources[0]).not.toHaveProperty('name');
  });
});

describe('failed SCIM authentication', () => {
  it('is charged to the caller like other failed authentications: 429 with Retry-After once over budget', async () => {
    const limited = await startTestApp({ RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '30' });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let attempt = 0; attempt < 5; attempt++) {
        const response = await fetch(`${limited.url}/scim/v2/Users`, { headers: { authorization: `Bearer ogscim_${'x'.repeat(43)}` } });
        statuses.push(response.status);
        if (response.status === 429) {
          retryAfter = response.headers.get('retry-after');
          expect(await response.json()).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '429' });
        }
      }
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.slice(3)).toEqual([429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

function globalScimGroupId(id: string): string {
  return Buffer.from(`ScimGroup:${id}`, 'utf8').toString('base64url');
}
