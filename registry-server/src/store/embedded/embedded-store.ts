// The embedded default store: one SQLite file under DATA_DIR, documents cached in memory
// (whole, or only their queried fields for the large collections: resident-plan.ts).
// Used when MONGODB_URL is not set; one server process per data directory.
import type { Collection, Doc, Store } from '../store.ts';
import { residentFieldsOf } from '../resident-fields.ts';
import { EmbeddedCollection } from './embedded-collection.ts';
import { deepFreeze } from './document-paths.ts';
import { ResidentPlan } from './resident-plan.ts';
import { SqliteFile } from './sqlite-file.ts';
import { StringPool } from './string-pool.ts';
import { StoreFileError } from '../store-errors.ts';

export interface EmbeddedStoreOptions {
  /**
   * The fields of a collection to keep in memory, or null to keep its documents whole.
   * Defaults to the registry's plan (store/resident-fields.ts).
   */
  residentFields?: (collection: string) => readonly string[] | null;
}

export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const;
  readonly path: string;
  readonly #file: SqliteFile;
  readonly #collections = new Map<string, EmbeddedCollection<Doc>>();
  readonly #loaded = new Map<string, Map<string, Doc>>();
  readonly #plans = new Map<string, ResidentPlan | null>();
  readonly #pool = new StringPool();
  readonly #residentFields: (collection: string) => readonly string[] | null;
  #closed = false;

  private constructor(file: SqliteFile, residentFields: (collection: string) => readonly string[] | null) {
    this.#file = file;
    this.path = file.path;
    this.#residentFields = residentFields;
  }

  /** Opens the store in dataDir, loading every document (or its resident part) and index into memory. */
  static open(dataDir: string, options: EmbeddedStoreOptions = {}): EmbeddedStore {
    const file = SqliteFile.open(dataDir);
    const store = new EmbeddedStore(file, options.residentFields ?? residentFieldsOf);
    try {
      const indexRows = file.indexRows();
      // A planned collection keeps its indexed fields resident too: indexes are built from memory.
      for (const row of indexRows) {
        const plan = store.#planOf(row.collection);
        if (plan) store.#plans.set(row.collection, plan.with(Object.keys((JSON.parse(row.spec) as { keys: Record<string, number> }).keys)));
      }
      for (const row of file.rows()) {
        let docs = store.#loaded.get(row.collection);
        if (!docs) store.#loaded.set(row.collection, (docs = new Map()));
        const doc = JSON.parse(row.body) as Doc;
        const plan = store.#planOf(row.collection);
        // project() freezes what it keeps; the rest of a planned document is garbage at once.
        // Keyed by the document's own _id string: one copy of each id, not two.
        const kept = plan ? plan.project(doc, store.#pool) : deepFreeze(doc);
        docs.set(kept._id, kept);
      }
      for (const row of indexRows) store.#collectionOf(row.collection).restoreIndex(row.spec);
    } catch (cause) {
      file.close();
      throw new StoreFileError(
        'STORE_CORRUPT',
        `${file.path} holds a document that cannot be read (${(cause as Error).message}). The file was left untouched: restore it from a backup.`,
        { cause },
      );
    }
    return store;
  }

  collection<T extends Doc = Doc>(name: string): Collection<T> {
    if (this.#closed) throw new StoreFileError('STORE_UNWRITABLE', `The store at ${this.path} is closed.`);
    return this.#collectionOf(name) as unknown as Collection<T>;
  }

  async collectionNames(): Promise<string[]> {
    if (this.#closed) throw new StoreFileError('STORE_UNWRITABLE', `The store at ${this.path} is closed.`);
    // Memory holds an entry (or the resident part) of every stored document.
    return [...this.#loaded]
      .filter(([, docs]) => docs.size > 0)
      .map(([name]) => name)
      .sort();
  }

  async snapshotTo(path: string): Promise<void> {
    if (this.#closed) throw new StoreFileError('STORE_UNWRITABLE', `The store at ${this.path} is closed.`);
    this.#file.snapshotTo(path);
  }

  async ping(): Promise<void> {
    this.#file.ping();
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#file.close();
  }

  #planOf(name: string): ResidentPlan | null {
    if (!this.#plans.has(name)) {
      const fields = this.#residentFields(name);
      this.#plans.set(name, fields ? new ResidentPlan(fields) : null);
    }
    return this.#plans.get(name)!;
  }

  #collectionOf(name: string): EmbeddedCollection<Doc> {
    let collection = this.#collections.get(name);
    if (!collection) {
      let docs = this.#loaded.get(name);
      if (!docs) this.#loaded.set(name, (docs = new Map()));
      collection = new EmbeddedCollection(name, docs, this.#file, this.#planOf(name), this.#pool);
      this.#collections.set(name, collection);
    }
    return collection;
  }
}
