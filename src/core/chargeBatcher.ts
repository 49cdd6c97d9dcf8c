/**
 * Coalesces concurrent charges of one budget into one store call (used by RateLimiter, src/core/rateLimit.ts).
 *
 * Every charge of a budget is an UPSERT of the same row: concurrent ones wait for each other on the row lock and
 * on the limiter's small pool, so a credential sending operations in parallel paid one store round trip each, one
 * after another. Here a lane (one per budget) has at most one store call in flight. A charge that finds its lane
 * idle goes at once (no added latency); charges arriving while a call is in flight wait in a batch and go together,
 * as one call, when it returns. `send` gets the batch's charges in arrival order and answers one result per
 * charge, so it can decide each as if the charges had been made one after another.
 */

interface Member<T> {
  charge: number;
  resolve: (result: T) => void;
  reject: (error: unknown) => void;
}

interface Lane<S, T> {
  subject: S;
  /** Batches waiting for the call in flight, oldest first; only the last one takes new members. */
  waiting: Array<Array<Member<T>>>;
}

export class ChargeBatcher<S, T> {
  /** A lane is in the map exactly while a store call of its budget is in flight. */
  private readonly lanes = new Map<string, Lane<S, T>>();

  constructor(
    /** Which budget a subject charges: subjects with the same lane key are coalesced. */
    private readonly laneOf: (subject: S) => string,
    /** One store call for the batch; resolves with one result per charge (in order) or rejects for all of them. */
    private readonly send: (subject: S, charges: readonly number[]) => Promise<T[]>,
    /** A bound on one call's members, so a huge burst is decided in pieces instead of one unbounded array. */
    private readonly maxMembers: number,
  ) {}

  charge(subject: S, charge: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const member = { charge, resolve, reject };
      const key = this.laneOf(subject);
      const lane = this.lanes.get(key);
      if (!lane) {
        this.lanes.set(key, { subject, waiting: [] });
        this.run(key, subject, [member]);
        return;
      }
      const last = lane.waiting.at(-1);
      if (last && last.length < this.maxMembers) last.push(member);
      else lane.waiting.push([member]);
    });
  }

  private run(key: string, subject: S, members: Array<Member<T>>): void {
    void this.settle(subject, members).then(() => {
      // settle() never rejects, so the lane always moves on: a lane left in the map would hold its budget's
      // charges forever (the in-flight slot leak that once hung the fuzz suite).
      const lane = this.lanes.get(key);
      const next = lane?.waiting.shift();
      if (lane && next) this.run(key, lane.subject, next);
      else this.lanes.delete(key);
    });
  }

  /** Answers every member, whatever `send` does (resolves, rejects, throws, or answers too few results). */
  private async settle(subject: S, members: Array<Member<T>>): Promise<void> {
    try {
      const results = await this.send(subject, members.map((m) => m.charge));
      if (results.length !== members.length) throw new Error(`charge batch: ${results.length} results for ${members.length} charges`);
      members.forEach((member, i) => member.resolve(results[i]));
    } catch (error) {
      for (const member of members) member.reject(error);
    }
  }
}
