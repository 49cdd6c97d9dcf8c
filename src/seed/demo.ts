import type { DataSource } from 'typeorm';
import { createServices } from '../app/services';
import type { Caller } from '../audit/audit';
import { loadConfig } from '../core/config';
import { ApiKeyScope } from '../apiKeys/apiKey.entity';
import { Organization } from '../organizations/organization.entity';
import { Team } from '../teams/team.entity';
import { seedDemoActivity } from './demoActivity';

export const DEMO = {
  organizationSlug: 'demo',
  adminEmail: 'admin@demo.orgraph.dev',
  adminPassword: 'orgraph-demo-admin',
  teamUsernames: ['demo-research', 'demo-production'],
};

export interface DemoSeedResult {
  organizationSlug: string;
  teamUsernames: string[];
  adminEmail: string;
  adminPassword: string;
  /** Only on the start that created it: the secret is never stored in clear. */
  adminKey: string | null;
  /** What the development seed added on the start that created the demo (null otherwise). */
  activity: { records: number; closedMonth: string } | null;
}

/**
 * Seeds the demo organization once (an admin with a password, two teams, an organization admin key). With
 * `activity` (development only; `npm start` never passes it in production) also 90 days of usage, a closed month and
 * alerts, one of which has fired. `listeningUrl`: where the server will listen, for the links in that alert's email.
 */
export async function seedDemo(db: DataSource, options: { activity?: boolean; listeningUrl?: string } = {}): Promise<DemoSeedResult> {
  // Its password is in the README: a production database must never hold it (loadConfig refuses SEED_DEMO there too).
  const config = loadConfig();
  if (config.isProduction) throw new Error('The demo organization is never seeded when NODE_ENV=production.');
  const result: DemoSeedResult = { ...DEMO, adminKey: null, activity: null };
  if (await db.getRepository(Organization).exists({ where: { slug: DEMO.organizationSlug } })) return result;

  const services = createServices(db, config);
  // The seed runs before the server listens, yet its fired alert's email links to the server: give it the address
  // the server is about to listen on (PUBLIC_URL, when set, still wins).
  if (options.listeningUrl) services.publicUrl.setListeningUrl(options.listeningUrl);
  const system: Caller = { actor: { kind: 'OPERATOR' }, requestId: 'seed-demo', ip: null };
  const { user, session } = await services.users.signUp(system, {
    email: DEMO.adminEmail,
    name: 'Demo Admin',
    password: DEMO.adminPassword,
  });
  const admin: Caller = {
    actor: { kind: 'USER', userId: user.id, sessionId: session.id, method: 'PASSWORD', ssoOrganizationId: null },
    requestId: 'seed-demo',
    ip: null,
  };
  const organization = await services.organizations.create(admin, user.id, { slug: DEMO.organizationSlug, name: 'Demo Inc.' });
  const research = await services.teams.create(admin, { organizationId: organization.id, username: DEMO.teamUsernames[0], name: 'Research' });
  const production = await services.teams.create(admin, { organizationId: organization.id, username: DEMO.teamUsernames[1], name: 'Production' });
  const rootTeam = await db.getRepository(Team).findOneByOrFail({ id: organization.rootTeamId! });
  const { key } = await services.apiKeys.create(admin, rootTeam, { alias: 'Demo organization admin key', scope: ApiKeyScope.ADMIN });
  await services.apiKeys.create(admin, production, { alias: 'Production backend', scope: ApiKeyScope.API });
  if (options.activity) {
    result.activity = await seedDemoActivity(services, admin, {
      organizationId: organization.id,
      root: rootTeam.id,
      research: research.id,
      production: production.id,
      usernames: { root: rootTeam.username, research: research.username, production: production.username },
    });
  }
  await services.users.revokeSession(session.id);
  result.adminKey = key;
  return result;
}
