import DataLoader from 'dataloader';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import type { Product } from '../catalog/modelEndpoint.entity';
import type { UsageItem } from './usage.types';

/**
 * Per-request loaders for dashboard fields over many teams: every team asking the same question (spend this
 * month, summary over a range) is answered by one SQL statement, whatever the number of teams.
 */
export function createUsageDashboardLoaders(db: DataSource) {
  const spendLoaders = new Map<string, DataLoader<string, string>>();
  const summaryLoaders = new Map<string, DataLoader<string, UsageItem[]>>();

  return {
    spend(period: 'DAY' | 'MONTH'): DataLoader<string, string> {
      let loader = spendLoaders.get(period);
      if (!loader) {
        const since = DateTime.utc().startOf(period === 'DAY' ? 'day' : 'month').toISO();
        loader = new DataLoader<string, string>(async (teamIds) => {
          // The period starts at a UTC day boundary and today's daily row grows with ingest: the daily rollup is exact.
          const rows: Array<{ team_id: string; cost: string }> = await db.query(
            `SELECT team_id, trim_scale(sum(cost))::text AS cost FROM usage_rollup_1d
              WHERE team_id = ANY($1::uuid[]) AND bucket >= $2 GROUP BY team_id`,
            [teamIds, since],
          );
          const byTeam = new Map(rows.map((row) => [row.team_id, row.cost]));
          return teamIds.map((id) => byTeam.get(id) ?? '0');
        });
        spendLoaders.set(period, loader);
      }
      return loader;
    },

    summary(start: Date, end: Date): DataLoader<string, UsageItem[]> {
      const key = `${start.toISOString()}|${end.toISOString()}`;
      let loader = summaryLoaders.get(key);
      if (!loader) {
        // The coarsest rollup whose buckets tile the range exactly (UTC days, then hours); anything finer reads raw
        // records, so answers stay exact.
        const alignedTo = (ms: number) => start.getTime() % ms === 0 && end.getTime() % ms === 0;
        const [table, time] = alignedTo(86_400_000) ? ['usage_rollup_1d', 'bucket'] : alignedTo(3600_000) ? ['usage_rollup_1h', 'bucket'] : ['usage_records', 'ts'];
        loader = new DataLoader<string, UsageItem[]>(async (teamIds) => {
          const rows: Array<{ team_id: string; product: Product; unit: string; quantity: string; cost: string; price: string | null }> = await db.query(
            `SELECT team_id, product, unit, trim_scale(sum(quantity))::text AS quantity, trim_scale(sum(cost))::text AS cost,
                    CASE WHEN sum(quantity) = 0 THEN NULL ELSE trim_scale(round(sum(cost) / sum(quantity), 12))::text END AS price
               FROM ${table} WHERE team_id = ANY($1::uuid[]) AND ${time} >= $2 AND ${time} < $3
              GROUP BY team_id, product, unit ORDER BY team_id, product, unit`,
            [teamIds, start.toISOString(), end.toISOString()],
          );
          return teamIds.map((id) =>
            rows
              .filter((row) => row.team_id === id)
              .map((row) => ({
                teamUsername: null,
                product: row.product,
                endpointId: null,
                unit: row.unit,
                quantity: row.quantity,
                unitPrice: row.price,
                cost: row.cost,
                currency: 'USD',
                authMethod: null,
              })),
          );
        });
        summaryLoaders.set(key, loader);
      }
      return loader;
    },
  };
}
