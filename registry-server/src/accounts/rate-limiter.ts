// Fixed-window counters kept in the store, so limits hold across restarts and across several
// server processes on MongoDB. Used for sign-in (per account and per address) and the relay.
import type { Doc, Store, Collection } from '../store/store.ts';

type Counter = Doc & { count: number; windowStart: number };

export interface Limit {
  /** Most attempts allowed in one window. */
  max: number;
  windowMs: number;
}

export class RateLimiter {
  readonly #counters: Collection<Counter>;
  readonly #now: () => number;

  constructor(store: Store, now: () => number = Date.now) {
    this.#counters = store.collection<Counter>('rateLimits');
    this.#now = now;
  }

  /** Seconds until `key` may try again, or 0 when it may now. Does not count an attempt. */
  async retryAfter(key: string, limit: Limit): Promise<number> {
    const counter = await this.#counters.findOne({ _id: key });
    const now = this.#now();
    if (!counter || now - counter.windowStart >= limit.windowMs || counter.count < limit.max) return 0;
    return Math.ceil((counter.windowStart + limit.windowMs - now) / 1000);
  }

  /** Counts one attempt for `key`. */
  async hit(key: string, limit: Limit): Promise<void> {
    const now = this.#now();
    const counter = await this.#counters.findOne({ _id: key });
    if (!counter || now - counter.windowStart >= limit.windowMs) {
      await this.#counters.replaceOne({ _id: key }, { count: 1, windowStart: now }, { upsert: true });
    } else {
      await this.#counters.updateOne({ _id: key }, { $inc: { count: 1 } });
    }
  }

  async reset(key: string): Promise<void> {
    await this.#counters.deleteOne({ _id: key });
  }
}
