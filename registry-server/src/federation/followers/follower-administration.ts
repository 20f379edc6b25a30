// The admins' view of the ordinary fediverse accounts (Mastodon …) that follow the node or one of
// its initiatives, and their lever: remove one. Partner nodes are not here: they have the
// partners page (partner-service.ts). Removing a follower does what Mastodon does for a removed
// follower: the actor it followed sends a Reject of its Follow, and the follow is forgotten, so
// nothing more is delivered to it for that actor (ADR 0032). It may follow again.
import type { Context, Federation } from '@fedify/fedify';
import { Follow, Reject } from '@fedify/vocab';
import type { Actor } from '../../accounts/actor.ts';
import { ActionError } from '../../accounts/action-error.ts';
import { authorize } from '../../accounts/authorization.ts';
import { logger } from '../../config/logging.ts';
import { activityId } from '../activity-ids.ts';
import { NODE_ACTOR, type FederationData } from '../federation-context.ts';
import type { Follower } from '../partners/follow-repository.ts';

const log = logger('federation', 'followers');

/** A node has a few thousand followers at most; the list shows the oldest this many. */
const LIST_LIMIT = 2000;
/** Follower ids are "<identifier> <actor IRI>"; anything much longer is not one. */
const MAX_ID_LENGTH = 2200;

export interface FollowerView {
  id: string;
  /** The handle of the actor followed: the node's, or the initiative's. */
  followed: string;
  initiative: string | null;
  actor: string;
  handle: string | null;
  host: string;
  since: string;
}

export class FollowerAdministration {
  readonly #federation: Federation<FederationData>;
  readonly #data: FederationData;

  constructor(federation: Federation<FederationData>, data: FederationData) {
    this.#federation = federation;
    this.#data = data;
  }

  async list(actor: Actor): Promise<FollowerView[]> {
    authorize(actor, { do: 'followers.manage' });
    return (await this.#data.follows.ordinaryFollowers(LIST_LIMIT)).map((f) => this.#view(f));
  }

  async remove(actor: Actor, id: string): Promise<FollowerView> {
    authorize(actor, { do: 'followers.manage' });
    if (actor.kind !== 'account') throw new Error('unreachable');
    const removed = id.length <= MAX_ID_LENGTH ? await this.#data.follows.removeOrdinaryFollower(id) : null;
    if (!removed)
      throw new ActionError(
        'NOT_FOUND',
        'No fediverse follower has this id (partner nodes are on the partners page); see fediverseFollowers.',
      );
    // Forgotten first, so no delivery goes to it from now on, even if the Reject cannot be sent.
    const ctx: Context<FederationData> = this.#federation.createContext(this.#data.services.config.publicUrl, this.#data);
    const followed = ctx.getActorUri(removed.identifier);
    const reject = new Reject({
      id: activityId(this.#data.services.config.publicUrl, 'reject'),
      actor: followed,
      object: new Follow({ id: new URL(removed.followId), actor: new URL(removed.actor), object: followed }),
    });
    await ctx.sendActivity({ identifier: removed.identifier }, { id: new URL(removed.actor), inboxId: new URL(removed.inbox) }, reject);
    const view = this.#view(removed);
    await this.#data.services.audit.record({
      accountId: actor.accountId,
      role: actor.role,
      action: 'follower.remove',
      target: removed.actor,
      details: { followed: view.followed },
    });
    log.info('Account {accountId} removed follower {follower} of {followed}; a Reject of its follow was sent', {
      accountId: actor.accountId,
      follower: removed.actor,
      followed: view.followed,
    });
    return view;
  }

  #view(f: Follower): FollowerView {
    const node = f.identifier === NODE_ACTOR;
    return {
      id: f._id,
      followed: node ? this.#data.services.config.nodeHandle : f.identifier,
      initiative: node ? null : f.identifier,
      actor: f.actor,
      handle: f.handle ?? null,
      host: f.host,
      since: f.decidedAt ?? f.requestedAt,
    };
  }
}
