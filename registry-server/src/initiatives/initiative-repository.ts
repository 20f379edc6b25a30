// Initiatives in the store, with the fields derived for filters: derived.migrantLed is true
// only when the initiative consented to publish its declaration, so filtering on it can never
// reveal an undisclosed declaration.
import type { InitiativeRecord } from '../records/record-types.ts';
import { RecordRepository } from '../records/record-repository.ts';
import { sortKey, type StoredRecord } from '../records/stored-record.ts';
import type { Store } from '../store/store.ts';

export interface InitiativeDerived {
  sortName: string;
  sectors: string[];
  legalForms: string[];
  /** Languages offered and their base languages ("ar-SY" also lists "ar"), lower case. */
  languages: string[];
  needs: string[];
  migrantLed: boolean;
  /** "node/handle" of the initiative and of the practices it names, to join across the two. */
  nodeHandle: string;
  practiceRefs: string[];
}

export type StoredInitiative = StoredRecord<InitiativeRecord, InitiativeDerived>;

export function deriveInitiative(record: InitiativeRecord): InitiativeDerived {
  const name = record.name[record.originalLanguage] ?? Object.values(record.name)[0] ?? record.handle;
  const languages = new Set<string>();
  for (const tag of record.languagesOffered ?? []) {
    languages.add(tag.toLowerCase());
    languages.add(tag.toLowerCase().split('-')[0]!);
  }
  return {
    sortName: sortKey(name),
    sectors: [record.primarySector, ...(record.additionalSectors ?? [])],
    legalForms: [record.legalForm, ...(record.nationalLegalForm ? [record.nationalLegalForm] : [])],
    languages: [...languages],
    needs: [...new Set((record.needs ?? []).map((n) => n.type))],
    migrantLed: Boolean(record.migrantLed?.declared && record.migrantLed.consentToPublish),
    nodeHandle: `${record.node}/${record.handle}`,
    practiceRefs: (record.practices ?? []).map((h) => `${record.node}/${h}`),
  };
}

export class InitiativeRepository extends RecordRepository<InitiativeRecord, InitiativeDerived> {
  readonly #store: Store;

  constructor(store: Store) {
    super(store, 'initiatives', deriveInitiative);
    this.#store = store;
  }

  /** Published initiatives that name the practice `node/handle`. */
  findPublishedNamingPractice(practiceRef: string): Promise<StoredInitiative[]> {
    return this.findPublished({ 'derived.practiceRefs': practiceRef });
  }

  /**
   * Handles of this node's initiatives that are not public now (drafts, in review, unpublished,
   * deleted): few, read per request. One equality per state, each answered from the index on
   * publication.state; a `$ne: 'published'` would test every initiative in the embedded store.
   */
  async localHandlesNotPublished(): Promise<string[]> {
    const states = ['draft', 'in-review', 'unpublished', 'deleted'] as const;
    const initiatives = this.#store.collection<StoredInitiative>('initiatives');
    const found = await Promise.all(
      states.map((state) => initiatives.find({ 'publication.state': state, 'origin.kind': 'local' }, { projection: { _id: 1 } })),
    );
    return found.flat().map((d) => d._id);
  }

  /** Published initiatives whose website is one of these addresses (likely duplicates, ADR 0052). */
  findPublishedByWebsites(addresses: readonly string[]): Promise<StoredInitiative[]> {
    return addresses.length ? this.findPublished({ 'record.website': { $in: [...addresses] } }) : Promise.resolve([]);
  }

  override ensureIndexes(): Promise<void> {
    return super.ensureIndexes([{ 'derived.sectors': 1 }, { 'record.partOf': 1 }, { 'record.website': 1 }]);
  }
}
