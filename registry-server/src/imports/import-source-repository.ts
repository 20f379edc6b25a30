// What the node remembers of import sources: the admin's column mapping per source (a URL, or a
// file's header signature), so the next import of the same sheet proposes it again; and which
// record each imported row became (source + row key), so importing the same rows again updates
// those records instead of making copies. Only this file knows how that is stored.
import type { Collection, Doc, Store } from '../store/store.ts';
import type { ColumnChoice } from './column-mapping.ts';

export interface RememberedMapping {
  /** The headers the mapping was made for: it is proposed again only for the same headers. */
  headers: string[];
  mapping: ColumnChoice[];
  language: string;
  updatedAt: string;
}

type SourceDoc = Doc & RememberedMapping;
type KeyDoc = Doc & { source: string; rowKey: string; recordId: string; importedAt: string };

export class ImportSourceRepository {
  readonly #sources: Collection<SourceDoc>;
  readonly #keys: Collection<KeyDoc>;

  constructor(store: Store) {
    this.#sources = store.collection<SourceDoc>('importSources');
    this.#keys = store.collection<KeyDoc>('importKeys');
  }

  async ensureIndexes(): Promise<void> {
    await this.#keys.createIndex({ source: 1 });
  }

  async mappingOf(source: string): Promise<RememberedMapping | null> {
    const doc = await this.#sources.findOne({ _id: source });
    return doc ? { headers: doc.headers, mapping: doc.mapping, language: doc.language, updatedAt: doc.updatedAt } : null;
  }

  async rememberMapping(source: string, remembered: RememberedMapping): Promise<void> {
    await this.#sources.replaceOne({ _id: source }, { ...remembered }, { upsert: true });
  }

  /** The records earlier imports of `source` made, by row key. */
  async recordsOf(source: string): Promise<Map<string, string>> {
    const docs = await this.#keys.find({ source });
    return new Map(docs.map((d) => [d.rowKey, d.recordId]));
  }

  async rememberRecord(source: string, rowKey: string, recordId: string, importedAt: string): Promise<void> {
    await this.#keys.replaceOne({ _id: keyId(source, rowKey) }, { source, rowKey, recordId, importedAt }, { upsert: true });
  }
}

function keyId(source: string, rowKey: string): string {
  return `${source}\n${rowKey}`;
}
