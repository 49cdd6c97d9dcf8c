import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Logger } from '../core/logger';
import { returnedRows } from '../core/dbErrors';
import type { OutboundClient } from '../core/outbound';
import { inTransaction, QUEUES, type JobQueue } from '../jobs/jobQueue';
import { Poller } from '../jobs/poller';

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
 * Delivers spending-alert and budget webhooks off the ingest path, from the `webhook-delivery` job queue (src/jobs):
 * inserting a `webhook_deliveries` row enqueues its job in the same transaction (a trigger), any number of server
 * processes fetch jobs with SKIP LOCKED, every attempt is recorded, and a refused attempt (non-2xx, timeout, refused
 * connection) is retried with exponential backoff up to `maxAttempts` by sending the next job in the transaction that
 * records the attempt. Requests go through the outbound guard: no private targets, no redirects.
 *
 * Delivery guarantee: at least once, with a stable id. The POST and its record cannot be one atomic act (the receiver
 * is another system), so a worker killed after the POST left but before the record committed leaves its job active;
 * the job expires and another worker POSTs again with the same `X-Orgraph-Delivery` id. Receivers dedupe on that id
 * (docs/billing.md), which makes the effect exactly once; our record holds exactly one outcome per attempt number,
 * because recording is conditional on the row still being where this worker found it.
 */
export class WebhookDispatcher {
  private readonly poller: Poller;

  constructor(
    private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly secretFor: (alertId: string) => string,
    private readonly options: WebhookOptions,
    /** The guarded client (src/core/outbound.ts), with the per-attempt timeout. */
    private readonly outbound: OutboundClient,
    private readonly logger: Logger,
  ) {
    this.poller = new Poller(options.pollMs, () => this.runOnce(), logger, 'webhook dispatch');
  }

  start(): void {
    this.poller.start();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  /** Delivers everything due now (also used by tests to avoid waiting for the poll); returns how many jobs ran. */
  async runOnce(): Promise<number> {
    const jobs = await this.queue.boss.fetch<{ id: string }>(QUEUES.webhook, { batchSize: 20 });
    await Promise.all(
      jobs.map((job) =>
        this.deliver(job.id, job.data.id).catch(async (error: unknown) => {
          // The record could not be written (database trouble): pg-boss retries the job, then dead-letters it.
          this.logger.warn({ err: error, deliveryId: job.data.id }, 'webhook job failed; the queue will retry it');
          await this.queue.boss.fail(QUEUES.webhook, job.id, { message: 'webhook job failed' }).catch(() => undefined);
        }),
      ),
    );
    return jobs.length;
  }

  private async deliver(jobId: string, deliveryId: string): Promise<void> {
    const [delivery] = await this.db.query<Array<{ id: string; url: string; payload: { alertId: string; type: string }; attempts: number; status: string } | undefined>>(
      `SELECT id, url, payload, attempts, status FROM webhook_deliveries WHERE id = $1`,
      [deliveryId],
    );
    // Already settled (a retried job whose first run recorded its outcome before the job could complete): done.
    if (!delivery || delivery.status !== 'PENDING') {
      await this.queue.boss.complete(QUEUES.webhook, jobId);
      return;
    }
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
      const recorded = returnedRows(
        await tx.query(
          `UPDATE webhook_deliveries SET attempts = $2, status = $3, next_attempt_at = now() + make_interval(secs => $4::float8 / 1000)
            WHERE id = $1 AND status = 'PENDING' AND attempts = $5 RETURNING id`,
          [delivery.id, attempt, succeeded ? 'SUCCEEDED' : exhausted ? 'FAILED' : 'PENDING', backoffMs, delivery.attempts],
        ),
      );
      // Another worker recorded this attempt first (this job had expired while we were slow): keep its record.
      if (recorded.length > 0) {
        await tx.query(`INSERT INTO webhook_attempts (delivery_id, attempt, status_code, error) VALUES ($1, $2, $3, $4)`, [delivery.id, attempt, statusCode, error]);
        if (!succeeded && !exhausted) {
          await this.queue.boss.send(QUEUES.webhook, { id: delivery.id }, { startAfter: new Date(Date.now() + backoffMs), db: inTransaction(tx) });
        }
      }
      await this.queue.boss.complete(QUEUES.webhook, jobId, {}, { db: inTransaction(tx) });
    });
  }
}
