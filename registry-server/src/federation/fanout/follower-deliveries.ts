// Fan-out of this node's record changes to its followers, without Fedify's sendActivity. For
// each activity, sendActivity compacts it with jsonld.js, canonicalises it four times (to check
// a rewrite of the public audience) and adds a Linked Data Signature: about 45 ms of CPU per
// activity on this machine, which capped a city publishing a batch of changes at a few dozen
// deliveries per second (issue #4 bench). Our activities are small documents with a fixed,
// known shape, so they are written compact here and signed with an Object Integrity Proof
// (eddsa-jcs-proof.ts); the deliveries then go into the same durable queue, as the messages
// Fedify's own fan-out writes, and Fedify's queue worker sends them: HTTP Signatures, retries
// with backoff, circuit breaker and delivery-failure reporting stay Fedify's. ADR 0008 records
// the trade-off: the message shape is Fedify 2.3.6's (pinned exactly) and an integration test
// fails if a Fedify upgrade changes it.
import type { Context } from '@fedify/fedify';
import { exportJwk } from '@fedify/fedify';
import type { FederationData } from '../federation-context.ts';
import type { StoreMessageQueue } from '../queue/store-message-queue.ts';
import { withProof } from './eddsa-jcs-proof.ts';

export const AS_CONTEXT = 'https://www.w3.org/ns/activitystreams';
export const DATA_INTEGRITY_CONTEXT = 'https://w3id.org/security/data-integrity/v1';
export const PUBLIC_AUDIENCE = 'https://www.w3.org/ns/activitystreams#Public';

export type ActivityDocument = Record<string, unknown> & { id: string; type: string; actor: string };

/** One delivery as Fedify 2.3.6's outbox worker reads it (OutboxMessage). */
export interface OutboxMessage {
  type: 'outbox';
  id: string;
  baseUrl: string;
  keys: Array<{ keyId: string; privateKey: JsonWebKey }>;
  activity: Record<string, unknown>;
  activityId: string;
  activityType: string;
  inbox: string;
  sharedInbox: boolean;
  actorIds: string[];
  started: string;
  attempt: number;
  headers: Record<string, string>;
  traceContext: Record<string, string>;
}

/**
 * Who hears an activity: every follower (the record activities partners need), or only the
 * ordinary fediverse accounts (the Notes written for them, ADR 0051).
 */
export type FollowerAudience = 'everyone' | 'accounts';

/** The inboxes to deliver to: one per partner server when it has a shared inbox, with the followers behind each. */
export async function followerInboxes(
  data: FederationData,
  identifier: string,
  audience: FollowerAudience = 'everyone',
): Promise<Map<string, { sharedInbox: boolean; actorIds: string[] }>> {
  const inboxes = new Map<string, { sharedInbox: boolean; actorIds: string[] }>();
  for (const follower of await data.follows.acceptedFollowers(identifier)) {
    if (audience === 'accounts' && follower.isRegistryNode) continue;
    if (await data.follows.isBlocked(follower.host)) continue;
    const inbox = follower.sharedInbox ?? follower.inbox;
    const entry = inboxes.get(inbox) ?? { sharedInbox: follower.sharedInbox !== null, actorIds: [] };
    entry.actorIds.push(follower.actor);
    inboxes.set(inbox, entry);
  }
  return inboxes;
}

/** The actor's keys as the queue carries them (JWK), exported once per actor. */
const exportedKeys = new Map<string, Promise<OutboxMessage['keys']>>();

async function messageKeys(ctx: Context<FederationData>, identifier: string) {
  const pairs = await ctx.getActorKeyPairs(identifier);
  const cacheKey = pairs.map((p) => p.keyId.href).join(' ');
  let keys = exportedKeys.get(cacheKey);
  if (!keys) {
    // Only the RSA key: the worker imports every key of a message for each delivery, and it
    // needs just the one it signs the HTTP request with (the proof is made already).
    const rsa = pairs.filter((p) => p.privateKey.algorithm.name === 'RSASSA-PKCS1-v1_5');
    keys = Promise.all(rsa.map(async (p) => ({ keyId: p.keyId.href, privateKey: await exportJwk(p.privateKey) })));
    exportedKeys.set(cacheKey, keys);
  }
  return { keys: await keys };
}

/** `activity` with an Object Integrity Proof by the actor `identifier`'s Ed25519 key. */
export async function signActivity(
  ctx: Context<FederationData>,
  identifier: string,
  activity: ActivityDocument,
): Promise<ActivityDocument> {
  const pairs = await ctx.getActorKeyPairs(identifier);
  const ed25519 = pairs.find((p) => p.privateKey.algorithm.name === 'Ed25519');
  if (!ed25519) throw new Error(`Actor ${identifier} has no Ed25519 key to sign its activities with.`);
  // The proof names the key as the actor document lists it among its assertion methods (a
  // Multikey, #multikey-N), not by the CryptographicKey id that HTTP Signatures use.
  return withProof(activity, { privateKey: ed25519.privateKey, keyId: ed25519.multikey.id ?? ed25519.keyId });
}

/**
 * Signs `activity` (compact JSON-LD with the ActivityStreams and data-integrity contexts) as the
 * actor `identifier` and queues one delivery per follower inbox. Returns the number queued.
 */
export async function queueForFollowers(
  ctx: Context<FederationData>,
  queue: StoreMessageQueue,
  identifier: string,
  activity: ActivityDocument,
  audience: FollowerAudience = 'everyone',
): Promise<number> {
  return queueToInboxes(ctx, queue, identifier, activity, await followerInboxes(ctx.data, identifier, audience));
}

/** Signs `activity` as `identifier` and queues it for one actor's inbox (an answer to a partner: market/market-bridge.ts). */
export async function queueForInbox(
  ctx: Context<FederationData>,
  queue: StoreMessageQueue,
  identifier: string,
  activity: ActivityDocument,
  recipient: { actor: string; inbox: string },
): Promise<number> {
  return queueToInboxes(
    ctx,
    queue,
    identifier,
    activity,
    new Map([[recipient.inbox, { sharedInbox: false, actorIds: [recipient.actor] }]]),
  );
}

async function queueToInboxes(
  ctx: Context<FederationData>,
  queue: StoreMessageQueue,
  identifier: string,
  activity: ActivityDocument,
  inboxes: Map<string, { sharedInbox: boolean; actorIds: string[] }>,
): Promise<number> {
  if (inboxes.size === 0) return 0;
  const { keys } = await messageKeys(ctx, identifier);
  const signed = await signActivity(ctx, identifier, activity);
  const started = new Date().toISOString();
  const messages: OutboxMessage[] = [...inboxes].map(([inbox, { sharedInbox, actorIds }]) => ({
    type: 'outbox',
    id: crypto.randomUUID(),
    baseUrl: ctx.origin,
    keys,
    activity: signed,
    activityId: activity.id,
    activityType: `${AS_CONTEXT}#${activity.type}`,
    inbox,
    sharedInbox,
    actorIds,
    started,
    attempt: 0,
    headers: {},
    traceContext: {},
  }));
  await queue.enqueueMany(messages);
  return messages.length;
}
