import type { GoodPracticeRecord } from '../records/record-types.ts';
import { RecordRepository } from '../records/record-repository.ts';
import { sortKey, type StoredRecord } from '../records/stored-record.ts';
import type { Store } from '../store/store.ts';

export interface GoodPracticeDerived {
  sortName: string;
  actorRoles: string[];
}

export type StoredGoodPractice = StoredRecord<GoodPracticeRecord, GoodPracticeDerived>;

export function deriveGoodPractice(record: GoodPracticeRecord): GoodPracticeDerived {
  const title = record.title[record.originalLanguage] ?? Object.values(record.title)[0] ?? record.handle;
  return { sortName: sortKey(title), actorRoles: [...new Set((record.actors ?? []).map((a) => a.role))] };
}

export class GoodPracticeRepository extends RecordRepository<GoodPracticeRecord, GoodPracticeDerived> {
  constructor(store: Store) {
    super(store, 'goodPractices', deriveGoodPractice);
  }

  /** Published practices of one practice type (PT1 … PT10), this node's and its partners'. */
  findPublishedOfType(code: string): Promise<StoredGoodPractice[]> {
    return this.findPublished({ 'record.practiceType': code });
  }

  /** Published practices of the city nodes `nodes` (their `node` handle). */
  findPublishedOfCities(nodes: readonly string[]): Promise<StoredGoodPractice[]> {
    return this.findPublished({ 'record.node': { $in: [...nodes] } });
  }

  override ensureIndexes(): Promise<void> {
    return super.ensureIndexes([{ 'record.practiceType': 1 }, { 'record.initiatives': 1 }]);
  }
}
