// The gateway and the metering pipeline, written as their authors would, against the installed tarball. The consumer
// test compiles this one file twice, as CommonJS (gateway.cts) and as ESM (gateway.mts), type-checks both strictly
// against the package's own declarations for each module system, and runs both against a live Orgraph.
import { createClient, isOrgraphError, type ApiKeyRoute, type IngestUsageInput, type ModelAccessCheckResult } from '@orgraph/sdk';
import { ApiKeyRouteDocument, type ApiKeyRouteQuery } from '@orgraph/sdk/documents';

const url = requireEnv('ORGRAPH_URL');
const customerKey = requireEnv('ORGRAPH_API_KEY');
const ingestToken = requireEnv('ORGRAPH_INGEST_TOKEN');
const moduleSystem = typeof require === 'function' ? 'CommonJS' : 'ESM';

async function main(): Promise<void> {
  const gateway = createClient({ url, token: ingestToken, timeoutMs: 10_000 });

  // 1. Route: which team does the customer's key belong to?
  const route: ApiKeyRoute | null = await gateway.apiKeyRoute(customerKey);
  if (!route) throw new Error('the customer key did not route');
  check(route.keyId === customerKey.split(':')[0], `apiKeyRoute names the key (${route.keyId})`);
  check((await gateway.apiKeyRoute(`${route.keyId}:wrong-secret`)) === null, 'a wrong secret routes nowhere');

  // 2. May this team call this endpoint?
  const [decision]: ReadonlyArray<ModelAccessCheckResult> = await gateway.checkModelAccess([{ teamUsername: route.team.username, endpointId: 'fal-ai/flux/dev', surface: 'API' }]);
  check(decision?.allowed === true, `checkModelAccess allows it (${decision?.access?.reason ?? decision?.error?.message ?? 'no answer'})`);

  // 3. Record the request, then meter it.
  const id = `consumer-${moduleSystem}-${Date.now()}`;
  const startedAt = new Date(Date.now() - 2_000).toISOString();
  const requests = await gateway.ingestRequests({
    records: [{ id, teamUsername: route.team.username, endpointId: 'fal-ai/flux/dev', status: 'SUCCEEDED', httpStatus: 200, startedAt, finishedAt: new Date().toISOString(), auth: { kind: 'API_KEY', keyId: route.keyId }, input: '{"prompt":"a lighthouse"}' }],
  });
  check(requests.ok && requests.data.accepted === 1, 'ingestRequests accepts the record');
  const usage: IngestUsageInput = {
    records: [{ id, timestamp: startedAt, teamUsername: route.team.username, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', quantity: '1', unitPrice: '0.025', auth: { kind: 'API_KEY', keyId: route.keyId } }],
  };
  const metered = await gateway.ingestUsage(usage);
  check(metered.ok && metered.data.accepted === 1 && (metered.data.rejected ?? []).length === 0, 'ingestUsage accepts the record');
  const again = await gateway.ingestUsage(usage);
  check(again.ok && again.data.duplicates === 1, 'a retried record is a duplicate, not billed twice');

  // 4. Any document, typed, with the client's credential: the exported documents need no codegen of one's own.
  const raw: ApiKeyRouteQuery = await gateway.request(ApiKeyRouteDocument, { input: { key: customerKey } });
  check(raw.apiKeyRoute?.team.username === route.team.username, 'request() runs an exported typed document');

  // 5. The ingest credential is only for this: an organization read is FORBIDDEN, as a typed error.
  try {
    await gateway.organization('anything');
    check(false, 'the ingest credential should not read organizations');
  } catch (error) {
    check(isOrgraphError(error) && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND'), `typed error (${String(error)})`);
  }
  console.log(`gateway OK (${moduleSystem}): ${route.team.username} routed, checked, recorded and metered`);
}

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`gateway check failed (${moduleSystem}): ${what}`);
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
