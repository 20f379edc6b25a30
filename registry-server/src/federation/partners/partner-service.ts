// What an admin does with partner nodes: follow one (by URL or handle), approve or reject a
// request, unfollow, block a domain, and see every partner with its state in both directions.
import type { Context, Federation } from '@fedify/fedify';
import { Accept, Follow, isActor, Reject, Undo } from '@fedify/vocab';
import type { Actor } from '../../accounts/actor.ts';
import { ActionError } from '../../accounts/action-error.ts';
import { authorize } from '../../accounts/authorization.ts';
import { logger } from '../../config/logging.ts';
import { activityId } from '../activity-ids.ts';
import { NODE_ACTOR, type FederationData } from '../federation-context.ts';
import { deleteAllFrom } from '../received-listings.ts';
import type { Follower, Following } from './follow-repository.ts';
import { hostOf } from '../iri.ts';
import { ownInboxes } from './partner-origin.ts';
import type { DeliveryHealth } from './delivery-health.ts';
import { lookupDeadline } from '../../outgoing/outgoing-timeouts.ts';

const log = logger('federation', 'partners');

export interface PartnerView {
  actor: string;
  host: string;
  /** Our follow of them. */
  following: Following['state'] | null;
  /** Their follow of us. */
  followedBy: Follower['state'] | null;
  lastBackfill: Following['lastBackfill'];
  recentDeliveryFailures: number;
  lastDeliveryError: string | null;
  lastDeliveredAt: string | null;
}

export class PartnerService {
  readonly #federation: Federation<FederationData>;
  readonly #data: FederationData;
  readonly #health: DeliveryHealth;

  constructor(federation: Federation<FederationData>, data: FederationData, health: DeliveryHealth) {
    this.#federation = federation;
    this.#data = data;
    this.#health = health;
  }

  #context(): Context<FederationData> {
    return this.#federation.createContext(this.#data.services.config.publicUrl, this.#data);
  }

  async follow(actor: Actor, target: string): Promise<Following> {
    authorize(actor, { do: 'settings.update' });
    const ctx = this.#context();
    const remote = await ctx
      .lookupObject(target.trim(), { documentLoader: await ctx.getDocumentLoader({ identifier: NODE_ACTOR }), signal: lookupDeadline() })
      .catch(() => null);
    if (!isActor(remote) || !remote.id || !remote.inboxId) {
      throw new ActionError(
        'NOT_FOUND',
        `No ActivityPub actor found at "${target}". Give the partner node's URL (https://services.example/nodes/milan) or its handle (registry@services.example).`,
      );
    }
    const inboxes = ownInboxes(remote.id.href, remote.inboxId.href, remote.endpoints?.sharedInbox?.href ?? null);
    if (!inboxes)
      throw new ActionError(
        'INVALID_STATE',
        `${remote.id.href} names an inbox on another origin (${remote.inboxId.href}); this node delivers only to a node's own origin.`,
      );
    const host = hostOf(remote.id.href);
    if (await this.#data.follows.isBlocked(host))
      throw new ActionError('INVALID_STATE', `${host} is blocked on this node; unblock it first.`);
    if (remote.id.href.startsWith(this.#data.services.config.publicUrl.origin + '/'))
      throw new ActionError('INVALID_STATE', 'That is this node itself.');
    const follow = new Follow({
      id: activityId(this.#data.services.config.publicUrl, 'follow'),
      actor: ctx.getActorUri(NODE_ACTOR),
      object: remote.id,
    });
    const doc: Following = {
      _id: remote.id.href,
      host,
      followId: follow.id!.href,
      state: 'pending',
      requestedAt: this.#data.services.now().toISOString(),
      acceptedAt: null,
      inbox: inboxes.inbox,
      sharedInbox: inboxes.sharedInbox,
      outbox: remote.outboxId?.href ?? null,
      lastBackfill: null,
    };
    await this.#data.follows.saveFollowing(doc);
    await ctx.sendActivity({ identifier: NODE_ACTOR }, remote, follow);
    await this.#audit(actor, 'partner.follow', remote.id.href);
    log.info('Asked to follow {partner}', { partner: remote.id.href });
    return doc;
  }

  async decide(actor: Actor, followerActor: string, approve: boolean): Promise<Follower> {
    authorize(actor, { do: 'settings.update' });
    const follower = await this.#data.follows.findFollower(NODE_ACTOR, followerActor);
    if (!follower) throw new ActionError('NOT_FOUND', `No follow request from ${followerActor}.`);
    const ctx = this.#context();
    const follow = new Follow({ id: new URL(follower.followId), actor: new URL(follower.actor), object: ctx.getActorUri(NODE_ACTOR) });
    const recipient = { id: new URL(follower.actor), inboxId: new URL(follower.inbox) };
    const answer = approve
      ? new Accept({ id: activityId(this.#data.services.config.publicUrl, 'accept'), actor: ctx.getActorUri(NODE_ACTOR), object: follow })
      : new Reject({ id: activityId(this.#data.services.config.publicUrl, 'reject'), actor: ctx.getActorUri(NODE_ACTOR), object: follow });
    const state = approve ? 'accepted' : 'rejected';
    const updated = (await this.#data.follows.decideFollower(follower._id, state, this.#data.services.now().toISOString()))!;
    await ctx.sendActivity({ identifier: NODE_ACTOR }, recipient, answer);
    await this.#audit(actor, approve ? 'partner.approve' : 'partner.reject', followerActor);
    return updated;
  }

  async unfollow(actor: Actor, partner: string): Promise<void> {
    authorize(actor, { do: 'settings.update' });
    const following = await this.#data.follows.findFollowing(partner);
    if (!following) throw new ActionError('NOT_FOUND', `This node does not follow ${partner}.`);
    const ctx = this.#context();
    const follow = new Follow({ id: new URL(following.followId), actor: ctx.getActorUri(NODE_ACTOR), object: new URL(partner) });
    await ctx.sendActivity(
      { identifier: NODE_ACTOR },
      { id: new URL(partner), inboxId: new URL(following.inbox) },
      new Undo({ id: activityId(this.#data.services.config.publicUrl, 'undo'), actor: ctx.getActorUri(NODE_ACTOR), object: follow }),
    );
    await this.#data.follows.removeFollowing(partner);
    await deleteAllFrom({ data: this.#data }, { node: partner });
    await this.#audit(actor, 'partner.unfollow', partner);
  }

  /** Stops accepting from a domain, removes what it sent, and stops delivering to it. */
  async block(actor: Actor, domain: string, reason: string | null): Promise<number> {
    authorize(actor, { do: 'settings.update' });
    const host = domain
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/\/.*$/, '');
    if (!/^[a-z0-9.-]+(:\d+)?$/.test(host))
      throw new ActionError('VALIDATION_FAILED', `"${domain}" is not a domain.`, {
        fields: [{ field: 'domain', code: 'INVALID_FORMAT', message: 'must be a host name such as services.example.org.' }],
      });
    await this.#data.follows.block(host, {
      blockedAt: this.#data.services.now().toISOString(),
      by: actor.kind === 'account' ? actor.accountId : null,
      reason,
    });
    const removed = await deleteAllFrom({ data: this.#data }, { host });
    // Its city profile too: a blocked node no longer speaks for a city here.
    const profiles = await this.#data.services.nodes.deleteReceivedFromHost(host);
    await this.#audit(actor, 'partner.block', host, { removed, profiles });
    log.info('Blocked {host}; removed {removed} listing(s) it sent', { host, removed });
    return removed;
  }

  async unblock(actor: Actor, domain: string): Promise<void> {
    authorize(actor, { do: 'settings.update' });
    await this.#data.follows.unblock(domain.trim().toLowerCase());
    await this.#audit(actor, 'partner.unblock', domain);
  }

  /**
   * Reports a listing received from a partner to its origin node, whose moderators see it (the
   * signed-in path of before ADR 0031; the site's anonymous form goes to the report desk directly).
   * Kept here as "forwarded"; the Flag is sent by the report bridge.
   */
  async report(actor: Actor, recordId: string, reason: string): Promise<void> {
    if (actor.kind !== 'account') throw new ActionError('INVALID_STATE', 'Sign in to report a listing.');
    const text = reason.trim();
    if (text.length < 3 || text.length > 2000)
      throw new ActionError('VALIDATION_FAILED', 'Say what is wrong (3 to 2,000 characters).', {
        fields: [{ field: 'reason', code: text.length < 3 ? 'REQUIRED' : 'TOO_LONG', message: 'must be 3 to 2,000 characters.' }],
      });
    const { services } = this.#data;
    const doc = (await services.initiatives.findById(recordId)) ?? (await services.practices.findById(recordId));
    if (!doc || doc.origin.kind !== 'remote')
      throw new ActionError(
        'NOT_FOUND',
        "Only listings received from partner nodes are reported this way; moderate this node's own listings directly.",
      );
    // Counted against the account, as the site's form counts against the browser's address.
    await services.reportDesk.submit({ listing: doc.origin.objectId, category: 'other', text }, `account:${actor.accountId}`);
    await this.#audit(actor, 'listing.report', recordId);
  }

  async list(actor: Actor): Promise<PartnerView[]> {
    authorize(actor, { do: 'settings.update' });
    const [following, followers] = await Promise.all([
      this.#data.follows.allFollowing(),
      this.#data.follows.registryNodeFollowers(NODE_ACTOR),
    ]);
    const actors = new Set([...following.map((f) => f._id), ...followers.map((f) => f.actor)]);
    return Promise.all(
      [...actors].sort().map(async (iri) => {
        const out = following.find((f) => f._id === iri);
        const inbound = followers.find((f) => f.actor === iri);
        const health = await this.#health.of(hostOf(iri));
        return {
          actor: iri,
          host: hostOf(iri),
          following: out?.state ?? null,
          followedBy: inbound?.state ?? null,
          lastBackfill: out?.lastBackfill ?? null,
          recentDeliveryFailures: health.recentFailures,
          lastDeliveryError: health.lastError,
          lastDeliveredAt: health.lastDeliveredAt,
        };
      }),
    );
  }

  async #audit(actor: Actor, action: string, target: string, details?: Record<string, unknown>): Promise<void> {
    if (actor.kind === 'account')
      await this.#data.services.audit.record({
        accountId: actor.accountId,
        role: actor.role,
        action,
        target,
        ...(details ? { details } : {}),
      });
  }
}

/** The operator acting through the command line: the node admin. */
export const OPERATOR: Actor = { kind: 'account', accountId: 'operator', role: 'admin', initiatives: [], sessionId: 'cli', via: 'cli' };
