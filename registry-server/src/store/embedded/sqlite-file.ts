// The embedded store's single durable file: SQLite (node:sqlite) in WAL mode with
// synchronous=FULL, so a write is on disk before it is acknowledged and survives `kill -9`;
// concurrent operations share one commit (group commit, see write()). A group made only of
// writes of the `relaxed` durability class (store.ts) commits with synchronous=NORMAL: no fsync,
// still safe against `kill -9`, and made durable by the next FULL commit (ADR 0008)
// (measured in STACK.md). The file holds JSON documents per collection; queries run in memory
// (see embedded-collection.ts). This module only knows rows, never query semantics.
import { DatabaseSync } from 'node:sqlite';
import { existsSync, mkdirSync, accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import type { Durability } from '../store.ts';
import { StoreFileError } from '../store-errors.ts';
import { logger } from '../../config/logging.ts';

const log = logger('store');

/** "UMN1": marks the file as ours, so a foreign SQLite file is never taken for a registry. */
export const APPLICATION_ID = 0x554d4e31;
/**
 * Format of the file layout (tables below). Raise it with a migration when the layout changes.
 * 1: documents in a WITHOUT ROWID table keyed by (collection, id). 2: an ordinary table with a
 * unique index on (collection, id) (see migrateLayout).
 */
export const FILE_FORMAT_VERSION = 2;
export const DATA_FILE_NAME = 'registry.sqlite';

export interface StoredRow {
  collection: string;
  id: string;
  body: string;
}

export interface IndexRow {
  collection: string;
  name: string;
  spec: string;
}

export type RowWrite = { op: 'put'; collection: string; id: string; body: string } | { op: 'delete'; collection: string; id: string };

export class SqliteFile {
  readonly path: string;
  readonly #db: DatabaseSync;
  readonly #put;
  readonly #delete;
  readonly #putIndex;
  readonly #read;
  readonly #page;
  #inTransaction = false;
  /** The open group holds `relaxed` writes only, and was begun under synchronous=NORMAL. */
  #groupRelaxed = false;
  /** Numbers the groups, so a group's scheduled commit never commits a later one early. */
  #group = 0;
  /** The connection's `synchronous` setting (SQLite refuses to change it inside a transaction). */
  #synchronousFull = true;
  /** Commits of each kind since open (tests, and the bench's trace). */
  readonly commits = { full: 0, relaxed: 0 };
  #waiting: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  #failure: StoreFileError | null = null;

  private constructor(path: string, db: DatabaseSync) {
    this.path = path;
    this.#db = db;
    this.#put = db.prepare(
      'INSERT INTO documents (collection, id, body) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body',
    );
    this.#delete = db.prepare('DELETE FROM documents WHERE collection = ? AND id = ?');
    this.#read = db.prepare('SELECT body FROM documents WHERE collection = ? AND id = ?');
    this.#page = db.prepare('SELECT collection, id, body FROM documents WHERE collection = ? AND id > ? ORDER BY id LIMIT ?');
    this.#putIndex = db.prepare(
      'INSERT INTO indexes (collection, name, spec) VALUES (?, ?, ?) ON CONFLICT (collection, name) DO UPDATE SET spec = excluded.spec',
    );
  }

  /**
   * Opens (or creates) DATA_DIR/registry.sqlite. A corrupt file, a file of a newer format or a
   * SQLite file that is not ours stops here with a StoreFileError and is never written to.
   */
  static open(dataDir: string): SqliteFile {
    try {
      mkdirSync(dataDir, { recursive: true });
      accessSync(dataDir, constants.W_OK);
    } catch (cause) {
      throw new StoreFileError(
        'STORE_UNWRITABLE',
        `DATA_DIR ${dataDir} cannot be created or written to: give the node a writable directory (set DATA_DIR).`,
        { cause },
      );
    }
    const path = join(dataDir, DATA_FILE_NAME);
    const isNew = !existsSync(path);
    let db: DatabaseSync;
    try {
      db = new DatabaseSync(path, { timeout: 0 });
    } catch (cause) {
      throw corruptError(path, cause);
    }
    try {
      if (!isNew) checkExistingFile(db, path);
      // Exclusive locking: one node process owns the file. The embedded store keeps documents in
      // memory, so a second process writing the same file would serve stale data.
      db.exec('PRAGMA locking_mode = EXCLUSIVE');
      db.exec('PRAGMA journal_mode = WAL');
      db.exec('PRAGMA synchronous = FULL');
      try {
        db.exec('BEGIN IMMEDIATE');
        db.exec('COMMIT');
      } catch (cause) {
        throw lockedError(path, cause);
      }
      if (isNew) createLayout(db);
      else migrateLayout(db, path);
      return new SqliteFile(path, db);
    } catch (error) {
      db.close();
      if (error instanceof StoreFileError) throw error;
      throw corruptError(path, error);
    }
  }

  /** Every stored document, for loading the in-memory cache at open. */
  *rows(): Generator<StoredRow> {
    const statement = this.#db.prepare('SELECT collection, id, body FROM documents');
    for (const row of statement.iterate()) yield row as unknown as StoredRow;
  }

  /** The documents of one collection, for reloading its in-memory part. */
  *rowsOf(collection: string): Generator<StoredRow> {
    const statement = this.#db.prepare('SELECT collection, id, body FROM documents WHERE collection = ?');
    for (const row of statement.iterate(collection)) yield row as unknown as StoredRow;
  }

  /**
   * Up to `limit` documents of a collection after `afterId` in id order: a page of a scan that
   * holds no statement open between pages (writes may run in between).
   */
  pageOf(collection: string, afterId: string, limit: number): StoredRow[] {
    return this.#page.all(collection, afterId, limit) as unknown as StoredRow[];
  }

  /**
   * One document's JSON as the file holds it, including writes of the current group not yet
   * committed (same connection), so a read never sees an older version than memory does.
   */
  read(collection: string, id: string): string | undefined {
    const row = this.#read.get(collection, id) as { body: string } | undefined;
    return row?.body;
  }

  indexRows(): IndexRow[] {
    return this.#db.prepare('SELECT collection, name, spec FROM indexes').all() as unknown as IndexRow[];
  }

  /**
   * Applies the writes of one store operation at once (all of them or none: a savepoint) and
   * resolves once they are durable. Operations of the same turn of the event loop share one
   * transaction, committed (and fsynced) once at setImmediate: group commit. Under concurrent
   * load that turns one fsync per operation into one per turn (a delivery does about six
   * writes), and no caller hears "done" before its writes are on disk. The writes are already
   * visible to readers in this process before that, as in any write-ahead store; a crash in
   * that window loses only writes nobody was told were done.
   *
   * `relaxed` writes (store.ts) do not need the fsync: a group made only of them commits under
   * synchronous=NORMAL. WAL mode keeps that safe: such a commit survives the process being
   * killed (it is in the OS's page cache); an OS crash or power loss can only drop the last
   * commits of the log (its checksummed frames are replayed in order, up to the first missing
   * one), never part of one; and the next FULL commit's fsync of the log makes every earlier
   * commit durable too. SQLite fixes the setting at BEGIN, so a relaxed group is committed at
   * once when a `full` write arrives, which then opens a FULL group; a relaxed write joining a
   * FULL group simply becomes durable with it.
   */
  write(writes: RowWrite[], durability: Durability = 'full'): Promise<void> {
    if (writes.length === 0) return Promise.resolve();
    const relaxed = durability === 'relaxed';
    if (this.#inTransaction && this.#groupRelaxed && !relaxed) this.#commitGroup();
    // Thrown, not returned: the caller must not apply to memory what the file will never hold.
    if (this.#failure) throw this.#failure;
    if (!this.#inTransaction) {
      if (this.#synchronousFull === relaxed) {
        this.#db.exec(relaxed ? 'PRAGMA synchronous = NORMAL' : 'PRAGMA synchronous = FULL');
        this.#synchronousFull = !relaxed;
      }
      this.#db.exec('BEGIN');
      this.#inTransaction = true;
      this.#groupRelaxed = relaxed;
      const group = ++this.#group;
      setImmediate(() => {
        if (this.#group === group) this.#commitGroup();
      });
    }
    if (writes.length === 1) {
      // One statement is atomic by itself: no savepoint needed (most operations: a lease, a KV entry).
      this.#apply(writes[0]!);
    } else {
      this.#db.exec('SAVEPOINT operation');
      try {
        for (const w of writes) this.#apply(w);
        this.#db.exec('RELEASE operation');
      } catch (error) {
        this.#db.exec('ROLLBACK TO operation');
        this.#db.exec('RELEASE operation');
        throw error;
      }
    }
    return new Promise<void>((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  #apply(w: RowWrite): void {
    if (w.op === 'put') this.#put.run(w.collection, w.id, w.body);
    else this.#delete.run(w.collection, w.id);
  }

  #commitGroup(): void {
    if (!this.#inTransaction) return;
    const waiting = this.#waiting;
    this.#waiting = [];
    this.#inTransaction = false;
    try {
      this.#db.exec('COMMIT');
      this.commits[this.#groupRelaxed ? 'relaxed' : 'full']++;
    } catch (cause) {
      try {
        this.#db.exec('ROLLBACK');
      } catch {
        // Already rolled back by SQLite.
      }
      // Memory already shows these writes: stop taking any, so nothing diverges further. A
      // restart reloads memory from the file, which holds every acknowledged write.
      this.#failure = new StoreFileError(
        'STORE_UNWRITABLE',
        `Writing ${this.path} failed (${(cause as Error).message}); the node must be restarted once the disk is fixed.`,
        { cause },
      );
      for (const w of waiting) w.reject(this.#failure);
      return;
    }
    for (const w of waiting) w.resolve();
  }

  saveIndex(collection: string, name: string, spec: string): void {
    // Fully durable, like the writes that rely on the index (outside any relaxed group).
    if (this.#inTransaction && this.#groupRelaxed) this.#commitGroup();
    if (!this.#synchronousFull) {
      this.#db.exec('PRAGMA synchronous = FULL');
      this.#synchronousFull = true;
    }
    this.#putIndex.run(collection, name, spec);
  }

  /**
   * Copies the committed file to a new file at `path` with `VACUUM INTO`, on this thread and in
   * one call: the open group is committed first (VACUUM cannot run inside a transaction), so the
   * copy holds every write acknowledged so far, and no later write can commit before this
   * returns. node:sqlite's backup() was tried first and refused (ADR 0044): it steps on the
   * thread pool, fails when it meets the open group's transaction, and can miss a commit made
   * between its last step and its promise. The price is a pause of the event loop (measured:
   * 2.1 s for a 200 MB file); the copy is compacted and in rollback-journal mode.
   */
  snapshotTo(path: string): void {
    if (existsSync(path)) throw new StoreFileError('STORE_UNWRITABLE', `${path} already exists; a snapshot is only written to a new file.`);
    this.#commitGroup();
    if (this.#failure) throw this.#failure;
    try {
      this.#db.prepare('VACUUM INTO ?').run(path);
    } catch (cause) {
      throw new StoreFileError(
        'STORE_UNWRITABLE',
        `Copying ${this.path} to ${path} failed (${(cause as Error).message}): free disk space (the copy needs about the store's size) and try again.`,
        { cause },
      );
    }
  }

  ping(): void {
    this.#db.prepare('SELECT 1').get();
  }

  close(): void {
    this.#commitGroup();
    if (this.#db.isOpen) this.#db.close();
  }
}

// Documents live in an ordinary (rowid) table with a unique index on (collection, id), not in a
// WITHOUT ROWID table keyed by it: documents of a few KB then fill one leaf page each of the
// key's B-tree, and a read by id cost 10–30 µs against 1–2 µs through a compact index (measured
// at 100,000 listings, issue 13: the 20 hits of a search page are read by id).
const DOCUMENTS_TABLE = `
    CREATE TABLE documents (collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL);
    CREATE UNIQUE INDEX documents_by_id ON documents (collection, id);`;

function createLayout(db: DatabaseSync): void {
  db.exec(`
    BEGIN;
    ${DOCUMENTS_TABLE}
    CREATE TABLE indexes (collection TEXT NOT NULL, name TEXT NOT NULL, spec TEXT NOT NULL, PRIMARY KEY (collection, name)) WITHOUT ROWID;
    PRAGMA application_id = ${APPLICATION_ID};
    PRAGMA user_version = ${FILE_FORMAT_VERSION};
    COMMIT;
  `);
}

/** Brings a file of an older format to the current one, in one transaction (all or nothing). */
function migrateLayout(db: DatabaseSync, path: string): void {
  const version = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
  if (version >= FILE_FORMAT_VERSION) return;
  const started = performance.now();
  try {
    db.exec(`
      BEGIN IMMEDIATE;
      ALTER TABLE documents RENAME TO documents_format_1;
      ${DOCUMENTS_TABLE}
      INSERT INTO documents (collection, id, body) SELECT collection, id, body FROM documents_format_1 ORDER BY collection, id;
      DROP TABLE documents_format_1;
      PRAGMA user_version = ${FILE_FORMAT_VERSION};
      COMMIT;
    `);
  } catch (cause) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw new StoreFileError(
      'STORE_CORRUPT',
      `${path} could not be moved from file format ${version} to ${FILE_FORMAT_VERSION} (${(cause as Error).message}). Nothing was changed; free disk space (the move needs about the file's size) and start again.`,
      { cause },
    );
  }
  // The old table's pages are free now, but the file keeps its size: give them back.
  db.exec('VACUUM');
  log.info('Moved {path} from file format {from} to {to} in {ms} ms', {
    path,
    from: version,
    to: FILE_FORMAT_VERSION,
    ms: Math.round(performance.now() - started),
  });
}

function checkExistingFile(db: DatabaseSync, path: string): void {
  let applicationId: number;
  let version: number;
  try {
    applicationId = Number((db.prepare('PRAGMA application_id').get() as { application_id: number }).application_id);
    version = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
  } catch (cause) {
    throw corruptError(path, cause);
  }
  if (applicationId === 0 && version === 0) {
    // An empty SQLite file (for instance created by a crash before the layout was written)
    // has no tables; anything else without our id is someone else's database.
    const tables = db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number };
    if (Number(tables.n) === 0) {
      createLayout(db);
      return;
    }
  }
  if (applicationId !== APPLICATION_ID) {
    throw new StoreFileError(
      'STORE_FOREIGN_FILE',
      `${path} is a SQLite database but not a UMN registry store. Point DATA_DIR at the registry's own data directory; this file was left untouched.`,
    );
  }
  if (version > FILE_FORMAT_VERSION) {
    throw new StoreFileError(
      'STORE_NEWER_FORMAT',
      `${path} was written by a newer version of the registry (file format ${version}, this version reads up to ${FILE_FORMAT_VERSION}). Upgrade the registry; the file was left untouched.`,
    );
  }
  try {
    const check = db.prepare('PRAGMA quick_check').all() as Array<{ quick_check: string }>;
    if (check.length !== 1 || check[0]?.quick_check !== 'ok') {
      throw new Error(check.map((r) => r.quick_check).join('; '));
    }
  } catch (cause) {
    throw corruptError(path, cause);
  }
}

function corruptError(path: string, cause: unknown): StoreFileError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  if (/database is locked|SQLITE_BUSY/i.test(detail)) return lockedError(path, cause);
  return new StoreFileError(
    'STORE_CORRUPT',
    `${path} cannot be read as a registry store (${detail}). The file was left untouched: restore it from a backup, or move it away to start with an empty store.`,
    { cause },
  );
}

function lockedError(path: string, cause: unknown): StoreFileError {
  return new StoreFileError(
    'STORE_LOCKED',
    `${path} is in use by another registry process. Stop it, or give this node its own DATA_DIR. (Several server processes need MongoDB: set MONGODB_URL.)`,
    { cause },
  );
}
