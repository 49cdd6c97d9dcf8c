/**
 * Realistic usage data for benchmarks: one organization with 200 teams (two API keys each), three product lines,
 * Zipf-distributed endpoints (a few endpoints carry most traffic), diurnal and weekly cycles and bursts (some
 * team-days run at 20× their normal rate). Generated inside PostgreSQL (INSERT … SELECT over generate_series), then
 * rolled up exactly as ingest would, so queries see what production would.
 */
import type { DataSource } from 'typeorm';
import type { Services } from '../src/app/services';

export interface GeneratedOrganization {
  organizationId: string;
  slug: string;
  adminToken: string;
  adminKey: string;
  teamIds: string[];
}

export async function createBenchOrganization(services: Services, teams = 200, slug = 'bench-org'): Promise<GeneratedOrganization> {
  const system = { actor: { kind: 'OPERATOR' as const }, requestId: 'bench', ip: null };
  const { user, token } = await services.users.signUp(system, { email: `${slug}-admin@example.com`, name: 'Bench Admin', password: 'bench password 123' });
  const admin = asUser(user.id);
  const organization = await services.organizations.create(admin, user.id, { slug, name: `Bench ${slug}` });
  const teamIds: string[] = [];
  for (let i = 0; i < teams; i++) {
    if (i % 250 === 0) console.log(`generating: ${slug} teams ${i}/${teams} (${new Date().toISOString()})`);
    const team = await services.teams.create(admin, { organizationId: organization.id, username: `${slug}-team-${i}`, name: `Bench team ${i}` });
    teamIds.push(team.id);
    for (const alias of ['production', 'staging']) await services.apiKeys.create(admin, team, { alias, scope: 'API' as never });
  }
  const adminKey = await newAdminKey(services, user.id, organization);
  return { organizationId: organization.id, slug: organization.slug, adminToken: token, adminKey, teamIds };
}

/** The organization an earlier run created in a kept database, with a fresh admin key (secrets are shown only once). */
export async function reuseBenchOrganization(services: Services, slug = 'bench-org'): Promise<GeneratedOrganization> {
  const [organization] = await services.db.query(`SELECT id, slug, root_team_id AS "rootTeamId" FROM organizations WHERE slug = $1`, [slug]);
  if (!organization) throw new Error(`the kept database has no organization ${slug}; drop it and run again`);
  const [owner] = await services.db.query(`SELECT user_id FROM organization_memberships WHERE organization_id = $1 AND role = 'ADMIN' LIMIT 1`, [organization.id]);
  const teams: Array<{ id: string }> = await services.db.query(`SELECT id FROM teams WHERE organization_id = $1 AND kind = 'TEAM' ORDER BY id`, [organization.id]);
  const adminKey = await newAdminKey(services, owner.user_id, organization);
  return { organizationId: organization.id, slug: organization.slug, adminToken: '', adminKey, teamIds: teams.map((team) => team.id) };
}

function asUser(userId: string) {
  return { actor: { kind: 'USER' as const, userId, sessionId: '', method: 'PASSWORD' as const, ssoOrganizationId: null }, requestId: 'bench', ip: null };
}

async function newAdminKey(services: Services, userId: string, organization: { id: string; rootTeamId: string | null }): Promise<string> {
  const rootTeam = { id: organization.rootTeamId!, organizationId: organization.id } as never;
  const { key } = await services.apiKeys.create(asUser(userId), rootTeam, { alias: 'bench admin', scope: 'ADMIN' as never });
  return key;
}

/** Inserts `events` raw usage records spread over `days` days ending now, then builds every rollup from them. */
export async function generateUsage(db: DataSource, organizationId: string, events: number, days: number, teams = 200): Promise<void> {
  const chunk = 1_000_000;
  // usage_records is partitioned by month (ingest creates months on demand; this bulk insert bypasses it).
  await db.query(
    `SELECT orgraph_ensure_month_partition('usage_records', m)
       FROM generate_series(date_trunc('month', now() - make_interval(days => $1 + 1), 'UTC'), now(), interval '1 month') m`,
    [days],
  );
  for (let offset = 0; offset < events; offset += chunk) {
    const count = Math.min(chunk, events - offset);
    console.log(`generating: events ${offset.toLocaleString()}–${(offset + count).toLocaleString()} of ${events.toLocaleString()} (${new Date().toISOString()})`);
    await db.query(
      `WITH endpoints AS (
         SELECT row_number() OVER (ORDER BY e.endpoint_id) - 1 AS rank, e.endpoint_id, e.product, e.unit,
                (SELECT p.unit_price FROM model_prices p WHERE p.endpoint_id = e.endpoint_id ORDER BY p.effective_from DESC LIMIT 1) AS price,
                count(*) OVER () AS n
           FROM model_endpoints e
       ),
       bench_teams AS (SELECT row_number() OVER (ORDER BY id) - 1 AS rank, id, count(*) OVER () AS n FROM teams WHERE organization_id = $1 AND kind = 'TEAM'),
       login AS (SELECT personal_owner_id AS user_id FROM teams WHERE kind = 'PERSONAL' LIMIT 1),
       keys AS (SELECT team_id, array_agg(id ORDER BY alias) AS ids FROM api_keys WHERE organization_id = $1 GROUP BY team_id),
       raw AS (SELECT g, random() < 0.05 AS burst FROM generate_series(1, $2) g),
       draws AS (
         SELECT g,
                -- Zipf-like skew: small ranks are drawn far more often.
                floor(power(random(), 3) * 35)::int AS endpoint_rank,
                -- Bursts: 5% of all events land on 5 teams during 10 days.
                CASE WHEN burst THEN g % 5 ELSE floor(power(random(), 1.5) * $5)::int END AS team_rank,
                -- Diurnal cycle: hours cluster around 15:00 UTC; weekly cycle: weekends thinned below.
                now() - make_interval(days => CASE WHEN burst THEN 3 * (g % 10) ELSE floor(random() * $3)::int END)
                      - make_interval(hours => (floor(24 + 9 * (random() + random() + random() - 1.5)))::int % 24)
                      - make_interval(secs => random() * 3600) AS ts,
                random() AS coin
           FROM raw
       )
       INSERT INTO usage_records (tenant_id, id, ts, team_id, organization_id, product, endpoint_id, unit, quantity, unit_price, cost, auth_key, received_at)
       SELECT $1, 'bench-' || $4 || '-' || d.g, d.ts, t.id, $1, e.product, e.endpoint_id, e.unit,
              q.quantity, e.price, q.quantity * e.price,
              CASE WHEN d.coin < 0.85 THEN 'KEY:' || k.ids[1 + (d.g % 2)] ELSE 'LOGIN:' || login.user_id END,
              d.ts
         FROM draws d
         JOIN endpoints e ON e.rank = d.endpoint_rank % e.n
         -- team_rank is below the number of teams already: an equality join (a hash join; with the modulo here it was a
         -- nested loop of events × teams, hours for 2,000 teams).
         JOIN bench_teams t ON t.rank = d.team_rank
         JOIN keys k ON k.team_id = t.id
         CROSS JOIN login
         CROSS JOIN LATERAL (SELECT round((1 + random() * 9)::numeric, 3) AS quantity) q
        WHERE NOT (extract(isodow FROM d.ts) >= 6 AND d.coin < 0.5)`,
      [organizationId, count, days, offset, teams],
    );
  }
  // The idempotency ledger holds every stored id, as ingest leaves it (ingest's cost depends on its size).
  await db.query(`INSERT INTO usage_record_ids (tenant_id, id, ts) SELECT tenant_id, id, ts FROM usage_records WHERE tenant_id = $1 ON CONFLICT DO NOTHING`, [organizationId]);
  await db.query(`ANALYZE usage_records; ANALYZE usage_record_ids`);
  console.log(`generating: rollups (${new Date().toISOString()})`);
  await rebuildRollups(db);
}

/**
 * Rebuilds every rollup from raw records with the same aggregates ingest maintains incrementally, stored in bucket
 * order as ingest (which arrives roughly in time order) leaves them.
 */
export async function rebuildRollups(db: DataSource): Promise<void> {
  const full = (table: string, bucket: string) =>
    db.query(`TRUNCATE ${table};
      INSERT INTO ${table} (tenant_id, bucket, team_id, product, endpoint_id, unit, auth_key, quantity, cost, min_unit_price, max_unit_price, records)
      SELECT tenant_id, ${bucket}, team_id, product, endpoint_id, unit, auth_key, sum(quantity), sum(cost), min(unit_price), max(unit_price), count(*)
        FROM usage_records GROUP BY 1, 2, 3, 4, 5, 6, 7
       ORDER BY 2`);
  await full('usage_rollup_15m', "date_bin('15 minutes', ts, timestamptz '2000-01-01 00:00:00+00')");
  await full('usage_rollup_1h', "date_trunc('hour', ts, 'UTC')");
  await full('usage_rollup_1d', "date_trunc('day', ts, 'UTC')");
  await db.query(`TRUNCATE usage_rollup_items_1d;
    INSERT INTO usage_rollup_items_1d (tenant_id, bucket, team_id, product, endpoint_id, unit, quantity, cost, min_unit_price, max_unit_price, records)
    SELECT tenant_id, date_trunc('day', ts, 'UTC'), team_id, product, endpoint_id, unit, sum(quantity), sum(cost), min(unit_price), max(unit_price), count(*)
      FROM usage_records GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 2`);
  await db.query(`TRUNCATE usage_rollup_product_1h;
    INSERT INTO usage_rollup_product_1h (tenant_id, bucket, product, cost, records)
    SELECT tenant_id, date_trunc('hour', ts, 'UTC'), product, sum(cost), count(*) FROM usage_records GROUP BY 1, 2, 3 ORDER BY 2`);
  await db.query(`ANALYZE usage_rollup_15m; ANALYZE usage_rollup_1h; ANALYZE usage_rollup_1d; ANALYZE usage_rollup_items_1d; ANALYZE usage_rollup_product_1h`);
}
