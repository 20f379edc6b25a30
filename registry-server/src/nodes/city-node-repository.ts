import type { CityNodeRecord } from '../records/record-types.ts';
import { RecordRepository } from '../records/record-repository.ts';
import { sortKey, type StoredRecord } from '../records/stored-record.ts';
import type { Store } from '../store/store.ts';

export interface CityNodeDerived {
  sortName: string;
}

export type StoredCityNode = StoredRecord<CityNodeRecord, CityNodeDerived>;

export class CityNodeRepository extends RecordRepository<CityNodeRecord, CityNodeDerived> {
  constructor(store: Store) {
    super(store, 'cityNodes', (record) => ({ sortName: sortKey(record.locality) }));
  }
}
