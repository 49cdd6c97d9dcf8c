import type { DataSource } from 'typeorm';
import type { Logger } from '../core/logger';
import { returnedRows } from '../core/dbErrors';
import { deliveryError, type Mailer } from './mailer';

export interface EmailDispatchOptions {
  pollMs: number;
  retryBaseMs: number;
  maxAttempts: number;
}

/**
 * Delivers the email outbox in the background. Due rows are leased with FOR UPDATE SKIP LOCKED (pushed 5 minutes
 * ahead while in flight), so several server processes share the work and a crash mid-send only delays a message.
 * A refused delivery is retried with exponential backoff until `maxAttempts`, then marked FAILED; every outcome is
 * recorded on the row, which admins read through `Organization.emailDeliveries`.
 */
export class EmailDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(
    private readonly db: DataSource,
    private readonly mailer: Mailer,
    private readonly options: EmailDispatchOptions,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.mailer.mode === 'off') return;
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.mailer.close();
  }

  /** Delivers everything due now; returns how many messages were attempted (tests call it to skip the poll wait). */
  async runOnce(): Promise<number> {
    if (this.mailer.mode === 'off') return 0;
    const due = returnedRows<{ id: string; recipient: string; subject: string; body: string; attempts: number }>(
      await this.db.query(
        `UPDATE email_outbox SET next_attempt_at = now() + interval '5 minutes'
          WHERE id IN (SELECT id FROM email_outbox WHERE status = 'PENDING' AND next_attempt_at <= now()
                        ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED)
          RETURNING id, recipient, subject, body, attempts`,
      ),
    );
    // One at a time: a relay throttles parallel connections from one sender, and 20 per poll is plenty.
    for (const email of due) await this.attempt(email);
    return due.length;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .then(() => undefined)
        .catch((error) => this.logger.warn({ err: error }, 'email dispatch failed; will retry'))
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.options.pollMs);
    this.timer.unref();
  }

  private async attempt(email: { id: string; recipient: string; subject: string; body: string; attempts: number }): Promise<void> {
    const attempt = email.attempts + 1;
    try {
      await this.mailer.send(email);
      await this.db.query(`UPDATE email_outbox SET status = 'SENT', attempts = $2, sent_at = now(), last_error = NULL WHERE id = $1`, [email.id, attempt]);
    } catch (error) {
      const exhausted = attempt >= this.options.maxAttempts;
      const backoffMs = this.options.retryBaseMs * 2 ** (attempt - 1);
      this.logger.warn({ emailId: email.id, attempt, exhausted, error: deliveryError(error) }, 'email delivery refused');
      await this.db.query(
        `UPDATE email_outbox SET status = $2, attempts = $3, last_error = $4, next_attempt_at = now() + make_interval(secs => $5::float8 / 1000)
          WHERE id = $1`,
        [email.id, exhausted ? 'FAILED' : 'PENDING', attempt, deliveryError(error), backoffMs],
      );
    }
  }
}
