// Which seed records were loaded once, per collection: a seed record the operator deleted later is
// not loaded again at the next start.
import type { Collection, Doc, Store } from '../store/store.ts';

type SeedLog = Doc & { loaded: string[] };

export class SeedLogRepository {
  readonly #log: Collection<SeedLog>;

  constructor(store: Store) {
    this.#log = store.collection<SeedLog>('seedLog');
  }

  /** Handles of the seed records of `name` loaded before. */
  async loaded(name: string): Promise<Set<string>> {
    return new Set((await this.#log.findOne({ _id: name }))?.loaded ?? []);
  }

  async markLoaded(name: string, handle: string): Promise<void> {
    await this.#log.updateOne({ _id: name }, { $addToSet: { loaded: handle } }, { upsert: true });
  }
}
