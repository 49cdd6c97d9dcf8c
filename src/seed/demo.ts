import type { DataSource } from 'typeorm';
import { createServices } from '../app/services';
import type { Caller } from '../audit/audit';
import { loadConfig } from '../core/config';
import { ApiKeyScope } from '../apiKeys/apiKey.entity';
import { Organization } from '../organizations/organization.entity';
import { Team } from '../teams/team.entity';

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
}

/** Seeds the demo organization once (an admin with a password, two teams, an organization admin key). */
export async function seedDemo(db: DataSource): Promise<DemoSeedResult> {
  const config = loadConfig();
  // Its password is in the README: a production database must never hold it (loadConfig refuses SEED_DEMO there too).
  if (config.isProduction) throw new Error('The demo organization is never seeded when NODE_ENV=production.');
  const result: DemoSeedResult = { ...DEMO, adminKey: null };
  if (await db.getRepository(Organization).exists({ where: { slug: DEMO.organizationSlug } })) return result;

  const services = createServices(db, config);
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
  await services.teams.create(admin, { organizationId: organization.id, username: DEMO.teamUsernames[0]!, name: 'Research' });
  await services.teams.create(admin, { organizationId: organization.id, username: DEMO.teamUsernames[1]!, name: 'Production' });
  const rootTeam = await db.getRepository(Team).findOneByOrFail({ id: organization.rootTeamId! });
  const { key } = await services.apiKeys.create(admin, rootTeam, { alias: 'Demo organization admin key', scope: ApiKeyScope.ADMIN });
  await services.users.revokeSession(session.id);
  result.adminKey = key;
  return result;
}
