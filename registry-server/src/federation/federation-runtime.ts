// Starts federation for a node: Fedify's key-value store and message queue live in the node's
// own store (embedded file or MongoDB), so queued deliveries survive a crash and are shared by
// every process. The process role decides who delivers: `all` and `worker` run the queue;
// `web` only serves HTTP (several web and worker processes share one MongoDB).
import type { Federation } from '@fedify/fedify';
import type { RequestHandler } from 'express';
import { logger } from '../config/logging.ts';
import type { Registry } from '../registry.ts';
import { federationMiddleware } from './federation-middleware.ts';
import { outsideDeadline } from '../outgoing/outgoing-limits.ts';
import { ActorKeys } from './actor-keys.ts';
import { announceMissed, connectFederationBridge } from './federation-bridge.ts';
import { announceMissedAdoptions, connectAdoptionBridge } from './adoptions/adoption-bridge.ts';
import { createRegistryFederation } from './federation.ts';
import { catchUpReports, connectReportBridge } from './reports/report-bridge.ts';
import type { FederationData } from './federation-context.ts';
import { backfillPartner } from './partners/backfill.ts';
import { announceMissedMarketRecords, connectMarketBridge } from './market/market-bridge.ts';
import { connectQuestionBridge } from './questions/city-question-bridge.ts';
import type { MarketAnswersReceiver } from './market/market-answers-port.ts';
import { keepCopiesHonest } from './market/received-market-records.ts';
import { PartnerService } from './partners/partner-service.ts';
import { FollowerAdministration } from './followers/follower-administration.ts';
import { DeliveryHealth, deliveryMeterProvider } from './partners/delivery-health.ts';
import { StoreKvStore } from './queue/store-kv-store.ts';
import { withoutLinkedDataSignature } from './queue/outgoing-activity-policy.ts';
import { StoreMessageQueue } from './queue/store-message-queue.ts';
import { NoteRepository } from './notes/note-repository.ts';
import { connectNoteBridge, type NoteBridge } from './notes/note-bridge.ts';

const log = logger('federation');

export interface FederationRuntime {
  federation: Federation<FederationData>;
  data: FederationData;
  partners: PartnerService;
  /** The node's and initiatives' ordinary fediverse followers, for admins (see, remove). */
  followers: FollowerAdministration;
  queue: StoreMessageQueue;
  /** Notes for fediverse followers: the poster, its budget (ADR 0051). */
  notes: NoteBridge;
  middleware: RequestHandler;
  /** Resolves when the backfills started so far have finished (for tests and the CLI). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Deliveries in flight per process. A delivery mostly waits on the partner (it answers once it
 * has stored the listing), so several run at once; each costs little memory.
 */
const DELIVERY_WORKERS = 16;

/** How often a delivering process looks for digests whose hour has ended (ADR 0051). */
const DIGEST_SWEEP_MS = 60_000;

export async function startFederation(
  registry: Registry,
  options: { deliver: boolean; activityDeadlineMs?: number },
): Promise<FederationRuntime> {
  const kv = new StoreKvStore(registry.store);
  const queue = new StoreMessageQueue(registry.store, { workers: DELIVERY_WORKERS, prepare: withoutLinkedDataSignature });
  await kv.ensureIndexes();
  await queue.ensureIndexes();
  if (registry.store.kind === 'embedded') {
    // One process owns an embedded store, so every lease left in it belongs to a process that
    // died mid-delivery: release them now instead of waiting for them to expire.
    const released = await queue.releaseLeases();
    if (released) log.info('Released {count} delivery(ies) interrupted by the last stop', { count: released });
  }
  const follows = registry.follows;
  await follows.ensureIndexes();
  const notes = new NoteRepository(registry.store);
  await notes.ensureIndexes();
  const backfills = new Set<Promise<unknown>>();
  // eslint-disable-next-line prefer-const -- assigned once below, after `data`, which the dispatchers close over
  let federation: Federation<FederationData>;
  const data: FederationData = {
    services: registry,
    follows,
    keys: new ActorKeys(registry.store),
    notes,
    backfill(partner) {
      // Set off by an Accept in the inbox, but not bounded by that request's deadline.
      const run = outsideDeadline(() => backfillPartner(federation.createContext(registry.config.publicUrl, data), partner))
        .catch((error: unknown) =>
          log.warning('Could not copy the catalogue of {partner}: {error}', { partner, error: (error as Error).message }),
        )
        .finally(() => backfills.delete(run));
      backfills.add(run);
    },
  };
  // The answers module (issue 15, contract C) installs itself on the registry as `marketAnswers`;
  // until it does, answers partners send are acknowledged and logged, not kept.
  const answers = (registry as { marketAnswers?: MarketAnswersReceiver }).marketAnswers;
  if (answers) data.marketAnswers = answers;
  const health = new DeliveryHealth(registry.store);
  await health.ensureIndexes();
  federation = createRegistryFederation(registry, {
    kv,
    queue,
    onDeliveryFailure: (error) =>
      void health.record(error).catch((e: unknown) => log.warning('Could not record a delivery failure: {error}', { error: e })),
    // A later successful delivery clears the failures before it on the partners page.
    meterProvider: deliveryMeterProvider(health, (e: unknown) => log.warning('Could not record a delivery: {error}', { error: e })),
  });
  const disconnect = connectFederationBridge(federation, data, queue);
  const disconnectReports = connectReportBridge(federation, data);
  const disconnectMarket = connectMarketBridge(federation, data, queue);
  const stopKeepingCopies = keepCopiesHonest(data);
  const disconnectAdoptions = connectAdoptionBridge(federation, data, queue);
  const disconnectQuestions = connectQuestionBridge(federation, data, queue);
  const noteBridge = await connectNoteBridge(federation, data, queue, registry.store);
  let digestSweep: ReturnType<typeof setInterval> | undefined;
  const controller = new AbortController();
  let queueRunning: Promise<void> = Promise.resolve();
  if (options.deliver) {
    await announceMissed(federation, data, queue);
    await announceMissedMarketRecords(federation, data, queue);
    await announceMissedAdoptions(federation, data, queue);
    // In the background: a slow partner never delays the start, nor fails it.
    void catchUpReports(federation.createContext(registry.config.publicUrl, data)).catch((error: unknown) =>
      log.warning('Could not catch up the reports left by the last stop: {error}', { error }),
    );
    const sweep = () =>
      void noteBridge.poster.postDueDigests().catch((error: unknown) => log.warning('Could not post the digest Notes: {error}', { error }));
    sweep();
    digestSweep = setInterval(sweep, DIGEST_SWEEP_MS);
    digestSweep.unref();
    queueRunning = federation
      .startQueue(data, { signal: controller.signal })
      .catch((error: unknown) => log.error('The delivery queue stopped: {error}', { error }));
  }
  return {
    federation,
    data,
    partners: new PartnerService(federation, data, health),
    followers: new FollowerAdministration(federation, data),
    queue,
    notes: noteBridge,
    middleware: federationMiddleware(federation, data, registry.config.publicUrl, { activityDeadlineMs: options.activityDeadlineMs }),
    async settled() {
      while (backfills.size) await Promise.allSettled([...backfills]);
    },
    async stop() {
      disconnect();
      disconnectReports();
      disconnectMarket();
      stopKeepingCopies();
      disconnectAdoptions();
      disconnectQuestions();
      noteBridge.disconnect();
      clearInterval(digestSweep);
      controller.abort();
      await queueRunning;
      await Promise.allSettled([...backfills]);
      await health.settled();
    },
  };
}
