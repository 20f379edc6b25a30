// Fedify's message queue on the registry's Store: outgoing deliveries, fan-outs and received
// activities wait in a collection, so a node killed in the middle of a fan-out delivers the rest
// after it restarts. Works on both adapters, and with several processes on one MongoDB.
//
// A message is claimed with one atomic findOneAndUpdate that sets a lease; it is deleted only once
// its handler has finished. If the process dies first, the lease lapses and another listener takes
// the message again: delivery is at-least-once, which Fedify expects (receivers deduplicate).
// Enqueues are fully durable; leases and the removal of a handled message are `relaxed` writes
// (no fsync, ADR 0008), since losing one to an OS crash only means a delivery made again.
//
// Run handlers in parallel with the `workers` option, not with Fedify's ParallelMessageQueue: that
// wrapper's handler returns as soon as a worker starts, so this queue would delete the message
// before it is delivered (losing it in a crash) and could not keep orderingKey order.
import { randomUUID } from 'node:crypto';
import type { MessageQueue, MessageQueueDepth, MessageQueueEnqueueOptions, MessageQueueListenOptions } from '@fedify/fedify';
import { logger } from '../../config/logging.ts';
import type { Collection, Store } from '../../store/store.ts';
import { QueueHints } from './queue-hints.ts';
import { claimNextMessage, refillHints, type QueuedMessageDoc } from './queue-claim.ts';

export type { QueuedMessageDoc } from './queue-claim.ts';

const log = logger('federation', 'queue');

export interface StoreMessageQueueOptions {
  /** Collection name (default `fedifyQueue`). */
  collection?: string;
  /**
   * How long a claimed message stays reserved for its listener (default 60 s). It is renewed while
   * the handler runs, so it only matters when a process dies: then it is the redelivery delay.
   */
  leaseMs?: number;
  /** How often an idle listener looks for due messages; an enqueue in this process wakes it at once (default 100 ms). */
  pollIntervalMs?: number;
  /** Handlers each listen() call runs at the same time (default 1). */
  workers?: number;
  /** Clock in epoch milliseconds, injectable for tests (default Date.now). */
  now?: () => number;
  /** Rewrites each message before it is stored (the node's outgoing-activity policy); default: none. */
  prepare?: (message: unknown) => unknown;
}

type Handler = (message: unknown) => Promise<void> | void;

export class StoreMessageQueue implements MessageQueue {
  /** Fedify retries failed deliveries itself, by enqueueing a new delayed message. */
  readonly nativeRetrial = false;
  readonly #messages: Collection<QueuedMessageDoc>;
  readonly #leaseMs: number;
  readonly #pollIntervalMs: number;
  readonly #workers: number;
  readonly #now: () => number;
  readonly #prepare: (message: unknown) => unknown;
  /** Idle listeners of this instance, woken by enqueue() instead of waiting for the next poll. */
  readonly #wakers = new Set<() => void>();
  /** Breaks ties between messages due in the same millisecond, so same-key messages keep their order. */
  #lastSeq = 0;
  /** Ids of known messages in claim order, so a claim needs no scan of the queue (queue-hints.ts). */
  readonly #hints = new QueueHints();
  #lastRefill = 0;
  /** Whether an idle listener of this instance is polling; the other idle ones sleep until woken. */
  #polling = false;

  constructor(store: Store, options: StoreMessageQueueOptions = {}) {
    this.#messages = store.collection<QueuedMessageDoc>(options.collection ?? 'fedifyQueue');
    this.#leaseMs = options.leaseMs ?? 60_000;
    this.#pollIntervalMs = options.pollIntervalMs ?? 100;
    this.#workers = Math.max(1, options.workers ?? 1);
    this.#now = options.now ?? Date.now;
    this.#prepare = options.prepare ?? ((message) => message);
  }
  /**
   * Releases every lease: only for a store one process owns (the embedded one), where a lease
   * left at start belongs to a process that died mid-delivery. Returns how many were released.
   */
  async releaseLeases(): Promise<number> {
    const released = await this.#messages.updateMany({ leaseUntil: { $gt: 0 } }, { $set: { leaseUntil: 0 } });
    return released.modifiedCount;
  }

  async ensureIndexes(): Promise<void> {
    await this.#messages.createIndex({ runAt: 1, seq: 1 });
    await this.#messages.createIndex({ orderingKey: 1 });
  }

  async enqueue(message: unknown, options?: MessageQueueEnqueueOptions): Promise<void> {
    await this.enqueueMany([message], options);
  }

  async enqueueMany(messages: readonly unknown[], options?: MessageQueueEnqueueOptions): Promise<void> {
    if (messages.length === 0) return;
    const now = this.#now();
    const runAt = now + Math.max(0, options?.delay?.total('millisecond') ?? 0);
    const orderingKey = options?.orderingKey ?? null;
    if (orderingKey != null) await this.#seqAfterKey(orderingKey, runAt);
    const docs = messages.map((message) => ({
      _id: randomUUID(),
      messageJson: messageJson(this.#prepare(message)),
      runAt,
      seq: this.#nextSeq(now),
      orderingKey,
      leaseUntil: 0,
      attempts: 0,
      enqueuedAt: now,
    }));
    await this.#messages.insertMany(docs);
    for (const doc of docs) this.#hints.add({ id: doc._id, runAt: doc.runAt, seq: doc.seq });
    this.#wakeAll();
  }

  /**
   * Resolves only once the signal aborts, without waiting for a running handler: its message is
   * deleted if the handler still finishes, and otherwise delivered again once its lease lapses.
   */
  async listen(handler: Handler, options: MessageQueueListenOptions = {}): Promise<void> {
    const signal = options.signal ?? new AbortController().signal;
    await Promise.all(Array.from({ length: this.#workers }, () => this.#work(handler, signal)));
  }

  /** Messages waiting (not in a handler), split into due now and delayed. */
  async getDepth(): Promise<MessageQueueDepth> {
    const now = this.#now();
    const [ready, delayed] = await Promise.all([
      this.#messages.countDocuments({ runAt: { $lte: now }, leaseUntil: { $lt: now } }),
      this.#messages.countDocuments({ runAt: { $gt: now }, leaseUntil: { $lt: now } }),
    ]);
    return { queued: ready + delayed, ready, delayed };
  }

  async #work(handler: Handler, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      let claimed: QueuedMessageDoc | null;
      try {
        const now = this.#now();
        // Refill from the store when nothing known is due (at most every poll interval), and at
        // least once a second: messages of other processes, or whose lease lapsed.
        if ((this.#hints.due(now, 1).length === 0 && now - this.#lastRefill >= this.#pollIntervalMs) || now - this.#lastRefill >= 1_000) {
          this.#lastRefill = now;
          await refillHints(this.#messages, this.#hints, now);
        }
        claimed = await claimNextMessage(this.#messages, now, this.#leaseMs, this.#hints);
      } catch (error) {
        // The store is unreachable for now (MongoDB failover): keep listening, as Fedify expects.
        log.error('Could not read the Fedify queue; retrying: {error}', { error });
        await this.#idle(Math.max(this.#pollIntervalMs, 1000), signal);
        continue;
      }
      if (claimed == null) {
        // One idle listener polls the store; the others sleep until an enqueue in this process
        // or a claim by another listener wakes them (16 listeners × 10 nodes polling 10 times a
        // second cost a follower process of the bench about 2% of its CPU).
        if (this.#polling) await this.#idle(Infinity, signal);
        else {
          this.#polling = true;
          try {
            await this.#idle(this.#pollIntervalMs, signal);
          } finally {
            this.#polling = false;
          }
        }
      } else {
        // More may be due: let the sleeping listeners look (each sleeps again if not).
        this.#wakeAll();
        await this.#process(claimed, handler, signal);
      }
    }
  }

  /** Runs the handler, renewing the lease meanwhile; returns when it ends or when the signal aborts. */
  #process(claimed: QueuedMessageDoc, handler: Handler, signal: AbortSignal): Promise<void> {
    let leaseUntil = claimed.leaseUntil;
    const renew = async () => {
      const next = this.#now() + this.#leaseMs;
      const r = await this.#messages.updateOne({ _id: claimed._id, leaseUntil }, { $set: { leaseUntil: next } }, { durability: 'relaxed' });
      if (r.matchedCount === 1) leaseUntil = next;
    };
    const heartbeat = setInterval(
      () =>
        renew().catch((error: unknown) =>
          log.warning('Could not renew the lease of queued message {id}: {error}', { id: claimed._id, error }),
        ),
      this.#leaseMs / 3,
    );
    return new Promise<void>((resolve) => {
      // On abort (shutdown) stop renewing and return: if the handler never finishes, the message
      // is delivered again once its lease lapses.
      const onAbort = () => {
        clearInterval(heartbeat);
        resolve();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      void this.#handle(claimed, handler).finally(() => {
        clearInterval(heartbeat);
        signal.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }

  async #handle(claimed: QueuedMessageDoc, handler: Handler): Promise<void> {
    try {
      await handler(JSON.parse(claimed.messageJson));
    } catch (error) {
      // Fedify catches delivery failures and enqueues its own retry; a throw reaching here means
      // even that failed, so the message is logged and dropped rather than retried forever.
      log.error('A Fedify queue handler failed on message {id} (attempt {attempts}); dropping it: {error}', {
        id: claimed._id,
        attempts: claimed.attempts,
        error,
      });
    }
    try {
      // Relaxed (ADR 0008): should an OS crash undo the removal, the message is delivered again,
      // which receivers de-duplicate. The enqueue itself stays fully durable.
      await this.#messages.deleteOne({ _id: claimed._id }, { durability: 'relaxed' });
      this.#hints.remove(claimed._id);
    } catch (error) {
      // Let a listener of this process claim it again once its lease lapses.
      this.#hints.release(claimed._id);
      log.warning('Could not remove handled message {id}; it will be delivered again: {error}', { id: claimed._id, error });
    }
  }

  #wakeAll(): void {
    for (const wake of this.#wakers) wake();
  }

  /** Waits for `ms` (Infinity: no timer), a wake-up (an enqueue or a claim in this process), or the abort, whichever comes first. */
  #idle(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const done = () => {
        if (timer !== undefined) clearTimeout(timer);
        this.#wakers.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
      this.#wakers.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  /**
   * Another process (or queue instance) may have enqueued a message of this key in the same
   * millisecond with the same or a higher seq: its counter is its own. Sorting after the latest
   * such message keeps "enqueued after" meaning "runs after" across processes (a message queued
   * at the same time by two processes has no defined order; claim-time ties fall back to `_id`).
   */
  async #seqAfterKey(orderingKey: string, runAt: number): Promise<void> {
    const last = await this.#messages.findOne({ orderingKey, runAt }, { sort: { seq: -1 }, projection: { seq: 1 } });
    if (last) this.#lastSeq = Math.max(this.#lastSeq, last.seq);
  }

  #nextSeq(now: number): number {
    // Milliseconds × 1000 plus a counter stays below 2^53 until the year 2255.
    this.#lastSeq = Math.max(this.#lastSeq + 1, now * 1000);
    return this.#lastSeq;
  }
}

/** The message as JSON text, keys in their original order (unlike KV values, messages are never compared). */
function messageJson(message: unknown): string {
  const text = JSON.stringify(message);
  if (text === undefined) throw new TypeError(`Fedify queue messages must be JSON-serializable (got ${typeof message}).`);
  return text;
}
