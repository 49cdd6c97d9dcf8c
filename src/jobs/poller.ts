import type { Logger } from '../core/logger';

/**
 * The poll loop every queue consumer shares (webhook and email dispatchers, evaluation and retention workers): run
 * one round, wait `pollMs`, again, never two rounds at once; a round that throws is logged and the loop goes on.
 * `stop` waits for the round in flight, so nothing touches the pool after the server closes it.
 */
export class Poller {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(
    private readonly pollMs: number,
    private readonly round: () => Promise<unknown>,
    private readonly logger: Pick<Logger, 'warn'>,
    /** Names the loop in its log line when a round fails. */
    private readonly what: string,
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

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.round()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn({ err: error }, `${this.what} failed; will retry`))
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.pollMs);
    this.timer.unref();
  }
}
