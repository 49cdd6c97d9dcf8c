// A Node program written the way an SDK user would, against the installed tarball. The consumer test type-checks it
// (strict, no skipLibCheck) and then runs it against a live Orgraph. It exits non-zero when anything is off.
import {
  createClient,
  isOrgraphError,
  login,
  OrgraphError,
  signUp,
  type MutationResult,
  type OrgraphClient,
  type OrgraphErrorCode,
  type Team,
} from '@orgraph/sdk';

const url = requireEnv('ORGRAPH_URL');
const apiKey = requireEnv('ORGRAPH_API_KEY');
const organizationSlug = requireEnv('ORGRAPH_ORGANIZATION');
const suffix = Math.random().toString(36).slice(2, 8);

async function main(): Promise<void> {
  // 1. An organization admin key: read the organization, create a team, list every team.
  const admin = createClient({ url, apiKey, timeoutMs: 10_000 });
  const organization = await admin.organization(organizationSlug);
  const created: MutationResult<Team> = await admin.createTeam({
    organizationId: organization.id,
    username: `consumer-${suffix}`,
    name: 'Created by the consumer test',
  });
  if (!created.ok) throw new Error(`createTeam failed: ${created.userErrors.map((e) => e.code).join(', ')}`);
  const usernames: string[] = [];
  for await (const team of admin.teams(organizationSlug, { pageSize: 1 })) usernames.push(team.username);
  check(usernames.includes(created.data.username), `teams() lists the new team (${usernames.join(', ')})`);

  // 2. Business-rule failures are values, not exceptions.
  const duplicate = await admin.createTeam({ organizationId: organization.id, username: created.data.username, name: 'Again' });
  check(!duplicate.ok && duplicate.userErrors[0]?.code === 'TAKEN', 'a taken username comes back as userErrors TAKEN');

  // 3. Errors are typed: an API key has no viewer.
  try {
    await admin.viewer();
    check(false, 'viewer() with an API key should fail');
  } catch (error) {
    check(isOrgraphError(error) && error.code === 'FORBIDDEN' && error.reason === 'USER_SESSION_REQUIRED', `FORBIDDEN with a reason (${String(error)})`);
    if (error instanceof OrgraphError) console.log(`expected error: ${label(error.code)} (request ${error.requestId})`);
  }

  // 4. A person: sign up, log in, use the session token.
  const email = `consumer-${suffix}@example.com`;
  const signedUp = await signUp({ url }, { email, name: 'Consumer', password: 'correct horse battery' });
  if (!signedUp.ok) throw new Error('signUp failed');
  const session = await login({ url }, { email, password: 'correct horse battery' });
  if (!session.ok) throw new Error('login failed');
  const me: OrgraphClient = createClient({ url, token: session.data.token });
  const viewer = await me.viewer();
  check(viewer.email === email && viewer.personalAccount?.kind === 'PERSONAL', 'viewer() returns the signed-in user');
  const node = await me.node(viewer.user.id);
  check(node?.__typename === 'User' && node.email === email, 'node() narrows on __typename');

  // 5. Usage, page by page, and the gateway's model-access question.
  const buckets: string[] = [];
  for await (const page of admin.usagePages(organizationSlug, { start: '2025-01-01', end: '2025-01-03', timeframe: 'DAY', limit: 1 })) {
    for (const bucket of page.timeSeries ?? []) buckets.push(bucket.bucket);
  }
  check(buckets.length === 2, `usagePages() follows nextCursor over every bucket (${buckets.join(', ')})`);
  const [decision] = await admin.checkModelAccess([{ teamUsername: created.data.username, endpointId: 'fal-ai/flux/dev', surface: 'API' }]);
  check(decision?.access?.decision === 'ALLOWED', `checkModelAccess explains its decision (${decision?.access?.reason ?? 'none'})`);

  const logout = await me.logout();
  check(logout.ok && logout.data.revoked, 'logout revokes the session');
  try {
    await me.viewer();
    check(false, 'a revoked token should fail');
  } catch (error) {
    check(isOrgraphError(error) && error.code === 'UNAUTHENTICATED', 'a revoked token is UNAUTHENTICATED');
  }
  console.log(`consumer OK: ${usernames.length} teams, signed in as ${viewer.email}`);
}

/** Uses that must NOT type-check; never called. Each line fails the build if the SDK's types stop rejecting it. */
function misuses(client: OrgraphClient, result: MutationResult<Team>): void {
  // @ts-expect-error exactly one credential: not both
  createClient({ url, apiKey: 'key:secret', token: 'session-token' });
  // @ts-expect-error exactly one credential: not neither
  createClient({ url });
  // @ts-expect-error renameTeam's `name` is a string
  void client.renameTeam({ teamId: 'VGVhbTox', name: 42 });
  // @ts-expect-error `data` exists only after checking `ok`
  void result.data;
  // @ts-expect-error usage timeframes are a closed union
  void client.usage('acme', { timeframe: 'FORTNIGHT' });
  // @ts-expect-error error codes are a closed union
  const code: OrgraphErrorCode = 'TEAPOT';
  void code;
}
void misuses;

/** Exhaustive over OrgraphErrorCode: adding a code to the SDK without handling it here fails to compile. */
function label(code: OrgraphErrorCode): string {
  switch (code) {
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'BAD_USER_INPUT':
    case 'NOT_FOUND':
    case 'BAD_REQUEST':
      return `client error ${code}`;
    case 'RATE_LIMITED':
    case 'SERVICE_UNAVAILABLE':
    case 'INTERNAL_SERVER_ERROR':
    case 'NETWORK':
    case 'TIMEOUT':
    case 'ABORTED':
      return `transient or server error ${code}`;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`consumer check failed: ${what}`);
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
