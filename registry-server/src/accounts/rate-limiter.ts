// Fixed-window counters kept in the store, so limits hold across restarts and across several
// server processes on MongoDB. Used for sign-in (per account, per address, per trusted
// device), invitation links and the relay.
//
// A limit is a claim taken BEFORE the work it guards (a password hash, a message): one atomic
// upsert-and-increment of the counter of the current window, whose answer says whether this
// attempt is within the limit. Reading the counter first and writing it after the work let
// dozens of simultaneous attempts all pass (issue #11); an atomic increment cannot.
import type { Collection, Doc, Store } from '../store/store.ts';

/** One counter per key and window: `_id` is `<key>:<window number>`. */
type Counter = Doc & { key: string; count: number; expiresAt: number };

export interface Limit {
  /** Most attempts allowed in one window. */
  max: number;
  windowMs: number;
}

export interface Claim {
  /** Whether this attempt is within the limit; when false, refuse it without doing the work. */
  allowed: boolean;
  /** Seconds until the window ends (when a refused attempt may try again). */
  retryAfterSeconds: number;
  /** Gives the claim back (a successful sign-in is not a failure to count). */
  release(): Promise<void>;
}

/** Expired counters are swept at most this often, by whichever claim comes first. */
const SWEEP_EVERY_MS = 60_000;

export class RateLimiter {
  readonly #counters: Collection<Counter>;
  readonly #now: () => number;
  #lastSweep = Number.NEGATIVE_INFINITY;

  constructor(store: Store, now: () => number = Date.now) {
    this.#counters = store.collection<Counter>('rateLimits');
    this.#now = now;
  }

  async ensureIndexes(): Promise<void> {
    await this.#counters.createIndex({ key: 1 });
    await this.#counters.createIndex({ expiresAt: 1 });
  }

  /** Counts one attempt for `key` in the current window and says whether it is within `limit`. */
  async claim(key: string, limit: Limit): Promise<Claim> {
    const now = this.#now();
    const window = Math.floor(now / limit.windowMs);
    const id = `${key}:${window}`;
    const expiresAt = (window + 1) * limit.windowMs;
    const count = await this.#increment(id, key, expiresAt);
    if (now - this.#lastSweep >= SWEEP_EVERY_MS) {
      this.#lastSweep = now;
      await this.sweep();
    }
    return {
      allowed: count <= limit.max,
      retryAfterSeconds: Math.max(1, Math.ceil((expiresAt - now) / 1000)),
      release: async () => {
        await this.#counters.updateOne({ _id: id, count: { $gt: 0 } }, { $inc: { count: -1 } }, { durability: 'relaxed' });
      },
    };
  }

  /** Lifts the limit on `key` in every window (an admin unlocking an account). Returns how many counters went. */
  clear(key: string): Promise<number> {
    return this.#counters.deleteMany({ key });
  }

  /** Deletes the counters of windows that have ended. */
  sweep(): Promise<number> {
    return this.#counters.deleteMany({ expiresAt: { $lte: this.#now() } });
  }

  async #increment(id: string, key: string, expiresAt: number): Promise<number> {
    // Atomic on both adapters, also when simultaneous claims create the counter (store contract).
    // Relaxed durability (ADR 0008): a refused flood must not cost a disk sync per attempt, and an
    // OS crash forgetting the last counts only shortens a window.
    const counter = await this.#counters.findOneAndUpdate(
      { _id: id },
      { $inc: { count: 1 }, $setOnInsert: { key, expiresAt } },
      { upsert: true, returnDocument: 'after', durability: 'relaxed' },
    );
    return counter!.count;
  }
}
