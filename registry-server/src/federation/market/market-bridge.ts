// Federation of market records reacts to domain events (ADR 0038), like the listings' bridge:
//   - a LOCAL record published, updated, unpublished, deleted or expired: the node actor's
//     followers get a Create, Update or Delete naming it (they fetch it from here, market-objects.ts);
//     copies received from partners emit the same events and are never announced again;
//   - market.answer.sent: an editor here answered a partner's record; the answer goes to the
//     record's origin node actor (market-answer-activity.ts);
//   - market.told and market.seen: this node told its initiative of a partner's record, or an
//     editor opened it; the origin hears of it (the marks the buyer follows, ADR 0055).
// A partner that is down never fails a local action: deliveries are queued (retried by Fedify),
// and errors are logged.
import type { Context, Federation } from '@fedify/fedify';
import { logger } from '../../config/logging.ts';
import type { DomainEvent, MarketAnswerSent } from '../../events/domain-events.ts';
import { outsideDeadline } from '../../outgoing/outgoing-limits.ts';
import { NODE_ACTOR, type FederationData } from '../federation-context.ts';
import {
  AS_CONTEXT,
  DATA_INTEGRITY_CONTEXT,
  PUBLIC_AUDIENCE,
  queueForFollowers,
  queueForInbox,
  type ActivityDocument,
} from '../fanout/follower-deliveries.ts';
import type { StoreMessageQueue } from '../queue/store-message-queue.ts';
import { sameOrigin } from '../partners/partner-origin.ts';
import { answerActivity, seenActivity, toldActivity, type MarketSeen, type MarketTold } from './market-answer-activity.ts';
import { MARKET_PATH } from './market-objects.ts';

const log = logger('federation', 'market');

type MarketChange = 'record.published' | 'record.updated' | 'record.unpublished' | 'record.deleted' | 'record.expired';

const ACTIVITY = new Map<MarketChange, { type: 'Create' | 'Update' | 'Delete'; verb: string }>([
  ['record.published', { type: 'Create', verb: 'create' }],
  ['record.updated', { type: 'Update', verb: 'update' }],
  ['record.unpublished', { type: 'Delete', verb: 'unpublish' }],
  ['record.deleted', { type: 'Delete', verb: 'delete' }],
  // An expiry is a Delete too: partners drop their copy (they also do at the instant by themselves).
  ['record.expired', { type: 'Delete', verb: 'expire' }],
]);

export function connectMarketBridge(federation: Federation<FederationData>, data: FederationData, queue: StoreMessageQueue): () => void {
  return data.services.events.subscribe((event) => {
    const ctx = () => federation.createContext(data.services.config.publicUrl, data);
    if (event.type === 'market.answer.sent')
      return outsideDeadline(() => sendAnswer(ctx(), queue, event.answer)).catch((error: unknown) =>
        log.error('Could not send the answer {id} to {origin}: {error}', { id: event.answer.id, origin: event.answer.recordOrigin, error }),
      );
    if (event.type === 'market.seen' || event.type === 'market.told')
      return outsideDeadline(() => (event.type === 'market.seen' ? sendSeen(ctx(), queue, event) : sendTold(ctx(), queue, event))).catch(
        (error: unknown) =>
          log.error('Could not tell {origin} that {record} was {stage}: {error}', {
            origin: event.recordOrigin,
            record: event.recordIri,
            stage: event.type === 'market.seen' ? 'seen' : 'told',
            error,
          }),
      );
    if (!isMarketChange(event)) return;
    return announceMarketChange(ctx(), queue, event).catch((error: unknown) =>
      log.error('Could not queue the {type} of market record {id} for partners: {error}', { type: event.type, id: event.id, error }),
    );
  });
}

function isMarketChange(
  event: DomainEvent,
): event is Extract<DomainEvent, { type: MarketChange; kind: string; id: string; version: number }> {
  return ACTIVITY.has(event.type as MarketChange) && 'kind' in event && event.kind === 'marketRecord';
}

/** The activity telling followers of a change of the local record `handle` (compact JSON-LD, unsigned). */
export function marketActivity(
  ctx: Context<FederationData>,
  type: MarketChange,
  handle: string,
  version: number,
  now: Date,
): ActivityDocument {
  const { publicUrl } = ctx.data.services.config;
  const objectId = new URL(MARKET_PATH.replace('{handle}', encodeURIComponent(handle)), publicUrl).href;
  const { type: activityType, verb } = ACTIVITY.get(type)!;
  return {
    '@context': [AS_CONTEXT, DATA_INTEGRITY_CONTEXT],
    id: new URL(`/ap/activities/marketRecord/${encodeURIComponent(handle)}/v${version}/${verb}`, publicUrl).href,
    type: activityType,
    actor: ctx.getActorUri(NODE_ACTOR).href,
    object: activityType === 'Delete' ? { type: 'Tombstone', id: objectId, formerType: 'Page', deleted: now.toISOString() } : objectId,
    to: PUBLIC_AUDIENCE,
    cc: ctx.getFollowersUri(NODE_ACTOR).href,
  };
}

async function announceMarketChange(
  ctx: Context<FederationData>,
  queue: StoreMessageQueue,
  event: { type: MarketChange; id: string; version: number },
): Promise<void> {
  const { marketRecords, now } = ctx.data.services;
  const doc = await marketRecords.findById(event.id);
  // A partner's copy (kept by its IRI) is its origin's to announce; a record gone from the store has nothing to name.
  if (!doc || doc.origin.kind !== 'local') return;
  const queued = await queueForFollowers(ctx, queue, NODE_ACTOR, marketActivity(ctx, event.type, doc.record.handle, event.version, now()));
  log.info('Queued {type} of market record {id} for {count} follower inbox(es)', { type: event.type, id: event.id, count: queued });
  if (event.type !== 'record.expired') await marketRecords.markAnnounced(event.id, event.version);
}

/** Changes stored but not yet queued when the node stopped (the `announce` marker), queued now. */
export async function announceMissedMarketRecords(
  federation: Federation<FederationData>,
  data: FederationData,
  queue: StoreMessageQueue,
): Promise<number> {
  const ctx = federation.createContext(data.services.config.publicUrl, data);
  const missed = await data.services.marketRecords.findUnannounced();
  for (const doc of missed) await announceMarketChange(ctx, queue, { type: doc.announce!.type, id: doc._id, version: doc.version });
  if (missed.length) log.info('Announced {count} market record change(s) left by the last stop', { count: missed.length });
  return missed.length;
}

/** Sends an answer to a partner's record to the record's origin node, which this node follows. */
export async function sendAnswer(ctx: Context<FederationData>, queue: StoreMessageQueue, answer: MarketAnswerSent): Promise<void> {
  const origin = await originInbox(ctx, answer.recordOrigin, answer.recordIri);
  if (!origin) return;
  // Queued as written (our answerVerdict term included), signed like the record announcements.
  await queueForInbox(ctx, queue, NODE_ACTOR, answerActivity(answeringNode(ctx), answer), origin);
  log.info('Sent the answer {id} to {origin}', { id: answer.id, origin: answer.recordOrigin });
}

/** Tells the record's origin that an editor here opened it (the "seen" mark). */
export async function sendSeen(ctx: Context<FederationData>, queue: StoreMessageQueue, seen: MarketSeen): Promise<void> {
  const origin = await originInbox(ctx, seen.recordOrigin, seen.recordIri);
  if (origin) await queueForInbox(ctx, queue, NODE_ACTOR, seenActivity(answeringNode(ctx), seen), origin);
}

/** Tells the record's origin that this node told one of its initiatives of it (ADR 0055). */
export async function sendTold(ctx: Context<FederationData>, queue: StoreMessageQueue, told: MarketTold): Promise<void> {
  const origin = await originInbox(ctx, told.recordOrigin, told.recordIri);
  if (origin) await queueForInbox(ctx, queue, NODE_ACTOR, toldActivity(answeringNode(ctx), told), origin);
}

/** The inbox of a record's origin: a partner this node follows, on whose origin the record is; null (logged) otherwise. */
async function originInbox(ctx: Context<FederationData>, recordOrigin: string, recordIri: string) {
  const origin = await ctx.data.follows.acceptedPartner(recordOrigin);
  if (!origin || !sameOrigin(recordIri, recordOrigin)) {
    log.warning('Did not send to {origin}: it is not a partner this node follows, or not the origin of {record}', {
      origin: recordOrigin,
      record: recordIri,
    });
    return null;
  }
  return { actor: origin._id, inbox: origin.inbox };
}

const answeringNode = (ctx: Context<FederationData>) => ({
  publicUrl: ctx.data.services.config.publicUrl,
  actor: ctx.getActorUri(NODE_ACTOR).href,
});
