// Counts writes to chosen collections, so caches of public answers can tell that what they hold
// may be stale. Writes are counted before they are attempted: a failed write only costs a
// cache refill, never a stale answer.
import type {
  Collection,
  Doc,
  Filter,
  FindOneAndUpdateOptions,
  FindOptions,
  IndexOptions,
  SortSpec,
  Store,
  Update,
  UpdateOptions,
  UpdateResult,
  WriteOptions,
} from './store.ts';

export class WriteCountingStore implements Store {
  readonly kind: Store['kind'];
  readonly #inner: Store;
  readonly #watched: ReadonlySet<string>;
  #generation = 0;

  constructor(inner: Store, watchedCollections: readonly string[]) {
    this.#inner = inner;
    this.kind = inner.kind;
    this.#watched = new Set(watchedCollections);
  }

  /** Changes whenever a watched collection may have changed. */
  get generation(): number {
    return this.#generation;
  }

  collection<T extends Doc = Doc>(name: string): Collection<T> {
    const inner = this.#inner.collection<T>(name);
    return this.#watched.has(name) ? new CountedCollection(inner, () => this.#generation++) : inner;
  }

  collectionNames(): Promise<string[]> {
    return this.#inner.collectionNames();
  }

  snapshotTo(path: string): Promise<void> {
    return this.#inner.snapshotTo(path);
  }

  ping(): Promise<void> {
    return this.#inner.ping();
  }

  close(): Promise<void> {
    return this.#inner.close();
  }
}

class CountedCollection<T extends Doc> implements Collection<T> {
  readonly name: string;
  readonly #inner: Collection<T>;
  readonly #count: () => void;

  constructor(inner: Collection<T>, count: () => void) {
    this.name = inner.name;
    this.#inner = inner;
    this.#count = count;
  }

  find(filter?: Filter, options?: FindOptions): Promise<T[]> {
    return this.#inner.find(filter, options);
  }
  findOne(filter?: Filter, options?: Omit<FindOptions, 'limit'>): Promise<T | null> {
    return this.#inner.findOne(filter, options);
  }
  countDocuments(filter?: Filter): Promise<number> {
    return this.#inner.countDocuments(filter);
  }
  findInBatches(filter: Filter, size: number): AsyncIterable<T[]> {
    return this.#inner.findInBatches(filter, size);
  }
  createIndex(keys: SortSpec, options?: IndexOptions): Promise<string> {
    return this.#inner.createIndex(keys, options);
  }
  insertOne(doc: Omit<T, '_id'> & { _id?: string }): Promise<string> {
    this.#count();
    return this.#inner.insertOne(doc);
  }
  insertMany(docs: Array<Omit<T, '_id'> & { _id?: string }>): Promise<string[]> {
    this.#count();
    return this.#inner.insertMany(docs);
  }
  updateOne(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult> {
    this.#count();
    return this.#inner.updateOne(filter, update, options);
  }
  updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    this.#count();
    return this.#inner.updateMany(filter, update);
  }
  findOneAndUpdate(filter: Filter, update: Update, options?: FindOneAndUpdateOptions): Promise<T | null> {
    this.#count();
    return this.#inner.findOneAndUpdate(filter, update, options);
  }
  replaceOne(filter: Filter, doc: Omit<T, '_id'>, options?: UpdateOptions): Promise<UpdateResult> {
    this.#count();
    return this.#inner.replaceOne(filter, doc, options);
  }
  deleteOne(filter: Filter, options?: WriteOptions): Promise<number> {
    this.#count();
    return this.#inner.deleteOne(filter, options);
  }
  deleteMany(filter: Filter): Promise<number> {
    this.#count();
    return this.#inner.deleteMany(filter);
  }
}
