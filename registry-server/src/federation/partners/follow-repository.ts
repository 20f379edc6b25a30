// Who follows this node's actors (followers) and which partner nodes this node follows
// (following), with the state of each request. Partner nodes are registry nodes; ordinary
// fediverse accounts (Mastodon …) only ever appear as followers.
import type { Collection, Doc, Store } from '../../store/store.ts';

export type FollowState = 'pending' | 'accepted' | 'rejected';

export type Follower = Doc & {
  /** Local actor followed: NODE_ACTOR or an initiative handle. */
  identifier: string;
  actor: string;
  host: string;
  inbox: string;
  sharedInbox: string | null;
  /** A registry node (a partner) rather than an ordinary fediverse account. */
  isRegistryNode: boolean;
  state: FollowState;
  followId: string;
  requestedAt: string;
  decidedAt: string | null;
  /** @name@host, from the actor's preferredUsername when it follows (older follows have none). */
  handle?: string | null;
};

export type Following = Doc & {
  /** _id is the partner's node actor IRI. */
  host: string;
  followId: string;
  state: FollowState;
  requestedAt: string;
  acceptedAt: string | null;
  inbox: string;
  sharedInbox: string | null;
  outbox: string | null;
  lastBackfill: { at: string; records: number; errors: number } | null;
};

export type BlockedDomain = Doc & { blockedAt: string; by: string | null; reason: string | null };

export const followerId = (identifier: string, actor: string) => `${identifier} ${actor}`;

export class FollowRepository {
  readonly #followers: Collection<Follower>;
  readonly #following: Collection<Following>;
  readonly #blocked: Collection<BlockedDomain>;

  constructor(store: Store) {
    this.#followers = store.collection<Follower>('followers');
    this.#following = store.collection<Following>('following');
    this.#blocked = store.collection<BlockedDomain>('blockedDomains');
  }

  async ensureIndexes(): Promise<void> {
    await this.#followers.createIndex({ identifier: 1, state: 1 });
    await this.#followers.createIndex({ host: 1 });
    await this.#following.createIndex({ followId: 1 }, { unique: true });
  }

  // Who follows us.

  acceptedFollowers(identifier: string): Promise<Follower[]> {
    return this.#followers.find({ identifier, state: 'accepted' }, { sort: { requestedAt: 1 } });
  }

  /** Registry nodes (partners) that follow or asked to follow the actor `identifier`. */
  registryNodeFollowers(identifier: string): Promise<Follower[]> {
    return this.#followers.find({ identifier, isRegistryNode: true });
  }

  /** Ordinary fediverse accounts (not partner nodes) following any actor of this node, oldest first. */
  ordinaryFollowers(limit: number): Promise<Follower[]> {
    return this.#followers.find({ isRegistryNode: false, state: 'accepted' }, { sort: { requestedAt: 1 }, limit });
  }

  /** Removes the follow `id` of an ordinary fediverse account; the follow removed, or null when there was none. */
  async removeOrdinaryFollower(id: string): Promise<Follower | null> {
    const follower = await this.#followers.findOne({ _id: id, isRegistryNode: false });
    if (!follower) return null;
    return (await this.#followers.deleteOne({ _id: id, isRegistryNode: false })) === 1 ? follower : null;
  }

  findFollower(identifier: string, actor: string): Promise<Follower | null> {
    return this.#followers.findOne({ _id: followerId(identifier, actor) });
  }

  /** Records a follow request, replacing an earlier one of the same actor for the same identifier. */
  async saveFollower(follower: Omit<Follower, '_id'> & Pick<Follower, 'identifier' | 'actor'>): Promise<void> {
    await this.#followers.replaceOne({ _id: followerId(follower.identifier, follower.actor) }, follower, { upsert: true });
  }

  /** An admin's answer to a follow request. */
  async decideFollower(id: string, state: FollowState, at: string): Promise<Follower | null> {
    return this.#followers.findOneAndUpdate({ _id: id }, { $set: { state, decidedAt: at } });
  }

  /** Undo of a Follow: only the follow `followId` of `actor` goes. */
  async removeFollow(followId: string, actor: string): Promise<void> {
    await this.#followers.deleteMany({ followId, actor });
  }

  async removeFollowersBy(actor: string): Promise<void> {
    await this.#followers.deleteMany({ actor });
  }

  // Whom we follow.

  findFollowing(partnerActor: string): Promise<Following | null> {
    return this.#following.findOne({ _id: partnerActor });
  }

  /** Our follow of a partner, if it accepted it. */
  acceptedPartner(partnerActor: string): Promise<Following | null> {
    return this.#following.findOne({ _id: partnerActor, state: 'accepted' });
  }

  findFollowingByFollowId(followId: string): Promise<Following | null> {
    return this.#following.findOne({ followId });
  }

  allFollowing(): Promise<Following[]> {
    return this.#following.find({});
  }

  /** Records our follow request, replacing an earlier one to the same partner. */
  async saveFollowing(following: Following): Promise<void> {
    await this.#following.replaceOne({ _id: following._id }, following, { upsert: true });
  }

  async accept(partnerActor: string, at: string): Promise<void> {
    await this.#following.updateOne({ _id: partnerActor }, { $set: { state: 'accepted', acceptedAt: at } });
  }

  async reject(partnerActor: string): Promise<void> {
    await this.#following.updateOne({ _id: partnerActor }, { $set: { state: 'rejected' } });
  }

  async recordBackfill(partnerActor: string, backfill: NonNullable<Following['lastBackfill']>): Promise<void> {
    await this.#following.updateOne({ _id: partnerActor }, { $set: { lastBackfill: backfill } });
  }

  async removeFollowing(partnerActor: string): Promise<void> {
    await this.#following.deleteOne({ _id: partnerActor });
  }

  // Blocked domains.

  async isBlocked(host: string): Promise<boolean> {
    return (await this.#blocked.findOne({ _id: host.toLowerCase() })) !== null;
  }

  blockedDomains(): Promise<BlockedDomain[]> {
    return this.#blocked.find({}, { sort: { _id: 1 } });
  }

  /** Blocks `host` and forgets every follow from and to it. */
  async block(host: string, entry: Omit<BlockedDomain, '_id'>): Promise<void> {
    await this.#blocked.replaceOne({ _id: host }, entry, { upsert: true });
    await this.#followers.deleteMany({ host });
    await this.#following.deleteMany({ host });
  }

  async unblock(host: string): Promise<void> {
    await this.#blocked.deleteOne({ _id: host });
  }
}
