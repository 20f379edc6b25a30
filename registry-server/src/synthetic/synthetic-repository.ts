// Synthetic data sets in the store (bench and demo data): every document they write is marked
// `synthetic: true`, so they can be counted and removed without touching real records.
import type { Doc, Store } from '../store/store.ts';
import { COLLECTION_VERSIONS } from '../store/schema-migrations.ts';

export type SyntheticCollection = 'initiatives' | 'goodPractices' | 'cityNodes';
const COLLECTIONS: readonly SyntheticCollection[] = ['initiatives', 'goodPractices', 'cityNodes'];

export class SyntheticRepository {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /** Synthetic documents already in the store. */
  async count(): Promise<number> {
    let total = 0;
    for (const name of COLLECTIONS) total += await this.#store.collection(name).countDocuments({ synthetic: true });
    return total;
  }

  async removeAll(): Promise<number> {
    let removed = 0;
    for (const name of COLLECTIONS) removed += await this.#store.collection(name).deleteMany({ synthetic: true });
    return removed;
  }

  /** Whether the store holds real (non-synthetic) listings, e.g. the seeds. */
  async hasRealListings(): Promise<boolean> {
    for (const name of ['initiatives', 'goodPractices'] as const) {
      if ((await this.#store.collection(name).countDocuments({ synthetic: { $ne: true } })) > 0) return true;
    }
    return false;
  }

  /** The schema version documents of `name` are written with. */
  schemaVersion(name: SyntheticCollection): number {
    return COLLECTION_VERSIONS.find((v) => v.collection === name)?.current ?? 1;
  }

  /** Writes documents already shaped (and validated) by the generator, all or none. */
  async insert(name: SyntheticCollection, docs: Doc[]): Promise<void> {
    if (docs.length) await this.#store.collection(name).insertMany(docs);
  }
}
