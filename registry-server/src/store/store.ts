// The one storage interface of the registry, in the shape of MongoDB collections.
// Two adapters implement it: the embedded default (node:sqlite + mingo, one file) and MongoDB
// through the official driver. Only the subset the registry needs is here, so both adapters can
// honour every method with the same semantics (see store.contract.ts).

/** A stored document: string ids only, so both adapters agree on identity. */
export type Doc = { _id: string; [field: string]: unknown };

/** A MongoDB query filter ({ field: value }, $and, $or, $in, $gt, $regex …). */
export type Filter = Record<string, unknown>;

/** A MongoDB update document made of operators ($set, $unset, $inc, $push, $addToSet, $pull, $setOnInsert …). */
export type Update = Record<`$${string}`, unknown>;

export type SortSpec = Record<string, 1 | -1>;
export type Projection = Record<string, 0 | 1>;

export interface FindOptions {
  sort?: SortSpec;
  skip?: number;
  limit?: number;
  projection?: Projection;
}

/**
 * How durable a write is once its promise resolves (ADR 0008, "durability classes").
 * - `full` (default): on disk; survives `kill -9`, an OS crash and a power loss.
 * - `relaxed`: survives `kill -9` (the write is in the operating system's hands), but an OS crash
 *   or power loss shortly after may undo it, together with every later write and never an
 *   earlier one or part of an operation; the next `full` write makes it durable too. Only for
 *   bookkeeping whose loss is harmless: a queue lease, the removal of a message already
 *   delivered (delivery is at-least-once), a cache entry. Never for anything a user or a partner
 *   is told is done. The MongoDB adapter treats it as `full`.
 */
export type Durability = 'full' | 'relaxed';

export interface WriteOptions {
  durability?: Durability;
}

export interface UpdateOptions extends WriteOptions {
  /** Insert a document built from the filter's equality fields and the update when none matches. */
  upsert?: boolean;
}

export interface FindOneAndUpdateOptions extends UpdateOptions {
  /** Return the document as it was before the update, or after it (default). */
  returnDocument?: 'before' | 'after';
  /** Which matching document to update when several match (the first in this order). */
  sort?: SortSpec;
}

export interface UpdateResult {
  matchedCount: number;
  modifiedCount: number;
  /** The _id of the inserted document when an upsert inserted one. */
  upsertedId: string | null;
}

export interface IndexOptions {
  name?: string;
  unique?: boolean;
  /** Leave documents that lack every indexed field out of the index (MongoDB `sparse`). */
  sparse?: boolean;
}

/**
 * A collection of documents. Documents returned by reads must be treated as read-only: the
 * embedded adapter hands out the frozen objects it holds in memory to avoid copying on every
 * read (for listings, whose whole documents stay in the file, fresh copies).
 */
export interface Collection<T extends Doc = Doc> {
  readonly name: string;
  find(filter?: Filter, options?: FindOptions): Promise<T[]>;
  findOne(filter?: Filter, options?: Omit<FindOptions, 'limit'>): Promise<T | null>;
  countDocuments(filter?: Filter): Promise<number>;
  /**
   * Every matching document, in batches of at most `size`, in no particular order, never
   * holding them all in memory at once (index builds, scans of a whole collection). A document
   * written while the batches are read may or may not be among them.
   */
  findInBatches(filter: Filter, size: number): AsyncIterable<T[]>;
  /** Inserts a document; a missing _id is generated. Fails with DuplicateKeyError on a unique index. */
  insertOne(doc: Omit<T, '_id'> & { _id?: string }): Promise<string>;
  /** Inserts all documents or none. */
  insertMany(docs: Array<Omit<T, '_id'> & { _id?: string }>): Promise<string[]>;
  updateOne(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult>;
  updateMany(filter: Filter, update: Update): Promise<UpdateResult>;
  findOneAndUpdate(filter: Filter, update: Update, options?: FindOneAndUpdateOptions): Promise<T | null>;
  /** Replaces the whole document (keeping its _id). */
  replaceOne(filter: Filter, doc: Omit<T, '_id'>, options?: UpdateOptions): Promise<UpdateResult>;
  deleteOne(filter: Filter, options?: WriteOptions): Promise<number>;
  deleteMany(filter: Filter): Promise<number>;
  createIndex(keys: SortSpec, options?: IndexOptions): Promise<string>;
}

export interface Store {
  /** Which adapter this is, for logs and health output. */
  readonly kind: 'embedded' | 'mongodb';
  collection<T extends Doc = Doc>(name: string): Collection<T>;
  /**
   * The collections that may hold documents: every collection holding one is named, a name never
   * written to is not (MongoDB may also name a collection emptied since). Moving a node to another
   * store copies them (backup/move-store.ts).
   */
  collectionNames(): Promise<string[]>;
  /**
   * Writes a consistent copy of the whole store to a new file at `path`, while the node keeps
   * serving: it holds every write acknowledged before the returned promise resolves, and no part
   * of a later one (backup/, ADR 0044). The MongoDB adapter refuses with STORE_BACKUP_WITH_MONGODUMP:
   * a MongoDB database is copied with mongodump, by the server's own tools.
   */
  snapshotTo(path: string): Promise<void>;
  /** Resolves when the store answers; rejects otherwise (used by /healthz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
