import crypto from 'node:crypto';
import { IANAZone } from 'luxon';
import type { DataSource, EntityManager } from 'typeorm';
import { UserInputFailure } from '../core/errors';
import { isDecimalString } from '../core/scalars';
import { recordAudit, type Caller } from '../audit/audit';

export interface SpendingAlertRow {
  id: string;
  organizationId: string;
  teamId: string | null;
  threshold: string;
  period: 'DAY' | 'MONTH';
  recipients: string[];
  webhookUrl: string | null;
  hardLimit: boolean;
  locked: boolean;
  createdAt: Date;
}

export interface CreateAlertInput {
  threshold: string;
  currency?: string | null;
  period: 'DAY' | 'MONTH';
  recipients?: string[] | null;
  webhookUrl?: string | null;
  hardLimit?: boolean | null;
  locked?: boolean | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The alerts of some organizations with their current period (in the organization's billing zone) and spend. */
const ALERT_STATE = `
  WITH alerts AS (
    SELECT s.*, coalesce(b.timezone, 'UTC') AS tz
      FROM spending_alerts s LEFT JOIN organization_billing b ON b.organization_id = s.organization_id
     WHERE s.deleted_at IS NULL AND s.organization_id = ANY($2::uuid[]) %EXTRA%
  ), periods AS (
    SELECT a.*, date_trunc(lower(a.period), $1::timestamptz AT TIME ZONE a.tz) AT TIME ZONE a.tz AS period_start,
           (date_trunc(lower(a.period), $1::timestamptz AT TIME ZONE a.tz)
             + CASE a.period WHEN 'DAY' THEN interval '1 day' ELSE interval '1 month' END) AT TIME ZONE a.tz AS period_end
      FROM alerts a
  )
  SELECT p.id, p.organization_id, p.team_id, p.threshold, p.period, p.period_start, p.hard_limit, p.recipients, p.webhook_url,
         (SELECT coalesce(sum(r.cost), 0) FROM usage_rollup_15m r
           WHERE r.tenant_id = p.organization_id AND r.bucket >= p.period_start AND r.bucket < p.period_end
             AND (p.team_id IS NULL OR r.team_id = p.team_id)) AS spend
    FROM periods p`;

/**
 * Spending alerts: evaluated after every ingest, each fires at most once per alert per period (a unique key on
 * (alert, period start) decides, so concurrent batches crossing together fire once); firing writes the emails to the
 * outbox and queues the webhook. Hard limits are evaluated live, so they lift when the period rolls over or the
 * threshold is raised.
 */
export class AlertsService {
  /** Injectable clock: tests move to the next period without waiting. */
  now: () => Date = () => new Date();

  constructor(
    private readonly db: DataSource,
    private readonly encryptionKey: string,
  ) {}

  /** The HMAC key a receiver verifies this alert's webhooks with (derived, never stored). */
  signingSecret(alertId: string): string {
    const key = crypto.hkdfSync('sha256', Buffer.from(this.encryptionKey, 'utf8'), Buffer.alloc(0), `orgraph/webhooks/v1/${alertId}`, 32);
    return `whsec_${Buffer.from(key).toString('base64url')}`;
  }

  async create(caller: Caller, organizationId: string, teamId: string | null, input: CreateAlertInput): Promise<{ alert: SpendingAlertRow; signingSecret: string }> {
    validateThreshold(input.threshold);
    if ((input.currency ?? 'USD') !== 'USD') throw new UserInputFailure('UNSUPPORTED_CURRENCY', 'Only USD is supported.', ['input', 'currency']);
    const recipients = input.recipients ?? [];
    if (recipients.length > 20) throw new UserInputFailure('INVALID', 'At most 20 recipients.', ['input', 'recipients']);
    const badRecipient = recipients.find((email) => !EMAIL.test(email));
    if (badRecipient) throw new UserInputFailure('INVALID', `"${badRecipient}" is not an email address.`, ['input', 'recipients']);
    if (input.webhookUrl) validateWebhookUrl(input.webhookUrl);
    if (teamId && input.locked) throw new UserInputFailure('INVALID', 'Only organization-wide limits can be locked.', ['input', 'locked']);
    return this.db.transaction(async (tx) => {
      if (teamId && input.hardLimit) await this.assertWithinLockedLimit(tx, organizationId, input.period, input.threshold);
      const [row] = await tx.query(
        `INSERT INTO spending_alerts (organization_id, team_id, threshold, period, recipients, webhook_url, hard_limit, locked)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [organizationId, teamId, input.threshold, input.period, recipients, input.webhookUrl ?? null, input.hardLimit ?? false, input.locked ?? false],
      );
      const alert = (await this.find([row.id], tx))[0]!;
      await recordAudit(tx, caller, {
        organizationId,
        teamId,
        action: 'spendingAlert.create',
        targetType: 'SpendingAlert',
        targetId: alert.id,
        changes: {
          threshold: { before: null, after: alert.threshold },
          period: { before: null, after: alert.period },
          hardLimit: { before: null, after: alert.hardLimit },
          webhookUrl: { before: null, after: alert.webhookUrl },
        },
      });
      return { alert, signingSecret: this.signingSecret(alert.id) };
    });
  }

  /** Raises or lowers a threshold (raising a reached hard limit lifts it at once). */
  async updateThreshold(caller: Caller, alert: SpendingAlertRow, threshold: string): Promise<SpendingAlertRow> {
    validateThreshold(threshold);
    return this.db.transaction(async (tx) => {
      if (alert.teamId && alert.hardLimit) await this.assertWithinLockedLimit(tx, alert.organizationId, alert.period, threshold);
      await tx.query(`UPDATE spending_alerts SET threshold = $2 WHERE id = $1`, [alert.id, threshold]);
      const updated = (await this.find([alert.id], tx))[0]!;
      await recordAudit(tx, caller, {
        organizationId: alert.organizationId,
        teamId: alert.teamId,
        action: 'spendingAlert.updateThreshold',
        targetType: 'SpendingAlert',
        targetId: alert.id,
        changes: { threshold: { before: alert.threshold, after: updated.threshold } },
      });
      return updated;
    });
  }

  async find(ids: readonly string[], manager: EntityManager = this.db.manager): Promise<SpendingAlertRow[]> {
    return this.select(`s.id = ANY($1::uuid[])`, [ids], manager);
  }

  async forOrganization(organizationId: string): Promise<SpendingAlertRow[]> {
    return this.select(`s.organization_id = $1`, [organizationId], this.db.manager);
  }

  /** A team's own alerts (not the organization-wide ones). */
  async forTeam(teamId: string): Promise<SpendingAlertRow[]> {
    return this.select(`s.team_id = $1`, [teamId], this.db.manager);
  }

  /** Fires every alert of these organizations whose period spend crossed its threshold (once per period). */
  async evaluate(organizationIds: readonly string[]): Promise<number> {
    if (organizationIds.length === 0) return 0;
    return this.db.transaction(async (tx) => {
      const crossed: Array<Record<string, any>> = await tx.query(
        `SELECT * FROM (${ALERT_STATE.replace('%EXTRA%', '')}) state WHERE spend >= threshold`,
        [this.now(), organizationIds],
      );
      let fired = 0;
      for (const alert of crossed) {
        const [event] = await tx.query(
          `INSERT INTO alert_events (alert_id, period_start, spend) VALUES ($1, $2, $3)
           ON CONFLICT (alert_id, period_start) DO NOTHING RETURNING id, fired_at`,
          [alert.id, alert.period_start, alert.spend],
        );
        if (!event) continue;
        fired += 1;
        const payload = {
          type: 'spending_alert.fired',
          alertId: alert.id,
          organizationId: alert.organization_id,
          teamId: alert.team_id,
          period: alert.period,
          periodStart: new Date(alert.period_start).toISOString(),
          threshold: String(alert.threshold),
          spend: String(alert.spend),
          hardLimit: alert.hard_limit,
          firedAt: new Date(event.fired_at).toISOString(),
        };
        for (const recipient of alert.recipients as string[]) {
          await tx.query(`INSERT INTO email_outbox (recipient, subject, body) VALUES ($1, $2, $3)`, [
            recipient,
            `Spending alert: ${payload.spend} USD reached (threshold ${payload.threshold})`,
            `Spend this ${alert.period === 'DAY' ? 'day' : 'month'} reached ${payload.spend} USD, above the alert threshold of ${payload.threshold} USD.${alert.hard_limit ? ' This is a hard limit: model access is denied until the period ends or the limit is raised.' : ''}`,
          ]);
        }
        if (alert.webhook_url) {
          await tx.query(`INSERT INTO webhook_deliveries (alert_event_id, url, payload) VALUES ($1, $2, $3)`, [event.id, alert.webhook_url, JSON.stringify(payload)]);
        }
      }
      return fired;
    });
  }

  /** Teams whose hard limit (their own, or their organization's) is reached in the current period. */
  async teamsAtHardLimit(teamIds: readonly string[]): Promise<ReadonlySet<string>> {
    if (teamIds.length === 0) return new Set();
    const teams: Array<{ id: string; organization_id: string | null }> = await this.db.query(
      `SELECT id, organization_id FROM teams WHERE id = ANY($1::uuid[]) AND organization_id IS NOT NULL`,
      [teamIds],
    );
    const organizationIds = [...new Set(teams.map((team) => team.organization_id!))];
    if (organizationIds.length === 0) return new Set();
    const reached: Array<{ organization_id: string; team_id: string | null }> = await this.db.query(
      `SELECT organization_id, team_id FROM (${ALERT_STATE.replace('%EXTRA%', 'AND s.hard_limit')}) state WHERE spend >= threshold`,
      [this.now(), organizationIds],
    );
    return new Set(
      teams
        .filter((team) => reached.some((limit) => limit.team_id === team.id || (limit.team_id === null && limit.organization_id === team.organization_id)))
        .map((team) => team.id),
    );
  }

  /** Firings of many alerts, newest first, in one statement. */
  async eventsOf(alertIds: readonly string[]): Promise<Array<{ alertId: string; periodStart: Date; spend: string; firedAt: Date }>> {
    const rows: Array<Record<string, any>> = await this.db.query(
      `SELECT alert_id, period_start, trim_scale(spend)::text AS spend, fired_at FROM alert_events WHERE alert_id = ANY($1::uuid[]) ORDER BY fired_at DESC`,
      [alertIds],
    );
    return rows.map((row) => ({ alertId: row.alert_id, periodStart: row.period_start, spend: row.spend, firedAt: row.fired_at }));
  }

  /** The alert whose firing queued this delivery (null when there is no such delivery); `node(id:)` checks it. */
  async alertOfDelivery(deliveryId: string): Promise<string | null> {
    const [row] = await this.db.query(`SELECT e.alert_id FROM webhook_deliveries d JOIN alert_events e ON e.id = d.alert_event_id WHERE d.id = $1`, [deliveryId]);
    return row?.alert_id ?? null;
  }

  /** Webhook deliveries of many alerts with every attempt, in one statement. */
  async deliveriesOf(alertIds: readonly string[]): Promise<Array<{ alertId: string; id: string; url: string; status: string; createdAt: Date; attempts: Array<{ attempt: number; statusCode: number | null; error: string | null; attemptedAt: string }> }>> {
    const rows: Array<Record<string, any>> = await this.db.query(
      `SELECT e.alert_id, d.id, d.url, d.status, d.created_at,
              coalesce(json_agg(json_build_object('attempt', a.attempt, 'statusCode', a.status_code, 'error', a.error, 'attemptedAt', a.attempted_at)
                       ORDER BY a.attempt) FILTER (WHERE a.attempt IS NOT NULL), '[]') AS attempts
         FROM webhook_deliveries d JOIN alert_events e ON e.id = d.alert_event_id
         LEFT JOIN webhook_attempts a ON a.delivery_id = d.id
        WHERE e.alert_id = ANY($1::uuid[])
        GROUP BY e.alert_id, d.id ORDER BY d.created_at DESC`,
      [alertIds],
    );
    return rows.map((row) => ({ alertId: row.alert_id, id: row.id, url: row.url, status: row.status, createdAt: row.created_at, attempts: row.attempts }));
  }

  async setTimezone(caller: Caller, organizationId: string, timezone: string): Promise<string> {
    if (!IANAZone.isValidZone(timezone)) throw new UserInputFailure('INVALID', `Unknown time zone "${timezone}".`, ['input', 'timezone']);
    return this.db.transaction(async (tx) => {
      const [before] = await tx.query(`SELECT timezone FROM organization_billing WHERE organization_id = $1`, [organizationId]);
      await tx.query(
        `INSERT INTO organization_billing (organization_id, timezone) VALUES ($1, $2) ON CONFLICT (organization_id) DO UPDATE SET timezone = $2`,
        [organizationId, timezone],
      );
      await recordAudit(tx, caller, {
        organizationId,
        action: 'billing.updateSettings',
        targetType: 'Organization',
        targetId: organizationId,
        changes: { timezone: { before: before?.timezone ?? 'UTC', after: timezone } },
      });
      return timezone;
    });
  }

  async timezone(organizationId: string): Promise<string> {
    const [row] = await this.db.query(`SELECT timezone FROM organization_billing WHERE organization_id = $1`, [organizationId]);
    return row?.timezone ?? 'UTC';
  }

  private async assertWithinLockedLimit(tx: EntityManager, organizationId: string, period: string, threshold: string): Promise<void> {
    const [locked] = await tx.query(
      `SELECT trim_scale(min(threshold))::text AS limit FROM spending_alerts
        WHERE organization_id = $1 AND team_id IS NULL AND hard_limit AND locked AND period = $2 AND deleted_at IS NULL
       HAVING min(threshold) < $3::numeric`,
      [organizationId, period, threshold],
    );
    if (locked) {
      throw new UserInputFailure('LIMIT_EXCEEDS_ORGANIZATION_LIMIT', `The organization locks its ${period.toLowerCase()} hard limit at ${locked.limit} USD; a team limit cannot exceed it.`, ['input', 'threshold']);
    }
  }

  private async select(where: string, params: unknown[], manager: EntityManager): Promise<SpendingAlertRow[]> {
    const rows: Array<Record<string, any>> = await manager.query(
      `SELECT s.id, s.organization_id, s.team_id, trim_scale(s.threshold)::text AS threshold, s.period, s.recipients, s.webhook_url,
              s.hard_limit, s.locked, s.created_at
         FROM spending_alerts s WHERE s.deleted_at IS NULL AND ${where} ORDER BY s.created_at, s.id`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      organizationId: row.organization_id,
      teamId: row.team_id,
      threshold: row.threshold,
      period: row.period,
      recipients: row.recipients,
      webhookUrl: row.webhook_url,
      hardLimit: row.hard_limit,
      locked: row.locked,
      createdAt: row.created_at,
    }));
  }
}

function validateThreshold(threshold: string): void {
  if (!isDecimalString(threshold) || threshold.startsWith('-') || /^0+(\.0+)?$/.test(threshold)) {
    throw new UserInputFailure('INVALID', 'The threshold must be a positive decimal amount such as "500" or "99.90".', ['input', 'threshold']);
  }
}

function validateWebhookUrl(url: string): void {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || url.length > 2000) {
    throw new UserInputFailure('INVALID_URL', 'The webhook URL must be an http(s) URL.', ['input', 'webhookUrl']);
  }
}
