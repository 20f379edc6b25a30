// Storage of market records: the shared record repository (revisions, review, versions) plus the
// public reads that leave out expired records. Only this file and record-repository.ts know the
// stored shape of a market record.
import { PUBLISHED, RecordRepository } from '../records/record-repository.ts';
import { sortKey, type StoredRecord } from '../records/stored-record.ts';
import type { Page } from '../store/keyset-pagination.ts';
import type { Filter, Store } from '../store/store.ts';
import type { MarketRecord } from './market-record.ts';

export interface MarketRecordDerived {
  sortName: string;
  /** The first instant the record is no longer public: the day after `expiresOn`, 00:00 UTC, as an ISO string (compared as text). */
  expiresAt: string;
  /** When the record stops taking answers: the day after its deadline (requests) or its end, or its expiry if earlier (`openOnly`). */
  closesAt: string;
  /** The owner initiative's handle, when there is one (needs and openings), for "an initiative's open needs". */
  ownerInitiative?: string;
  /** Set by the expiry sweep once `record.expired` was told; a change of the record recomputes `derived` and clears it. */
  expiryAnnounced?: true;
}

export type StoredMarketRecord = StoredRecord<MarketRecord, MarketRecordDerived>;

/** The instant a record whose last public day is `expiresOn` stops being public. */
export function expiryInstant(expiresOn: string): string {
  const day = new Date(`${expiresOn}T00:00:00.000Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString();
}

export function deriveMarketRecord(record: MarketRecord): MarketRecordDerived {
  const title = record.title[record.originalLanguage] ?? Object.values(record.title)[0] ?? record.handle;
  const expiresAt = expiryInstant(record.expiresOn);
  const closing = record.request?.deadline ?? record.period?.endDate;
  return {
    sortName: sortKey(title),
    expiresAt,
    closesAt: closing && expiryInstant(closing) < expiresAt ? expiryInstant(closing) : expiresAt,
    ...(record.owner.initiative ? { ownerInitiative: record.owner.initiative } : {}),
  };
}

export class MarketRecordRepository extends RecordRepository<MarketRecord, MarketRecordDerived> {
  readonly #store: Store;

  constructor(store: Store) {
    super(store, 'marketRecords', deriveMarketRecord);
    this.#store = store;
  }

  override ensureIndexes(): Promise<void> {
    return super.ensureIndexes([{ 'record.kind': 1 }, { 'derived.expiresAt': 1 }, { 'derived.ownerInitiative': 1 }]);
  }

  /**
   * A published record that has not expired at `now` and whose owner initiative is not among
   * `hiddenOwners`: the only market records the public sees.
   */
  findOpenById(id: string, now: Date, hiddenOwners: readonly string[]): Promise<StoredMarketRecord | null> {
    return this.#collection().findOne({ _id: id, ...PUBLISHED, ...publicNow(now, hiddenOwners) });
  }

  /** A page of the records the public sees (as findOpenById) matching `filter`, by name. */
  pageOpen(
    filter: Filter,
    now: Date,
    hiddenOwners: readonly string[],
    first: number,
    after?: string | null,
  ): Promise<Page<StoredMarketRecord>> {
    return this.page({ ...filter, ...publicNow(now, hiddenOwners) }, 'NAME', first, after);
  }

  /** This node's own records the public sees at `now` (as findOpenById), oldest change first: what partners copy. */
  findOpenLocal(now: Date, hiddenOwners: readonly string[]): Promise<StoredMarketRecord[]> {
    return this.#collection().find(
      { ...PUBLISHED, 'origin.kind': 'local', ...publicNow(now, hiddenOwners) },
      { sort: { updatedAt: 1, _id: 1 } },
    );
  }

  /**
   * Local records that are not deleted (drafts included), by title, at most 100: an initiative's
   * needs and openings (`ownerInitiative`), or the ones written for organisations (none given).
   */
  listEditable(ownerInitiative: string | null): Promise<StoredMarketRecord[]> {
    const owner = ownerInitiative ? { 'derived.ownerInitiative': ownerInitiative } : { 'derived.ownerInitiative': { $exists: false } };
    return this.#collection().find(
      { 'origin.kind': 'local', 'publication.state': { $ne: 'deleted' }, ...owner },
      { sort: { 'derived.sortName': 1, _id: 1 }, limit: 100 },
    );
  }

  /** Published records whose expiry has come at `now` and was not announced yet. */
  findNewlyExpired(now: Date): Promise<StoredMarketRecord[]> {
    return this.#collection().find({
      ...PUBLISHED,
      'derived.expiresAt': { $lte: now.toISOString() },
      'derived.expiryAnnounced': { $ne: true },
    });
  }

  /** The earliest expiry instant after `now` of a published record (ISO), or null when none. */
  async nextExpiry(now: Date): Promise<string | null> {
    const [next] = await this.#collection().find(
      { ...PUBLISHED, ...notExpired(now) },
      { sort: { 'derived.expiresAt': 1 }, limit: 1, projection: { _id: 1, derived: 1 } },
    );
    return next?.derived.expiresAt ?? null;
  }

  /**
   * Marks the expiry of version `version` as announced. Not a change of the record: the version
   * stays, so an editor's edit based on it is not refused; a later edit recomputes `derived`.
   */
  async markExpiryAnnounced(id: string, version: number): Promise<void> {
    await this.#collection().updateOne({ _id: id, version }, { $set: { 'derived.expiryAnnounced': true } });
  }

  #collection() {
    return this.#store.collection<StoredMarketRecord>('marketRecords');
  }
}

/** Records still public at `now` (their expiry instant is later) and not of an initiative that is not public itself. */
function publicNow(now: Date, hiddenOwners: readonly string[]): Filter {
  return { ...notExpired(now), ...(hiddenOwners.length ? { 'derived.ownerInitiative': { $nin: [...hiddenOwners] } } : {}) };
}

/** Records not expired at `now`: their expiry instant is later. */
function notExpired(now: Date): Filter {
  return { 'derived.expiresAt': { $gt: now.toISOString() } };
}
