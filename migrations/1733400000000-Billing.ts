import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Billing: issued invoices (drafts are computed from usage, never stored), the months already closed, spending
 * alerts with their firings (one per alert per period, enforced by a unique key), and webhook deliveries with
 * every attempt.
 */
export class Billing1733400000000 implements MigrationInterface {
  name = 'Billing1733400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organization_billing (
        organization_id uuid PRIMARY KEY REFERENCES organizations(id),
        timezone text NOT NULL DEFAULT 'UTC'
      );
      CREATE TABLE billing_periods (
        month date PRIMARY KEY CHECK (extract(day FROM month) = 1),
        closed_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE TABLE invoices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid REFERENCES organizations(id),
        team_id uuid NOT NULL REFERENCES teams(id),
        month date NOT NULL REFERENCES billing_periods(month),
        usage_total numeric NOT NULL,
        adjustments_total numeric NOT NULL,
        total numeric NOT NULL,
        currency text NOT NULL DEFAULT 'USD',
        issued_at timestamptz NOT NULL,
        UNIQUE (team_id, month)
      );
      CREATE INDEX invoices_organization_month_idx ON invoices (organization_id, month);
      CREATE TABLE invoice_lines (
        invoice_id uuid NOT NULL REFERENCES invoices(id),
        line integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('USAGE', 'ADJUSTMENT')),
        adjusts_month date,
        product text NOT NULL,
        endpoint_id text NOT NULL,
        unit text NOT NULL,
        quantity numeric NOT NULL,
        amount numeric NOT NULL,
        PRIMARY KEY (invoice_id, line)
      );
      -- Issued invoices never change.
      CREATE FUNCTION billing_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'issued invoices are immutable'; END $$;
      CREATE TRIGGER invoices_immutable BEFORE UPDATE OR DELETE ON invoices FOR EACH ROW EXECUTE FUNCTION billing_immutable();
      CREATE TRIGGER invoice_lines_immutable BEFORE UPDATE OR DELETE ON invoice_lines FOR EACH ROW EXECUTE FUNCTION billing_immutable();

      CREATE TABLE spending_alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        team_id uuid REFERENCES teams(id),
        threshold numeric NOT NULL CHECK (threshold > 0),
        period text NOT NULL CHECK (period IN ('DAY', 'MONTH')),
        recipients text[] NOT NULL DEFAULT '{}',
        webhook_url text,
        hard_limit boolean NOT NULL DEFAULT false,
        locked boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      );
      CREATE INDEX spending_alerts_organization_idx ON spending_alerts (organization_id) WHERE deleted_at IS NULL;
      CREATE TABLE alert_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alert_id uuid NOT NULL REFERENCES spending_alerts(id),
        period_start timestamptz NOT NULL,
        spend numeric NOT NULL,
        fired_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (alert_id, period_start)
      );
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alert_event_id uuid NOT NULL REFERENCES alert_events(id),
        url text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
      CREATE TABLE webhook_attempts (
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries(id),
        attempt integer NOT NULL,
        status_code integer,
        error text,
        attempted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (delivery_id, attempt)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE webhook_attempts, webhook_deliveries, alert_events, spending_alerts, invoice_lines, invoices, billing_periods, organization_billing;
      DROP FUNCTION billing_immutable();
    `);
  }
}
