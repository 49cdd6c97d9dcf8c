import type { Logger } from '../core/logger';
import type { JobQueue, QueueName } from './jobQueue';
import { Poller } from './poller';

export interface QueueWorkerOptions {
  pollMs: number;
  /** Jobs taken per poll; they run one after another. */
  batchSize: number;
}

/**
 * Works one queue whose jobs are idempotent computations (evaluations, retention runs): fetch with SKIP LOCKED,
 * run the handler, complete the job with the handler's answer as its output, or fail it so pg-boss retries it with
 * the queue's backoff and, out of retries, moves it to the dead-letter queue. A worker killed mid-job leaves it
 * active until it expires; it then runs again elsewhere, which is safe because every handler may run twice.
 */
export class QueueWorker<T extends object> {
  private readonly poller: Poller;

  constructor(
    private readonly queue: JobQueue,
    readonly name: QueueName,
    private readonly handler: (data: T, jobId: string) => Promise<unknown>,
    private readonly options: QueueWorkerOptions,
    private readonly logger: Logger,
  ) {
    this.poller = new Poller(options.pollMs, () => this.runOnce(), logger, `job poll of ${name}`);
  }

  start(): void {
    this.poller.start();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  /** Runs what is due now (tests call it to skip the poll wait); returns how many jobs ran. */
  async runOnce(): Promise<number> {
    const jobs = await this.queue.boss.fetch<T>(this.name, { batchSize: this.options.batchSize });
    for (const job of jobs) {
      try {
        const output = await this.handler(job.data, job.id);
        await this.queue.boss.complete(this.name, job.id, output ?? undefined);
      } catch (error) {
        this.logger.warn({ err: error, queue: this.name, jobId: job.id }, 'job failed; the queue will retry it');
        await this.queue.boss.fail(this.name, job.id, { message: 'job failed' }).catch(() => undefined);
      }
    }
    return jobs.length;
  }
}
