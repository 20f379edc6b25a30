// What the Murmurations index has been told about each profile, and what it still has to be told:
// one document per profile URL (an outbox that holds the wanted state, not a list of messages).
// A change marks the profile as changed; the sync (murmurations-sync.ts) later reads what the
// profile says then and POSTs or DELETEs accordingly, so a thousand edits of one record make one
// request, and the order of events cannot be lost. Only this repository knows the stored shape.
import type { Collection, Doc, Store } from '../store/store.ts';
import type { ProfileTarget } from './murmurations-profile-reader.ts';

/** A registration's fields (a type alias, so it fits the store's documents without losing its keys). */
export type RegistrationFields = {
  /** The profile URL (what the index knows it by, hashed into `nodeId`). */
  _id: string;
  nodeId: string;
  target: ProfileTarget;
  /** Something changed since the index was last told: the sync has work to do. */
  changed: boolean;
  /** Incremented by every change, so a success does not clear a change made while it was sent. */
  changeSeq: number;
  /** The index holds the profile (a POST succeeded and no DELETE since). */
  registered: boolean;
  /** Hash of the profile the index was last asked to fetch (murmurations-profile-reader.ts). */
  postedHash: string | null;
  /** Failed attempts since the last success. */
  attempts: number;
  /** When the sync may try next (epoch ms). */
  nextAttemptAt: number;
  /** A sync process holds it until then (epoch ms): two processes on one MongoDB never both send. */
  leaseUntil: number;
  /** Too many failures: left alone until the record changes again, or an operator retries. */
  gaveUp: boolean;
  /** The last request made: a POST, a DELETE, a status check, or none (nothing to tell). */
  lastAction: 'post' | 'delete' | 'check' | 'none' | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  /** The status the index last reported (received, posted, deleted …), when it said. */
  indexStatus: string | null;
};

export type RegistrationDoc = RegistrationFields & Doc;

/** A registration as the status view shows it. */
export type Registration = Omit<RegistrationFields, 'leaseUntil' | 'changeSeq'>;

export class MurmurationsRegistrationRepository {
  readonly #collection: Collection<RegistrationDoc>;

  constructor(store: Store) {
    this.#collection = store.collection<RegistrationDoc>('murmurationsRegistrations');
  }

  async ensureIndexes(): Promise<void> {
    await this.#collection.createIndex({ changed: 1, nextAttemptAt: 1 });
  }

  /** Marks a profile as changed, due now; creates its document the first time. */
  async markChanged(profileUrl: string, nodeId: string, target: ProfileTarget, now: number): Promise<void> {
    await this.#collection.updateOne(
      { _id: profileUrl },
      {
        $set: { nodeId, target, changed: true, nextAttemptAt: now, attempts: 0, gaveUp: false },
        $inc: { changeSeq: 1 },
        $setOnInsert: {
          registered: false,
          postedHash: null,
          leaseUntil: 0,
          lastAction: null,
          lastAttemptAt: null,
          lastSuccessAt: null,
          lastError: null,
          indexStatus: null,
        },
      },
      { upsert: true },
    );
  }

  /** Takes the changed profile due first, leasing it to this process for `leaseMs`. */
  claimDue(now: number, leaseMs: number): Promise<RegistrationDoc | null> {
    return this.#collection.findOneAndUpdate(
      { changed: true, gaveUp: false, nextAttemptAt: { $lte: now }, leaseUntil: { $lt: now } },
      { $set: { leaseUntil: now + leaseMs } },
      { sort: { nextAttemptAt: 1, _id: 1 } },
    );
  }

  /** The index did what was asked (or nothing needed asking): clears the change, unless another came meanwhile. */
  async succeeded(
    doc: RegistrationDoc,
    outcome: {
      registered: boolean;
      postedHash: string | null;
      action: 'post' | 'delete' | 'check' | 'none';
      indexStatus?: string;
      at: string;
    },
  ): Promise<void> {
    const state = {
      registered: outcome.registered,
      postedHash: outcome.postedHash,
      lastAction: outcome.action,
      lastAttemptAt: outcome.action === 'none' ? doc.lastAttemptAt : outcome.at,
      lastSuccessAt: outcome.action === 'none' ? doc.lastSuccessAt : outcome.at,
      lastError: null,
      attempts: 0,
      leaseUntil: 0,
      ...(outcome.indexStatus !== undefined ? { indexStatus: outcome.indexStatus } : {}),
    };
    const cleared = await this.#collection.updateOne({ _id: doc._id, changeSeq: doc.changeSeq }, { $set: { ...state, changed: false } });
    // Changed again while the request was out: keep it changed (and due) so the new state is sent too.
    if (cleared.matchedCount === 0) await this.#collection.updateOne({ _id: doc._id }, { $set: state });
  }

  /**
   * The index took the profile but has not validated it yet: it counts as held (a DELETE is due if
   * the record goes), and its verdict is asked for at `checkAt`, unless a change comes first.
   */
  async awaitVerdict(
    doc: RegistrationDoc,
    outcome: { postedHash: string; indexStatus: string; at: string; checkAt: number },
  ): Promise<void> {
    const state = {
      registered: true,
      postedHash: outcome.postedHash,
      indexStatus: outcome.indexStatus,
      lastAction: 'post',
      lastAttemptAt: outcome.at,
      lastSuccessAt: outcome.at,
      lastError: null,
      attempts: 0,
      leaseUntil: 0,
    };
    const unchanged = await this.#collection.updateOne(
      { _id: doc._id, changeSeq: doc.changeSeq },
      { $set: { ...state, nextAttemptAt: outcome.checkAt } },
    );
    if (unchanged.matchedCount === 0) await this.#collection.updateOne({ _id: doc._id }, { $set: state });
  }

  /** The attempt failed: tried again at `nextAttemptAt`, or given up. */
  async failed(
    doc: RegistrationDoc,
    outcome: { error: string; nextAttemptAt: number; gaveUp: boolean; indexStatus?: string; at: string; postAgain?: boolean },
  ): Promise<void> {
    await this.#collection.updateOne(
      { _id: doc._id },
      {
        $set: {
          lastError: outcome.error,
          lastAttemptAt: outcome.at,
          nextAttemptAt: outcome.nextAttemptAt,
          gaveUp: outcome.gaveUp,
          leaseUntil: 0,
          ...(outcome.indexStatus !== undefined ? { indexStatus: outcome.indexStatus } : {}),
          // The index does not hold what it was sent: the next attempt sends it again.
          ...(outcome.postAgain ? { postedHash: null } : {}),
        },
        $inc: { attempts: 1 },
      },
    );
  }

  /** Every registration, for the status view and the catch-up at start. */
  async all(): Promise<RegistrationDoc[]> {
    return this.#collection.find({}, { sort: { _id: 1 } });
  }

  findByUrl(profileUrl: string): Promise<RegistrationDoc | null> {
    return this.#collection.findOne({ _id: profileUrl });
  }

  /** Profiles with work left (changed and not given up): none once the sync has caught up. */
  countPending(): Promise<number> {
    return this.#collection.countDocuments({ changed: true, gaveUp: false });
  }

  /** When the next changed profile is due (epoch ms), or null when none is. */
  async nextDue(): Promise<number | null> {
    const next = await this.#collection.findOne(
      { changed: true, gaveUp: false },
      { sort: { nextAttemptAt: 1 }, projection: { nextAttemptAt: 1 } },
    );
    return next ? next.nextAttemptAt : null;
  }
}
