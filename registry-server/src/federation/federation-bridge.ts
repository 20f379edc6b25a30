// Federation reacts to domain events: once a change is stored, the bridge tells the followers.
// It owns its failures: delivery is queued, retried by Fedify, and a partner that is down never
// fails a local edit (the event listener's errors are logged, never thrown back).
//
// The activities name the record by id (partners fetch the full public record from its origin,
// received-listings.ts), so they are small documents of a fixed shape, written here as compact
// JSON-LD and queued by fanout/follower-deliveries.ts rather than built through Fedify's vocabulary
// and sendActivity (ADR 0008: that path cost ~45 ms of CPU per activity).
import type { Context, Federation } from '@fedify/fedify';
import { isListingKind, type DomainEvent, type ListingKindName } from '../events/domain-events.ts';
import { logger } from '../config/logging.ts';
import { NODE_ACTOR, type FederationData } from './federation-context.ts';
import { objectIdOf } from './objects.ts';
import {
  AS_CONTEXT,
  DATA_INTEGRITY_CONTEXT,
  PUBLIC_AUDIENCE,
  queueForFollowers,
  type ActivityDocument,
} from './fanout/follower-deliveries.ts';
import type { StoreMessageQueue } from './queue/store-message-queue.ts';

const log = logger('federation', 'bridge');

export function connectFederationBridge(
  federation: Federation<FederationData>,
  data: FederationData,
  queue: StoreMessageQueue,
): () => void {
  return data.services.events.subscribe(async (event) => {
    if (event.type === 'node.profileUpdated') {
      const ctx = federation.createContext(data.services.config.publicUrl, data);
      try {
        await announceProfile(ctx, queue, event.version);
      } catch (error) {
        log.error('Could not queue the Update of the node profile for partners: {error}', { error });
      }
      return;
    }
    if (
      event.type !== 'record.published' &&
      event.type !== 'record.updated' &&
      event.type !== 'record.unpublished' &&
      event.type !== 'record.deleted'
    )
      return;
    // Market records have their own bridge (market/market-bridge.ts, ADR 0038).
    const kind = event.kind;
    if (!isListingKind(kind)) return;
    const ctx = federation.createContext(data.services.config.publicUrl, data);
    try {
      await announce(ctx, queue, { ...event, kind });
    } catch (error) {
      log.error('Could not queue the {type} of {id} for partners: {error}', { type: event.type, id: event.id, error });
    }
  });
}

type RecordEvent = Extract<DomainEvent, { type: 'record.published' | 'record.updated' | 'record.unpublished' | 'record.deleted' }> & {
  kind: ListingKindName;
};

const ACTIVITY_TYPE: Record<RecordEvent['type'], 'Create' | 'Update' | 'Delete'> = {
  'record.published': 'Create',
  'record.updated': 'Update',
  'record.unpublished': 'Delete',
  'record.deleted': 'Delete',
};

/** The activity announcing `event`, as `actor` (compact JSON-LD, unsigned). */
export function recordActivity(ctx: Context<FederationData>, event: RecordEvent, actor: URL, id: URL, now = new Date()): ActivityDocument {
  const objectId = objectIdOf(ctx, event.kind, event.id).href;
  const type = ACTIVITY_TYPE[event.type];
  return {
    '@context': [AS_CONTEXT, DATA_INTEGRITY_CONTEXT],
    id: id.href,
    type,
    actor: actor.href,
    object:
      type === 'Delete'
        ? {
            type: 'Tombstone',
            id: objectId,
            formerType: event.kind === 'initiative' ? 'Organization' : 'Article',
            deleted: now.toISOString(),
          }
        : objectId,
    to: PUBLIC_AUDIENCE,
    cc: ctx.getFollowersUri(actor.href === ctx.getActorUri(NODE_ACTOR).href ? NODE_ACTOR : event.id).href,
  };
}

async function announce(ctx: Context<FederationData>, queue: StoreMessageQueue, event: RecordEvent): Promise<void> {
  const { services } = ctx.data;
  const id = new URL(
    `/ap/activities/${event.kind}/${encodeURIComponent(event.id)}/v${event.version}/${event.type.split('.')[1]}${linkStampOf(event)}`,
    services.config.publicUrl,
  );
  // Shared inboxes: one delivery per partner server, however many of its actors follow us.
  const queued = await queueForFollowers(ctx, queue, NODE_ACTOR, recordActivity(ctx, event, ctx.getActorUri(NODE_ACTOR), id));
  let queuedBySelf = 0;
  if (event.kind === 'initiative') {
    // People who follow the initiative itself hear about its changes from it.
    queuedBySelf = await queueForFollowers(
      ctx,
      queue,
      event.id,
      recordActivity(ctx, event, ctx.getActorUri(event.id), new URL(`${id.href}/self`)),
    );
  }
  log.info('Queued {type} of {id} for {count} follower inbox(es)', { type: event.type, id: event.id, count: queued + queuedBySelf });
  // Queued durably: the change no longer needs announcing at the next start.
  const repository = event.kind === 'initiative' ? services.initiatives : services.practices;
  await repository.markAnnounced(event.id, event.version);
}

/** A change of links beside the record (ADR 0052) is a new activity at the same version. */
const linkStampOf = (event: RecordEvent): string =>
  event.type === 'record.updated' && event.linkStamp ? `/same-as/${encodeURIComponent(event.linkStamp)}` : '';

/**
 * The admin changed the node's profile: followers hear an Update of the node actor, which they
 * fetch again from here (its id is the object; received-node-profiles.ts on their side).
 */
export function profileUpdateActivity(ctx: Context<FederationData>, version: number): ActivityDocument {
  const actor = ctx.getActorUri(NODE_ACTOR);
  return {
    '@context': [AS_CONTEXT, DATA_INTEGRITY_CONTEXT],
    id: new URL(`/ap/activities/node/v${version}/update`, ctx.data.services.config.publicUrl).href,
    type: 'Update',
    actor: actor.href,
    object: actor.href,
    to: PUBLIC_AUDIENCE,
    cc: ctx.getFollowersUri(NODE_ACTOR).href,
  };
}

async function announceProfile(ctx: Context<FederationData>, queue: StoreMessageQueue, version: number): Promise<void> {
  const queued = await queueForFollowers(ctx, queue, NODE_ACTOR, profileUpdateActivity(ctx, version));
  log.info('Queued the Update of the node profile for {count} follower inbox(es)', { count: queued });
}

/** Announces the changes a stopped node had stored but not yet queued for its followers. */
export async function announceMissed(
  federation: Federation<FederationData>,
  data: FederationData,
  queue: StoreMessageQueue,
): Promise<number> {
  const ctx = federation.createContext(data.services.config.publicUrl, data);
  let announced = 0;
  for (const [kind, repository] of [
    ['initiative', data.services.initiatives],
    ['goodPractice', data.services.practices],
  ] as const) {
    const missed = await repository.findUnannounced();
    for (const doc of missed) {
      // The latest version: later changes (edits waiting for review) do not announce themselves.
      await announce(ctx, queue, { type: doc.announce!.type, kind, id: doc._id, version: doc.version, fields: [] } as RecordEvent);
      announced++;
    }
  }
  if (announced) log.info('Announced {count} change(s) stored before the last stop but not yet queued', { count: announced });
  return announced;
}
