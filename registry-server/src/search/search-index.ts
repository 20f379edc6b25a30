// The search index of one node: every public listing (initiatives and good practices, local and
// received) in a dense slot, with its terms (postings), facet values, place, dates and length.
// An update or removal marks the old slot dead (a tombstone in `live`) and an update appends a
// new slot; a rebuild from the store compacts everything again. Holds no texts.
import { Analyzer, type TermSink } from './analyzer.ts';
import { clearBit, setBit, widen, type Bitset } from './bitset.ts';
import { Facet, FACET_NAMES, type FacetName } from './facets.ts';
import { TypoIndex } from './fuzzy.ts';
import { PracticeLinks } from './practice-links.ts';
import { Postings } from './postings.ts';
import type { SearchDocument } from './search-document.ts';
import type { GroupMember } from './same-organisation-groups.ts';
import { TermDictionary } from './term-dictionary.ts';

export const KIND_VALUES = { initiative: 'INITIATIVE', goodPractice: 'GOOD_PRACTICE' } as const;
const DEG = Math.PI / 180;

/** Per-document term counts, gathered before they go to the postings. */
class DocTerms implements TermSink {
  weights = new Float32Array(1 << 14);
  readonly touched: number[] = [];

  add(term: number, weight: number): void {
    if (term >= this.weights.length) {
      const grown = new Float32Array(Math.max(term + 1, this.weights.length * 2));
      grown.set(this.weights);
      this.weights = grown;
    }
    if (this.weights[term] === 0) this.touched.push(term);
    this.weights[term]! += weight;
  }

  reset(): void {
    for (const t of this.touched) this.weights[t] = 0;
    this.touched.length = 0;
  }
}

export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

export class SearchIndex {
  readonly dictionary: TermDictionary;
  readonly analyzer: Analyzer;
  readonly typos: TypoIndex;
  readonly links = new PracticeLinks();
  readonly postings: Postings;
  readonly facets: Record<FacetName, Facet>;
  #capacity: number;
  /** Slots used, live or dead. */
  slots = 0;
  /** Slots laid out by the bulk build (the rest came later, in the delta). */
  baseSlots = 0;
  live: Bitset;
  ids: string[] = [];
  idHash: Uint32Array;
  kind: Uint8Array;
  updatedAt: Float64Array;
  version: Float64Array;
  docLength: Float32Array;
  /** Latitude and longitude in radians; NaN when the listing has no place. */
  lat: Float64Array;
  lon: Float64Array;
  cosLat: Float64Array;
  liveCount = 0;
  totalLength = 0;
  /** Changes whenever a search could answer differently. */
  generation = 0;
  /** Representatives of linked listings, and the other listings of their organisation (ADR 0052). */
  readonly groups = new Map<string, GroupMember[]>();
  /** Versions of the listings indexed inside a group's document (not in a slot of their own). */
  readonly #memberVersions = new Map<string, number>();
  readonly #slotOf = new Map<string, number>();
  #deadBase = 0;
  readonly #terms = new DocTerms();
  #termIds = new Uint32Array(1024);
  #termTfs = new Uint8Array(1024);

  /**
   * `expected` listings and `expectedPostings` size the arrays of a bulk build up front. An index
   * rebuilt on the same `analyzer` (same dictionary) may share the old index's `typos` table:
   * it depends on the dictionary alone, so the rebuild neither rebuilds nor doubles it.
   */
  constructor(options: { expected?: number; expectedPostings?: number; analyzer?: Analyzer; typos?: TypoIndex } = {}) {
    if (options.typos && !options.analyzer) throw new Error('A shared typo table needs the analyzer (dictionary) it was built on.');
    this.postings = new Postings(options.expectedPostings);
    this.typos = options.typos ?? new TypoIndex();
    this.analyzer = options.analyzer ?? new Analyzer(new TermDictionary());
    this.dictionary = this.analyzer.dictionary;
    this.#capacity = roundCapacity(options.expected ?? 1024);
    const cap = this.#capacity;
    this.live = new Uint32Array(cap >>> 5);
    this.idHash = new Uint32Array(cap);
    this.kind = new Uint8Array(cap);
    this.updatedAt = new Float64Array(cap);
    this.version = new Float64Array(cap);
    this.docLength = new Float32Array(cap);
    this.lat = new Float64Array(cap);
    this.lon = new Float64Array(cap);
    this.cosLat = new Float64Array(cap);
    this.facets = Object.fromEntries(FACET_NAMES.map((name) => [name, new Facet(name, cap)])) as Record<FacetName, Facet>;
  }

  get capacity(): number {
    return this.#capacity;
  }

  get words(): number {
    return this.#capacity >>> 5;
  }

  slotOf(id: string): number | undefined {
    return this.#slotOf.get(id);
  }

  versionOf(id: string): number | undefined {
    const slot = this.#slotOf.get(id);
    return slot === undefined ? this.#memberVersions.get(id) : this.version[slot];
  }

  /** Records that a listing is indexed inside its group's document, at this version (or no longer, with undefined). */
  setMemberVersion(id: string, version: number | undefined): void {
    if (version === undefined) this.#memberVersions.delete(id);
    else this.#memberVersions.set(id, version);
  }

  /** Ids of every listing in the index (in a slot of their own). */
  liveIds(): IterableIterator<string> {
    return this.#slotOf.keys();
  }

  /** Ids of the listings indexed inside a group's document. */
  memberIds(): IterableIterator<string> {
    return this.#memberVersions.keys();
  }

  /**
   * Adds or replaces a listing. Returns the ids of initiatives to re-index because a practice
   * they are linked to changed (their practice types come from it).
   */
  upsert(doc: SearchDocument): string[] {
    this.#kill(doc.id);
    const slot = this.#nextSlot();
    this.#slotOf.set(doc.id, slot);
    this.ids[slot] = doc.id;
    this.idHash[slot] = hashId(doc.id);
    this.kind[slot] = doc.kind === 'initiative' ? 0 : 1;
    this.updatedAt[slot] = doc.updatedAt;
    this.version[slot] = doc.version;
    const hasPlace = doc.geo && Number.isFinite(doc.geo.lat) && Number.isFinite(doc.geo.lon);
    this.lat[slot] = hasPlace ? doc.geo!.lat * DEG : NaN;
    this.lon[slot] = hasPlace ? doc.geo!.lon * DEG : NaN;
    this.cosLat[slot] = hasPlace ? Math.cos(doc.geo!.lat * DEG) : NaN;

    let affected: string[] = [];
    let practiceTypes: string[];
    if (doc.kind === 'goodPractice') {
      affected = this.links.setPractice(doc.id, doc.ref, doc.practiceType ?? '', doc.linkedRefs);
      practiceTypes = doc.practiceType ? [doc.practiceType] : [];
    } else {
      this.links.setInitiative(doc.id, doc.ref, doc.linkedRefs);
      practiceTypes = this.links.typesOf(doc.ref, doc.linkedRefs);
    }
    if (doc.group?.length) this.groups.set(doc.id, doc.group);
    else this.groups.delete(doc.id);
    this.#memberVersions.delete(doc.id);
    const f = this.facets;
    // A group counts once under each of its cities and countries.
    f.node.addSlot(slot, [doc.node, ...(doc.group ?? []).map((m) => m.node)]);
    f.country.addSlot(slot, [doc.country, ...(doc.group ?? []).map((m) => m.country)].filter(Boolean));
    f.sector.addSlot(slot, doc.sector);
    f.practiceType.addSlot(slot, practiceTypes);
    f.legalForm.addSlot(slot, doc.legalForm);
    f.languageOffered.addSlot(slot, doc.languageOffered);
    f.migrantLed.addSlot(slot, doc.migrantLed === null ? [] : [String(doc.migrantLed)]);
    f.need.addSlot(slot, doc.need);
    f.kind.addSlot(slot, [KIND_VALUES[doc.kind]]);
    f.activity.addSlot(slot, doc.activity);
    f.reservedArticle.addSlot(slot, doc.reservedArticle);
    f.reservedBasis.addSlot(slot, doc.reservedBasis);
    f.teamSize.addSlot(slot, doc.teamSize);

    const terms = this.#terms;
    let length = 0;
    for (const part of doc.texts) length += this.analyzer.analyze(part.text, part.language, part.weight, terms) * part.weight;
    const n = terms.touched.length;
    if (n > this.#termIds.length) {
      this.#termIds = new Uint32Array(n * 2);
      this.#termTfs = new Uint8Array(n * 2);
    }
    for (let i = 0; i < n; i++) {
      const t = terms.touched[i]!;
      this.#termIds[i] = t;
      this.#termTfs[i] = Math.min(255, Math.max(1, Math.round(terms.weights[t]!)));
    }
    this.postings.add(slot, this.#termIds, this.#termTfs, n);
    terms.reset();
    if (this.postings.sealed) this.typos.catchUp(this.dictionary);

    this.docLength[slot] = length;
    setBit(this.live, slot);
    this.liveCount++;
    this.totalLength += length;
    this.generation++;
    return affected;
  }

  /** Removes a listing; returns the initiatives to re-index (see upsert). */
  remove(id: string): string[] {
    this.#memberVersions.delete(id);
    const slot = this.#slotOf.get(id);
    if (slot === undefined) return [];
    const affected = this.kind[slot] === 1 ? this.links.removePractice(id) : (this.links.removeInitiative(id), []);
    this.#kill(id);
    this.generation++;
    return affected;
  }

  /** Ends the bulk build: lays out the postings and prepares prefix and typo lookups. */
  seal(): void {
    this.postings.seal(this.dictionary.size);
    this.baseSlots = this.slots;
    this.dictionary.sortForPrefixes();
    this.typos.catchUp(this.dictionary);
    this.generation++;
  }

  /** Listings added or removed since the bulk build, which a rebuild would compact. */
  get churn(): number {
    return this.slots - this.baseSlots + this.#deadBase;
  }

  #kill(id: string): void {
    const slot = this.#slotOf.get(id);
    if (slot === undefined) return;
    this.#slotOf.delete(id);
    clearBit(this.live, slot);
    this.groups.delete(id);
    this.liveCount--;
    this.totalLength -= this.docLength[slot]!;
    this.ids[slot] = '';
    if (slot < this.baseSlots) this.#deadBase++;
  }

  #nextSlot(): number {
    if (this.slots >= this.#capacity) this.#grow();
    return this.slots++;
  }

  #grow(): void {
    const cap = this.#capacity * 2;
    const grow = <T extends Float64Array | Float32Array | Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const out = make(cap);
      out.set(a as never);
      return out;
    };
    this.live = widen(this.live, cap >>> 5);
    this.idHash = grow(this.idHash, (n) => new Uint32Array(n));
    this.kind = grow(this.kind, (n) => new Uint8Array(n));
    this.updatedAt = grow(this.updatedAt, (n) => new Float64Array(n));
    this.version = grow(this.version, (n) => new Float64Array(n));
    this.docLength = grow(this.docLength, (n) => new Float32Array(n));
    this.lat = grow(this.lat, (n) => new Float64Array(n));
    this.lon = grow(this.lon, (n) => new Float64Array(n));
    this.cosLat = grow(this.cosLat, (n) => new Float64Array(n));
    for (const facet of Object.values(this.facets)) facet.resize(cap);
    this.#capacity = cap;
  }

  /** Sizes, for logs and the benchmark. */
  stats(): { listings: number; slots: number; terms: number; postings: number; deltaPostings: number } {
    return {
      listings: this.liveCount,
      slots: this.slots,
      terms: this.dictionary.size,
      postings: this.postings.size,
      deltaPostings: this.postings.deltaPostings,
    };
  }
}

function roundCapacity(n: number): number {
  let cap = 1024;
  while (cap < n * 1.05 + 64) cap *= 2;
  return cap;
}
