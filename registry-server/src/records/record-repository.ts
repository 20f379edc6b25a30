// Storage of one kind of record (initiatives, good practices, city nodes): the only code that
// knows the stored document shape and the collection's indexes.
import type { Collection, Filter, Store } from '../store/store.ts';
import { COLLECTION_VERSIONS } from '../store/schema-migrations.ts';
import { keysetPage, type Page, type SortOrder } from '../store/keyset-pagination.ts';
import type { Origin, PendingAnnouncement, PendingChange, PublicationState, StoredMeta, StoredRecord } from './stored-record.ts';

export interface RecordWithHandle {
  handle: string;
}

export type ListingOrder = 'NAME' | 'RECENTLY_UPDATED';

const ORDERS: Record<ListingOrder, SortOrder> = {
  NAME: { field: 'derived.sortName', direction: 1 },
  RECENTLY_UPDATED: { field: 'updatedAt', direction: -1 },
};

/** findPublished's order: by sort name, then by id (plain code-unit order, as the store compares strings). */
function compareNames(a: { _id: string; derived: { sortName: string } }, b: { _id: string; derived: { sortName: string } }): number {
  const byName = a.derived.sortName < b.derived.sortName ? -1 : a.derived.sortName > b.derived.sortName ? 1 : 0;
  return byName || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
}

/** Only published records are public. */
export const PUBLISHED: Filter = { 'publication.state': 'published' };
const LOCAL: Filter = { 'origin.kind': 'local' };

/** A change to a stored record, in the record's terms (applyChange turns it into store paths). */
export interface RecordChange<R> {
  /** The new record; its derived fields are recomputed. */
  record?: R;
  /** Replaces the whole change waiting beside the published version. */
  pending?: PendingChange<R>;
  /** Changes fields of the waiting change. */
  pendingFields?: Partial<Pick<PendingChange<R>, 'state' | 'review'>>;
  /** Changes fields of the publication state. */
  publicationFields?: Partial<StoredMeta['publication']>;
  /** Marks the change as not yet announced to partners (transactional outbox). */
  announce?: PendingAnnouncement;
  /** Removes the waiting change, or the review note of the waiting change or of the publication. */
  remove?: Array<keyof typeof REMOVABLE>;
  updatedAt: string;
}

const REMOVABLE = { pending: 'pending', pendingReview: 'pending.review', publicationReview: 'publication.review' } as const;

export class RecordRepository<R extends RecordWithHandle, D extends { sortName: string }> {
  readonly #collection: Collection<StoredRecord<R, D>>;
  readonly #derive: (record: R) => D;
  readonly #schemaVersion: number;

  constructor(store: Store, collectionName: string, derive: (record: R) => D) {
    this.#collection = store.collection<StoredRecord<R, D>>(collectionName);
    this.#derive = derive;
    this.#schemaVersion = COLLECTION_VERSIONS.find((v) => v.collection === collectionName)?.current ?? 1;
  }

  async ensureIndexes(extra: Array<Record<string, 1 | -1>> = []): Promise<void> {
    // record.handle: records name each other by node and handle, and every received listing is
    // checked against the node's other listings of that handle (received-listings.ts).
    for (const keys of [
      { 'derived.sortName': 1 as const },
      { updatedAt: -1 as const },
      { 'record.node': 1 as const },
      { 'record.handle': 1 as const },
      { 'publication.state': 1 as const },
      ...extra,
    ]) {
      await this.#collection.createIndex(keys);
    }
  }

  /** Inserts a validated record; local records are keyed by handle, received ones by their IRI. */
  async insert(record: R, options: { origin: Origin; state: PublicationState; now: string; id?: string }): Promise<StoredRecord<R, D>> {
    const doc = {
      _id: options.id ?? record.handle,
      record,
      derived: this.#derive(record),
      schemaVersion: this.#schemaVersion,
      version: 1,
      createdAt: options.now,
      updatedAt: options.now,
      origin: options.origin,
      publication: { state: options.state },
    } as StoredRecord<R, D>;
    await this.#collection.insertOne(doc);
    return doc;
  }

  /** Fields derived from a record for filters and sorting, recomputed on every change. */
  derive(record: R): D {
    return this.#derive(record);
  }

  /**
   * Applies `change` and increments the version, only if the stored version is still
   * `expectedVersion`: of two concurrent writers, the second gets null and must re-read.
   */
  applyChange(id: string, expectedVersion: number, change: RecordChange<R>): Promise<StoredRecord<R, D> | null> {
    const set: Record<string, unknown> = {};
    if (change.record) Object.assign(set, { record: change.record, derived: this.#derive(change.record) });
    if (change.pending) set.pending = change.pending;
    for (const [field, value] of Object.entries(change.pendingFields ?? {})) set[`pending.${field}`] = value;
    for (const [field, value] of Object.entries(change.publicationFields ?? {})) set[`publication.${field}`] = value;
    if (change.announce) set.announce = change.announce;
    set.updatedAt = change.updatedAt;
    const unset = (change.remove ?? []).map((field) => REMOVABLE[field]);
    const update: Record<string, unknown> = { $set: set, $inc: { version: 1 } };
    if (unset.length) update.$unset = Object.fromEntries(unset.map((f) => [f, '']));
    return this.#collection.findOneAndUpdate({ _id: id, version: expectedVersion }, update as never);
  }

  /**
   * Stores a record received from a partner node under its IRI, replacing an earlier copy. The
   * caller has checked that the sender is the record's origin.
   */
  async upsertReceived(id: string, record: R, origin: Extract<Origin, { kind: 'remote' }>): Promise<void> {
    const existing = await this.#collection.findOne({ _id: id });
    await this.#collection.replaceOne(
      { _id: id },
      {
        record,
        derived: this.#derive(record),
        schemaVersion: this.#schemaVersion,
        version: (existing?.version ?? 0) + 1,
        createdAt: existing?.createdAt ?? origin.receivedAt,
        updatedAt: origin.receivedAt,
        origin,
        publication: { state: 'published' },
      } as never,
      { upsert: true },
    );
  }

  findById(id: string): Promise<StoredRecord<R, D> | null> {
    return this.#collection.findOne({ _id: id });
  }

  findPublishedById(id: string): Promise<StoredRecord<R, D> | null> {
    return this.#collection.findOne({ _id: id, ...PUBLISHED });
  }

  findPublished(filter: Filter): Promise<Array<StoredRecord<R, D>>> {
    return this.#collection.find({ ...PUBLISHED, ...filter }, { sort: { 'derived.sortName': 1, _id: 1 } });
  }

  countPublished(filter: Filter): Promise<number> {
    return this.#collection.countDocuments({ ...PUBLISHED, ...filter });
  }

  /**
   * How many published records each node has, one count per node: each is answered from the
   * index on record.node (a few thousand candidates at most), never by reading whole documents.
   */
  async countPublishedByNode(nodes: readonly string[]): Promise<Map<string, number>> {
    const counts = await Promise.all(nodes.map((node) => this.#collection.countDocuments({ ...PUBLISHED, 'record.node': node })));
    return new Map(nodes.map((node, i) => [node, counts[i]!]));
  }

  /** Local records among `ids` that are not deleted (drafts included), by name. */
  findLocalUndeleted(ids: readonly string[]): Promise<Array<StoredRecord<R, D>>> {
    return this.#collection.find(
      { _id: { $in: [...ids] }, ...LOCAL, 'publication.state': { $ne: 'deleted' } },
      { sort: { 'derived.sortName': 1 } },
    );
  }

  /**
   * The local records that are not deleted (drafts included), by name, at most `limit`: the
   * staff's list of a kind a node has few of (good practices: tens), never a page of initiatives.
   */
  listLocalUndeleted(limit = 1000): Promise<Array<StoredRecord<R, D>>> {
    return this.#collection.find({ ...LOCAL, 'publication.state': { $ne: 'deleted' } }, { sort: { 'derived.sortName': 1, _id: 1 }, limit });
  }

  /** Whether a local record with this handle exists and is not deleted (it may be a draft). */
  async localUndeletedExists(id: string): Promise<boolean> {
    return Boolean(await this.#collection.findOne({ _id: id, ...LOCAL, 'publication.state': { $ne: 'deleted' } }));
  }

  /** Local records waiting for a moderator: new ones in review, or published ones with a change in review. */
  reviewQueue(): Promise<Array<StoredRecord<R, D>>> {
    return this.#collection.find({ ...LOCAL, $or: [{ 'publication.state': 'in-review' }, { 'pending.state': 'in-review' }] });
  }

  /** The published local records, in name order. */
  findPublishedLocal(ids?: readonly string[]): Promise<Array<StoredRecord<R, D>>> {
    return this.findPublished(ids ? { _id: { $in: [...ids] }, ...LOCAL } : LOCAL);
  }

  countPublishedLocal(): Promise<number> {
    return this.countPublished(LOCAL);
  }

  /** Published records whose `nodeHandle` (derived) is one of `nodes`. */
  findPublishedOfNodes(nodes: readonly string[]): Promise<Array<StoredRecord<R, D>>> {
    return this.findPublished({ 'derived.nodeHandle': { $in: [...nodes] } });
  }

  /** Published records named by node and handle, as records name each other. */
  findPublishedByNodeAndHandle(refs: ReadonlyArray<{ node: string; handle: string }>): Promise<Array<StoredRecord<R, D>>> {
    return this.#findPublishedNamed('handle', refs);
  }

  /** Published records of node `node` whose record field `field` names `handle`, for each pair. */
  findPublishedNaming(field: keyof R & string, refs: ReadonlyArray<{ node: string; handle: string }>): Promise<Array<StoredRecord<R, D>>> {
    return this.#findPublishedNamed(field, refs);
  }

  /**
   * One equality query per distinct pair, not one $or of them all: the embedded store answers an
   * equality on an indexed field (record.handle, record.partOf, record.initiatives) from its index
   * but tests an $or against every record: an initiative page's parts cost 58 ms and its
   * practices 12 ms at 100,000 listings (issue 13; about 1 ms each now). The answers are merged,
   * each record once, in the order findPublished gives.
   */
  async #findPublishedNamed(field: string, refs: ReadonlyArray<{ node: string; handle: string }>): Promise<Array<StoredRecord<R, D>>> {
    const pairs = new Map(refs.map((ref) => [`${ref.node}\u0000${ref.handle}`, ref]));
    const answers = await Promise.all(
      [...pairs.values()].map(({ node, handle }) => this.findPublished({ 'record.node': node, [`record.${field}`]: handle })),
    );
    if (answers.length <= 1) return answers[0] ?? [];
    const merged = new Map(answers.flat().map((doc) => [doc._id, doc]));
    return [...merged.values()].sort((a, b) => compareNames(a, b));
  }

  /** Id and version of every published record (the search index compares its own with them). */
  publishedVersions(): Promise<Array<{ _id: string; version: number }>> {
    return this.#collection.find(PUBLISHED, { projection: { _id: 1, version: 1 } });
  }

  /**
   * Id (the handle) and last change of every published record of this node, by id: the node's
   * own public pages (the sitemap). Two fields only, so 100,000 listings stay a small read.
   */
  publishedLocalUpdates(): Promise<Array<{ _id: string; updatedAt: string }>> {
    return this.#collection.find({ ...PUBLISHED, ...LOCAL }, { projection: { _id: 1, updatedAt: 1 }, sort: { _id: 1 } });
  }

  /** Published records among `ids`. */
  findPublishedByIds(ids: readonly string[]): Promise<Array<StoredRecord<R, D>>> {
    return this.#collection.find({ _id: { $in: [...ids] }, ...PUBLISHED });
  }

  /** Every published record, in batches (index builds). */
  publishedBatches(size: number): AsyncIterable<Array<StoredRecord<R, D>>> {
    return this.#collection.findInBatches(PUBLISHED, size);
  }

  /** Whether a record other than `exceptId` has this node and handle. */
  async otherHasNodeAndHandle(exceptId: string, node: string, handle: string): Promise<boolean> {
    return Boolean(await this.#collection.findOne({ _id: { $ne: exceptId }, 'record.node': node, 'record.handle': handle }));
  }

  /** Removes a received record if `sender` is its origin; how many were removed (0 or 1). */
  deleteReceivedFrom(id: string, sender: string): Promise<number> {
    return this.#collection.deleteMany({ _id: id, 'origin.kind': 'remote', 'origin.node': sender });
  }

  /** Every received record (their origins decide which to remove). */
  findReceived(): Promise<Array<StoredRecord<R, D>>> {
    return this.#collection.find({ 'origin.kind': 'remote' });
  }

  deleteByIds(ids: readonly string[]): Promise<number> {
    return ids.length ? this.#collection.deleteMany({ _id: { $in: [...ids] } }) : Promise.resolve(0);
  }

  /**
   * Local records whose change was stored but not yet queued for followers (the `announce`
   * marker a transition sets; see federation-bridge.ts).
   */
  findUnannounced(): Promise<Array<StoredRecord<R, D>>> {
    return this.#collection.find({ announce: { $exists: true }, ...LOCAL });
  }

  /** Clears the `announce` marker once a change up to `version` is queued durably. */
  async markAnnounced(id: string, version: number): Promise<void> {
    await this.#collection.updateOne({ _id: id, 'announce.version': { $lte: version } }, { $unset: { announce: '' } });
  }

  /** Writes documents as they are (synthetic data sets, already shaped by their generator). */
  async insertPrepared(docs: ReadonlyArray<StoredRecord<R, D>>): Promise<void> {
    if (docs.length) await this.#collection.insertMany(docs as never);
  }

  page(filter: Filter, order: ListingOrder, first: number, after?: string | null): Promise<Page<StoredRecord<R, D>>> {
    return keysetPage(this.#collection, { ...PUBLISHED, ...filter }, ORDERS[order], first, after);
  }
}
