import { startTestApp, type TestApp } from './support/testApp';
import { graphql } from './support/gql';
import type { OrganizationsOrganizationTeamsQuery } from './support/gql/graphql';
import { createApiKeyFor, createOrganization, createTeam, signUp, unique } from './support/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const ORGANIZATION = graphql(`query OrganizationsOrganizationTeams($slug: String!, $first: Int, $after: String, $includeArchived: Boolean) {
  organization(slug: $slug) {
    id slug name viewerRole rootTeam { username kind }
    teams(first: $first, after: $after, includeArchived: $includeArchived) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id username name archivedAt } }
    }
  }
}`);

describe('organizations and teams', () => {
  it('creates an organization with a root team; the creator is its ADMIN and sees it in viewer', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const { organization } = await app.data(ORGANIZATION, { slug: org.slug }, { token: admin.token });
    expect(organization).toMatchObject({ slug: org.slug, viewerRole: 'ADMIN', rootTeam: { username: org.slug, kind: 'ROOT' } });
    expect(organization.teams.totalCount).toBe(0);
    const { viewer } = await app.data(graphql(`query OrganizationsViewer { viewer { organizations { slug } } }`), {}, { token: admin.token });
    expect(viewer.organizations).toEqual([{ slug: org.slug }]);

    const audit = await app.db.query(`SELECT action, actor_type, auth_method FROM audit_events WHERE organization_id = $1`, [
      (await app.db.query(`SELECT id FROM organizations WHERE slug = $1`, [org.slug]))[0].id,
    ]);
    expect(audit).toEqual([{ action: 'organization.create', actor_type: 'USER', auth_method: 'PASSWORD' }]);
  });

  it('rejects a taken slug and invalid slugs with userErrors', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const attempt = (slug: string) =>
      app.data(
        graphql(`mutation OrganizationsCreate($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } userErrors { field code } } }`),
        { input: { slug, name: 'X' } },
        { token: admin.token },
      );
    expect((await attempt(org.slug)).createOrganization).toEqual({ organization: null, userErrors: [{ field: ['input', 'slug'], code: 'TAKEN' }] });
    for (const bad of ['ab', 'Upper', '1starts-with-digit', 'ends-', 'double--hyphen', 'x'.repeat(40), 'sp ace']) {
      expect((await attempt(bad)).createOrganization.userErrors).toEqual([{ field: ['input', 'slug'], code: 'INVALID' }]);
    }
  });

  it('validates team usernames platform-wide', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    const create = (username: string) =>
      app.data(
        graphql(`mutation OrganizationsCreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { team { id } userErrors { field code } } }`),
        { input: { organizationId: org.id, username, name: 'T' } },
        { token: admin.token },
      );
    expect((await create(team.username)).createTeam.userErrors).toEqual([{ field: ['input', 'username'], code: 'TAKEN' }]);
    expect((await create(org.slug)).createTeam.userErrors).toEqual([{ field: ['input', 'username'], code: 'TAKEN' }]);
    expect((await create('Bad_Name')).createTeam.userErrors).toEqual([{ field: ['input', 'username'], code: 'INVALID' }]);
    expect((await create('ok-name-' + unique('t').slice(2))).createTeam.userErrors).toEqual([]);
  });

  it('lists teams as a cursor connection that visits every team once', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await createTeam(app, admin, org.id)).username);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      // Annotated: `after` is reassigned from the answer, which TypeScript cannot infer through.
      const { organization }: OrganizationsOrganizationTeamsQuery = await app.data(ORGANIZATION, { slug: org.slug, first: 3, after }, { token: admin.token });
      expect(organization.teams.totalCount).toBe(7);
      seen.push(...organization.teams.edges.map((e) => e.node.username));
      if (!organization.teams.pageInfo.hasNextPage) break;
      after = organization.teams.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual(created);
    const bad = await app.gql(ORGANIZATION, { slug: org.slug, after: 'garbage' }, { token: admin.token });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    const tooMany = await app.gql(ORGANIZATION, { slug: org.slug, first: 101 }, { token: admin.token });
    expect(tooMany.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('renames organizations and teams, audited with before/after', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    const renamed = await app.data(
      graphql(`mutation OrganizationsRenameTeam($input: RenameTeamInput!) { renameTeam(input: $input) { team { name } userErrors { code } } }`),
      { input: { teamId: team.id, name: 'Renamed team' } },
      { token: admin.token },
    );
    expect(renamed.renameTeam).toEqual({ team: { name: 'Renamed team' }, userErrors: [] });
    const orgRenamed = await app.data(
      graphql(`mutation OrganizationsRename($input: RenameOrganizationInput!) { renameOrganization(input: $input) { organization { name } userErrors { code } } }`),
      { input: { organizationId: org.id, name: 'New Org Name' } },
      { token: admin.token },
    );
    expect(orgRenamed.renameOrganization.organization!.name).toBe('New Org Name');
    const [event] = await app.db.query(`SELECT changes FROM audit_events WHERE action = 'team.rename' AND target_id = (SELECT id::text FROM teams WHERE username = $1)`, [team.username]);
    expect(event.changes).toEqual({ name: { before: `Team ${team.username}`, after: 'Renamed team' } });
  });

  it('archives a team: hidden by default, its keys stop authenticating, history stays', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    const key = await createApiKeyFor(app, team.username, 'ADMIN');
    expect((await app.gql(`{ team(username: "${team.username}") { username } }`, {}, { key })).body.data).toEqual({ team: { username: team.username } });

    const archived = await app.data(
      graphql(`mutation OrganizationsArchiveTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { team { archivedAt } userErrors { code } } }`),
      { input: { teamId: team.id } },
      { token: admin.token },
    );
    expect(archived.archiveTeam.team!.archivedAt).toEqual(expect.any(String));

    const keyAfter = await app.gql(`{ __typename }`, {}, { key });
    expect(keyAfter.status).toBe(401);
    const listed = await app.data(ORGANIZATION, { slug: org.slug }, { token: admin.token });
    expect(listed.organization.teams.totalCount).toBe(0);
    const withArchived = await app.data(ORGANIZATION, { slug: org.slug, includeArchived: true }, { token: admin.token });
    expect(withArchived.organization.teams.edges.map((e) => e.node.username)).toEqual([team.username]);
    const stillReadable = await app.data(
      graphql(`query OrganizationsTeamArchivedAt($username: String!) { team(username: $username) { archivedAt } }`),
      { username: team.username },
      { token: admin.token },
    );
    expect(stillReadable.team.archivedAt).toEqual(archived.archiveTeam.team!.archivedAt);

    // New work is refused with a userError naming the team: no new keys (they could never authenticate), secret
    // values, invites or team assignments.
    const refused = [{ code: 'ARCHIVED', field: ['input', 'teamId'] }];
    const newKey = await app.data(
      graphql(`mutation OrganizationsCreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } userErrors { code field } } }`),
      { input: { teamId: team.id, alias: 'after archive', scope: 'API' } },
      { token: admin.token },
    );
    expect(newKey.createApiKey).toEqual({ key: null, apiKey: null, userErrors: refused });
    const newSecret = await app.data(
      graphql(`mutation OrganizationsSetTeamSecret($input: SetTeamSecretInput!) { setTeamSecret(input: $input) { secret { id } userErrors { code field } } }`),
      { input: { teamId: team.id, name: 'AFTER_ARCHIVE', value: 'v' } },
      { token: admin.token },
    );
    expect(newSecret.setTeamSecret).toEqual({ secret: null, userErrors: refused });
    const invite = await app.data(
      graphql(`mutation OrganizationsCreateInvite($input: CreateInviteInput!) { createInvite(input: $input) { invite { id } userErrors { code field } } }`),
      { input: { teamId: team.id, email: `${unique('late')}@example.com` } },
      { token: admin.token },
    );
    expect(invite.createInvite).toEqual({ invite: null, userErrors: refused });
    const [{ keys, secrets }] = await app.db.query(
      `SELECT (SELECT count(*)::int FROM api_keys WHERE team_id = t.id) AS keys, (SELECT count(*)::int FROM team_secrets WHERE team_id = t.id) AS secrets
         FROM teams t WHERE t.username = $1`,
      [team.username],
    );
    expect({ keys, secrets }).toEqual({ keys: 1, secrets: 0 });

    const rootArchive = await app.data(
      graphql(`mutation OrganizationsArchiveRootTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { team { id } userErrors { code } } }`),
      { input: { teamId: org.rootTeamId } },
      { token: admin.token },
    );
    expect(rootArchive.archiveTeam.userErrors).toEqual([{ code: 'NOT_ARCHIVABLE' }]);
  });

  it('another organization’s objects look exactly like missing ones', async () => {
    const alice = await signUp(app);
    const mallory = await signUp(app);
    const aliceOrg = await createOrganization(app, alice);
    const aliceTeam = await createTeam(app, alice, aliceOrg.id);
    await createOrganization(app, mallory);
    const malloryKey = await createApiKeyFor(app, (await createOrganization(app, mallory)).slug, 'ADMIN');

    for (const credential of [{ token: mallory.token }, { key: malloryKey }]) {
      const org = await app.gql(`{ organization(slug: "${aliceOrg.slug}") { id } }`, {}, credential);
      const missingOrg = await app.gql(`{ organization(slug: "no-such-org-${unique('x')}") { id } }`, {}, credential);
      expect(org.body.errors?.[0]).toMatchObject({ message: missingOrg.body.errors?.[0]?.message, extensions: { code: 'NOT_FOUND' } });

      const team = await app.gql(`{ team(username: "${aliceTeam.username}") { id } }`, {}, credential);
      const missingTeam = await app.gql(`{ team(username: "no-such-team-${unique('x')}") { id } }`, {}, credential);
      expect(team.body.errors?.[0]?.message).toBe(missingTeam.body.errors?.[0]?.message);
      expect(team.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

      const rename = await app.gql(
        graphql(`mutation OrganizationsRenameTeamId($input: RenameTeamInput!) { renameTeam(input: $input) { team { id } } }`),
        { input: { teamId: aliceTeam.id, name: 'pwned' } },
        credential,
      );
      expect(rename.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const node = await app.data(graphql(`query OrganizationsNode($id: ID!) { node(id: $id) { id } }`), { id: aliceTeam.id }, credential);
      expect(node.node).toBeNull();
    }
    const [unchanged] = await app.db.query(`SELECT name FROM teams WHERE username = $1`, [aliceTeam.username]);
    expect(unchanged.name).toBe(`Team ${aliceTeam.username}`);
  });

  it('API-scoped keys cannot administer their own team', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    const apiKey = await createApiKeyFor(app, team.username, 'API');
    const response = await app.gql(
      graphql(`mutation OrganizationsRenameTeamId($input: RenameTeamInput!) { renameTeam(input: $input) { team { id } } }`),
      { input: { teamId: team.id, name: 'nope' } },
      { key: apiKey },
    );
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'API_KEY_SCOPE' });
  });

  it('node(id:) fetches visible organizations and teams by global id', async () => {
    const admin = await signUp(app);
    const org = await createOrganization(app, admin);
    const team = await createTeam(app, admin, org.id);
    const data = await app.data(
      graphql(`query OrganizationsNodes($a: ID!, $b: ID!) { a: node(id: $a) { __typename id ... on Team { username } } b: node(id: $b) { __typename ... on Organization { slug } } c: node(id: "bm9wZQ") { id } }`),
      { a: team.id, b: org.id },
      { token: admin.token },
    );
    expect(data).toEqual({ a: { __typename: 'Team', id: team.id, username: team.username }, b: { __typename: 'Organization', slug: org.slug }, c: null });
  });
});
