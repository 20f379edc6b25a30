// Fedify's key–value store on the registry's Store, so Fedify's caches, idempotency keys and
// circuit-breaker state survive restarts and live in the same embedded file or MongoDB database
// as the records (and work with either adapter: only the Store interface is used).
//
// set() and delete() are `relaxed` writes (store.ts, ADR 0008): Fedify keeps caches (documents,
// keys, each origin's signature scheme), idempotency keys and circuit-breaker state here, none of
// which anyone is told is stored; an OS crash that undoes the last of them makes Fedify fetch a
// key again or handle a re-delivered activity again (our handlers are idempotent). cas() stays
// fully durable.
import type { KvKey, KvStore, KvStoreListEntry, KvStoreSetOptions } from '@fedify/fedify';
import { logger } from '../../config/logging.ts';
import type { Collection, Doc, Filter, Store } from '../../store/store.ts';
import { DuplicateKeyError } from '../../store/store-errors.ts';
import { canonicalJson } from '../../json/canonical-json.ts';

const log = logger('federation', 'kv');

/** One KV entry. `_id` is the JSON-encoded key, which is unambiguous whatever the segments hold. */
export interface KvEntryDoc extends Doc {
  /** The key's segments, kept as an array so list(prefix) can filter on `key.0`, `key.1` … */
  key: string[];
  /**
   * The value as canonical JSON text rather than a sub-document: cas compares it by equality, reads
   * return fresh mutable copies, and remote JSON-LD (whose keys may contain "." or start with "$")
   * never meets MongoDB's field-name rules.
   */
  valueJson: string;
  /** Epoch milliseconds after which the entry no longer exists; null = no expiry. */
  expiresAt: number | null;
}

export interface StoreKvStoreOptions {
  /** Collection name (default `fedifyKv`). */
  collection?: string;
  /** Clock in epoch milliseconds, injectable for tests (default Date.now). */
  now?: () => number;
  /**
   * Expired entries are removed lazily when read; entries nobody reads again (one idempotency key
   * per received activity) are swept by a write at most this often (default 10 minutes).
   */
  sweepIntervalMs?: number;
}

export class StoreKvStore implements KvStore {
  readonly #entries: Collection<KvEntryDoc>;
  readonly #now: () => number;
  readonly #sweepIntervalMs: number;
  #lastSweep: number;

  constructor(store: Store, options: StoreKvStoreOptions = {}) {
    this.#entries = store.collection<KvEntryDoc>(options.collection ?? 'fedifyKv');
    this.#now = options.now ?? Date.now;
    this.#sweepIntervalMs = options.sweepIntervalMs ?? 10 * 60_000;
    this.#lastSweep = this.#now();
  }

  /** Indexes for list(prefix) (first segment) and the sweep of expired entries. */
  async ensureIndexes(): Promise<void> {
    await this.#entries.createIndex({ 'key.0': 1 });
    await this.#entries.createIndex({ expiresAt: 1 });
  }

  async get<T = unknown>(key: KvKey): Promise<T | undefined> {
    const entry = await this.#entries.findOne({ _id: encodeKey(key) });
    if (entry == null) return undefined;
    if (this.#isExpired(entry)) {
      // Conditional on still being expired, so a concurrent set() of a fresh value survives.
      await this.#entries.deleteOne({ _id: entry._id, expiresAt: { $lte: this.#now() } }, { durability: 'relaxed' });
      return undefined;
    }
    return JSON.parse(entry.valueJson) as T;
  }

  async set(key: KvKey, value: unknown, options?: KvStoreSetOptions): Promise<void> {
    const fields = { key: [...key], valueJson: canonicalJson(value), expiresAt: this.#expiry(options) };
    await this.#entries.updateOne({ _id: encodeKey(key) }, { $set: fields }, { upsert: true, durability: 'relaxed' });
    await this.#sweepIfDue();
  }

  async delete(key: KvKey): Promise<void> {
    await this.#entries.deleteOne({ _id: encodeKey(key) }, { durability: 'relaxed' });
  }

  /**
   * Atomic compare-and-swap (Fedify's circuit breaker relies on it). `expectedValue` undefined means
   * "absent or expired"; `newValue` undefined deletes the entry, as if it had been stored undefined.
   */
  async cas(key: KvKey, expectedValue: unknown, newValue: unknown, options?: KvStoreSetOptions): Promise<boolean> {
    const _id = encodeKey(key);
    const now = this.#now();
    const current: Filter =
      expectedValue === undefined
        ? { _id, expiresAt: { $lte: now } } // only an expired entry counts as absent
        : { _id, valueJson: canonicalJson(expectedValue), $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] };
    if (newValue === undefined) {
      if (expectedValue === undefined)
        return (await this.#entries.findOne({ _id, $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] })) == null;
      return (await this.#entries.deleteOne(current)) === 1;
    }
    const fields = { key: [...key], valueJson: canonicalJson(newValue), expiresAt: this.#expiry(options) };
    if ((await this.#entries.findOneAndUpdate(current, { $set: fields })) != null) return true;
    if (expectedValue !== undefined) return false;
    try {
      await this.#entries.insertOne({ _id, ...fields });
      return true;
    } catch (error) {
      // Someone else holds a live value for this key (or won the race to insert one).
      if (error instanceof DuplicateKeyError) return false;
      throw error;
    }
  }

  async *list(prefix?: KvKey): AsyncIterable<KvStoreListEntry> {
    const filter: Filter = Object.fromEntries((prefix ?? []).map((segment, i) => [`key.${i}`, segment]));
    const now = this.#now();
    for (const entry of await this.#entries.find({ ...filter, $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] })) {
      yield { key: entry.key as unknown as KvKey, value: JSON.parse(entry.valueJson) };
    }
  }

  /** Deletes every expired entry; returns how many. Also run by writes every sweepIntervalMs. */
  async sweepExpired(): Promise<number> {
    this.#lastSweep = this.#now();
    return this.#entries.deleteMany({ expiresAt: { $lte: this.#lastSweep } });
  }

  async #sweepIfDue(): Promise<void> {
    if (this.#now() - this.#lastSweep < this.#sweepIntervalMs) return;
    try {
      const removed = await this.sweepExpired();
      if (removed > 0) log.debug('Swept {removed} expired Fedify KV entries', { removed });
    } catch (error) {
      // The write itself succeeded; a failed sweep is retried on a later write.
      log.warning('Sweeping expired Fedify KV entries failed: {error}', { error });
    }
  }

  #isExpired(entry: KvEntryDoc): boolean {
    return entry.expiresAt != null && entry.expiresAt <= this.#now();
  }

  #expiry(options?: KvStoreSetOptions): number | null {
    return options?.ttl == null ? null : this.#now() + options.ttl.total('millisecond');
  }
}

function encodeKey(key: KvKey): string {
  return JSON.stringify(key);
}
