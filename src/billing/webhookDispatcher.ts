import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Logger } from '../core/logger';
import { returnedRows } from '../core/dbErrors';
import type { OutboundClient } from '../core/outbound';

export interface WebhookOptions {
  pollMs: number;
  retryBaseMs: number;
  maxAttempts: number;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, as receivers verify it. */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = crypto.createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * Delivers queued webhooks off the ingest path: a PostgreSQL-backed queue (rows leased with FOR UPDATE SKIP LOCKED,
 * so several server processes share the work), every attempt recorded, exponential backoff on non-2xx, timeouts and
 * refused connections, up to `maxAttempts`. Requests go through the outbound guard: no private targets, no redirects.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly db: DataSource,
    private readonly secretFor: (alertId: string) => string,
    private readonly options: WebhookOptions,
    /** The guarded client (src/core/outbound.ts), with the per-attempt timeout. */
    private readonly outbound: OutboundClient,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Delivers everything due now (also used by tests to avoid waiting for the poll). */
  async runOnce(): Promise<number> {
    const due = returnedRows<{ id: string; url: string; payload: Record<string, unknown>; attempts: number }>(await this.db.query(
      `UPDATE webhook_deliveries SET next_attempt_at = now() + interval '5 minutes'
        WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'PENDING' AND next_attempt_at <= now()
                      ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED)
        RETURNING id, url, payload, attempts`,
    ));
    await Promise.all(due.map((delivery) => this.attempt(delivery)));
    return due.length;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .then(() => undefined)
        .catch((error) => this.logger.warn({ err: error }, 'webhook dispatch failed; will retry'))
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.options.pollMs);
    this.timer.unref();
  }

  private async attempt(delivery: { id: string; url: string; payload: Record<string, unknown>; attempts: number }): Promise<void> {
    const attempt = delivery.attempts + 1;
    const body = JSON.stringify(delivery.payload);
    const secret = this.secretFor(String(delivery.payload.alertId));
    const result = await this.outbound.request(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-orgraph-delivery': delivery.id,
        'x-orgraph-event': String(delivery.payload.type),
        'x-orgraph-signature': signatureHeader(secret, body, Math.floor(Date.now() / 1000)),
      },
      body,
    });
    // Only the generic code is stored (and shown through `deliveries`); what the target said stays in the server log.
    const statusCode = result.status;
    const error = result.ok ? null : result.failure;
    if (!result.ok) this.logger.info({ deliveryId: delivery.id, attempt, failure: result.failure, detail: result.detail }, 'webhook attempt failed');
    const succeeded = error === null;
    const exhausted = !succeeded && attempt >= this.options.maxAttempts;
    const backoffMs = this.options.retryBaseMs * 2 ** (attempt - 1);
    await this.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO webhook_attempts (delivery_id, attempt, status_code, error) VALUES ($1, $2, $3, $4)`, [delivery.id, attempt, statusCode, error]);
      await tx.query(
        `UPDATE webhook_deliveries SET attempts = $2, status = $3, next_attempt_at = now() + make_interval(secs => $4::float8 / 1000) WHERE id = $1`,
        [delivery.id, attempt, succeeded ? 'SUCCEEDED' : exhausted ? 'FAILED' : 'PENDING', backoffMs],
      );
    });
  }
}
