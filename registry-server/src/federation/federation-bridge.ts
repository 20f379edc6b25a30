// Federation reacts to domain events: once a change is stored, the bridge tells the followers.
// It owns its failures: delivery is queued, retried by Fedify, and a partner that is down never
// fails a local edit (the event listener's errors are logged, never thrown back).
import type { Context, Federation } from '@fedify/fedify';
import { Create, Delete, PUBLIC_COLLECTION, Tombstone, Update, Organization, Article } from '@fedify/vocab';
import type { DomainEvent } from '../events/domain-events.ts';
import { logger } from '../config/logging.ts';
import { NODE_ACTOR, type FederationData } from './federation-context.ts';
import { objectIdOf } from './objects.ts';

const log = logger('federation', 'bridge');

export function connectFederationBridge(federation: Federation<FederationData>, data: FederationData): () => void {
  return data.registry.events.subscribe(async (event) => {
    if (event.type !== 'record.published' && event.type !== 'record.updated' && event.type !== 'record.unpublished' && event.type !== 'record.deleted') return;
    const ctx = federation.createContext(data.registry.config.publicUrl, data);
    try {
      await announce(ctx, event);
    } catch (error) {
      log.error('Could not queue the {type} of {id} for partners: {error}', { type: event.type, id: event.id, error });
    }
  });
}

type RecordEvent = Extract<DomainEvent, { type: 'record.published' | 'record.updated' | 'record.unpublished' | 'record.deleted' }>;

async function announce(ctx: Context<FederationData>, event: RecordEvent): Promise<void> {
  const { registry } = ctx.data;
  const objectId = objectIdOf(ctx, event.kind, event.id);
  const actor = ctx.getActorUri(NODE_ACTOR);
  const id = new URL(`/ap/activities/${event.kind}/${encodeURIComponent(event.id)}/v${event.version}/${event.type.split('.')[1]}`, registry.config.publicUrl);
  const addressing = { tos: [PUBLIC_COLLECTION], ccs: [ctx.getFollowersUri(NODE_ACTOR)] };
  const activity =
    event.type === 'record.published'
      ? new Create({ id, actor, object: objectId, ...addressing })
      : event.type === 'record.updated'
        ? new Update({ id, actor, object: objectId, ...addressing })
        : new Delete({ id, actor, object: new Tombstone({ id: objectId, formerType: event.kind === 'initiative' ? Organization : Article, deleted: Temporal.Now.instant() }), ...addressing });
  // Shared inboxes: one delivery per partner server, however many of its actors follow us.
  await ctx.sendActivity({ identifier: NODE_ACTOR }, 'followers', activity, { preferSharedInbox: true });
  if (event.kind === 'initiative' && (await ctx.data.follows.acceptedFollowers(event.id)).length > 0) {
    // People who follow the initiative itself hear about its changes from it.
    await ctx.sendActivity({ identifier: event.id }, 'followers', activity.clone({ id: new URL(`${id.href}/self`), actor: ctx.getActorUri(event.id) }), { preferSharedInbox: true });
  }
  log.info('Queued {type} of {id} for followers', { type: event.type, id: event.id });
}
