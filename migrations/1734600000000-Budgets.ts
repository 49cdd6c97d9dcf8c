import type { MigrationInterface, QueryRunner } from 'typeorm';

const NO_ID = `'00000000-0000-0000-0000-000000000000'::uuid`;

/**
 * Budgets (docs/budgets.md, issue 21): budgets on an organization, team, member or API key; the organization's defaults
 * and maxima per scope (inheritance like policies); reservations held by gateways before a call; threshold firings
 * (one per budget, period and threshold, enforced by a unique key); and the history of the organization's time zone,
 * so a zone change takes effect from the next period instead of reshaping the current one.
 *
 * The zone history is fed by a trigger on `organization_billing` (the billing module owns the zone setting): every
 * committed change of the zone is recorded with its instant, whatever code path made it.
 *
 * Webhook deliveries of budget alerts reuse the billing module's queue: a delivery now belongs to either a spending
 * alert firing or a budget threshold firing.
 */
export class Budgets1734600000000 implements MigrationInterface {
  name = 'Budgets1734600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE budgets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        scope text NOT NULL CHECK (scope IN ('ORGANIZATION', 'TEAM', 'MEMBER', 'API_KEY')),
        team_id uuid REFERENCES teams(id),
        user_id uuid REFERENCES users(id),
        api_key_id uuid REFERENCES api_keys(id),
        period text NOT NULL CHECK (period IN ('DAY', 'WEEK', 'MONTH', 'LIFETIME')),
        amount numeric NOT NULL CHECK (amount > 0),
        currency text NOT NULL DEFAULT 'USD' CHECK (currency = 'USD'),
        thresholds integer[] NOT NULL DEFAULT '{}',
        hard boolean NOT NULL DEFAULT false,
        recipients text[] NOT NULL DEFAULT '{}',
        webhook_url text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (
          (scope = 'ORGANIZATION' AND team_id IS NULL AND user_id IS NULL AND api_key_id IS NULL) OR
          (scope = 'TEAM' AND team_id IS NOT NULL AND user_id IS NULL AND api_key_id IS NULL) OR
          (scope = 'MEMBER' AND user_id IS NOT NULL AND api_key_id IS NULL) OR
          (scope = 'API_KEY' AND api_key_id IS NOT NULL AND team_id IS NOT NULL AND user_id IS NULL)
        )
      );
      CREATE UNIQUE INDEX budgets_subject_period_idx ON budgets
        (organization_id, scope, coalesce(team_id, ${NO_ID}), coalesce(user_id, ${NO_ID}), coalesce(api_key_id, ${NO_ID}), period);
      -- The budgets applying to a call are found by subject.
      CREATE INDEX budgets_team_idx ON budgets (team_id) WHERE team_id IS NOT NULL;
      CREATE INDEX budgets_user_idx ON budgets (user_id) WHERE user_id IS NOT NULL;
      CREATE INDEX budgets_api_key_idx ON budgets (api_key_id) WHERE api_key_id IS NOT NULL;

      CREATE TABLE budget_policies (
        organization_id uuid NOT NULL REFERENCES organizations(id),
        scope text NOT NULL CHECK (scope IN ('TEAM', 'MEMBER', 'API_KEY')),
        period text NOT NULL CHECK (period IN ('DAY', 'WEEK', 'MONTH', 'LIFETIME')),
        default_amount numeric CHECK (default_amount > 0),
        max_amount numeric CHECK (max_amount > 0),
        locked boolean NOT NULL DEFAULT false,
        thresholds integer[] NOT NULL DEFAULT '{}',
        hard boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, scope, period),
        CHECK (default_amount IS NULL OR max_amount IS NULL OR default_amount <= max_amount)
      );

      CREATE TABLE budget_reservations (
        organization_id uuid NOT NULL REFERENCES organizations(id),
        request_id text NOT NULL CHECK (char_length(request_id) BETWEEN 1 AND 200),
        team_id uuid NOT NULL REFERENCES teams(id),
        api_key_id uuid REFERENCES api_keys(id),
        user_id uuid,
        amount numeric NOT NULL CHECK (amount > 0),
        budget_keys text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        expires_at timestamptz NOT NULL,
        settled_at timestamptz,
        PRIMARY KEY (organization_id, request_id)
      );
      -- What a budget has on hold: the open reservations naming its key.
      CREATE INDEX budget_reservations_open_idx ON budget_reservations USING gin (budget_keys) WHERE settled_at IS NULL;
      -- What the ingest hook stamps as settled: the open reservations of the organizations whose usage grew.
      CREATE INDEX budget_reservations_unsettled_idx ON budget_reservations (organization_id) WHERE settled_at IS NULL;

      CREATE TABLE budget_threshold_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        budget_key text NOT NULL,
        budget_id uuid REFERENCES budgets(id) ON DELETE SET NULL,
        period_start timestamptz NOT NULL,
        threshold integer NOT NULL,
        spend numeric NOT NULL,
        fired_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (budget_key, period_start, threshold)
      );

      ALTER TABLE webhook_deliveries ALTER COLUMN alert_event_id DROP NOT NULL;
      ALTER TABLE webhook_deliveries ADD COLUMN budget_event_id uuid REFERENCES budget_threshold_events(id);

      CREATE TABLE budget_zone_history (
        organization_id uuid NOT NULL REFERENCES organizations(id),
        changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        timezone text NOT NULL,
        PRIMARY KEY (organization_id, changed_at)
      );
      CREATE FUNCTION budget_zone_history_record() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' OR NEW.timezone IS DISTINCT FROM OLD.timezone THEN
          INSERT INTO budget_zone_history (organization_id, changed_at, timezone) VALUES (NEW.organization_id, clock_timestamp(), NEW.timezone)
          ON CONFLICT (organization_id, changed_at) DO UPDATE SET timezone = EXCLUDED.timezone;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER organization_billing_zone_history AFTER INSERT OR UPDATE OF timezone ON organization_billing
        FOR EACH ROW EXECUTE FUNCTION budget_zone_history_record();
      -- Zones set before this migration have been in force since forever.
      INSERT INTO budget_zone_history (organization_id, changed_at, timezone)
        SELECT organization_id, '-infinity', timezone FROM organization_billing;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER organization_billing_zone_history ON organization_billing;
      DROP FUNCTION budget_zone_history_record();
      ALTER TABLE webhook_deliveries DROP COLUMN budget_event_id;
      DROP TABLE budget_zone_history, budget_threshold_events, budget_reservations, budget_policies, budgets;
    `);
  }
}
