// Federation of adoption records is a reaction (ADR 0040): once a change of a local adoption record
// is stored, its followers (the partner cities) hear a Create, Update or Delete naming the record
// by id, and fetch it from here. Queued durably like listings' activities; a partner that is down
// never fails a local edit (failures are logged, never thrown back).
import type { Context, Federation } from '@fedify/fedify';
import { Document } from '@fedify/vocab';
import { logger } from '../../config/logging.ts';
import type { DomainEvent } from '../../events/domain-events.ts';
import { NODE_ACTOR, type FederationData } from '../federation-context.ts';
import {
  AS_CONTEXT,
  DATA_INTEGRITY_CONTEXT,
  PUBLIC_AUDIENCE,
  queueForFollowers,
  type ActivityDocument,
} from '../fanout/follower-deliveries.ts';
import type { StoreMessageQueue } from '../queue/store-message-queue.ts';

const log = logger('federation', 'adoptions');

type AdoptionEvent = Extract<DomainEvent, { type: 'record.published' | 'record.updated' | 'record.unpublished' | 'record.deleted' }>;

const ACTIVITY_TYPE: Record<AdoptionEvent['type'], 'Create' | 'Update' | 'Delete'> = {
  'record.published': 'Create',
  'record.updated': 'Update',
  'record.unpublished': 'Delete',
  'record.deleted': 'Delete',
};

export function connectAdoptionBridge(federation: Federation<FederationData>, data: FederationData, queue: StoreMessageQueue): () => void {
  return data.services.events.subscribe(async (event) => {
    if (!(event.type in ACTIVITY_TYPE) || !('kind' in event) || event.kind !== 'adoptionRecord') return;
    const ctx = federation.createContext(data.services.config.publicUrl, data);
    try {
      await announceAdoption(ctx, queue, event as AdoptionEvent);
    } catch (error) {
      log.error('Could not queue the {type} of the adoption record {id} for partners: {error}', {
        type: event.type,
        id: (event as AdoptionEvent).id,
        error,
      });
    }
  });
}

/** The activity announcing `event` as the node actor (compact JSON-LD, unsigned). */
export function adoptionActivity(ctx: Context<FederationData>, event: AdoptionEvent, now = new Date()): ActivityDocument {
  const actor = ctx.getActorUri(NODE_ACTOR);
  const objectId = ctx.getObjectUri(Document, { handle: event.id }).href;
  const type = ACTIVITY_TYPE[event.type];
  return {
    '@context': [AS_CONTEXT, DATA_INTEGRITY_CONTEXT],
    id: new URL(
      `/ap/activities/adoptionRecord/${encodeURIComponent(event.id)}/v${event.version}/${event.type.split('.')[1]}`,
      ctx.data.services.config.publicUrl,
    ).href,
    type,
    actor: actor.href,
    object: type === 'Delete' ? { type: 'Tombstone', id: objectId, formerType: 'Document', deleted: now.toISOString() } : objectId,
    to: PUBLIC_AUDIENCE,
    cc: ctx.getFollowersUri(NODE_ACTOR).href,
  };
}

async function announceAdoption(ctx: Context<FederationData>, queue: StoreMessageQueue, event: AdoptionEvent): Promise<void> {
  const queued = await queueForFollowers(ctx, queue, NODE_ACTOR, adoptionActivity(ctx, event));
  log.info('Queued {type} of the adoption record {id} for {count} follower inbox(es)', { type: event.type, id: event.id, count: queued });
  await ctx.data.services.adoptionRecords.markAnnounced(event.id, event.version);
}

/** Announces the adoption records a stopped node had stored but not yet queued for its followers. */
export async function announceMissedAdoptions(
  federation: Federation<FederationData>,
  data: FederationData,
  queue: StoreMessageQueue,
): Promise<number> {
  const ctx = federation.createContext(data.services.config.publicUrl, data);
  const missed = await data.services.adoptionRecords.findUnannounced();
  for (const doc of missed)
    await announceAdoption(ctx, queue, {
      type: doc.announce!.type,
      kind: 'adoptionRecord',
      id: doc._id,
      version: doc.version,
      fields: [],
    } as AdoptionEvent);
  return missed.length;
}
