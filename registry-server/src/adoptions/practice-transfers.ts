// The transfers of practices between cities, read from the adoption records (issue 16 point 2,
// ADR 0045): who learned from whom for one practice type, what a city took from others and
// what others took from it, and the practices ranked by how many cities took them. A transfer
// is an adoption record seen with the practice it names; a record whose practice this node does
// not know (or no longer publishes) has no "from" city, and a city's record of its own practice
// has nobody it learned from, so both are left out of every view.
import type { GoodPracticeRepository, StoredGoodPractice } from '../practices/good-practice-repository.ts';
import type { RecordIris } from '../records/record-iris.ts';
import type { AdoptionRecordRepository, StoredAdoptionRecord } from './adoption-record-repository.ts';
import type { AdoptionStage } from './adoption-record.ts';

export interface PracticeTransfer {
  record: StoredAdoptionRecord;
  practice: StoredGoodPractice;
}

export interface TransferredPractice {
  practice: StoredGoodPractice;
  /** Distinct cities that adopt, adapt or re-use the practice (a city that dropped it does not count). */
  adoptingCities: number;
  /** Outcomes in figures over all the practice's records (dropped ones too: their figures were measured). */
  outcomesCount: number;
  transfers: PracticeTransfer[];
}

/** The day the record's current stage began, or null when the record does not say. */
export function transferSince(record: { stage: AdoptionStage; stageDates?: Partial<Record<AdoptionStage, string>> }): string | null {
  return record.stageDates?.[record.stage] ?? null;
}

/**
 * The ranking rule of "practices with the most transfers": more adopting cities first, then more
 * outcomes in figures, then the practice's sort name (so equal practices keep a stable order).
 */
export function byTransfers(a: TransferredPractice, b: TransferredPractice): number {
  return (
    b.adoptingCities - a.adoptingCities ||
    b.outcomesCount - a.outcomesCount ||
    a.practice.derived.sortName.localeCompare(b.practice.derived.sortName) ||
    a.practice._id.localeCompare(b.practice._id)
  );
}

/** The transfers of each of `keys` (an empty list for a key with none), in the transfers' order. */
function groupBy(
  keys: readonly string[],
  transfers: PracticeTransfer[],
  key: (t: PracticeTransfer) => string,
): Map<string, PracticeTransfer[]> {
  const groups = new Map<string, PracticeTransfer[]>(keys.map((k) => [k, []]));
  for (const t of transfers) groups.get(key(t))?.push(t);
  return groups;
}

/** Practice types and node handles are short codes; anything longer names nothing here. */
const MAX_CODE = 200;

export class PracticeTransfers {
  readonly #records: AdoptionRecordRepository;
  readonly #practices: GoodPracticeRepository;
  readonly #iris: RecordIris;

  constructor(deps: { records: AdoptionRecordRepository; practices: GoodPracticeRepository; iris: RecordIris }) {
    this.#records = deps.records;
    this.#practices = deps.practices;
    this.#iris = deps.iris;
  }

  /** The transfers of the published practices of one type (PT1 … PT10), by the practice's city then the adopting city. */
  async ofPracticeType(code: string): Promise<PracticeTransfer[]> {
    if (code.length > MAX_CODE) return [];
    return this.#transfersOf(await this.#practices.findPublishedOfType(code));
  }

  /** What each city of `handles` took from others: its published adoption records, with the practice each names. */
  async takenBy(handles: readonly string[]): Promise<Map<string, PracticeTransfer[]>> {
    const known = handles.filter((h) => h.length <= MAX_CODE);
    const records = known.length ? await this.#records.findPublishedOfNodes(known) : [];
    const transfers = this.#join(records, await this.#practicesByIri(records.map((r) => r.derived.practice)));
    return groupBy(handles, transfers, (t) => t.record.derived.nodeHandle);
  }

  /** What others took from each city of `handles`: partners' published records of its practices. */
  async givenBy(handles: readonly string[]): Promise<Map<string, PracticeTransfer[]>> {
    const known = handles.filter((h) => h.length <= MAX_CODE);
    const practices = known.length ? await this.#practices.findPublishedOfCities(known) : [];
    const transfers = await this.#transfersOf(practices);
    return groupBy(handles, transfers, (t) => t.practice.record.node);
  }

  /** The practices taken by at least one city, ranked by `byTransfers`; at most `first`. */
  async mostTransferred(first: number): Promise<TransferredPractice[]> {
    if (first <= 0) return [];
    // Adoption records are few (a practice is adopted by a handful of cities, ADR 0040): reading
    // them all to rank is cheaper than keeping counts that every federation event must update.
    const records = await this.#records.findPublished({});
    const transfers = this.#join(records, await this.#practicesByIri(records.map((r) => r.derived.practice)));
    const byPractice = new Map<string, PracticeTransfer[]>();
    for (const t of transfers) byPractice.set(t.practice._id, [...(byPractice.get(t.practice._id) ?? []), t]);
    return [...byPractice.values()]
      .map((list): TransferredPractice => ({
        practice: list[0]!.practice,
        adoptingCities: new Set(list.filter((t) => t.record.record.stage !== 'dropped').map((t) => t.record.derived.nodeHandle)).size,
        outcomesCount: list.reduce((sum, t) => sum + (t.record.record.outcomes?.length ?? 0), 0),
        transfers: list,
      }))
      .sort(byTransfers)
      .slice(0, first);
  }

  async #transfersOf(practices: StoredGoodPractice[]): Promise<PracticeTransfer[]> {
    if (practices.length === 0) return [];
    const byIri = new Map(practices.map((p) => [this.#iris.of('practices', p), p]));
    return this.#join(await this.#records.findPublishedForPractices([...byIri.keys()]), byIri);
  }

  /** The published practices with these IRIs (local ones are stored under their handle, received ones under their IRI). */
  async #practicesByIri(iris: readonly string[]): Promise<Map<string, StoredGoodPractice>> {
    const unique = [...new Set(iris)];
    const docs = await this.#practices.findPublishedByIds(unique.map((iri) => this.#iris.storeIdFor('practices', iri)));
    const byIri = new Map<string, StoredGoodPractice>();
    for (const doc of docs) {
      const iri = this.#iris.of('practices', doc);
      if (unique.includes(iri)) byIri.set(iri, doc);
    }
    return byIri;
  }

  /** Records with their practice, ordered by the practice's city, the adopting city, then the record's name. */
  #join(records: StoredAdoptionRecord[], practices: Map<string, StoredGoodPractice>): PracticeTransfer[] {
    return records
      .flatMap((record) => {
        const practice = practices.get(record.derived.practice);
        // A city's record of its own practice is no transfer: nobody learned from anybody, and
        // counting it would let a city rank its own practice up.
        return practice && practice.record.node !== record.derived.nodeHandle ? [{ record, practice }] : [];
      })
      .sort(
        (a, b) =>
          a.practice.record.node.localeCompare(b.practice.record.node) ||
          a.record.derived.nodeHandle.localeCompare(b.record.derived.nodeHandle) ||
          a.record.derived.sortName.localeCompare(b.record.derived.sortName),
      );
  }
}
