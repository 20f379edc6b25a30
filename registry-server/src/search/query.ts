// Runs a search on the index: the words (each must match, in any of its forms), the filters as
// bitsets, the circle, facet counts where each facet ignores its own filter (so the other values
// of a filtered facet still show what choosing them would give), then the best `first` results
// after the cursor, by relevance (BM25 over the weighted forms), date or distance.
import { scoreBestByBlocks } from './best-by-blocks.ts';
import { andInto, count, nonZeroWords, orInto, slotsInto, type Bitset } from './bitset.ts';
import type { ConceptMatcher } from './concept-matcher.ts';
import { encodeCursor, type SearchCursor, type SearchOrder } from './cursor.ts';
import { SHOWN_FACETS, type FacetName } from './facets.ts';
import { haversineKm, keepWithin, type NearPoint } from './geo.ts';
import type { GroupMember } from './same-organisation-groups.ts';
import { queryWords, WEIGHTS, type QueryWord } from './query-terms.ts';
import type { SearchIndex } from './search-index.ts';

const K1 = 1.2;
const B = 0.75;

export interface SearchQuery {
  text?: string | null;
  /** Values to keep per facet (OR within a facet, AND across facets). */
  filters?: Partial<Record<FacetName, readonly string[]>>;
  near?: NearPoint | null;
  order?: SearchOrder;
  first: number;
  after?: SearchCursor | null;
  /** Reader's language: its stemmer is tried first. */
  language?: string;
  /** Leave out facet counts (cheaper). */
  facets?: boolean;
  /** Score every match even where block bounds would skip some (tests and the bench compare both ways). */
  exhaustive?: boolean;
}

export interface SearchHit {
  id: string;
  kind: 'initiative' | 'goodPractice';
  score: number;
  distanceKm: number | null;
  cursor: string;
  /** The other listings of the same organisation, collapsed into this hit (ADR 0052). */
  sameAs?: GroupMember[];
}

export interface FacetCount {
  name: FacetName;
  values: Array<{ value: string; count: number; selected: boolean }>;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  hasNextPage: boolean;
  facets: FacetCount[];
  terms: string[];
}

/** Reusable per-index scratch arrays (searches run one at a time on the event loop). */
class Scratch {
  readonly capacity: number;
  readonly best: Float32Array;
  readonly bestStamp: Uint32Array;
  readonly total: Float32Array;
  readonly totalStamp: Uint32Array;
  readonly distances: Float64Array;
  /** K1 · (1 − B + B · length / average length) per slot, for the generation it was computed at. */
  readonly norms: Float32Array;
  /** The slots of a set, listed (facet counting). */
  readonly slotList: Int32Array;
  normsGeneration = -1;
  /** The average document length the norms were computed with. */
  averageLength = 1;
  stamp = 0;
  /** Bitsets reused from search to search (a search takes them back from the start). */
  readonly #sets: Bitset[] = [];
  #used = 0;
  readonly words: number;
  constructor(capacity: number) {
    this.capacity = capacity;
    this.best = new Float32Array(capacity);
    this.bestStamp = new Uint32Array(capacity);
    this.total = new Float32Array(capacity);
    this.totalStamp = new Uint32Array(capacity);
    this.distances = new Float64Array(capacity);
    this.norms = new Float32Array(capacity);
    this.slotList = new Int32Array(capacity);
    this.words = capacity >>> 5;
  }

  /** Starts a search: every set handed out before may be reused. */
  reset(): void {
    this.#used = 0;
  }

  /** A set of the index's size, zeroed, or a copy of `from`. */
  set(from?: Bitset): Bitset {
    let set = this.#sets[this.#used];
    if (!set) this.#sets.push((set = new Uint32Array(this.words)));
    this.#used++;
    if (from) set.set(from);
    else set.fill(0);
    return set;
  }
}

const scratchOf = new WeakMap<SearchIndex, Scratch>();

function scratchFor(index: SearchIndex): Scratch {
  let scratch = scratchOf.get(index);
  if (!scratch || scratch.capacity !== index.capacity) scratchOf.set(index, (scratch = new Scratch(index.capacity)));
  if (scratch.normsGeneration !== index.generation) {
    const avg = index.totalLength > 0 ? index.totalLength / Math.max(1, index.liveCount) : 1;
    const { docLength } = index;
    for (let slot = 0; slot < index.slots; slot++) scratch.norms[slot] = K1 * (1 - B + (B * docLength[slot]!) / avg);
    scratch.normsGeneration = index.generation;
    scratch.averageLength = avg;
  }
  return scratch;
}

/**
 * Block bounds pay only when matches are dense: with fewer than this many matches per hit asked,
 * scoring them all is cheaper than walking the word's blocks, most of which hold no match (a word
 * and two filters: 289 matches at the median, 0.52 ms scoring all vs 0.70 ms by blocks, at 100,000
 * listings; a word alone: 42,000 matches at the median, where blocks take a third of the time).
 */
export const BLOCKS_FROM = 64;

export function search(index: SearchIndex, matcher: ConceptMatcher, query: SearchQuery): SearchResult {
  const scratch = scratchFor(index);
  scratch.reset();
  const words = query.text ? queryWords(query.text, index, matcher, query.language) : [];
  const order = query.order ?? 'RELEVANCE';

  // 1. Words: each required word narrows the candidates.
  const candidates = scratch.set(index.live);
  for (const word of words) if (!word.optional) andInto(candidates, wordBits(index, word, scratch.set()));

  // 2. The circle, applied to all facets alike.
  if (query.near) {
    // A group is near when any of its listings is (its document has the representative's place only).
    const beforeCircle = index.groups.size ? scratch.set(candidates) : null;
    keepWithin(candidates, query.near, index.lat, index.lon, index.cosLat, scratch.distances);
    if (beforeCircle) keepGroupsWithin(index, beforeCircle, candidates, query.near, scratch.distances);
  }

  // 3. Filters, each as the union of its values.
  const filters: Array<{ facet: FacetName; bits: Bitset }> = [];
  for (const [facet, values] of Object.entries(query.filters ?? {}) as Array<[FacetName, readonly string[]]>) {
    if (values && values.length > 0) filters.push({ facet, bits: index.facets[facet].union(values, scratch.set()) });
  }
  const matched = scratch.set(candidates);
  for (const f of filters) andInto(matched, f.bits);
  const matchedWords = nonZeroWords(matched);
  let total = 0;
  for (let i = 0; i < matchedWords.length; i++) total += popcountWord(matched[matchedWords[i]!]!);

  // 4. Facet counts, each over the matches of every other filter.
  const facets =
    query.facets === false ? [] : countFacets(index, candidates, matched, matchedWords, total, filters, query.filters ?? {}, scratch);

  // 5. Scores of the matches only, then the page.
  const stamp = ++scratch.stamp;
  const { hits, remaining } =
    words.length === 1 &&
    order === 'RELEVANCE' &&
    !query.after &&
    query.first > 0 &&
    !query.exhaustive &&
    total >= BLOCKS_FROM * query.first
      ? firstPageOfOneWord(index, words[0]!, matched, total, order, query, scratch, stamp)
      : everyMatchScored(index, words, matched, matchedWords, order, query, scratch, stamp);
  return {
    total,
    hits,
    hasNextPage: remaining > hits.length,
    facets,
    terms: words.filter((w) => !w.optional || words.every((x) => x.optional)).map((w) => w.folded),
  };
}

function everyMatchScored(
  index: SearchIndex,
  words: QueryWord[],
  matched: Bitset,
  matchedWords: Int32Array,
  order: SearchOrder,
  query: SearchQuery,
  scratch: Scratch,
  stamp: number,
): { hits: SearchHit[]; remaining: number } {
  for (const word of words) scoreWord(index, word, matched, scratch, stamp, words.length === 1);
  return topHits(index, matched, matchedWords, order, query, scratch, stamp, words.length > 0);
}

/** The first page of a one-word search by relevance, scoring only what can reach it (best-by-blocks.ts). */
function firstPageOfOneWord(
  index: SearchIndex,
  word: QueryWord,
  matched: Bitset,
  total: number,
  order: SearchOrder,
  query: SearchQuery,
  scratch: Scratch,
  stamp: number,
): { hits: SearchHit[]; remaining: number } {
  const scored = scratch.set();
  const average = scratch.averageLength;
  scoreBestByBlocks(
    index,
    wordForms(index, word),
    wordCategories(index, word),
    matched,
    (length) => K1 * (1 - B + (B * length) / average),
    average,
    scratch.norms,
    scratch.total,
    scratch.totalStamp,
    stamp,
    query.first,
    scored,
    scratch.slotList,
    scratch.bestStamp,
    ++scratch.stamp,
  );
  // The page is the best of the scored matches; every match follows the (absent) cursor.
  return { hits: topHits(index, scored, nonZeroWords(scored), order, query, scratch, stamp, true).hits, remaining: total };
}

function popcountWord(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** The slots a word matches, in any of its forms or categories (into `bits`, zeroed). */
function wordBits(index: SearchIndex, word: QueryWord, bits: Bitset): Bitset {
  const { postings } = index;
  for (const term of word.expansions.keys()) {
    postings.orBase(term, bits);
    const list = postings.delta.get(term);
    if (list) for (const slot of list.slots) bits[slot >>> 5]! |= 1 << (slot & 31);
  }
  for (const { facet, value } of word.categories) {
    const id = index.facets[facet].valueId(value);
    if (id !== undefined) orInto(bits, index.facets[facet].bits[id]!);
  }
  return bits;
}

const idfOf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/**
 * The terms a word's postings are scored with, each with its weight: how it matched × its IDF ×
 * (K1 + 1). A fuzzy form is never worth more than the word itself: a rare neighbour of a common
 * word would otherwise outrank it.
 */
export function wordForms(index: SearchIndex, word: QueryWord): Array<{ term: number; weight: number }> {
  const n = Math.max(1, index.liveCount);
  const { postings } = index;
  let exactIdf = Infinity;
  for (const [term, weight] of word.expansions) {
    const df = postings.df(term);
    if (weight >= WEIGHTS.exact && df > 0) exactIdf = exactIdf === Infinity ? idfOf(n, df) : Math.max(exactIdf, idfOf(n, df));
  }
  const forms: Array<{ term: number; weight: number }> = [];
  for (const [term, weight] of word.expansions) {
    const df = postings.df(term);
    if (df === 0) continue;
    forms.push({ term, weight: weight * (weight >= WEIGHTS.exact ? idfOf(n, df) : Math.min(idfOf(n, df), exactIdf)) * (K1 + 1) });
  }
  return forms;
}

/** The facet values a word names (a sector, a legal form…), each with the one score its listings get. */
export function wordCategories(index: SearchIndex, word: QueryWord): Array<{ set: Bitset; score: number }> {
  const n = Math.max(1, index.liveCount);
  const out: Array<{ set: Bitset; score: number }> = [];
  for (const { facet, value } of word.categories) {
    const id = index.facets[facet].valueId(value);
    if (id === undefined) continue;
    const set = index.facets[facet].bits[id]!;
    out.push({ set, score: WEIGHTS.category * idfOf(n, count(set)) });
  }
  return out;
}

/**
 * Adds a word's BM25 score to the matched slots (scratch.total, valid where totalStamp is
 * `stamp`): the best of its forms, each weighted by how it matched. `only`: the query has this
 * one word, whose best score is then the total itself (no second pass over the matches).
 */
function scoreWord(index: SearchIndex, word: QueryWord, matched: Bitset, scratch: Scratch, stamp: number, only: boolean): void {
  const { postings } = index;
  const { best, bestStamp, total, totalStamp, norms } = scratch;
  const scores = only ? total : best;
  const stamps = only ? totalStamp : bestStamp;
  const mine = only ? stamp : ++scratch.stamp;
  for (const { term, weight } of wordForms(index, word)) postings.maxScoresInto(term, matched, weight, norms, scores, stamps, mine);
  for (const { set, score } of wordCategories(index, word)) {
    for (let w = 0; w < set.length; w++) {
      let x = set[w]! & matched[w]!;
      while (x !== 0) {
        const low = x & -x;
        x ^= low;
        const slot = (w << 5) | (31 - Math.clz32(low));
        if (stamps[slot] !== mine) {
          stamps[slot] = mine;
          scores[slot] = score;
        } else if (score > scores[slot]!) scores[slot] = score;
      }
    }
  }
  if (only) return;
  for (let w = 0; w < matched.length; w++) {
    let x = matched[w]!;
    while (x !== 0) {
      const low = x & -x;
      x ^= low;
      const slot = (w << 5) | (31 - Math.clz32(low));
      if (bestStamp[slot] !== mine) continue;
      if (totalStamp[slot] !== stamp) {
        totalStamp[slot] = stamp;
        total[slot] = 0;
      }
      total[slot]! += best[slot]!;
    }
  }
}

function countFacets(
  index: SearchIndex,
  candidates: Bitset,
  matched: Bitset,
  matchedWords: Int32Array,
  total: number,
  filters: Array<{ facet: FacetName; bits: Bitset }>,
  selected: Partial<Record<FacetName, readonly string[]>>,
  scratch: Scratch,
): FacetCount[] {
  const out: FacetCount[] = [];
  // The matches listed once for the facets that count them all (those without a filter of their
  // own), when one of them counts by walking slots: large match sets are counted by their bits.
  const unfiltered = SHOWN_FACETS.filter((name) => !filters.some((f) => f.facet === name));
  const listed = unfiltered.some((name) => index.facets[name].prefersSlots(matchedWords.length, total, index.slots, true))
    ? scratch.slotList
    : undefined;
  if (listed) slotsInto(matched, matchedWords, listed);
  for (const name of SHOWN_FACETS) {
    const facet = index.facets[name];
    let set = matched;
    let words = matchedWords;
    let size = total;
    let slots = listed;
    if (filters.some((f) => f.facet === name)) {
      set = scratch.set(candidates);
      for (const f of filters) if (f.facet !== name) andInto(set, f.bits);
      words = nonZeroWords(set);
      size = 0;
      for (let i = 0; i < words.length; i++) size += popcountWord(set[words[i]!]!);
      slots = undefined;
    }
    const counts = facet.count(set, words, size, index.slots, slots);
    const chosen = new Set(selected[name] ?? []);
    const values: FacetCount['values'] = [];
    for (let v = 0; v < facet.values.length; v++) {
      const value = facet.values[v]!;
      if (counts[v]! > 0 || chosen.has(value)) values.push({ value, count: counts[v]!, selected: chosen.has(value) });
    }
    for (const value of chosen) if (facet.valueId(value) === undefined) values.push({ value, count: 0, selected: true });
    values.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    out.push({ name, values });
  }
  return out;
}

/** The best `first` matches after the cursor, and how many matches follow the cursor in all. */
function topHits(
  index: SearchIndex,
  matched: Bitset,
  matchedWords: Int32Array,
  order: SearchOrder,
  query: SearchQuery,
  scratch: Scratch,
  stamp: number,
  hasText: boolean,
): { hits: SearchHit[]; remaining: number } {
  const { distances, total, totalStamp } = scratch;
  const k = query.first;
  const after = query.after ?? null;
  const keys = new Float64Array(k + 1);
  const hashes = new Uint32Array(k + 1);
  const slotsOut = new Int32Array(k + 1);
  const relevance = new Float64Array(k + 1);
  let size = 0;
  let remaining = 0;
  const { idHash, ids, updatedAt } = index;
  const byScore = order === 'RELEVANCE' && hasText;
  const byDistance = order === 'DISTANCE';
  // Ascending order of (key, hash, id): the key is the negated score or date, or the distance.
  const before = (ka: number, ha: number, ia: string, kb: number, hb: number, ib: string) =>
    ka < kb || (ka === kb && (ha < hb || (ha === hb && ia < ib)));
  for (let i = 0; i < matchedWords.length; i++) {
    const w = matchedWords[i]!;
    let x = matched[w]!;
    while (x !== 0) {
      const low = x & -x;
      x ^= low;
      const slot = (w << 5) | (31 - Math.clz32(low));
      const score = totalStamp[slot] === stamp ? total[slot]! : 0;
      const key = byScore ? -score : byDistance ? distances[slot]! : -updatedAt[slot]!;
      // Keys decide alone unless equal: the hash and id (a string of the ids array) are read for
      // ties only, as most matches of a large set rank before the cursor or below the page.
      if (after && (key < after.key || (key === after.key && !before(after.key, after.hash, after.id, key, idHash[slot]!, ids[slot]!))))
        continue;
      remaining++;
      if (k === 0) continue;
      if (
        size === k &&
        (key > keys[size - 1]! ||
          (key === keys[size - 1]! && !before(key, idHash[slot]!, ids[slot]!, key, hashes[size - 1]!, ids[slotsOut[size - 1]!]!)))
      )
        continue;
      const hash = idHash[slot]!;
      let at = size < k ? size++ : size - 1;
      while (at > 0 && before(key, hash, ids[slot]!, keys[at - 1]!, hashes[at - 1]!, ids[slotsOut[at - 1]!]!)) {
        keys[at] = keys[at - 1]!;
        hashes[at] = hashes[at - 1]!;
        slotsOut[at] = slotsOut[at - 1]!;
        relevance[at] = relevance[at - 1]!;
        at--;
      }
      keys[at] = key;
      hashes[at] = hash;
      slotsOut[at] = slot;
      relevance[at] = score;
    }
  }
  const hits: SearchHit[] = [];
  for (let i = 0; i < size; i++) {
    const slot = slotsOut[i]!;
    const id = ids[slot]!;
    hits.push({
      id,
      kind: index.kind[slot] === 0 ? 'initiative' : 'goodPractice',
      score: relevance[i]!,
      distanceKm: query.near ? Math.round(distances[slot]! * 100) / 100 : null,
      cursor: encodeCursor({ order, key: keys[i]!, hash: hashes[i]!, id }),
      ...(index.groups.size && index.groups.has(id) ? { sameAs: index.groups.get(id)! } : {}),
    });
  }
  return { hits, remaining };
}

/** Adds to `kept` the groups of `before` that a member's place puts in the circle, at their nearest distance. */
function keepGroupsWithin(index: SearchIndex, before: Bitset, kept: Bitset, near: NearPoint, distances: Float64Array): void {
  for (const [id, members] of index.groups) {
    const slot = index.slotOf(id);
    if (slot === undefined || !(before[slot >>> 5]! & (1 << (slot & 31)))) continue;
    for (const member of members) {
      if (!member.geo) continue;
      const d = haversineKm(near.lat, near.lon, member.geo.lat, member.geo.lon);
      if (d > near.radiusKm) continue;
      if (!(kept[slot >>> 5]! & (1 << (slot & 31)))) {
        kept[slot >>> 5]! |= 1 << (slot & 31);
        distances[slot] = d;
      } else if (d < distances[slot]!) distances[slot] = d;
    }
  }
}
