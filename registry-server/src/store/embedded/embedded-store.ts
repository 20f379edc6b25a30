// The embedded default store: one SQLite file under DATA_DIR, documents cached in memory.
// Used when MONGODB_URL is not set; one server process per data directory.
import type { Collection, Doc, Store } from '../store.ts';
import { EmbeddedCollection } from './embedded-collection.ts';
import { deepFreeze } from './document-paths.ts';
import { SqliteFile } from './sqlite-file.ts';
import { StoreFileError } from '../store-errors.ts';

export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const;
  readonly path: string;
  readonly #file: SqliteFile;
  readonly #collections = new Map<string, EmbeddedCollection<Doc>>();
  readonly #loaded = new Map<string, Map<string, Doc>>();
  #closed = false;

  private constructor(file: SqliteFile) {
    this.#file = file;
    this.path = file.path;
  }

  /** Opens the store in dataDir, loading every document and index into memory. */
  static open(dataDir: string): EmbeddedStore {
    const file = SqliteFile.open(dataDir);
    const store = new EmbeddedStore(file);
    try {
      for (const row of file.rows()) {
        let docs = store.#loaded.get(row.collection);
        if (!docs) store.#loaded.set(row.collection, (docs = new Map()));
        docs.set(row.id, deepFreeze(JSON.parse(row.body) as Doc));
      }
      for (const row of file.indexRows()) store.#collectionOf(row.collection).restoreIndex(row.spec);
    } catch (cause) {
      file.close();
      throw new StoreFileError('STORE_CORRUPT', `${file.path} holds a document that cannot be read (${(cause as Error).message}). The file was left untouched: restore it from a backup.`, { cause });
    }
    return store;
  }

  collection<T extends Doc = Doc>(name: string): Collection<T> {
    if (this.#closed) throw new StoreFileError('STORE_UNWRITABLE', `The store at ${this.path} is closed.`);
    return this.#collectionOf(name) as unknown as Collection<T>;
  }

  async ping(): Promise<void> {
    this.#file.ping();
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#file.close();
  }

  #collectionOf(name: string): EmbeddedCollection<Doc> {
    let collection = this.#collections.get(name);
    if (!collection) {
      let docs = this.#loaded.get(name);
      if (!docs) this.#loaded.set(name, (docs = new Map()));
      collection = new EmbeddedCollection(name, docs, this.#file);
      this.#collections.set(name, collection);
    }
    return collection;
  }
}
