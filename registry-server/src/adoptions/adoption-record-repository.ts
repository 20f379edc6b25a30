// Storage of adoption records: the shared record repository (revisions, review, versions, received
// copies) plus the reads by practice that a practice's page needs. Only this file and
// record-repository.ts know the stored shape of an adoption record (ADR 0040).
import { PUBLISHED, RecordRepository } from '../records/record-repository.ts';
import { sortKey, type StoredRecord } from '../records/stored-record.ts';
import type { Store } from '../store/store.ts';
import type { AdoptionRecord } from './adoption-record.ts';

export interface AdoptionRecordDerived {
  sortName: string;
  /** The adopted practice's IRI, indexed: a practice's page lists the records that name it. */
  practice: string;
  /** The adopting city's node handle (partners file received records under their own handle). */
  nodeHandle: string;
}

export type StoredAdoptionRecord = StoredRecord<AdoptionRecord, AdoptionRecordDerived>;

export function deriveAdoptionRecord(record: AdoptionRecord): AdoptionRecordDerived {
  const title = record.title[record.originalLanguage] ?? Object.values(record.title)[0] ?? record.handle;
  return { sortName: sortKey(title), practice: record.practice, nodeHandle: record.node };
}

/** At most this many adoption records are read for one practice's page (a practice is adopted by a few cities, not thousands). */
export const ADOPTIONS_PER_PRACTICE = 200;

export class AdoptionRecordRepository extends RecordRepository<AdoptionRecord, AdoptionRecordDerived> {
  readonly #store: Store;

  constructor(store: Store) {
    super(store, 'adoptionRecords', deriveAdoptionRecord);
    this.#store = store;
  }

  override ensureIndexes(): Promise<void> {
    return super.ensureIndexes([{ 'derived.practice': 1 }, { 'record.stage': 1 }]);
  }

  /** The published records (local and received) of the practices `practiceIris`, by name. */
  findPublishedForPractices(practiceIris: readonly string[]): Promise<StoredAdoptionRecord[]> {
    return this.#store
      .collection<StoredAdoptionRecord>('adoptionRecords')
      .find(
        { ...PUBLISHED, 'derived.practice': { $in: [...practiceIris] } },
        { sort: { 'derived.sortName': 1, _id: 1 }, limit: ADOPTIONS_PER_PRACTICE * Math.max(1, practiceIris.length) },
      );
  }

  /** Another record than `exceptId` that `sender` (a partner's actor) sent for the same practice. */
  async otherFromSenderForPractice(exceptId: string, sender: string, practiceIri: string): Promise<string | null> {
    const [other] = await this.#store
      .collection<StoredAdoptionRecord>('adoptionRecords')
      .find({ _id: { $ne: exceptId }, 'origin.node': sender, 'derived.practice': practiceIri }, { limit: 1, projection: { _id: 1 } });
    return other?._id ?? null;
  }

  /** Local records (any state but deleted) that name the practice: a second draft of one adoption is refused. */
  findLocalForPractice(practiceIri: string): Promise<StoredAdoptionRecord[]> {
    return this.#store
      .collection<StoredAdoptionRecord>('adoptionRecords')
      .find({ 'origin.kind': 'local', 'derived.practice': practiceIri, 'publication.state': { $ne: 'deleted' } }, { limit: 10 });
  }
}
