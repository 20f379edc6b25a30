// Creates the node's Fedify federation: actors, keys, collections, NodeInfo and the inbox. The
// handlers live beside it (inbox/*.ts, one per activity type); this file only wires them.
import 'temporal-polyfill/global';
import {
  createFederation,
  type Federation,
  type FederationOptions as FedifyOptions,
  type KvStore,
  type MessageQueue,
} from '@fedify/fedify';
import { Accept, Announce, Article, Create, Delete, Document, Flag, Follow, Note, Page, Reject, Undo, Update, View } from '@fedify/vocab';
import { ADOPTION_PATH, dispatchAdoption } from './adoptions/adoption-object.ts';
import { logger } from '../config/logging.ts';
import type { Registry } from '../registry.ts';
import { initiativeActor, nodeActor } from './actors.ts';
import { NODE_ACTOR, type FederationData } from './federation-context.ts';
import { onAccept, onReject } from './inbox/on-accept.ts';
import { onCreateOrUpdate } from './inbox/on-create-or-update.ts';
import { onDelete } from './inbox/on-delete.ts';
import { onFlag } from './inbox/on-flag.ts';
import { onFollow } from './inbox/on-follow.ts';
import { onUndo } from './inbox/on-undo.ts';
import { outboxCount, outboxPage } from './outbox.ts';
import { NOTE_PATH, noteObject } from './notes/note-activities.ts';
import { featuredPractices } from './notes/featured-practices.ts';
import { practiceObject } from './objects.ts';
import { shareLoaders } from './shared-loaders.ts';
import { MARKET_PATH, marketRecordObject } from './market/market-objects.ts';
import { onMarketSeen, onMarketTold } from './market/market-answer-inbox.ts';

const log = logger('federation');
const PAGE_SIZE = 50;

export interface FederationOptions {
  kv: KvStore;
  queue: MessageQueue;
  /** Called on every failed delivery attempt (Fedify retries it with backoff). */
  onDeliveryFailure?: (error: Error) => void;
  /** Where Fedify reports its metrics; the runtime's tells delivery health of each successful delivery. */
  meterProvider?: FedifyOptions<FederationData>['meterProvider'];
}

export function createRegistryFederation(registry: Registry, options: FederationOptions): Federation<FederationData> {
  const { config } = registry;
  const federation = createFederation<FederationData>({
    kv: options.kv,
    // Deliveries and fan-outs wait in the durable queue. Received activities are handled inside
    // the request instead (no inbox queue): the handler is short, and a failure answers 500, so
    // the sender's own queue retries it; queueing them again here cost a second parse of every
    // activity and two more store writes per delivery (ADR 0008).
    queue: { outbox: options.queue, fanout: options.queue },
    origin: config.publicUrl.origin,
    // The queue is started by the process role that delivers (see federation-runtime.ts).
    manuallyStartQueue: true,
    // Never on outside tests and local demos: it would let anyone make the node fetch internal URLs.
    allowPrivateAddress: config.allowPrivateAddresses,
    userAgent: { software: 'umn-registry/0.1', url: config.publicUrl },
    ...(options.meterProvider ? { meterProvider: options.meterProvider } : {}),
    onOutboxError: (error, activity) => {
      log.warning('Delivery of {activity} failed: {error}', { activity: activity?.id?.href, error: error.message });
      options.onDeliveryFailure?.(error);
    },
  });
  shareLoaders(federation);

  federation
    .setActorDispatcher('/initiatives/{identifier}', async (ctx, identifier) => {
      if (identifier === NODE_ACTOR) return nodeActor(ctx, await ctx.data.services.nodes.findById(config.nodeHandle));
      const doc = await ctx.data.services.initiatives.findById(identifier);
      if (!doc || doc.origin.kind !== 'local' || !wasEverPublic(doc.publication)) return null;
      return initiativeActor(ctx, doc);
    })
    .mapActorAlias(`/nodes/${config.nodeHandle}`, NODE_ACTOR)
    .mapHandle(async (ctx, username) => {
      if (username === config.federationHandle) return NODE_ACTOR;
      const doc = await ctx.data.services.initiatives.findPublishedById(username);
      return doc && doc.origin.kind === 'local' ? username : null;
    })
    .setKeyPairsDispatcher((ctx, identifier) => ctx.data.keys.pairs(identifier));

  federation
    .setFollowersDispatcher('/ap/actors/{identifier}/followers', async (ctx, identifier, cursor) => {
      const followers = await ctx.data.follows.acceptedFollowers(identifier);
      const items = followers.map((f) => ({
        id: new URL(f.actor),
        inboxId: new URL(f.inbox),
        endpoints: f.sharedInbox ? { sharedInbox: new URL(f.sharedInbox) } : null,
      }));
      if (cursor === null) return { items };
      const start = Number(cursor) || 0;
      return {
        items: items.slice(start, start + PAGE_SIZE),
        nextCursor: start + PAGE_SIZE < items.length ? String(start + PAGE_SIZE) : null,
      };
    })
    .setFirstCursor(() => '0')
    .setCounter(async (ctx, identifier) => (await ctx.data.follows.acceptedFollowers(identifier)).length);

  federation
    .setOutboxDispatcher('/ap/actors/{identifier}/outbox', (ctx, identifier, cursor) => outboxPage(ctx, identifier, cursor, PAGE_SIZE))
    .setFirstCursor(() => '0')
    .setCounter((ctx, identifier) => outboxCount(ctx, identifier));

  // The node's pinned practices, chosen on /admin/fediverse: Mastodon shows them pinned on its profile (ADR 0051).
  federation
    .setFeaturedDispatcher('/ap/actors/{identifier}/featured', async (ctx, identifier) => ({
      items: identifier === NODE_ACTOR ? await featuredPractices(ctx) : [],
    }))
    .setCounter(async (ctx, identifier) => (identifier === NODE_ACTOR ? (await featuredPractices(ctx)).length : 0));

  // The Notes the actors post for fediverse followers (ADR 0051); a withdrawn one is gone.
  federation.setObjectDispatcher(Note, NOTE_PATH, async (ctx, { id }) => {
    const note = id.length <= 100 ? await ctx.data.notes.findLive(id) : null;
    return note ? noteObject(ctx, note) : null;
  });

  federation.setObjectDispatcher(Article, '/practices/{handle}', async (ctx, { handle }) => {
    const doc = await ctx.data.services.practices.findPublishedById(handle);
    return doc && doc.origin.kind === 'local' ? practiceObject(ctx, doc) : null;
  });

  // Requests, needs, offers and openings (ADR 0038); a browser asking for the page falls through to the site.
  federation.setObjectDispatcher(Page, MARKET_PATH, (ctx, { handle }) => marketRecordObject(ctx, handle));
  // Adoption records (ADR 0040): a Document each, on the adopting city's node.
  federation.setObjectDispatcher(Document, ADOPTION_PATH, (ctx, { handle }) => dispatchAdoption(ctx, handle));

  federation.setNodeInfoDispatcher('/nodeinfo/2.1', async (ctx) => ({
    software: { name: 'umn-registry', version: '0.1.0', homepage: new URL('/', config.publicUrl) },
    protocols: ['activitypub'],
    openRegistrations: false,
    usage: {
      users: { total: 1 + (await ctx.data.services.initiatives.countPublishedLocal()) },
      localPosts: await ctx.data.services.practices.countPublishedLocal(),
      localComments: 0,
    },
    metadata: { nodeName: config.nodeHandle, registry: 'Union Migrant Net' },
  }));

  federation
    .setInboxListeners('/ap/actors/{identifier}/inbox', '/ap/inbox')
    .on(Follow, onFollow)
    .on(Accept, onAccept)
    .on(Reject, onReject)
    .on(Undo, onUndo)
    .on(Create, onCreateOrUpdate)
    .on(Update, onCreateOrUpdate)
    .on(Delete, onDelete)
    .on(Flag, onFlag)
    // A partner's editor opened one of our market records (ADR 0038).
    .on(View, onMarketSeen)
    // A partner's node told its initiative of one of our market records (ADR 0055).
    .on(Announce, onMarketTold)
    // Anyone can post garbage to an inbox: a body that is not JSON is the sender's problem (it
    // got a 400), so it is a warning, not an error of this node.
    .onError((_ctx, error) =>
      error instanceof SyntaxError
        ? log.warning('Refused a malformed activity: {error}', { error: error.message })
        : log.error('Inbox handler failed: {error}', { error }),
    );

  return federation;
}

/**
 * Whether a record was ever public, and so is answered (a Tombstone once it is withdrawn, which
 * partners need) rather than being nothing: a draft, one in review, and one deleted while still a
 * draft are answered like a name nobody uses, so ActivityPub is no existence oracle.
 */
function wasEverPublic(publication: { state: string; deletedFrom?: string }): boolean {
  const hidden = ['draft', 'in-review'];
  if (publication.state === 'deleted') return publication.deletedFrom === undefined || !hidden.includes(publication.deletedFrom);
  return !hidden.includes(publication.state);
}
