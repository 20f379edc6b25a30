// Readers' requests for a translation, as counts only: per record and language, how many times a
// reader asked (ADR 0041). Nothing about who asked is kept here; the per-client limits live in
// the rate limiter's counters, which expire with their window.
import type { Collection, Doc, Store } from '../store/store.ts';

type RequestCount = Doc & {
  /** Editorial kind of the record ('initiative', 'goodPractice' …). */
  kind: string;
  recordId: string;
  language: string;
  count: number;
  firstAskedAt: string;
  lastAskedAt: string;
};

export class TranslationRequestRepository {
  readonly #collection: Collection<RequestCount>;

  constructor(store: Store) {
    this.#collection = store.collection<RequestCount>('translationRequests');
  }

  async ensureIndexes(): Promise<void> {
    await this.#collection.createIndex({ language: 1 });
    await this.#collection.createIndex({ kind: 1, recordId: 1 });
  }

  /** Counts one request and returns how many there are now for this record and language. */
  async count(kind: string, recordId: string, language: string, at: string): Promise<number> {
    const updated = await this.#collection.findOneAndUpdate(
      { _id: `${kind}|${recordId}|${language}` },
      { $inc: { count: 1 }, $set: { lastAskedAt: at }, $setOnInsert: { kind, recordId, language, firstAskedAt: at } },
      { upsert: true, returnDocument: 'after' },
    );
    return updated?.count ?? 1;
  }

  /** How many readers asked for `language`, per `kind|recordId`. */
  async demandFor(language: string): Promise<Map<string, number>> {
    const rows = await this.#collection.find({ language }, { projection: { kind: 1, recordId: 1, count: 1 } });
    return new Map(rows.map((r) => [`${r.kind}|${r.recordId}`, r.count]));
  }

  /** How many readers asked for each language of one record. */
  async demandOf(kind: string, recordId: string): Promise<Map<string, number>> {
    const rows = await this.#collection.find({ kind, recordId }, { projection: { language: 1, count: 1 } });
    return new Map(rows.map((r) => [r.language, r.count]));
  }
}
