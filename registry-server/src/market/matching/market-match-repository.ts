// Storage of matches (collection `marketMatches`): one document per matched market record, with
// its matches as last computed. Replacing it is one write, so a reader never sees half of a new
// set; removing it withdraws every match of the record at once.
import type { Store } from '../../store/store.ts';
import type { MarketMatch } from './market-match.ts';

export type StoredMatches = {
  /** The market record's store id. */
  _id: string;
  recordIri: string;
  /** The version of the record the matches were computed for. */
  recordVersion: number;
  computedAt: string;
  matches: MarketMatch[];
};

export class MarketMatchRepository {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  find(recordId: string): Promise<StoredMatches | null> {
    return this.#collection().findOne({ _id: recordId });
  }

  /** The stored matches of every record that lists one of these counterparts (initiative IRIs). */
  withCounterparts(iris: readonly string[]): Promise<StoredMatches[]> {
    if (iris.length === 0) return Promise.resolve([]);
    return this.#collection().find({ 'matches.counterpart.iri': { $in: [...iris] } });
  }

  /** Stores the matches of a record, replacing any earlier ones; returns the earlier ones. */
  async replace(doc: StoredMatches): Promise<StoredMatches | null> {
    const before = await this.find(doc._id);
    const { _id, ...rest } = doc;
    await this.#collection().replaceOne({ _id }, rest, { upsert: true });
    return before;
  }

  /** Withdraws every match of a record; true when there were some. */
  async remove(recordId: string): Promise<boolean> {
    return (await this.#collection().deleteOne({ _id: recordId })) > 0;
  }

  #collection() {
    return this.#store.collection<StoredMatches>('marketMatches');
  }
}
