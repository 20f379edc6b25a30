// Stored invitations, keyed by the SHA-256 hash of their token (invitation-service.ts). An
// invitation is pending while it has no `usedAt`: accepting, withdrawing and using it up all set
// it, atomically, so a link works once.
import type { Collection, Doc, Store } from '../store/store.ts';
import type { Role } from './actor.ts';

export type Invitation = Doc & {
  role: Exclude<Role, 'admin'>;
  initiatives: string[];
  note: string | null;
  createdBy: string;
  /** The creator's role then, for the notices (older invitations: looked up). */
  createdByRole?: Role;
  createdAt: string;
  expiresAt: string;
  usedAt?: string;
  usedBy?: string;
  /** Set with `usedAt`, so the atomic claim of `accept` refuses a withdrawn link too. */
  withdrawnAt?: string;
  /** The account that withdrew it; null when the node did (its creator disabled, or no longer allowed). */
  withdrawnBy?: string | null;
  withdrawnReason?: string;
  /** Acceptances refused so far (e-mail address taken …); at INVITATION_REFUSALS.perInvitation the link is used up. */
  refusals?: number;
  /** The public id of the invitation this one replaced when an admin resent it. */
  resentFrom?: string;
};

/** Why and by whom an invitation stopped working before it was accepted. */
export interface Withdrawal {
  at: string;
  /** The account that withdrew it; null when the node did. */
  by: string | null;
  reason: string;
}

export class InvitationRepository {
  readonly #invitations: Collection<Invitation>;

  constructor(store: Store) {
    this.#invitations = store.collection<Invitation>('invitations');
  }

  async insert(invitation: Invitation): Promise<void> {
    await this.#invitations.insertOne(invitation);
  }

  /** Whether any invitation was ever made on this node (the first-run page's second step). */
  async anyMade(): Promise<boolean> {
    return (await this.#invitations.findOne({})) !== null;
  }

  findById(id: string): Promise<Invitation | null> {
    return this.#invitations.findOne({ _id: id });
  }

  /** Invitations whose id starts with `prefix` (letters, digits, '-' and '_' only), at most two. */
  findByIdPrefix(prefix: string): Promise<Invitation[]> {
    return this.#invitations.find({ _id: { $regex: `^${prefix}` } }, { limit: 2 });
  }

  /** Pending, unexpired invitations, newest first; of one creator, or of all when null. */
  pending(createdBy: string | null, now: string): Promise<Invitation[]> {
    return this.#invitations.find(
      { ...(createdBy === null ? {} : { createdBy }), usedAt: { $exists: false }, expiresAt: { $gt: now } },
      { sort: { createdAt: -1 }, limit: 200 },
    );
  }

  /** Invitations never used nor withdrawn whose link expires after `since` (expired ones included), newest first. */
  unused(since: string): Promise<Invitation[]> {
    return this.#invitations.find({ usedAt: { $exists: false }, expiresAt: { $gt: since } }, { sort: { createdAt: -1 }, limit: 200 });
  }

  /** The creator's invitations created after `since`, oldest first, at most `limit`. */
  createdSince(createdBy: string, since: string, limit: number): Promise<Invitation[]> {
    return this.#invitations.find(
      { createdBy, createdAt: { $gt: since } },
      { sort: { createdAt: 1 }, limit, projection: { createdAt: 1 } },
    );
  }

  /** Claims a pending, unexpired invitation for one acceptance, atomically; null when it is not. */
  claim(id: string, now: string): Promise<Invitation | null> {
    return this.#invitations.findOneAndUpdate({ _id: id, usedAt: { $exists: false }, expiresAt: { $gt: now } }, { $set: { usedAt: now } });
  }

  async setUsedBy(id: string, accountId: string): Promise<void> {
    await this.#invitations.updateOne({ _id: id }, { $set: { usedBy: accountId } });
  }

  /** Counts a refused acceptance; the claim is released unless the link is used up. */
  async recordRefusal(id: string, refusals: number, usedUp: boolean): Promise<void> {
    if (usedUp) await this.#invitations.updateOne({ _id: id }, { $set: { refusals } });
    else await this.#invitations.updateOne({ _id: id }, { $unset: { usedAt: '' }, $set: { refusals } });
  }

  /** Withdraws a pending invitation; the invitation as withdrawn, or null when it was not pending. */
  withdraw(id: string, withdrawal: Withdrawal): Promise<Invitation | null> {
    return this.#invitations.findOneAndUpdate({ _id: id, usedAt: { $exists: false } }, { $set: withdrawnFields(withdrawal) });
  }

  /** Withdraws every pending invitation of a creator; how many. */
  async withdrawAllBy(createdBy: string, withdrawal: Withdrawal): Promise<number> {
    return (await this.#invitations.updateMany({ createdBy, usedAt: { $exists: false } }, { $set: withdrawnFields(withdrawal) }))
      .modifiedCount;
  }
}

function withdrawnFields({ at, by, reason }: Withdrawal) {
  return { usedAt: at, withdrawnAt: at, withdrawnBy: by, withdrawnReason: reason };
}
