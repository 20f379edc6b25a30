// The store reads matching needs beyond the search index, in one place (only repositories know
// stored shapes): the initiatives that declare eligibility or a delivery area (contract A,
// few of them, kept in memory by DeclaredFacts), and the open market records of the other
// side for needs and offers (a small collection, read per match).
import { PUBLISHED } from '../../records/record-repository.ts';
import type { StoredInitiative } from '../../initiatives/initiative-repository.ts';
import type { Store } from '../../store/store.ts';
import type { MarketKind } from '../market-record.ts';
import type { StoredMarketRecord } from '../market-record-repository.ts';

export class MatchingReadsRepository {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /** Published initiatives (local and received) that declare an eligibility or a delivery area. */
  async declaringInitiatives(): Promise<StoredInitiative[]> {
    const out: StoredInitiative[] = [];
    const filter = { ...PUBLISHED, $or: [{ 'record.eligibility.0': { $exists: true } }, { 'record.deliveryArea': { $exists: true } }] };
    for await (const batch of this.#store.collection<StoredInitiative>('initiatives').findInBatches(filter, 500)) out.push(...batch);
    return out;
  }

  /** Published, unexpired market records of `kind` in `country` (only this node's own when `localOnly`). */
  openRecords(kind: MarketKind, country: string, now: Date, localOnly: boolean): Promise<StoredMarketRecord[]> {
    return this.#store.collection<StoredMarketRecord>('marketRecords').find({
      ...PUBLISHED,
      'record.kind': kind,
      'record.area.country': country,
      'derived.expiresAt': { $gt: now.toISOString() },
      ...(localOnly ? { 'origin.kind': 'local' } : {}),
    });
  }

  /**
   * Every published, unexpired record of these kinds, in any country (an initiative may deliver
   * abroad), only this node's own when `localOnly`: what a changed initiative is matched against
   * (ADR 0055). Tens to thousands of records.
   */
  openRecordsOfKinds(kinds: readonly MarketKind[], now: Date, localOnly: boolean): Promise<StoredMarketRecord[]> {
    return this.#store.collection<StoredMarketRecord>('marketRecords').find({
      ...PUBLISHED,
      'record.kind': { $in: [...kinds] },
      'derived.expiresAt': { $gt: now.toISOString() },
      ...(localOnly ? { 'origin.kind': 'local' } : {}),
    });
  }
}
