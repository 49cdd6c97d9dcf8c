import 'reflect-metadata';
import { createAppDataSource } from '../src/app/database';
import { UsageQueryService } from '../src/usage/usageQuery.service';
import { UsageExpand, UsageGroupBy, UsageTimeframe } from '../src/usage/usage.types';
import { chartArgs } from '../bench/usageRequests';
async function main() {
  const db = createAppDataSource({ url: 'postgres://postgres@127.0.0.1:5432/orgraph_bench_20m', poolSize: 2 });
  await db.initialize();
  const [{ id }] = await db.query(`SELECT id FROM organizations WHERE slug = 'bench-org'`);
  const orig = db.query.bind(db);
  (db as any).query = async (q: string, p: unknown[]) => { const t = performance.now(); const r = await orig(q, p); console.log((performance.now() - t).toFixed(2), 'ms'); if (process.argv[2] === 'explain') console.log((await orig('EXPLAIN (ANALYZE, BUFFERS) ' + q, p)).map((x: any) => x['QUERY PLAN']).join('\n')); return r; };
  const svc = new UsageQueryService(db);
  for (let i = 0; i < (process.argv[2] === 'explain' ? 1 : 10); i++) await svc.report({ tenantId: id, teamIds: null }, { ...chartArgs(), timeframe: UsageTimeframe.DAY, groupBy: [UsageGroupBy.PRODUCT], expand: [UsageExpand.TIME_SERIES, UsageExpand.SUMMARY], limit: 100 });
  await db.destroy();
}
main();
