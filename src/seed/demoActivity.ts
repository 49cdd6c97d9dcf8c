import { DateTime } from 'luxon';
import type { Services } from '../app/scope';
import type { Caller } from '../audit/audit';
import type { UsageRecordInput } from '../usage/usage.types';
import { evaluateUsage } from '../jobs/usageEvaluation';

/**
 * Development only (never in production): 90 days of usage for the demo organization's teams, so every dashboard
 * query has something to show on the first start — a research team generating images and video on weekdays, a
 * production team with steady traffic that grows, and a little on the root team; the previous month closed (issued
 * invoices), and spending alerts of which the production team's daily one has fired today.
 */
export interface DemoTeams {
  organizationId: string;
  root: string;
  research: string;
  production: string;
}

/** Which endpoints each team calls and how much per day (units of the endpoint: megapixels, images, seconds). */
const PROFILES: Array<{ team: keyof Omit<DemoTeams, 'organizationId'>; endpointId: string; perDay: number; weekends: number; growth: number }> = [
  { team: 'research', endpointId: 'fal-ai/flux/dev', perDay: 180, weekends: 0.2, growth: 0.2 },
  { team: 'research', endpointId: 'fal-ai/kling-video/v2.1/master/text-to-video', perDay: 20, weekends: 0.1, growth: 0.5 },
  { team: 'production', endpointId: 'fal-ai/flux/schnell', perDay: 2_400, weekends: 0.8, growth: 0.6 },
  { team: 'production', endpointId: 'fal-ai/recraft-v3', perDay: 90, weekends: 0.7, growth: 0.3 },
  { team: 'root', endpointId: 'fal-ai/imagen4/preview', perDay: 6, weekends: 0, growth: 0 },
];

/** A small deterministic generator: the same demo on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function seedDemoActivity(services: Services, admin: Caller, teams: DemoTeams & { usernames: Record<'root' | 'research' | 'production', string> }, now = new Date()): Promise<{ records: number; closedMonth: string }> {
  const next = random(20_240_901);
  const today = DateTime.fromJSDate(now, { zone: 'UTC' }).startOf('day');
  const records: UsageRecordInput[] = [];
  for (let back = 90; back >= 0; back -= 1) {
    const day = today.minus({ days: back });
    const weekend = day.weekday >= 6;
    for (const profile of PROFILES) {
      const trend = 1 + profile.growth * ((90 - back) / 90);
      const volume = profile.perDay * trend * (weekend ? profile.weekends : 1) * (0.75 + next() * 0.5);
      // Four batches a day at working hours; today's only up to now.
      for (const hour of [9, 12, 15, 18]) {
        const at = day.plus({ hours: hour, minutes: Math.floor(next() * 60) });
        if (at.toMillis() >= now.getTime() - 60_000) continue;
        const quantity = Math.round((volume / 4) * 100) / 100;
        if (quantity <= 0) continue;
        records.push({
          id: `demo-${profile.team}-${profile.endpointId}-${at.toISO()}`,
          timestamp: at.toISO()!,
          teamUsername: teams.usernames[profile.team],
          product: 'MODEL_APIS',
          endpointId: profile.endpointId,
          quantity: quantity.toFixed(2),
        });
      }
    }
  }
  // Today's first minutes may have no batch yet: one call a minute ago, so today's spend (and the alert) is never empty.
  records.push({
    id: `demo-production-today-${today.toISODate()}`,
    timestamp: new Date(now.getTime() - 60_000).toISOString(),
    teamUsername: teams.usernames.production,
    product: 'MODEL_APIS',
    endpointId: 'fal-ai/flux/schnell',
    quantity: '400',
  });

  // Alerts first, so the ingest below fires the production team's daily one (today's spend is above 1 USD).
  await services.alerts.create(admin, teams.organizationId, teams.production, { threshold: '1', period: 'DAY', recipients: ['oncall@demo.orgraph.dev'] });
  await services.alerts.create(admin, teams.organizationId, teams.research, { threshold: '2000', period: 'MONTH', recipients: ['research-leads@demo.orgraph.dev'] });
  await services.alerts.create(admin, teams.organizationId, null, { threshold: '5000', period: 'MONTH', hardLimit: true, locked: true, recipients: ['finance@demo.orgraph.dev'] });

  for (let start = 0; start < records.length; start += 2_000) {
    const result = await services.usageIngest.ingest(records.slice(start, start + 2_000));
    if (result.rejected.length) throw new Error(`demo usage refused: ${JSON.stringify(result.rejected.slice(0, 3))}`);
  }
  // The seed runs without the job queue's workers: evaluate here, as the `usage-evaluation` job would.
  await evaluateUsage(services, teams.organizationId);
  const closedMonth = today.startOf('month').minus({ months: 1 }).toFormat('yyyy-MM');
  await services.invoices.close({ actor: { kind: 'OPERATOR' }, requestId: 'seed-demo', ip: null }, closedMonth, now);
  return { records: records.length, closedMonth };
}
