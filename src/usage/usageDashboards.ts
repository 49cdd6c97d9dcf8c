import DataLoader from 'dataloader';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import type { Product } from '../catalog/modelEndpoint.entity';
import type { UsageItem } from './usage.types';
import { DECIMAL_SCALE, decimalText, quotientText } from '../core/decimals';

/** A dashboard figure of one team: its spend so far this UTC day or month, or its summary over a range. */
type FigureKey = { teamId: string } & ({ kind: 'spend'; period: 'DAY' | 'MONTH' } | { kind: 'summary'; start: Date; end: Date });
type Figure = string | UsageItem[];

interface FigureRow {
  question: number;
  team_id: string;
  product: Product | null;
  unit: string | null;
  quantity: string | null;
  cost: string;
  price: string | null;
}

/**
 * Per-request loader for dashboard fields over many teams (`Team.spend`, `Team.usageSummary`). Every figure asked
 * for in the same tick — any mix of periods and ranges, for any number of teams — is answered by ONE SQL
 * statement: a branch per distinct question (period or range), each over all the teams that asked it.
 */
export function createUsageDashboardLoaders(db: DataSource) {
  const figures = new DataLoader<FigureKey, Figure, string>((keys) => loadFigures(db, keys), { cacheKeyFn: figureCacheKey });
  return {
    spend: (period: 'DAY' | 'MONTH', teamId: string) => figures.load({ kind: 'spend', period, teamId }) as Promise<string>,
    summary: (start: Date, end: Date, teamId: string) => figures.load({ kind: 'summary', start, end, teamId }) as Promise<UsageItem[]>,
  };
}

function figureCacheKey(key: FigureKey): string {
  return `${questionKey(key)}|${key.teamId}`;
}

function questionKey(key: FigureKey): string {
  return key.kind === 'spend' ? `spend:${key.period}` : `summary:${key.start.toISOString()}|${key.end.toISOString()}`;
}

async function loadFigures(db: DataSource, keys: readonly FigureKey[]): Promise<Figure[]> {
  const questions = new Map<string, { index: number; key: FigureKey; teamIds: Set<string> }>();
  for (const key of keys) {
    const id = questionKey(key);
    let question = questions.get(id);
    if (!question) {
      question = { index: questions.size, key, teamIds: new Set() };
      questions.set(id, question);
    }
    question.teamIds.add(key.teamId);
  }
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const branches = [...questions.values()].map(({ index, key, teamIds }) => {
    const teams = `${param([...teamIds])}::uuid[]`;
    if (key.kind === 'spend') {
      // The period starts at a UTC day boundary and today's daily row grows with ingest: the daily rollup is exact.
      // It ends where the period does: ingest accepts records up to a day ahead, which belong to tomorrow's (or next
      // month's) figure, as they do for alerts, hard limits and budgets.
      const since = DateTime.utc().startOf(key.period === 'DAY' ? 'day' : 'month');
      const until = since.plus(key.period === 'DAY' ? { days: 1 } : { months: 1 });
      return `SELECT ${index} AS question, team_id, NULL::text AS product, NULL::text AS unit, NULL::text AS quantity,
                     ${decimalText('sum(cost)')} AS cost, NULL::text AS price
                FROM usage_rollup_1d
               WHERE team_id = ANY(${teams}) AND bucket >= ${param(since.toISO())} AND bucket < ${param(until.toISO())}
               GROUP BY team_id`;
    }
    // The coarsest rollup whose buckets tile the range exactly (UTC days, then hours); anything finer reads raw
    // records, so answers stay exact.
    const alignedTo = (ms: number) => key.start.getTime() % ms === 0 && key.end.getTime() % ms === 0;
    const [table, time] = alignedTo(86_400_000) ? ['usage_rollup_1d', 'bucket'] : alignedTo(3600_000) ? ['usage_rollup_1h', 'bucket'] : ['usage_records', 'ts'];
    return `SELECT ${index} AS question, team_id, product::text, unit, ${decimalText('sum(quantity)', DECIMAL_SCALE.quantity)} AS quantity,
                   ${decimalText('sum(cost)')} AS cost,
                   ${quotientText('sum(cost)', 'sum(quantity)', DECIMAL_SCALE.unitPrice)} AS price
              FROM ${table} WHERE team_id = ANY(${teams}) AND ${time} >= ${param(key.start.toISOString())} AND ${time} < ${param(key.end.toISOString())}
             GROUP BY team_id, product, unit`;
  });
  const rows: FigureRow[] = await db.query(
    `${branches.map((branch) => `(${branch})`).join('\nUNION ALL\n')}\nORDER BY question, team_id, product, unit`,
    params,
  );

  const answers = new Map<string, FigureRow[]>();
  for (const row of rows) {
    const id = `${row.question}|${row.team_id}`;
    const group = answers.get(id);
    if (group) group.push(row);
    else answers.set(id, [row]);
  }
  return keys.map((key) => {
    const found = answers.get(`${questions.get(questionKey(key))!.index}|${key.teamId}`) ?? [];
    if (key.kind === 'spend') return found[0]?.cost ?? '0';
    return found.map((row) => ({
      teamUsername: null,
      product: row.product,
      endpointId: null,
      unit: row.unit,
      quantity: row.quantity,
      unitPrice: row.price,
      cost: row.cost,
      currency: 'USD',
      authMethod: null,
    }));
  });
}
