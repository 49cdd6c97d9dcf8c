import crypto from 'node:crypto';
import { IANAZone } from 'luxon';
import type { DataSource, EntityManager } from 'typeorm';
import { UserInputFailure } from '../core/errors';
import { isDecimalString } from '../core/scalars';
import { decimalText } from '../core/decimals';
import { diff, recordAudit, type Caller } from '../audit/audit';
import { isEmailAddress } from '../core/email';
import { genericFailure, type OutboundClient } from '../core/outbound';
import { PublicUrl } from '../core/publicUrl';
import { queueEmail } from '../email/outbox';
import { alertFiredEmail } from '../email/templates';
import { queueWebhook } from './webhookOutbox';

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
  enabled: boolean;
  createdAt: Date;
}

/** What `update` may change; absent fields stay as they are (`webhookUrl: null` removes the webhook). */
export interface UpdateAlertInput {
  threshold?: string | null;
  period?: 'DAY' | 'MONTH' | null;
  recipients?: string[] | null;
  webhookUrl?: string | null;
  hardLimit?: boolean | null;
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


/** The alerts of some organizations with their current period (in the organization's billing zone) and spend. */
const ALERT_STATE = `
  WITH alerts AS (
    SELECT s.*, coalesce(b.timezone, 'UTC') AS tz
      FROM spending_alerts s LEFT JOIN organization_billing b ON b.organization_id = s.organization_id
     WHERE s.deleted_at IS NULL AND s.enabled AND s.organization_id = ANY($2::uuid[]) %EXTRA%
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
    private readonly outbound: OutboundClient,
    private readonly links: PublicUrl = new PublicUrl(undefined),
  ) {}

  /** The HMAC key a receiver verifies this alert's webhooks with (derived, never stored). */
  signingSecret(alertId: string): string {
    const key = crypto.hkdfSync('sha256', Buffer.from(this.encryptionKey, 'utf8'), Buffer.alloc(0), `orgraph/webhooks/v1/${alertId}`, 32);
    return `whsec_${Buffer.from(key).toString('base64url')}`;
  }

  async create(caller: Caller, organizationId: string, teamId: string | null, input: CreateAlertInput): Promise<{ alert: SpendingAlertRow; signingSecret: string }> {
    validateThreshold(input.threshold);
    if ((input.currency ?? 'USD') !== 'USD') throw new UserInputFailure('UNSUPPORTED_CURRENCY', 'Only USD is supported.', ['input', 'currency']);
    const recipients = validRecipients(input.recipients ?? []);
    if (input.webhookUrl) this.validateWebhookUrl(input.webhookUrl);
    if (teamId && input.locked) throw new UserInputFailure('INVALID', 'Only organization-wide limits can be locked.', ['input', 'locked']);
    return this.db.transaction(async (tx) => {
      if (teamId && input.hardLimit) await this.assertWithinLockedLimit(tx, organizationId, input.period, input.threshold);
      const [row] = await tx.query<Array<{ id: string }>>(
        `INSERT INTO spending_alerts (organization_id, team_id, threshold, period, recipients, webhook_url, hard_limit, locked)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [organizationId, teamId, input.threshold, input.period, recipients, input.webhookUrl ?? null, input.hardLimit ?? false, input.locked ?? false],
      );
      const alert = (await this.find([row.id], tx))[0];
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

  /**
   * Changes any of threshold, period, recipients, webhook URL and hard limit (raising a reached hard limit, or
   * turning it off, lifts it at once). A team's hard limit stays within the organization's locked limit. One audit
   * event with the fields that changed; a change to nothing writes none.
   */
  async update(caller: Caller, alert: SpendingAlertRow, input: UpdateAlertInput): Promise<SpendingAlertRow> {
    if (input.threshold !== undefined && input.threshold !== null) validateThreshold(input.threshold);
    const next = {
      threshold: input.threshold ?? alert.threshold,
      period: input.period ?? alert.period,
      recipients: input.recipients === undefined || input.recipients === null ? alert.recipients : validRecipients(input.recipients),
      webhookUrl: input.webhookUrl === undefined ? alert.webhookUrl : input.webhookUrl,
      hardLimit: input.hardLimit ?? alert.hardLimit,
    };
    // The webhook check is the shared one, so a stricter check of outbound URLs applies here as at creation.
    if (next.webhookUrl !== null && next.webhookUrl !== alert.webhookUrl) this.validateWebhookUrl(next.webhookUrl);
    return this.db.transaction(async (tx) => {
      const [current] = await tx.query<Array<{ threshold: string } | undefined>>(`SELECT trim_scale(threshold)::text AS threshold FROM spending_alerts WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, [alert.id]);
      if (!current) throw new UserInputFailure('DELETED', 'The alert was deleted.', ['input', 'alertId']);
      if (alert.teamId && next.hardLimit) await this.assertWithinLockedLimit(tx, alert.organizationId, next.period, next.threshold);
      await tx.query(
        `UPDATE spending_alerts SET threshold = $2, period = $3, recipients = $4, webhook_url = $5, hard_limit = $6 WHERE id = $1`,
        [alert.id, next.threshold, next.period, next.recipients, next.webhookUrl, next.hardLimit],
      );
      const updated = (await this.find([alert.id], tx))[0];
      const changes = diff(
        { threshold: alert.threshold, period: alert.period, recipients: alert.recipients, webhookUrl: alert.webhookUrl, hardLimit: alert.hardLimit },
        { threshold: updated.threshold, period: updated.period, recipients: updated.recipients, webhookUrl: updated.webhookUrl, hardLimit: updated.hardLimit },
      );
      if (Object.keys(changes).length) await this.audit(tx, caller, alert, 'spendingAlert.update', changes);
      return updated;
    });
  }

  /** Pauses or resumes an alert: paused, it neither fires nor limits; it stays listed with its history. */
  async setEnabled(caller: Caller, alert: SpendingAlertRow, enabled: boolean): Promise<SpendingAlertRow> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<Array<{ enabled: boolean } | undefined>>(`SELECT enabled FROM spending_alerts WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, [alert.id]);
      if (!row) throw new UserInputFailure('DELETED', 'The alert was deleted.', ['input', 'alertId']);
      if (row.enabled === enabled) return (await this.find([alert.id], tx))[0];
      // Turning a team hard limit back on must respect a locked organization limit set meanwhile.
      if (enabled && alert.teamId && alert.hardLimit) await this.assertWithinLockedLimit(tx, alert.organizationId, alert.period, alert.threshold);
      await tx.query(`UPDATE spending_alerts SET enabled = $2 WHERE id = $1`, [alert.id, enabled]);
      await this.audit(tx, caller, alert, enabled ? 'spendingAlert.enable' : 'spendingAlert.disable', { enabled: { before: row.enabled, after: enabled } });
      return (await this.find([alert.id], tx))[0];
    });
  }

  /** Deletes an alert: it stops firing and limiting and leaves listings; its firings, deliveries and audit trail stay. */
  async delete(caller: Caller, alert: SpendingAlertRow): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query<Array<{ deleted_at: Date } | undefined>>(`UPDATE spending_alerts SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING deleted_at`, [alert.id]);
      if (!row) throw new UserInputFailure('DELETED', 'The alert was already deleted.', ['input', 'alertId']);
      await this.audit(tx, caller, alert, 'spendingAlert.delete', {
        threshold: { before: alert.threshold, after: null },
        period: { before: alert.period, after: null },
        hardLimit: { before: alert.hardLimit, after: null },
        enabled: { before: alert.enabled, after: null },
      });
    });
  }

  private async audit(tx: EntityManager, caller: Caller, alert: SpendingAlertRow, action: string, changes: Record<string, { before: unknown; after: unknown }>): Promise<void> {
    await recordAudit(tx, caller, { organizationId: alert.organizationId, teamId: alert.teamId, action, targetType: 'SpendingAlert', targetId: alert.id, changes });
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
      const crossed = await tx.query<CrossedAlert[]>(
        `SELECT * FROM (${ALERT_STATE.replace('%EXTRA%', '')}) state WHERE spend >= threshold`,
        [this.now(), organizationIds],
      );
      let fired = 0;
      for (const alert of crossed) {
        const [event] = await tx.query<Array<{ id: string; fired_at: Date } | undefined>>(
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
        if (alert.recipients.length) {
          const [scope] = await tx.query<Array<{ label: string; is_team: boolean } | undefined>>(
            `SELECT coalesce(t.username, o.slug) AS label, t.id IS NOT NULL AS is_team FROM organizations o LEFT JOIN teams t ON t.id = $2 WHERE o.id = $1`,
            [alert.organization_id, alert.team_id],
          );
          const email = alertFiredEmail({
            scopeLabel: `${scope?.is_team ? 'the team' : 'the organization'} ${scope?.label ?? ''}`,
            period: alert.period,
            spend: payload.spend,
            threshold: payload.threshold,
            hardLimit: Boolean(alert.hard_limit),
            link: this.links.link('/graphql'),
          });
          for (const recipient of alert.recipients) {
            await queueEmail(tx, { ...email, recipient, organizationId: alert.organization_id });
          }
        }
        if (alert.webhook_url) {
          await queueWebhook(tx, { alertEventId: event.id, url: alert.webhook_url, payload });
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
    const rows = await this.db.query<Array<{ alert_id: string; period_start: Date; spend: string; fired_at: Date }>>(
      `SELECT alert_id, period_start, ${decimalText('spend')} AS spend, fired_at FROM alert_events WHERE alert_id = ANY($1::uuid[]) ORDER BY fired_at DESC`,
      [alertIds],
    );
    return rows.map((row) => ({ alertId: row.alert_id, periodStart: row.period_start, spend: row.spend, firedAt: row.fired_at }));
  }

  /** The alert whose firing queued this delivery (null when there is no such delivery); `node(id:)` checks it. */
  async alertOfDelivery(deliveryId: string): Promise<string | null> {
    const [row] = await this.db.query<Array<{ alert_id: string } | undefined>>(`SELECT e.alert_id FROM webhook_deliveries d JOIN alert_events e ON e.id = d.alert_event_id WHERE d.id = $1`, [deliveryId]);
    return row?.alert_id ?? null;
  }

  /** Webhook deliveries of many alerts with every attempt, in one statement. */
  async deliveriesOf(alertIds: readonly string[]): Promise<Array<{ alertId: string; id: string; url: string; status: string; createdAt: Date; attempts: Array<{ attempt: number; statusCode: number | null; error: string | null; attemptedAt: string }> }>> {
    const rows = await this.db.query<Array<{ alert_id: string; id: string; url: string; status: string; created_at: Date; attempts: Array<{ attempt: number; statusCode: number | null; error: string | null; attemptedAt: string }> }>>(
      `SELECT e.alert_id, d.id, d.url, d.status, d.created_at,
              coalesce(json_agg(json_build_object('attempt', a.attempt, 'statusCode', a.status_code, 'error', a.error, 'attemptedAt', a.attempted_at)
                       ORDER BY a.attempt) FILTER (WHERE a.attempt IS NOT NULL), '[]') AS attempts
         FROM webhook_deliveries d JOIN alert_events e ON e.id = d.alert_event_id
         LEFT JOIN webhook_attempts a ON a.delivery_id = d.id
        WHERE e.alert_id = ANY($1::uuid[])
        GROUP BY e.alert_id, d.id ORDER BY d.created_at DESC`,
      [alertIds],
    );
    // Rows written before the outbound guard may hold a target's error text: only generic codes are ever shown.
    return rows.map((row) => ({
      alertId: row.alert_id,
      id: row.id,
      url: row.url,
      status: row.status,
      createdAt: row.created_at,
      attempts: row.attempts.map((attempt) => ({ ...attempt, error: genericFailure(attempt.error) })),
    }));
  }

  async setTimezone(caller: Caller, organizationId: string, timezone: string): Promise<string> {
    if (!IANAZone.isValidZone(timezone)) throw new UserInputFailure('INVALID', `Unknown time zone "${timezone}".`, ['input', 'timezone']);
    return this.db.transaction(async (tx) => {
      const [before] = await tx.query<Array<{ timezone: string } | undefined>>(`SELECT timezone FROM organization_billing WHERE organization_id = $1`, [organizationId]);
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
    const [row] = await this.db.query<Array<{ timezone: string } | undefined>>(`SELECT timezone FROM organization_billing WHERE organization_id = $1`, [organizationId]);
    return row?.timezone ?? 'UTC';
  }

  /** Literal targets are refused here; names are checked again at every delivery, on the address connected to. */
  private validateWebhookUrl(url: string): void {
    const checked = url.length > 2000 ? ({ ok: false, reason: 'INVALID_URL' } as const) : this.outbound.check(url);
    if (checked.ok) return;
    if (checked.reason === 'INVALID_URL') throw new UserInputFailure('INVALID_URL', 'The webhook URL must be an http(s) URL.', ['input', 'webhookUrl']);
    throw new UserInputFailure('DESTINATION_NOT_ALLOWED', 'The webhook URL must point to a public address (not loopback, private, link-local, metadata or an internal name).', ['input', 'webhookUrl']);
  }

  private async assertWithinLockedLimit(tx: EntityManager, organizationId: string, period: string, threshold: string): Promise<void> {
    const [locked] = await tx.query<Array<{ limit: string } | undefined>>(
      `SELECT trim_scale(min(threshold))::text AS limit FROM spending_alerts
        WHERE organization_id = $1 AND team_id IS NULL AND hard_limit AND locked AND enabled AND period = $2 AND deleted_at IS NULL
       HAVING min(threshold) < $3::numeric`,
      [organizationId, period, threshold],
    );
    if (locked) {
      throw new UserInputFailure('LIMIT_EXCEEDS_ORGANIZATION_LIMIT', `The organization locks its ${period.toLowerCase()} hard limit at ${locked.limit} USD; a team limit cannot exceed it.`, ['input', 'threshold']);
    }
  }

  private async select(where: string, params: unknown[], manager: EntityManager): Promise<SpendingAlertRow[]> {
    const rows = await manager.query<Array<{ id: string; organization_id: string; team_id: string | null; threshold: string; period: SpendingAlertRow['period']; recipients: string[]; webhook_url: string | null; hard_limit: boolean; locked: boolean; enabled: boolean; created_at: Date }>>(
      `SELECT s.id, s.organization_id, s.team_id, trim_scale(s.threshold)::text AS threshold, s.period, s.recipients, s.webhook_url,
              s.hard_limit, s.locked, s.enabled, s.created_at
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
      enabled: row.enabled,
      createdAt: row.created_at,
    }));
  }
}

/** A row of ALERT_STATE: the alert's columns with its current period and spend. */
interface CrossedAlert {
  id: string;
  organization_id: string;
  team_id: string | null;
  period: SpendingAlertRow['period'];
  period_start: Date;
  threshold: string;
  spend: string;
  recipients: string[];
  webhook_url: string | null;
  hard_limit: boolean;
}

function validRecipients(recipients: string[]): string[] {
  if (recipients.length > 20) throw new UserInputFailure('INVALID', 'At most 20 recipients.', ['input', 'recipients']);
  const badRecipient = recipients.find((email) => email.length > 254 || !isEmailAddress(email));
  if (badRecipient !== undefined) throw new UserInputFailure('INVALID', `"${badRecipient.slice(0, 254)}" is not an email address.`, ['input', 'recipients']);
  return recipients;
}

function validateThreshold(threshold: string): void {
  if (!isDecimalString(threshold) || threshold.startsWith('-') || /^0+(\.0+)?$/.test(threshold)) {
    throw new UserInputFailure('INVALID', 'The threshold must be a positive decimal amount such as "500" or "99.90".', ['input', 'threshold']);
  }
}
