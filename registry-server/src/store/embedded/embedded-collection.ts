// A collection of the embedded store: documents live in memory (frozen, shared with readers),
// whole or, for a collection with a resident plan, only the fields its queries use (the rest is
// read back from the file per returned document, see resident-plan.ts). Every write goes to the
// SQLite file first, then to memory, so memory never holds anything the file does not. Query
// and update semantics are MongoDB's, through mingo.
import { randomUUID } from 'node:crypto';
import { Query } from 'mingo';
import { update as applyUpdate } from 'mingo/updater';
import { logger } from '../../config/logging.ts';
import type {
  Collection,
  Doc,
  Durability,
  Filter,
  FindOneAndUpdateOptions,
  FindOptions,
  IndexOptions,
  SortSpec,
  Update,
  UpdateOptions,
  UpdateResult,
  WriteOptions,
} from '../store.ts';
import { DuplicateKeyError, StoreFileError, StoreQueryError } from '../store-errors.ts';
import { deepFreeze, getPath } from './document-paths.ts';
import { isPlainObject, simpleUpdate, simpleUpsert } from './fast-paths.ts';
import { indexSpec, MemoryIndex } from './memory-index.ts';
import type { ResidentPlan } from './resident-plan.ts';
import type { StringPool } from './string-pool.ts';
import { WholeDocumentCache } from './whole-document-cache.ts';
import { sortNatively } from './native-sort.ts';
import { candidatesOf, compiledQuery, filterTester, indexedCandidates } from './filter-candidates.ts';
import { assertUpdateOperators, documentFromFilter } from './update-operators.ts';
import type { RowWrite, SqliteFile } from './sqlite-file.ts';

const log = logger('store', 'embedded');

/**
 * Whole documents kept per collection with a resident plan: a few pages of answers (a listing
 * is about 20 KB in memory, so about 10 MB at most per collection).
 */
const WHOLE_DOCUMENTS_KEPT = 512;

/** Documents selected by a query, and whether they are whole or resident parts. */
interface Selection<T> {
  docs: T[];
  whole: boolean;
}

interface Change<T extends Doc> {
  before?: T;
  after?: T;
}

export class EmbeddedCollection<T extends Doc> implements Collection<T> {
  readonly name: string;
  /** Every document by _id: whole, or its resident part when the collection has a plan. */
  readonly #docs: Map<string, T>;
  readonly #file: SqliteFile;
  readonly #indexes = new Map<string, MemoryIndex>();
  #plan: ResidentPlan | null;
  readonly #reportedFallbacks = new Set<string>();
  /**
   * Ids in ascending (field, _id) order per indexed field, built when a page sorted on that
   * field is asked for and dropped at the next write: a listing page at 100,000 documents then
   * walks the order instead of sorting everything (200 ms) on every request.
   */
  readonly #orders = new Map<string, readonly string[] | null>();

  readonly #pool: StringPool | undefined;
  /** Recently returned whole documents of resident parts (whole-document-cache.ts). */
  readonly #recent = new WholeDocumentCache<T>(WHOLE_DOCUMENTS_KEPT);

  /** `docs` are resident parts under `plan` (whole documents when plan is null), sharing strings through `pool`. */
  constructor(name: string, docs: Map<string, T>, file: SqliteFile, plan: ResidentPlan | null = null, pool?: StringPool) {
    this.name = name;
    this.#docs = docs;
    this.#file = file;
    this.#plan = plan;
    this.#pool = pool;
  }

  /** Restores an index saved in the file, before any write can happen. */
  restoreIndex(specJson: string): void {
    const spec = JSON.parse(specJson) as ReturnType<typeof indexSpec>;
    const index = new MemoryIndex(spec);
    this.#keepResident(index.fields);
    for (const doc of this.#docs.values()) index.add(doc);
    this.#indexes.set(spec.name, index);
  }

  async find(filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    return this.#find(filter, options);
  }

  async findOne(filter: Filter = {}, options: Omit<FindOptions, 'limit'> = {}): Promise<T | null> {
    return this.#find(filter, { ...options, limit: 1 })[0] ?? null;
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    const keys = Object.keys(filter);
    if (keys.length === 0) return this.#docs.size;
    // One equality on an indexed field: the index knows the count.
    const only = filter[keys[0]!];
    if (keys.length === 1 && (typeof only === 'string' || typeof only === 'number' || typeof only === 'boolean')) {
      const index = [...this.#indexes.values()].find((i) => i.fields.length === 1 && i.fields[0] === keys[0] && !i.spec.sparse);
      if (index) return index.lookup(only).size;
    }
    return this.#matches(filter).docs.length;
  }

  async *findInBatches(filter: Filter, size: number): AsyncIterable<T[]> {
    if (!Number.isInteger(size) || size < 1)
      throw new StoreQueryError(`${this.name}: findInBatches needs a batch size of at least 1 (got ${size}).`);
    const test = filterTester<T>(this.name, filter);
    if (!this.#plan) {
      const { docs } = this.#matches(filter);
      for (let i = 0; i < docs.length; i += size) yield docs.slice(i, i + size);
      return;
    }
    // Whole documents come from a scan of the file in id order (about three times faster than
    // reading them one by one), a page at a time; resident parts decide when they can.
    const resident = this.#answersFromResident(filter);
    let after = '';
    for (;;) {
      const rows = this.#file.pageOf(this.name, after, size);
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.id;
      const batch: T[] = [];
      for (const row of rows) {
        if (resident) {
          const part = this.#docs.get(row.id);
          if (!part || !test(part)) continue;
        }
        const doc = JSON.parse(row.body) as T;
        if (resident || test(doc)) batch.push(doc);
      }
      if (batch.length) yield batch;
      if (rows.length < size) return;
    }
  }

  async insertOne(doc: Omit<T, '_id'> & { _id?: string }): Promise<string> {
    const [id] = await this.insertMany([doc]);
    return id!;
  }

  async insertMany(docs: Array<Omit<T, '_id'> & { _id?: string }>): Promise<string[]> {
    const changes: Change<T>[] = [];
    const seen = new Set<string>();
    for (const input of docs) {
      const after = this.#normalise({ ...input, _id: input._id ?? randomUUID() } as T);
      if (this.#docs.has(after._id) || seen.has(after._id)) throw new DuplicateKeyError(this.name, '_id_', { _id: after._id });
      seen.add(after._id);
      changes.push({ after });
    }
    await this.#commit(changes);
    return changes.map((c) => c.after!._id);
  }

  async updateOne(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<UpdateResult> {
    const { result, durable } = this.#updateFirst(filter, update, options.upsert ?? false, undefined, options.durability);
    await durable;
    return result;
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    const changes: Change<T>[] = [];
    const matched = this.#wholeOf(this.#matches(filter));
    for (const before of matched) {
      const after = this.#applyUpdate(before, update, false);
      if (after) changes.push({ before, after });
    }
    await this.#commit(changes);
    return { matchedCount: matched.length, modifiedCount: changes.length, upsertedId: null };
  }

  async findOneAndUpdate(filter: Filter, update: Update, options: FindOneAndUpdateOptions = {}): Promise<T | null> {
    const { before, after, durable } = this.#updateFirst(filter, update, options.upsert ?? false, options.sort, options.durability);
    await durable;
    return (options.returnDocument ?? 'after') === 'after' ? after : before;
  }

  async replaceOne(filter: Filter, doc: Omit<T, '_id'>, options: UpdateOptions = {}): Promise<UpdateResult> {
    if (Object.keys(doc).some((key) => key.startsWith('$')))
      throw new StoreQueryError('replaceOne takes a whole document, not update operators: use updateOne for $set and the like.');
    const before = this.#find(filter, { limit: 1 })[0];
    if (!before && !options.upsert) return { matchedCount: 0, modifiedCount: 0, upsertedId: null };
    const id = before?._id ?? (typeof filter._id === 'string' ? filter._id : randomUUID());
    const after = this.#normalise({ ...doc, _id: id } as T);
    await this.#commit([{ before, after }], options.durability);
    return before ? { matchedCount: 1, modifiedCount: 1, upsertedId: null } : { matchedCount: 0, modifiedCount: 0, upsertedId: id };
  }

  async deleteOne(filter: Filter, options: WriteOptions = {}): Promise<number> {
    const doc = this.#find(filter, { limit: 1 })[0];
    if (!doc) return 0;
    await this.#commit([{ before: doc }], options.durability);
    return 1;
  }

  async deleteMany(filter: Filter): Promise<number> {
    // Resident parts are enough: a delete needs only the ids and the indexed fields.
    const { docs } = this.#matches(filter);
    await this.#commit(docs.map((before) => ({ before })));
    return docs.length;
  }

  async createIndex(keys: SortSpec, options: IndexOptions = {}): Promise<string> {
    const spec = indexSpec(keys, options);
    const existing = this.#indexes.get(spec.name);
    if (existing && JSON.stringify(existing.spec) === JSON.stringify(spec)) return spec.name;
    const index = new MemoryIndex(spec);
    this.#keepResident(index.fields);
    for (const doc of this.#docs.values()) {
      if (spec.unique) {
        for (const key of index.keysOf(doc)) {
          if (index.owners(key).size > 0) throw new DuplicateKeyError(this.name, spec.name, index.describe(key));
        }
      }
      index.add(doc);
    }
    this.#file.saveIndex(this.name, spec.name, JSON.stringify(spec));
    this.#indexes.set(spec.name, index);
    return spec.name;
  }

  /** Applies the update in memory at once (so concurrent claims see it); `durable` resolves once it is on disk. */
  #updateFirst(
    filter: Filter,
    update: Update,
    upsert: boolean,
    sort?: SortSpec,
    durability?: Durability,
  ): { result: UpdateResult; before: T | null; after: T | null; durable: Promise<void> } {
    const done = Promise.resolve();
    const before = this.#find(filter, sort ? { limit: 1, sort } : { limit: 1 })[0];
    if (before) {
      const after = this.#applyUpdate(before, update, false);
      if (!after) return { result: { matchedCount: 1, modifiedCount: 0, upsertedId: null }, before, after: before, durable: done };
      const durable = this.#commit([{ before, after }], durability);
      return { result: { matchedCount: 1, modifiedCount: 1, upsertedId: null }, before, after, durable };
    }
    if (!upsert) {
      assertUpdateOperators(update);
      return { result: { matchedCount: 0, modifiedCount: 0, upsertedId: null }, before: null, after: null, durable: done };
    }
    const seed = documentFromFilter(filter) as T;
    if (typeof seed._id !== 'string') seed._id = randomUUID();
    const after = this.#applyUpdate(seed, update, true) ?? this.#normalise(seed);
    const durable = this.#commit([{ after }], durability);
    return { result: { matchedCount: 0, modifiedCount: 0, upsertedId: after._id }, before: null, after, durable };
  }

  /** The updated copy of a document, or null when the update changes nothing. */
  #applyUpdate(doc: T, update: Update, inserting: boolean): T | null {
    assertUpdateOperators(update);
    const { $setOnInsert, ...operators } = update as Record<string, Record<string, unknown> | undefined>;
    const simple = inserting ? simpleUpsert(doc, operators as Update, $setOnInsert) : simpleUpdate(doc, operators as Update);
    if (simple !== undefined) return inserting ? this.#normalise(simple ?? doc) : simple;
    const next = structuredClone(doc) as T;
    let changed: string[] = [];
    try {
      if (Object.keys(operators).length > 0) changed = applyUpdate(next, operators as never, undefined, undefined, { cloneMode: 'deep' });
      if (inserting && $setOnInsert)
        changed = changed.concat(applyUpdate(next, { $set: $setOnInsert } as never, undefined, undefined, { cloneMode: 'deep' }));
    } catch (cause) {
      throw new StoreQueryError(`${this.name}: invalid update ${JSON.stringify(update)}: ${(cause as Error).message}`, { cause });
    }
    if (next._id !== doc._id) throw new StoreQueryError(`${this.name}: an update cannot change _id (document ${doc._id}).`);
    if (changed.length === 0 && !inserting) return null;
    return this.#normalise(next);
  }

  /**
   * Round-trips a document through JSON: memory then holds exactly what the file holds (a Date
   * would become a string on disk, so it becomes one in memory too), frozen against readers.
   */
  #normalise(doc: T): T {
    if (typeof doc._id !== 'string' || doc._id.length === 0) throw new StoreQueryError(`${this.name}: _id must be a non-empty string.`);
    return deepFreeze(JSON.parse(JSON.stringify(doc)) as T);
  }

  /**
   * Checks unique indexes for the whole batch, writes the file, then updates memory, all before
   * returning (so concurrent operations see each other as with one lock); the promise resolves
   * once the file's group commit has made the writes durable (as `durability` asks, store.ts).
   */
  #commit(changes: Change<T>[], durability: Durability = 'full'): Promise<void> {
    if (changes.length === 0) return Promise.resolve();
    this.#checkUnique(changes);
    this.#orders.clear();
    const writes: RowWrite[] = changes.map(({ before, after }) =>
      after
        ? { op: 'put', collection: this.name, id: after._id, body: JSON.stringify(after) }
        : { op: 'delete', collection: this.name, id: before!._id },
    );
    const durable = this.#file.write(writes, durability);
    const plan = this.#plan;
    for (const { before, after } of changes) {
      if (before) {
        // A resident part holds every indexed field, so it leaves the indexes as the whole would.
        for (const index of this.#indexes.values()) index.remove(before);
        this.#docs.delete(before._id);
        this.#recent.delete(before._id);
      }
      if (after) {
        this.#docs.set(after._id, plan ? plan.project(after, this.#pool) : after);
        for (const index of this.#indexes.values()) index.add(after);
      }
    }
    return durable;
  }

  #checkUnique(changes: Change<T>[]): void {
    const changedIds = new Set(
      changes.flatMap(({ before, after }) => [before?._id, after?._id]).filter((id): id is string => id !== undefined),
    );
    for (const index of this.#indexes.values()) {
      if (!index.spec.unique) continue;
      const claimed = new Set<string>();
      for (const { after } of changes) {
        if (!after) continue;
        for (const key of index.keysOf(after)) {
          const otherOwner = [...index.owners(key)].some((id) => !changedIds.has(id));
          if (otherOwner || claimed.has(key)) throw new DuplicateKeyError(this.name, index.spec.name, index.describe(key));
          claimed.add(key);
        }
      }
    }
  }

  /** Whole documents matching, in order, with the projection applied. */
  #find(filter: Filter, options: FindOptions): T[] {
    // An empty collection (an idle queue polled by its listeners) needs no query at all.
    if (this.#docs.size === 0) return [];
    const { sort, skip = 0, limit, projection } = options;
    if (sort && limit && !projection) {
      const walked = this.#walkOrder(filter, sort, skip, limit);
      if (walked) return walked;
    }
    if (!sort && !projection) {
      // Common case without sorting: stop as soon as enough documents matched.
      const matches = this.#matches(filter, limit === undefined || limit === 0 ? undefined : skip + limit);
      return this.#wholeOf({ docs: matches.docs.slice(skip), whole: matches.whole });
    }
    if (sort && !projection && this.#answersFromResident(filter, sort)) {
      const matches = this.#matches(filter);
      const sorted = sortNatively(matches.docs, sort);
      if (sorted) return this.#wholeOf({ docs: sorted.slice(skip, limit ? skip + limit : undefined), whole: matches.whole });
    }
    const whole = !this.#answersFromResident(filter, sort);
    let cursor = compiledQuery<T>(this.name, filter).find<T>(this.#source(filter, whole));
    if (sort) cursor = cursor.sort(sort);
    if (skip) cursor = cursor.skip(skip);
    if (limit) cursor = cursor.limit(limit);
    const docs = cursor.all();
    if (!projection) return this.#wholeOf({ docs, whole });
    // A projection of resident fields only is answered without reading the file.
    const source = whole || this.#plan?.coversProjection(projection) ? docs : this.#wholeOf({ docs, whole });
    return new Query<T>({}).find<T>(source, projection as never).all();
  }

  /**
   * A page sorted on an indexed field and _id in the same direction, by walking the cached order
   * and stopping at `limit`; null when the order cannot answer (another sort, a field holding
   * arrays, a filter outside the resident plan).
   */
  #walkOrder(filter: Filter, sort: SortSpec, skip: number, limit: number): T[] | null {
    const entries = Object.entries(sort);
    if (entries.length !== 2 || entries[1]![0] !== '_id' || entries[0]![1] !== entries[1]![1]) return null;
    const [field, direction] = entries[0]!;
    if (field === '_id' || ![...this.#indexes.values()].some((i) => i.fields.length === 1 && i.fields[0] === field && !i.spec.sparse))
      return null;
    if (!this.#answersFromResident(filter, sort)) return null;
    // A selective filter (an initiative's id, a small city's listings) is cheaper to sort than
    // to find by walking the whole order.
    const byId = typeof filter._id === 'string' || (isPlainObject(filter._id) && Array.isArray(filter._id.$in));
    const candidates = byId ? 0 : indexedCandidates(this.#indexes.values(), filter)?.size;
    if (candidates !== undefined && candidates < 2_000) return null;
    let order = this.#orders.get(field);
    if (order === undefined) {
      const docs = [...this.#docs.values()];
      // MongoDB sorts a document with an array by one of its elements: leave that to mingo.
      order = docs.some((doc) => Array.isArray(getPath(doc, field)))
        ? null
        : new Query<T>({})
            .find<T>(docs)
            .sort({ [field]: 1, _id: 1 })
            .all()
            .map((doc) => doc._id);
      this.#orders.set(field, order);
    }
    if (!order) return null;
    const test = filterTester<T>(this.name, filter);
    const out: T[] = [];
    let skipped = 0;
    for (let i = 0; i < order.length && out.length < limit; i++) {
      const doc = this.#docs.get(order[direction === 1 ? i : order.length - 1 - i]!)!;
      if (!test(doc)) continue;
      if (skipped < skip) skipped++;
      else out.push(doc);
    }
    return this.#wholeOf({ docs: out, whole: false });
  }

  /** Documents matching, in the collection's order, up to `max`: resident parts when they answer. */
  #matches(filter: Filter, max?: number): Selection<T> {
    const whole = !this.#answersFromResident(filter);
    const test = filterTester<T>(this.name, filter);
    const out: T[] = [];
    for (const doc of this.#source(filter, whole)) {
      if (test(doc)) {
        out.push(doc);
        if (max !== undefined && out.length >= max) break;
      }
    }
    return { docs: out, whole };
  }

  /** True when resident parts answer the filter and sort exactly as whole documents would. */
  #answersFromResident(filter: Filter, sort?: SortSpec): boolean {
    const plan = this.#plan;
    if (!plan || (plan.coversFilter(filter) && plan.coversSort(sort))) return true;
    const key = JSON.stringify([Object.keys(filter), Object.keys(sort ?? {})]);
    if (!this.#reportedFallbacks.has(key)) {
      this.#reportedFallbacks.add(key);
      log.debug('{collection}: a query on fields outside the resident plan reads whole documents from the file ({fields})', {
        collection: this.name,
        fields: key,
      });
    }
    return false;
  }

  /** The candidates to test: resident parts, or whole documents read back when `whole`. */
  *#source(filter: Filter, whole: boolean): Iterable<T> {
    // A scan reads many documents once: it uses the recent ones but does not push them out.
    for (const doc of candidatesOf(this.#docs, this.#indexes.values(), filter)) yield whole ? this.#whole(doc, false) : doc;
  }

  #wholeOf(selection: Selection<T>): T[] {
    return selection.whole || !this.#plan ? selection.docs : selection.docs.map((doc) => this.#whole(doc));
  }

  /**
   * The whole document of a resident part: one of the last few hundred returned, else read back
   * from the file (about 20 µs for a listing) and, when `remember` and read before, kept among them. Only a
   * bounded few are kept: whole documents kept for all get promoted to V8's old generation, and
   * the process then held hundreds of MB more at 100,000 listings (measured).
   */
  #whole(doc: T, remember = true): T {
    if (!this.#plan) return doc;
    const recent = this.#recent.get(doc);
    if (recent) return recent;
    const body = this.#file.read(this.name, doc._id);
    if (body === undefined)
      throw new StoreFileError(
        'STORE_CORRUPT',
        `${this.name}: document ${doc._id} is in memory but not in ${this.#file.path}; restart the node to reload the file.`,
      );
    const whole = JSON.parse(body) as T;
    return remember && this.#recent.readBefore(doc._id) ? this.#recent.set(doc, whole) : whole;
  }

  /** Makes `fields` resident (an index needs its fields in memory), reloading from the file if the plan lacked them. */
  #keepResident(fields: readonly string[]): void {
    const plan = this.#plan;
    if (!plan || fields.every((field) => plan.covers(field))) return;
    const wider = plan.with(fields);
    for (const row of this.#file.rowsOf(this.name)) {
      const kept = wider.project(JSON.parse(row.body) as T, this.#pool);
      this.#docs.set(kept._id, kept);
    }
    this.#plan = wider;
  }

  /**
   * The test of a filter on one document. mingo compiles a Query per call (about 25 µs, the
   * largest cost of a lookup by id); filters made only of equalities and number ranges on
   * top-level fields, which the queue and the KV store use on every delivery, are tested
   * directly instead (`simpleTest`), and mingo decides whenever a document holds something
   * else there (an array, null, another type).
   */
}
