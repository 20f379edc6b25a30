// Which good practice an adoption record names: a practice of this node, or a partner's practice
// this node holds a copy of, found by its IRI (ADR 0040). Only published practices count: a
// draft is nobody's to adopt, and naming one must answer like naming nothing.
import type { GoodPracticeRepository, StoredGoodPractice } from '../practices/good-practice-repository.ts';
import type { RecordIris } from '../records/record-iris.ts';

export class AdoptedPractices {
  readonly #practices: GoodPracticeRepository;
  readonly #iris: RecordIris;

  constructor(practices: GoodPracticeRepository, iris: RecordIris) {
    this.#practices = practices;
    this.#iris = iris;
  }

  /** The published practice with this IRI (local or received), or null. */
  async find(practiceIri: string): Promise<StoredGoodPractice | null> {
    const doc = await this.#practices.findPublishedById(this.#iris.storeIdFor('practices', practiceIri));
    // A received copy is filed under its own IRI; a local practice under its handle, and its IRI is minted here.
    return doc && this.#iris.of('practices', doc) === practiceIri ? doc : null;
  }

  /** Whether `practiceIri` names one of this node's own practices (its moderators are told of adoptions). */
  isLocal(practiceIri: string): boolean {
    return this.#iris.storeIdFor('practices', practiceIri) !== practiceIri;
  }
}
