// Delivery health per partner: every failed delivery attempt is recorded (Fedify retries it),
// so an admin sees which partner is failing and why. Entries older than a week are dropped.
import { randomUUID } from 'node:crypto';
import type { Collection, Doc, Store } from '../../store/store.ts';
import { hostOf } from '../iri.ts';

type Failure = Doc & { host: string; at: number; status: number | null; message: string };

const WEEK_MS = 7 * 86_400_000;
const DAY_MS = 86_400_000;

export class DeliveryHealth {
  readonly #failures: Collection<Failure>;
  readonly #now: () => number;
  #lastPrune = 0;

  constructor(store: Store, now: () => number = Date.now) {
    this.#failures = store.collection<Failure>('deliveryFailures');
    this.#now = now;
  }

  async ensureIndexes(): Promise<void> {
    await this.#failures.createIndex({ host: 1, at: -1 });
  }

  async record(error: Error & { inbox?: URL; statusCode?: number }): Promise<void> {
    const url = error.inbox?.href ?? /https?:\/\/[^\s'")]+/.exec(error.message)?.[0] ?? '';
    const host = hostOf(url);
    if (!host) return;
    const now = this.#now();
    await this.#failures.insertOne({
      _id: randomUUID(),
      host,
      at: now,
      status: error.statusCode ?? null,
      message: error.message.slice(0, 500),
    });
    if (now - this.#lastPrune > 3_600_000) {
      this.#lastPrune = now;
      await this.#failures.deleteMany({ at: { $lt: now - WEEK_MS } });
    }
  }

  async of(host: string): Promise<{ recentFailures: number; lastError: string | null }> {
    const recent = await this.#failures.find({ host, at: { $gte: this.#now() - DAY_MS } }, { sort: { at: -1 } });
    return { recentFailures: recent.length, lastError: recent[0] ? `${new Date(recent[0].at).toISOString()}: ${recent[0].message}` : null };
  }
}
