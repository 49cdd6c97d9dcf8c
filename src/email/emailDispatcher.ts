import type { DataSource } from 'typeorm';
import type { Logger } from '../core/logger';
import { returnedRows } from '../core/dbErrors';
import { deliveryError, type Mailer } from './mailer';
import { inTransaction, QUEUES, type JobQueue } from '../jobs/jobQueue';
import { Poller } from '../jobs/poller';

export interface EmailDispatchOptions {
  pollMs: number;
  retryBaseMs: number;
  maxAttempts: number;
}

/**
 * Delivers the email outbox in the background, from the `email-delivery` job queue (src/jobs): queueing an email
 * enqueues its job in the same transaction (a trigger), several server processes share the work (SKIP LOCKED), and a
 * worker killed mid-send only delays a message (its job expires and runs again; the row tells whether it was sent).
 * A refused delivery is retried with exponential backoff until `maxAttempts`, then marked FAILED; every outcome is
 * recorded on the row, which admins read through `Organization.emailDeliveries`.
 */
export class EmailDispatcher {
  private readonly poller: Poller;

  constructor(
    private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly mailer: Mailer,
    private readonly options: EmailDispatchOptions,
    private readonly logger: Logger,
  ) {
    this.poller = new Poller(options.pollMs, () => this.runOnce(), logger, 'email dispatch');
  }

  start(): void {
    if (this.mailer.mode === 'off') return;
    this.poller.start();
  }

  async stop(): Promise<void> {
    await this.poller.stop();
    this.mailer.close();
  }

  /** Delivers everything due now; returns how many messages were attempted (tests call it to skip the poll wait). */
  async runOnce(): Promise<number> {
    if (this.mailer.mode === 'off') return 0;
    const jobs = await this.queue.boss.fetch<{ id: string }>(QUEUES.email, { batchSize: 20 });
    let attempted = 0;
    // One at a time: a relay throttles parallel connections from one sender, and 20 per poll is plenty.
    for (const job of jobs) {
      try {
        if (await this.deliver(job.id, job.data.id)) attempted += 1;
      } catch (error) {
        this.logger.warn({ err: error, emailId: job.data.id }, 'email job failed; the queue will retry it');
        await this.queue.boss.fail(QUEUES.email, job.id, { message: 'email job failed' }).catch(() => undefined);
      }
    }
    return attempted;
  }

  /** Sends one outbox row and records the outcome with the job's completion; false when there was nothing to send. */
  private async deliver(jobId: string, emailId: string): Promise<boolean> {
    const [email] = await this.db.query<Array<{ id: string; recipient: string; subject: string; body: string; attempts: number; status: string } | undefined>>(
      `SELECT id, recipient, subject, body, attempts, status FROM email_outbox WHERE id = $1`,
      [emailId],
    );
    if (!email || email.status !== 'PENDING') {
      await this.queue.boss.complete(QUEUES.email, jobId);
      return false;
    }
    const attempt = email.attempts + 1;
    let failure: string | null = null;
    try {
      await this.mailer.send(email);
    } catch (error) {
      failure = deliveryError(error);
    }
    const exhausted = failure !== null && attempt >= this.options.maxAttempts;
    const backoffMs = this.options.retryBaseMs * 2 ** (attempt - 1);
    if (failure !== null) this.logger.warn({ emailId: email.id, attempt, exhausted, error: failure }, 'email delivery refused');
    await this.db.transaction(async (tx) => {
      const recorded = returnedRows(
        await tx.query(
          `UPDATE email_outbox SET status = $2, attempts = $3, last_error = $4, sent_at = CASE WHEN $2 = 'SENT' THEN now() END,
                  next_attempt_at = now() + make_interval(secs => $5::float8 / 1000)
            WHERE id = $1 AND status = 'PENDING' AND attempts = $6 RETURNING id`,
          [email.id, failure === null ? 'SENT' : exhausted ? 'FAILED' : 'PENDING', attempt, failure, backoffMs, email.attempts],
        ),
      );
      if (recorded.length > 0 && failure !== null && !exhausted) {
        await this.queue.boss.send(QUEUES.email, { id: email.id }, { startAfter: new Date(Date.now() + backoffMs), db: inTransaction(tx) });
      }
      await this.queue.boss.complete(QUEUES.email, jobId, {}, { db: inTransaction(tx) });
    });
    return true;
  }
}
