// The MongoDB adapter: a thin layer over the official driver, so that behaviour differs from
// the embedded store as little as possible. It is the path for nodes that outgrow one machine
// (a replica set, several server processes sharing one database).
import { randomUUID } from 'node:crypto';
import { MongoClient, MongoServerError, type Collection as DriverCollection, type Db } from 'mongodb';
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
} from '../store.ts';
import { DuplicateKeyError, StoreError, StoreQueryError } from '../store-errors.ts';

export class MongoStore implements Store {
  readonly kind = 'mongodb' as const;
  readonly #client: MongoClient;
  readonly #db: Db;

  private constructor(client: MongoClient, db: Db) {
    this.#client = client;
    this.#db = db;
  }

  /** Connects and checks the server answers; the database is the one named in the URL. */
  static async connect(url: string, options: { serverSelectionTimeoutMS?: number } = {}): Promise<MongoStore> {
    const client = new MongoClient(url, { serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000, ignoreUndefined: true });
    try {
      await client.connect();
      const db = client.db();
      await db.command({ ping: 1 });
      return new MongoStore(client, db);
    } catch (cause) {
      await client.close().catch(() => {});
      throw new StoreError(
        'STORE_UNREACHABLE',
        `Cannot reach MongoDB at ${redact(url)} (${(cause as Error).message}). Check MONGODB_URL and that the server is running.`,
        { cause },
      );
    }
  }

  collection<T extends Doc = Doc>(name: string): Collection<T> {
    return new MongoCollection<T>(this.#client, this.#db.collection<T>(name));
  }

  async collectionNames(): Promise<string[]> {
    const collections = await this.#db.listCollections({}, { nameOnly: true }).toArray();
    // system.* collections (views, profiles) belong to the server, not to the registry.
    return collections
      .map((c) => c.name)
      .filter((name) => !name.startsWith('system.'))
      .sort();
  }

  async snapshotTo(): Promise<void> {
    throw new StoreError(
      'STORE_BACKUP_WITH_MONGODUMP',
      'A node on MongoDB is backed up with mongodump: run `npm run umn -- backup <file>` with MONGODB_URL set, on a machine with the MongoDB Database Tools (it runs mongodump --archive --gzip).',
    );
  }

  async ping(): Promise<void> {
    await this.#db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.#client.close();
  }
}

class MongoCollection<T extends Doc> implements Collection<T> {
  readonly name: string;
  readonly #client: MongoClient;
  readonly #c: DriverCollection<T>;

  constructor(client: MongoClient, collection: DriverCollection<T>) {
    this.#client = client;
    this.#c = collection;
    this.name = collection.collectionName;
  }

  find(filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    return run(this.name, () => this.#c.find(filter as never, { ...options, limit: options.limit ?? 0 }).toArray() as Promise<T[]>);
  }

  findOne(filter: Filter = {}, options: Omit<FindOptions, 'limit'> = {}): Promise<T | null> {
    return run(this.name, () => this.#c.findOne(filter as never, options) as Promise<T | null>);
  }

  countDocuments(filter: Filter = {}): Promise<number> {
    return run(this.name, () => this.#c.countDocuments(filter as never));
  }

  async *findInBatches(filter: Filter, size: number): AsyncIterable<T[]> {
    const cursor = this.#c.find(filter as never).batchSize(size);
    let batch: T[] = [];
    try {
      for await (const doc of cursor) {
        batch.push(doc as T);
        if (batch.length >= size) {
          yield batch;
          batch = [];
        }
      }
    } finally {
      await cursor.close();
    }
    if (batch.length) yield batch;
  }

  async insertOne(doc: Omit<T, '_id'> & { _id?: string }): Promise<string> {
    const [id] = await this.insertMany([doc]);
    return id!;
  }

  insertMany(docs: Array<Omit<T, '_id'> & { _id?: string }>): Promise<string[]> {
    const withIds = docs.map((doc) => ({ ...doc, _id: doc._id ?? randomUUID() }));
    return run(this.name, async () => {
      if (withIds.length === 0) return [];
      if (withIds.length === 1) {
        await this.#c.insertOne(withIds[0] as never);
        return [withIds[0]!._id];
      }
      // All or none, as the embedded store does: a multi-document transaction needs a replica
      // set, which is also what several server processes need.
      const session = this.#client.startSession();
      try {
        await session.withTransaction(() => this.#c.insertMany(withIds as never, { session }));
      } finally {
        await session.endSession();
      }
      return withIds.map((doc) => doc._id);
    });
  }

  updateOne(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<UpdateResult> {
    return run(this.name, async () =>
      toResult(
        await retryLostUpsert(options.upsert, () =>
          this.#c.updateOne(filter as never, withUpsertId(filter, update, options.upsert) as never, { upsert: options.upsert ?? false }),
        ),
      ),
    );
  }

  updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    return run(this.name, async () => toResult(await this.#c.updateMany(filter as never, update as never)));
  }

  findOneAndUpdate(filter: Filter, update: Update, options: FindOneAndUpdateOptions = {}): Promise<T | null> {
    return run(
      this.name,
      async () =>
        (await retryLostUpsert(options.upsert, () =>
          this.#c.findOneAndUpdate(filter as never, withUpsertId(filter, update, options.upsert) as never, {
            upsert: options.upsert ?? false,
            returnDocument: options.returnDocument ?? 'after',
            ...(options.sort ? { sort: options.sort } : {}),
          }),
        )) as T | null,
    );
  }

  replaceOne(filter: Filter, doc: Omit<T, '_id'>, options: UpdateOptions = {}): Promise<UpdateResult> {
    return run(this.name, async () => {
      const replacement = options.upsert && typeof filter._id !== 'string' ? { ...doc, _id: randomUUID() } : doc;
      return toResult(await this.#c.replaceOne(filter as never, replacement as never, { upsert: options.upsert ?? false }));
    });
  }

  deleteOne(filter: Filter): Promise<number> {
    return run(this.name, async () => (await this.#c.deleteOne(filter as never)).deletedCount);
  }

  deleteMany(filter: Filter): Promise<number> {
    return run(this.name, async () => (await this.#c.deleteMany(filter as never)).deletedCount);
  }

  createIndex(keys: SortSpec, options: IndexOptions = {}): Promise<string> {
    return run(this.name, () => this.#c.createIndex(keys, options));
  }
}

/** Keeps _id a string on upserts (the driver would make an ObjectId), like the embedded store. */
function withUpsertId(filter: Filter, update: Update, upsert: boolean | undefined): Update {
  if (!upsert || filter._id !== undefined) return update;
  const onInsert = (update.$setOnInsert ?? {}) as Record<string, unknown>;
  if ('_id' in onInsert) return update;
  return { ...update, $setOnInsert: { ...onInsert, _id: randomUUID() } };
}

/**
 * Two simultaneous upserts of one new _id can both try the insert; the loser fails with a
 * duplicate key. Servers since 4.2 retry this themselves for _id equalities (SERVER-37124,
 * SERVER-47212); for older ones, one retry here finds the document and updates it, so
 * concurrent counters (rate-limit claims) count every increment, as the store contract asks.
 */
async function retryLostUpsert<R>(upsert: boolean | undefined, operation: () => Promise<R>): Promise<R> {
  try {
    return await operation();
  } catch (error) {
    if (!upsert || !(error instanceof MongoServerError) || error.code !== 11000) throw error;
    return operation();
  }
}

function toResult(r: { matchedCount: number; modifiedCount: number; upsertedId: unknown }): UpdateResult {
  return { matchedCount: r.matchedCount, modifiedCount: r.modifiedCount, upsertedId: r.upsertedId == null ? null : String(r.upsertedId) };
}

async function run<R>(collection: string, operation: () => Promise<R>): Promise<R> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof MongoServerError && error.code === 11000) {
      const key = (error.keyValue ?? {}) as Record<string, unknown>;
      const index = /index: (\S+)/.exec(error.message)?.[1] ?? 'unknown';
      throw new DuplicateKeyError(collection, index, key);
    }
    if (error instanceof MongoServerError && [2, 9, 14, 40, 52, 66].includes(Number(error.code))) {
      throw new StoreQueryError(`${collection}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
