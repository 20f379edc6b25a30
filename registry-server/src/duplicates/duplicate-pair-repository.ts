// Where pairs of likely duplicates and confirmed links are kept (ADR 0052): one collection,
// one document per pair of listings. Only this file knows the stored shape.
import type { Collection, Store } from '../store/store.ts';
import type { LikenessReason } from './duplicate-likeness.ts';
import { pairIdOf, type DuplicatePair, type DuplicatePairStatus } from './duplicate-pair.ts';

export class DuplicatePairRepository {
  readonly #pairs: Collection<DuplicatePair>;

  constructor(store: Store) {
    this.#pairs = store.collection<DuplicatePair>('duplicatePairs');
  }

  async ensureIndexes(): Promise<void> {
    await this.#pairs.createIndex({ ids: 1 });
    await this.#pairs.createIndex({ status: 1, proposedAt: -1 });
  }

  findById(id: string): Promise<DuplicatePair | null> {
    return this.#pairs.findOne({ _id: id });
  }

  findPair(a: string, b: string): Promise<DuplicatePair | null> {
    return this.#pairs.findOne({ _id: pairIdOf(a, b)._id });
  }

  /**
   * Proposes the pair, or updates the reasons of a proposal still waiting. A pair already decided
   * (confirmed or rejected) keeps its decision: a rejected pair is never proposed again.
   * Whether a new proposal was made.
   */
  async propose(a: string, b: string, reasons: LikenessReason[], now: string): Promise<boolean> {
    const { _id, ids } = pairIdOf(a, b);
    const result = await this.#pairs.updateOne(
      { _id },
      { $setOnInsert: { ids, status: 'proposed', proposedAt: now, claimedBy: [], reasons } },
      { upsert: true },
    );
    if (result.upsertedId) return true;
    await this.#pairs.updateOne({ _id, status: 'proposed' }, { $set: { reasons } });
    return false;
  }

  /** Moves a pair from one of `from` to `to`; the pair as it is now, or null when it was in none of them. */
  decide(
    id: string,
    from: readonly DuplicatePairStatus[],
    to: DuplicatePairStatus,
    by: string | null,
    at: string,
    claimedBy?: string[],
  ): Promise<DuplicatePair | null> {
    return this.#pairs.findOneAndUpdate(
      { _id: id, status: { $in: [...from] } },
      { $set: { status: to, decidedAt: at, decidedBy: by, ...(claimedBy ? { claimedBy } : {}) } },
      { returnDocument: 'after' },
    );
  }

  /**
   * Records that `claimant`'s origin names the other listing of the pair in its `sameAs`, and
   * links the pair when `linkNow` says this claim is enough; the pair as it is now.
   */
  async claim(
    a: string,
    b: string,
    claimant: string,
    at: string,
    linkNow: (claimedBy: string[]) => boolean,
  ): Promise<DuplicatePair | null> {
    const { _id, ids } = pairIdOf(a, b);
    await this.#pairs.updateOne(
      { _id },
      { $setOnInsert: { ids, proposedAt: at, reasons: [], status: 'claimed', claimedBy: [] } },
      { upsert: true },
    );
    const claimed = await this.#pairs.findOneAndUpdate({ _id }, { $addToSet: { claimedBy: claimant } }, { returnDocument: 'after' });
    if (!claimed || claimed.status === 'confirmed' || !linkNow(claimed.claimedBy)) return claimed;
    return this.#pairs.findOneAndUpdate(
      { _id, status: claimed.status },
      { $set: { status: 'confirmed', decidedAt: at, decidedBy: null } },
      { returnDocument: 'after' },
    );
  }

  /** The pairs with a status, newest proposals first. */
  list(status: DuplicatePairStatus, limit = 200): Promise<DuplicatePair[]> {
    return this.#pairs.find({ status }, { sort: { proposedAt: -1, _id: 1 }, limit });
  }

  /** Every pair that involves a listing. */
  involving(id: string): Promise<DuplicatePair[]> {
    return this.#pairs.find({ ids: id });
  }

  /** Every confirmed link (few: one per organisation listed twice), for the search index's groups. */
  confirmed(): Promise<DuplicatePair[]> {
    return this.#pairs.find({ status: 'confirmed' });
  }

  /** Forgets every pair of a listing that is gone for good (a partner deleted it). */
  removeInvolving(id: string): Promise<number> {
    return this.#pairs.deleteMany({ ids: id });
  }
}
