import type { CityNodeRecord } from '../records/record-types.ts';
import { RecordRepository } from '../records/record-repository.ts';
import { sortKey, type StoredRecord } from '../records/stored-record.ts';
import type { Store } from '../store/store.ts';
import { hostOf } from '../federation/iri.ts';

export interface CityNodeDerived {
  sortName: string;
}

export type StoredCityNode = StoredRecord<CityNodeRecord, CityNodeDerived>;

export class CityNodeRepository extends RecordRepository<CityNodeRecord, CityNodeDerived> {
  constructor(store: Store) {
    super(store, 'cityNodes', (record) => ({ sortName: sortKey(record.locality) }));
  }

  /**
   * Makes this node's own profile its own: a placeholder the seeds wrote for a partner city
   * (status "planned", with a summary saying that no node runs there) is not what the city says
   * of itself once it runs the node, so the placeholder summary and status go. Runs at every
   * boot; a profile the admin edited has no status, so it is never touched again.
   */
  async claimOwnPlaceholder(handle: string, now: string): Promise<boolean> {
    const doc = await this.findById(handle);
    if (!doc || doc.origin.kind !== 'local' || doc.record.status !== 'planned') return false;
    const { status: _status, summary: _summary, ...own } = doc.record;
    return (await this.applyChange(handle, doc.version, { record: own, updatedAt: now })) !== null;
  }

  /** Forgets the profiles received from nodes on `host` (a blocked domain); how many went. */
  async deleteReceivedFromHost(host: string): Promise<number> {
    const ids = (await this.findReceived()).filter((d) => d.origin.kind === 'remote' && hostOf(d.origin.node) === host).map((d) => d._id);
    return ids.length ? this.deleteByIds(ids) : 0;
  }

  /** The cities whose own profile was received from their node, and when it last arrived. */
  async receivedProfiles(): Promise<Array<{ handle: string; receivedAt: string }>> {
    return (await this.findReceived()).flatMap((d) =>
      d.origin.kind === 'remote' ? [{ handle: d._id, receivedAt: d.origin.receivedAt }] : [],
    );
  }
}
