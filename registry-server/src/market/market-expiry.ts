// Expiry of market records. A record leaves every public answer at its expiry instant because
// every public read filters on it (market-record-repository.ts); this sweep tells the rest of
// the node once it happened (the `record.expired` domain event, for federation and matching to
// come) and keeps the GraphQL response cache honest: its generation moves at the next expiry
// instant, so no answer cached before that instant is served after it (ADR 0033).
import { logger } from '../config/logging.ts';
import type { DomainEvents } from '../events/domain-events.ts';
import type { MarketRecordRepository } from './market-record-repository.ts';

const log = logger('market', 'expiry');

/** Sweeps also run at this interval, for a clock that moves without writes (a long-running node). */
const SWEEP_EVERY_MS = 60_000;

export class MarketExpiry {
  readonly #records: MarketRecordRepository;
  readonly #events: DomainEvents;
  readonly #now: () => Date;
  #generation = 0;
  /** The next instant (ms) a published record expires; Infinity when none is known. */
  #nextExpiry = Number.POSITIVE_INFINITY;
  #timer: NodeJS.Timeout | null = null;
  #unsubscribe: (() => void) | null = null;
  #sweeping: Promise<number> | null = null;

  constructor(deps: { records: MarketRecordRepository; events: DomainEvents; now: () => Date }) {
    this.#records = deps.records;
    this.#events = deps.events;
    this.#now = deps.now;
  }

  /**
   * Moves once the clock passes the next expiry instant (then a sweep starts), so the response
   * cache drops answers that may hold a record expired since. Cheap: a comparison per request.
   */
  get generation(): number {
    if (this.#now().getTime() >= this.#nextExpiry) {
      this.#generation++;
      this.#nextExpiry = Number.POSITIVE_INFINITY;
      void this.sweep().catch((error: unknown) => log.error('Expiry sweep failed: {error}', { error }));
    }
    return this.#generation;
  }

  /** Sweeps now, then on every market record change and every minute. */
  async start(): Promise<void> {
    this.#unsubscribe = this.#events.subscribe((event) => {
      if (event.type.startsWith('record.') && 'kind' in event && event.kind === 'marketRecord' && event.type !== 'record.expired')
        void this.#scheduleNext().catch((error: unknown) => log.error('Could not find the next expiry: {error}', { error }));
    });
    await this.sweep();
    this.#timer = setInterval(
      () => void this.sweep().catch((error: unknown) => log.error('Expiry sweep failed: {error}', { error })),
      SWEEP_EVERY_MS,
    );
    this.#timer.unref();
  }

  stop(): void {
    this.#unsubscribe?.();
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** Tells `record.expired` for each published record whose expiry came and was not told yet; how many. One sweep at a time. */
  sweep(): Promise<number> {
    this.#sweeping ??= this.#sweep().finally(() => (this.#sweeping = null));
    return this.#sweeping;
  }

  async #sweep(): Promise<number> {
    const now = this.#now();
    const expired = await this.#records.findNewlyExpired(now);
    for (const doc of expired) {
      // Told before marked: a stop in between tells it again at the next start (at least once).
      this.#events.emit({ type: 'record.expired', kind: 'marketRecord', id: doc._id, version: doc.version });
      await this.#records.markExpiryAnnounced(doc._id, doc.version);
    }
    if (expired.length) log.info('{count} market record(s) expired', { count: expired.length });
    await this.#scheduleNext();
    return expired.length;
  }

  async #scheduleNext(): Promise<void> {
    const next = await this.#records.nextExpiry(this.#now());
    this.#nextExpiry = next ? Date.parse(next) : Number.POSITIVE_INFINITY;
  }
}
