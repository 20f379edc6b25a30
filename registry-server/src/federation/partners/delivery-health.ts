// Delivery health per partner: every failed delivery attempt is recorded (Fedify retries it),
// so an admin sees which partner is failing and why, and every successful delivery too, so that
// the page shows the current state: failures before the last success are over (a partner that
// was down an hour and then received everything is healthy). Failures older than a week are dropped.
import { randomUUID } from 'node:crypto';
import type { FederationOptions } from '@fedify/fedify';
import type { Collection, Doc, Store } from '../../store/store.ts';
import { hostOf } from '../iri.ts';

type Failure = Doc & { host: string; at: number; status: number | null; message: string };
/** The last successful delivery to a host; `_id` is the host. */
type Success = Doc & { at: number };

const WEEK_MS = 7 * 86_400_000;
const DAY_MS = 86_400_000;
/** A busy fan-out delivers to one partner many times a second: one write a second says enough. */
const SUCCESS_WRITE_INTERVAL_MS = 1000;

export interface PartnerDeliveryState {
  /** Failed attempts in the last 24 hours after the last successful delivery. */
  recentFailures: number;
  lastError: string | null;
  /** ISO time of the last successful delivery, when one is known. */
  lastDeliveredAt: string | null;
}

export class DeliveryHealth {
  readonly #failures: Collection<Failure>;
  readonly #successes: Collection<Success>;
  readonly #now: () => number;
  #lastPrune = 0;
  /** Per host, when this process last wrote a success, and whether it saw a failure since. */
  readonly #written = new Map<string, { at: number; failedSince: boolean }>();
  readonly #pending = new Set<Promise<void>>();

  constructor(store: Store, now: () => number = Date.now) {
    this.#failures = store.collection<Failure>('deliveryFailures');
    this.#successes = store.collection<Success>('deliverySuccesses');
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
    const written = this.#written.get(host);
    if (written) written.failedSince = true;
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

  /** A delivery to `host` (as in its inbox URL, with any port) succeeded. */
  async recordSuccess(host: string): Promise<void> {
    const key = host.toLowerCase();
    const now = this.#now();
    const written = this.#written.get(key);
    if (written && !written.failedSince && now - written.at < SUCCESS_WRITE_INTERVAL_MS) return;
    if (this.#written.size >= 10_000) this.#written.clear();
    this.#written.set(key, { at: now, failedSince: false });
    await this.#successes.replaceOne({ _id: key }, { at: now }, { upsert: true });
  }

  async of(host: string): Promise<PartnerDeliveryState> {
    const success = await this.#successes.findOne({ _id: host });
    // A failure at the very millisecond of the success is counted as before it.
    const since = Math.max(this.#now() - DAY_MS, success ? success.at + 1 : 0);
    const recent = await this.#failures.find({ host, at: { $gte: since } }, { sort: { at: -1 } });
    return {
      recentFailures: recent.length,
      lastError: recent[0] ? `${new Date(recent[0].at).toISOString()}: ${recent[0].message}` : null,
      lastDeliveredAt: success ? new Date(success.at).toISOString() : null,
    };
  }

  /** Resolves once the successes reported through the meter are written (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.#pending.size) await Promise.allSettled([...this.#pending]);
  }

  /** Records a success reported by Fedify's delivery counter without holding the delivery up. */
  observeSuccess(host: string, onError: (error: unknown) => void): void {
    const write = this.recordSuccess(host)
      .catch(onError)
      .finally(() => this.#pending.delete(write));
    this.#pending.add(write);
  }
}

type MeterProvider = NonNullable<FederationOptions<unknown>['meterProvider']>;
type Meter = ReturnType<MeterProvider['getMeter']>;

/** An instrument that measures nothing: every OpenTelemetry instrument shape at once. */
const NOTHING = { add() {}, record() {}, addCallback() {}, removeCallback() {} };

/**
 * Fedify tells of each delivery attempt only through its OpenTelemetry counter
 * "activitypub.delivery.sent" (attributes: the remote host, and whether it succeeded); its
 * onOutboxError hook reports failures only. This meter provider turns successful attempts into
 * DeliveryHealth successes and measures nothing else. The registry exports no OpenTelemetry
 * metrics, so it replaces only the no-op global provider Fedify would otherwise use.
 */
export function deliveryMeterProvider(health: DeliveryHealth, onError: (error: unknown) => void = () => {}): MeterProvider {
  const deliveries = {
    ...NOTHING,
    add(_value: number, attributes?: Record<string, unknown>) {
      const host = attributes?.['activitypub.remote.host'];
      if (attributes?.['activitypub.delivery.success'] === true && typeof host === 'string') health.observeSuccess(host, onError);
    },
  };
  const meter: Meter = {
    createCounter: (name: string) => (name === 'activitypub.delivery.sent' ? deliveries : NOTHING),
    createGauge: () => NOTHING,
    createHistogram: () => NOTHING,
    createUpDownCounter: () => NOTHING,
    createObservableGauge: () => NOTHING,
    createObservableCounter: () => NOTHING,
    createObservableUpDownCounter: () => NOTHING,
    addBatchObservableCallback() {},
    removeBatchObservableCallback() {},
  };
  return { getMeter: () => meter };
}
