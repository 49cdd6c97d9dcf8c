/**
 * A cap on the operations one credential has in flight at once. The rate limiter bounds how much a credential may
 * ask for per minute; this bounds how much of the server (database pool connections, CPU) it holds at any moment,
 * so one credential firing its whole budget in parallel cannot take every pool connection from everyone else.
 * Extra operations wait in a short FIFO queue for a slot; past the queue's length or wait they are refused
 * (RATE_LIMITED with Retry-After, see graphqlServer.ts), never left hanging.
 *
 * In-process, like the token buckets: behind N instances a credential may hold N × the cap.
 */
export interface ConcurrencyOptions {
  /** Operations one credential may run at once. */
  maxInFlight: number;
  /** Operations that may wait for a slot (per credential); more are refused at once. */
  maxQueued: number;
  /** How long an operation may wait for a slot before it is refused. */
  maxWaitMs: number;
}

interface Lane {
  active: number;
  waiting: Array<{ grant: () => void }>;
}

export type Release = () => void;

export class ConcurrencyLimiter {
  private readonly lanes = new Map<string, Lane>();

  constructor(private readonly options: ConcurrencyOptions) {}

  /** A release function once a slot is held, or null when the credential's queue is full or the wait ran out. */
  async acquire(key: string): Promise<Release | null> {
    const lane = this.lanes.get(key) ?? { active: 0, waiting: [] };
    this.lanes.set(key, lane);
    if (lane.active < this.options.maxInFlight) {
      lane.active += 1;
      return this.releaser(key, lane);
    }
    if (lane.waiting.length >= this.options.maxQueued) return null;
    return new Promise<Release | null>((resolve) => {
      const waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve(this.releaser(key, lane));
        },
      };
      const timer = setTimeout(() => {
        lane.waiting.splice(lane.waiting.indexOf(waiter), 1);
        this.forgetIfIdle(key, lane);
        resolve(null);
      }, this.options.maxWaitMs);
      timer.unref();
      lane.waiting.push(waiter);
    });
  }

  /** Operations running now for a credential (tests and metrics). */
  inFlight(key: string): number {
    return this.lanes.get(key)?.active ?? 0;
  }

  private releaser(key: string, lane: Lane): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = lane.waiting.shift();
      // The slot passes straight to the next waiter, so `active` stays the same.
      if (next) next.grant();
      else {
        lane.active -= 1;
        this.forgetIfIdle(key, lane);
      }
    };
  }

  private forgetIfIdle(key: string, lane: Lane): void {
    if (lane.active === 0 && lane.waiting.length === 0) this.lanes.delete(key);
  }
}
