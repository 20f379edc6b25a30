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
  readonly followers: Collection<Follower>;
  readonly following: Collection<Following>;
  readonly blocked: Collection<BlockedDomain>;

  constructor(store: Store) {
    this.followers = store.collection<Follower>('followers');
    this.following = store.collection<Following>('following');
    this.blocked = store.collection<BlockedDomain>('blockedDomains');
  }

  async ensureIndexes(): Promise<void> {
    await this.followers.createIndex({ identifier: 1, state: 1 });
    await this.followers.createIndex({ host: 1 });
    await this.following.createIndex({ followId: 1 }, { unique: true });
  }

  acceptedFollowers(identifier: string): Promise<Follower[]> {
    return this.followers.find({ identifier, state: 'accepted' }, { sort: { requestedAt: 1 } });
  }

  async isBlocked(host: string): Promise<boolean> {
    return (await this.blocked.findOne({ _id: host.toLowerCase() })) !== null;
  }
}

export function hostOf(iri: string): string {
  try {
    return new URL(iri).host.toLowerCase();
  } catch {
    return '';
  }
}
