// Follow: ordinary fediverse accounts are accepted at once (unless their domain is blocked);
// registry nodes wait for an admin's approval, unless their domain is on AUTO_APPROVE_DOMAINS.
import type { InboxContext } from '@fedify/fedify';
import { Accept, Reject, isActor, PropertyValue, type Follow } from '@fedify/vocab';
import { logger } from '../../config/logging.ts';
import { activityId } from '../activity-ids.ts';
import type { FederationData } from '../federation-context.ts';
import { hostOf } from '../iri.ts';
import { ownInboxes } from '../partners/partner-origin.ts';

const log = logger('federation', 'inbox');

/** Name of the profile field that marks a registry node's actor (see actors.ts). */
export const REGISTRY_NODE_FIELD = 'UMN registry node';

export async function onFollow(ctx: InboxContext<FederationData>, follow: Follow): Promise<void> {
  const { services, follows } = ctx.data;
  if (!follow.id || !follow.actorId || !follow.objectId) return;
  const target = ctx.parseUri(follow.objectId);
  if (target?.type !== 'actor') return;
  const host = hostOf(follow.actorId.href);
  const follower = await follow.getActor(ctx);
  if (!isActor(follower) || !follower.id || !follower.inboxId) return;
  // The signed activity's actor is the one that follows: an actor document naming another id
  // would make this node deliver to someone who never asked.
  if (follower.id.href !== follow.actorId.href) {
    log.info('Ignored a follow from {actor}: its actor document names {id}', { actor: follow.actorId.href, id: follower.id.href });
    return;
  }
  const inboxes = ownInboxes(follower.id.href, follower.inboxId.href, follower.endpoints?.sharedInbox?.href ?? null);
  if (!inboxes) {
    log.info('Ignored a follow from {actor}: its inbox {inbox} is on another origin', {
      actor: follower.id.href,
      inbox: follower.inboxId.href,
    });
    return;
  }
  if (inboxes.dropped)
    log.info('Left out the shared inbox {sharedInbox} of {actor}: it is on another origin', {
      actor: follower.id.href,
      sharedInbox: inboxes.dropped,
    });
  const sender = { identifier: target.identifier };
  if (await follows.isBlocked(host)) {
    await ctx.sendActivity(
      sender,
      follower,
      new Reject({ id: activityId(services.config.publicUrl, 'reject'), actor: follow.objectId, object: follow }),
    );
    log.info('Refused a follow from blocked domain {host}', { host });
    return;
  }
  let isRegistryNode = false;
  for await (const attachment of follower.getAttachments({ documentLoader: ctx.documentLoader, contextLoader: ctx.contextLoader })) {
    if (attachment instanceof PropertyValue && attachment.name?.toString() === REGISTRY_NODE_FIELD) isRegistryNode = true;
  }
  const approved = !isRegistryNode || services.config.autoApproveDomains.includes(host);
  const now = services.now().toISOString();
  await follows.saveFollower({
    identifier: target.identifier,
    actor: follower.id.href,
    host,
    inbox: inboxes.inbox,
    sharedInbox: inboxes.sharedInbox,
    isRegistryNode,
    state: approved ? 'accepted' : 'pending',
    followId: follow.id.href,
    requestedAt: now,
    decidedAt: approved ? now : null,
    handle: handleOf(follower.preferredUsername?.toString() ?? null, host),
  });
  if (approved)
    await ctx.sendActivity(
      sender,
      follower,
      new Accept({ id: activityId(services.config.publicUrl, 'accept'), actor: follow.objectId, object: follow }),
    );
  log.info('Follow from {actor} ({kind}): {state}', {
    actor: follower.id.href,
    kind: isRegistryNode ? 'registry node' : 'account',
    state: approved ? 'accepted' : 'waiting for an admin',
  });
}

/** @name@host for the admins' list of followers, when the name is a plain one (nothing else of the profile is kept). */
function handleOf(name: string | null, host: string): string | null {
  return name && /^[\p{L}\p{N}_.-]{1,64}$/u.test(name) ? `@${name}@${host}` : null;
}
