// Stored listing requests: how a draft initiative asked for on the public form came, and the
// address of the person who asked, kept apart from the record (never in a revision, a snapshot,
// the search index, an export or an activity) and removed as soon as it has served (ADR 0029).
// Also the node's key for signing the form's tokens.
import { randomBytes } from 'node:crypto';
import type { Collection, Doc, Store } from '../store/store.ts';
import { DuplicateKeyError } from '../store/store-errors.ts';

export type ListingRequestStatus = 'waiting' | 'approved' | 'declined' | 'changes-asked';

export type StoredListingRequest = Doc & {
  /** `_id`: the handle (store id) of the draft initiative it created. */
  askedVia: 'public-form';
  askedAt: string;
  /** When the person consented to the initiative being listed publicly (the form refuses without). */
  consentToListAt: string;
  /** The person's address, to send the invitation or the refusal; absent once forgotten. */
  askerEmail?: string;
  /** The page's language when they asked: their e-mails are written in it. */
  askerLanguage: string;
  status: ListingRequestStatus;
  decidedAt?: string;
  /** The invitation made on approval or when changes were asked for (its stored id, the token's hash). */
  invitationId?: string;
  /** The moderator's reason when changes were asked for: told again to the person once they are the draft's editor. */
  changesAsked?: string;
  /** When the address is forgotten at the latest, whatever happens (an undecided request, an unused invitation). */
  forgetAt: string;
  emailForgottenAt?: string;
};

type FormKey = Doc & { key: string };
/** A form token already used (`_id`: its nonce), kept until it would have expired anyway. */
type UsedToken = Doc & { expiresAt: string };

export class ListingRequestRepository {
  readonly #requests: Collection<StoredListingRequest>;
  readonly #keys: Collection<FormKey>;
  readonly #usedTokens: Collection<UsedToken>;

  constructor(store: Store) {
    this.#requests = store.collection<StoredListingRequest>('listingRequests');
    this.#keys = store.collection<FormKey>('listingRequestKeys');
    this.#usedTokens = store.collection<UsedToken>('listingRequestTokens');
  }

  async ensureIndexes(): Promise<void> {
    await this.#requests.createIndex({ status: 1, askedAt: 1 });
    await this.#requests.createIndex({ invitationId: 1 }, { sparse: true });
    await this.#requests.createIndex({ forgetAt: 1 });
    await this.#usedTokens.createIndex({ expiresAt: 1 });
  }

  /**
   * Marks a form token used; false when it was already (one request per loaded form). One insert
   * under the token's nonce: of simultaneous requests with the same token, only one succeeds.
   */
  async claimFormToken(nonce: string, expiresAt: string): Promise<boolean> {
    try {
      await this.#usedTokens.insertOne({ _id: nonce, expiresAt });
      return true;
    } catch (error) {
      if (error instanceof DuplicateKeyError) return false;
      throw error;
    }
  }

  /** Gives a token back (the request it came with was refused for a field the person can fix). */
  async releaseFormToken(nonce: string): Promise<void> {
    await this.#usedTokens.deleteOne({ _id: nonce });
  }

  /**
   * The node's key for the form's tokens: made once, at random, and kept in the store, so tokens
   * survive a restart and every process of a node agrees (the first to write wins).
   */
  async formKey(): Promise<Buffer> {
    const made = randomBytes(32).toString('base64url');
    const doc = await this.#keys.findOneAndUpdate(
      { _id: 'form-token' },
      { $setOnInsert: { key: made } },
      { upsert: true, returnDocument: 'after' },
    );
    return Buffer.from(doc!.key, 'base64url');
  }

  async insert(request: StoredListingRequest): Promise<void> {
    await this.#requests.insertOne(request);
  }

  findById(id: string): Promise<StoredListingRequest | null> {
    return this.#requests.findOne({ _id: id });
  }

  findByIds(ids: readonly string[]): Promise<StoredListingRequest[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.#requests.find({ _id: { $in: [...ids] } });
  }

  waiting(): Promise<StoredListingRequest[]> {
    return this.#requests.find({ status: 'waiting' }, { sort: { askedAt: 1 }, limit: 500 });
  }

  /** Approved, or changes asked for: the person was invited; the address stays until the invitation is used or expires (`forgetAt`). */
  async markInvited(
    id: string,
    status: 'approved' | 'changes-asked',
    invitationId: string,
    at: string,
    forgetAt: string,
    changesAsked?: string,
  ): Promise<void> {
    await this.#requests.updateOne(
      { _id: id },
      { $set: { status, decidedAt: at, invitationId, forgetAt, ...(changesAsked ? { changesAsked } : {}) } },
    );
  }

  findByInvitation(invitationId: string): Promise<StoredListingRequest | null> {
    return this.#requests.findOne({ invitationId });
  }

  /** Declined: the address goes at once (the caller has it in hand to tell the person). */
  async markDeclined(id: string, at: string): Promise<void> {
    await this.#requests.updateOne(
      { _id: id },
      { $set: { status: 'declined', decidedAt: at, emailForgottenAt: at }, $unset: { askerEmail: '' } },
    );
  }

  /** Forgets the address of the request whose invitation this is; whether there was one. */
  async forgetByInvitation(invitationId: string, at: string): Promise<boolean> {
    const result = await this.#requests.updateMany(
      { invitationId, askerEmail: { $exists: true } },
      { $set: { emailForgottenAt: at }, $unset: { askerEmail: '' } },
    );
    return result.modifiedCount > 0;
  }

  /** Forgets every address kept past its time (and used tokens past theirs); how many addresses went. */
  async forgetDue(at: string): Promise<number> {
    await this.#usedTokens.deleteMany({ expiresAt: { $lte: at } });
    const result = await this.#requests.updateMany(
      { forgetAt: { $lte: at }, askerEmail: { $exists: true } },
      { $set: { emailForgottenAt: at }, $unset: { askerEmail: '' } },
    );
    return result.modifiedCount;
  }
}
