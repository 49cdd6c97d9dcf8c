import 'reflect-metadata';
import { createLogger } from '../src/core/logger';
import { createAppDataSource } from '../src/app/database';
import { startServer } from '../src/app/server';
import { reuseBenchOrganization } from '../bench/usageData';
import { benchServerConfig, CHART, chartArgs } from '../bench/usageRequests';
async function main() {
  const db = createAppDataSource({ url: 'postgres://postgres@127.0.0.1:5432/orgraph_bench_20m', poolSize: 8 });
  await db.initialize();
  const server = await startServer({ db, config: benchServerConfig(), logger: createLogger('silent'), port: 0 });
  const org = await reuseBenchOrganization(server.services);
  const body = JSON.stringify({ query: CHART, variables: chartArgs() });
  const post = async () => { const r = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Key ${org.adminKey}` }, body }); const t = await r.text(); return r.headers.get('server-timing') + ' ' + t.length; };
  for (let i = 0; i < 20; i++) await post();
  const times: number[] = []; let st = '';
  for (let i = 0; i < 300; i++) { const s = performance.now(); st = await post(); times.push(performance.now() - s); }
  times.sort((a, b) => a - b); console.log('p50', times[150].toFixed(2), 'ms', st);
  await server.close(); await db.destroy();
}
main();
