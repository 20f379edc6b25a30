// Posting lists: which slots hold a term, and how much (a weighted count, capped at 255). A bulk
// build streams (term, count) pairs per slot and then lays them out once, term by term, in one
// compressed byte array (the base segment). Listings added afterwards go to a small delta segment
// until the next rebuild; their slots are always higher than the base's, so a term's slots stay
// sorted.
//
// Why compressed: at 100,000 listings the base holds about 7.7 million postings. As a Uint32 slot
// plus a count byte that was 38 MB, and a rebuild briefly holds the old base, the stream and the
// new base (115 MB). Each posting is now the gap from the term's previous slot, in as many bytes
// as the term's widest gap needs (one for frequent words, two for most others), followed by its
// count byte (2.85 bytes per posting, 22 MB). A term's postings are always read in order, and
// decoded only where the search's filters leave slots, so searches take as long as with the
// flat arrays (measured). One width per term rather than a varint per gap keeps the decoding
// loops free of a data-dependent branch on every posting (ADR 0009, amendment).

export interface DeltaList {
  slots: number[];
  tfs: number[];
}

/** Postings per block of a term's block summaries (blocksOf). */
export const BLOCK = 64;

/**
 * A base term's postings seen by blocks of BLOCK: where each block starts, the slot its first gap
 * counts from, and its best `tf / (tf + norm)` (the BM25 of a count against its document's length
 * norm) at the average length `average` the blocks were made with. A norm is `c + d · length /
 * average`, so at a larger average A every norm is at least `average / A` times what it was, and
 * every block's best at most `A / average` times its `best`: a bound at any later average
 * (best-by-blocks.ts).
 */
export interface TermBlocks {
  offsets: Uint32Array;
  fromSlots: Uint32Array;
  best: Float64Array;
  average: number;
}

/** Term ids below this fit the stream's 16-bit form (most dictionaries: 28,000 terms at 100,000 listings). */
const SHORT_TERMS = 1 << 16;

export class Postings {
  /**
   * Base segment: the postings of term t are bytes[offsets[t] … offsets[t + 1]), each the gap
   * from the previous slot (the first from firstSlots[t]) in widths[t] bytes, little-endian,
   * then its count byte.
   */
  offsets = new Uint32Array(1);
  bytes = new Uint8Array(0);
  widths = new Uint8Array(0);
  firstSlots = new Uint32Array(0);
  /** Number of base postings of each term (its document frequency in the base). */
  dfs = new Uint32Array(0);
  baseTerms = 0;
  basePostings = 0;
  readonly delta = new Map<number, DeltaList>();
  deltaPostings = 0;
  /** Block summaries of base terms, made on first use (the base never changes; a rebuild makes new Postings). */
  readonly #blocks = new Map<number, TermBlocks>();
  #streamTerms: Uint16Array | Uint32Array | null;
  #streamTfs: Uint8Array | null;
  #streamUsed = 0;
  /** Pairs (slot, end offset in the stream) of the bulk build. */
  #streamSlots: number[] = [];

  /**
   * `expected`: about how many postings the bulk build will stream (a rebuild knows it from the
   * index it replaces). Sizing the stream once avoids doubling it while the old index is still
   * serving. Term ids go in 16 bits until a dictionary outgrows them.
   */
  constructor(expected = 1 << 16) {
    const size = Math.max(1 << 16, Math.ceil(expected));
    this.#streamTerms = new Uint16Array(size);
    this.#streamTfs = new Uint8Array(size);
  }

  get sealed(): boolean {
    return this.#streamTerms === null;
  }

  /** Adds one slot's terms (slots must come in ascending order, each term once per slot). */
  add(slot: number, terms: ArrayLike<number>, tfs: ArrayLike<number>, n: number): void {
    if (this.#streamTerms && this.#streamTfs) {
      if (this.#streamUsed + n > this.#streamTerms.length) this.#growStream(this.#streamUsed + n);
      if (this.#streamTerms instanceof Uint16Array) {
        for (let i = 0; i < n; i++) {
          if (terms[i]! >= SHORT_TERMS) {
            this.#widenStream();
            break;
          }
        }
      }
      const streamTerms = this.#streamTerms;
      const streamTfs = this.#streamTfs;
      for (let i = 0; i < n; i++) {
        streamTerms[this.#streamUsed] = terms[i]!;
        streamTfs[this.#streamUsed] = tfs[i]!;
        this.#streamUsed++;
      }
      this.#streamSlots.push(slot, this.#streamUsed);
      return;
    }
    for (let i = 0; i < n; i++) {
      const term = terms[i]!;
      let list = this.delta.get(term);
      if (!list) this.delta.set(term, (list = { slots: [], tfs: [] }));
      list.slots.push(slot);
      list.tfs.push(tfs[i]!);
    }
    this.deltaPostings += n;
  }

  /** Lays out the streamed postings as the base segment; later adds go to the delta. */
  seal(termCount: number): void {
    const terms = this.#streamTerms;
    const tfsIn = this.#streamTfs;
    if (!terms || !tfsIn) return;
    const pairs = this.#streamSlots;
    // First pass: each term's first slot, widest gap and document frequency.
    const first = new Uint32Array(termCount);
    const previous = new Uint32Array(termCount);
    const widest = new Uint32Array(termCount);
    const dfs = new Uint32Array(termCount);
    let from = 0;
    for (let p = 0; p < pairs.length; p += 2) {
      const slot = pairs[p]!;
      const end = pairs[p + 1]!;
      for (let i = from; i < end; i++) {
        const term = terms[i]!;
        if (dfs[term] === 0) first[term] = slot;
        else if (slot - previous[term]! > widest[term]!) widest[term] = slot - previous[term]!;
        previous[term] = slot;
        dfs[term]!++;
      }
      from = end;
    }
    const widths = new Uint8Array(termCount);
    const offsets = new Uint32Array(termCount + 1);
    for (let t = 0; t < termCount; t++) {
      const gap = widest[t]!;
      widths[t] = gap < 0x100 ? 1 : gap < 0x10000 ? 2 : gap < 0x1000000 ? 3 : 4;
      offsets[t + 1] = offsets[t]! + dfs[t]! * (widths[t]! + 1);
    }
    // Second pass: write each posting (gap, then count) at its term's cursor.
    const bytes = new Uint8Array(offsets[termCount]!);
    const cursor = offsets.slice(0, termCount);
    previous.set(first);
    from = 0;
    for (let p = 0; p < pairs.length; p += 2) {
      const slot = pairs[p]!;
      const end = pairs[p + 1]!;
      for (let i = from; i < end; i++) {
        const term = terms[i]!;
        let at = cursor[term]!;
        const gap = slot - previous[term]!;
        previous[term] = slot;
        for (let w = 0, width = widths[term]!; w < width; w++) bytes[at++] = (gap >>> (8 * w)) & 0xff;
        bytes[at++] = tfsIn[i]!;
        cursor[term] = at;
      }
      from = end;
    }
    this.offsets = offsets;
    this.bytes = bytes;
    this.widths = widths;
    this.firstSlots = first;
    this.dfs = dfs;
    this.baseTerms = termCount;
    this.basePostings = this.#streamUsed;
    this.#streamTerms = null;
    this.#streamTfs = null;
    this.#streamSlots = [];
  }

  /**
   * For every posting of `term` (base and delta) whose slot is set in `within`: its score
   * `weight · tf / (tf + norms[slot])`, kept in `scores[slot]` when it is the slot's first score
   * of this `stamp` (stamps[slot] !== stamp) or higher than the one there. One pass over the
   * compressed postings, without listing them first: a one-word search over 100,000 listings
   * scores about 50,000 postings of some 25 forms of the word (issue 13).
   */
  maxScoresInto(
    term: number,
    within: Uint32Array,
    weight: number,
    norms: Float32Array,
    scores: Float32Array,
    stamps: Uint32Array,
    stamp: number,
  ): void {
    if (term < this.baseTerms) {
      const n = this.dfs[term]!;
      const bytes = this.bytes;
      const width = this.widths[term]!;
      let slot = this.firstSlots[term]!;
      let p = this.offsets[term]!;
      for (let k = 0; k < n; k++, p += width + 1) {
        slot += width === 2 ? bytes[p]! | (bytes[p + 1]! << 8) : gapAt(bytes, p, width);
        if ((within[slot >>> 5]! & (1 << (slot & 31))) === 0) continue;
        const tf = bytes[p + width]!;
        const score = (weight * tf) / (tf + norms[slot]!);
        if (stamps[slot] !== stamp) {
          stamps[slot] = stamp;
          scores[slot] = score;
        } else if (score > scores[slot]!) scores[slot] = score;
      }
    }
    const list = this.delta.get(term);
    if (!list) return;
    for (let p = 0; p < list.slots.length; p++) {
      const slot = list.slots[p]!;
      if ((within[slot >>> 5]! & (1 << (slot & 31))) === 0) continue;
      const tf = list.tfs[p]!;
      const score = (weight * tf) / (tf + norms[slot]!);
      if (stamps[slot] !== stamp) {
        stamps[slot] = stamp;
        scores[slot] = score;
      } else if (score > scores[slot]!) scores[slot] = score;
    }
  }

  /**
   * The block summaries of a base term (undefined for a term of the delta only), made with `norm`,
   * the length norm at average length `average`.
   */
  blocksOf(term: number, docLength: Float32Array, norm: (length: number) => number, average: number): TermBlocks | undefined {
    if (term >= this.baseTerms) return undefined;
    const known = this.#blocks.get(term);
    if (known) return known;
    const n = this.dfs[term]!;
    const count = Math.ceil(n / BLOCK);
    const blocks: TermBlocks = {
      offsets: new Uint32Array(count),
      fromSlots: new Uint32Array(count),
      best: new Float64Array(count),
      average,
    };
    const bytes = this.bytes;
    const width = this.widths[term]!;
    let slot = this.firstSlots[term]!;
    let p = this.offsets[term]!;
    for (let k = 0; k < n; k++, p += width + 1) {
      const b = (k / BLOCK) | 0;
      if (k % BLOCK === 0) {
        blocks.offsets[b] = p;
        blocks.fromSlots[b] = slot;
      }
      slot += gapAt(bytes, p, width);
      const tf = bytes[p + width]!;
      const unit = tf / (tf + norm(docLength[slot]!));
      if (unit > blocks.best[b]!) blocks.best[b] = unit;
    }
    this.#blocks.set(term, blocks);
    return blocks;
  }

  /**
   * maxScoresInto for block `b` of a base term only; the slots whose score was set or raised are
   * added to `changed` from `used` on, and the new length returned.
   */
  blockScoresInto(
    term: number,
    blocks: TermBlocks,
    b: number,
    within: Uint32Array,
    weight: number,
    norms: Float32Array,
    scores: Float32Array,
    stamps: Uint32Array,
    stamp: number,
    changed: Int32Array,
    used: number,
  ): number {
    const bytes = this.bytes;
    const width = this.widths[term]!;
    const n = Math.min(BLOCK, this.dfs[term]! - b * BLOCK);
    let slot = blocks.fromSlots[b]!;
    let p = blocks.offsets[b]!;
    for (let k = 0; k < n; k++, p += width + 1) {
      slot += gapAt(bytes, p, width);
      if ((within[slot >>> 5]! & (1 << (slot & 31))) === 0) continue;
      const tf = bytes[p + width]!;
      const score = (weight * tf) / (tf + norms[slot]!);
      if (stamps[slot] !== stamp) {
        stamps[slot] = stamp;
        scores[slot] = score;
      } else if (score > scores[slot]!) scores[slot] = score;
      else continue;
      changed[used++] = slot;
    }
    return used;
  }

  /** Sets the bit of every base slot of `term` in `bits` (one bit per slot, 32 per word). */
  orBase(term: number, bits: Uint32Array): void {
    if (term >= this.baseTerms) return;
    const n = this.dfs[term]!;
    const bytes = this.bytes;
    const width = this.widths[term]!;
    let slot = this.firstSlots[term]!;
    let p = this.offsets[term]!;
    if (width === 2) {
      for (let k = 0; k < n; k++, p += 3) {
        slot += bytes[p]! | (bytes[p + 1]! << 8);
        bits[slot >>> 5]! |= 1 << (slot & 31);
      }
      return;
    }
    for (let k = 0; k < n; k++, p += width + 1) {
      slot += gapAt(bytes, p, width);
      bits[slot >>> 5]! |= 1 << (slot & 31);
    }
  }

  /** Number of slots holding a term (dead slots included until the next rebuild). */
  df(term: number): number {
    const base = term < this.baseTerms ? this.dfs[term]! : 0;
    return base + (this.delta.get(term)?.slots.length ?? 0);
  }

  get size(): number {
    return this.basePostings + this.deltaPostings;
  }

  /** Bytes the base segment takes (for the bench's figures). */
  get baseBytes(): number {
    return this.bytes.byteLength + this.offsets.byteLength + this.dfs.byteLength + this.widths.byteLength + this.firstSlots.byteLength;
  }

  #growStream(needed: number): void {
    let size = this.#streamTerms!.length;
    while (size < needed) size *= 2;
    const terms = this.#streamTerms instanceof Uint16Array ? new Uint16Array(size) : new Uint32Array(size);
    terms.set(this.#streamTerms!.subarray(0, this.#streamUsed));
    const tfs = new Uint8Array(size);
    tfs.set(this.#streamTfs!.subarray(0, this.#streamUsed));
    this.#streamTerms = terms;
    this.#streamTfs = tfs;
  }

  /** The dictionary outgrew 16-bit term ids: the stream holds 32-bit ones from now on. */
  #widenStream(): void {
    const wide = new Uint32Array(this.#streamTerms!.length);
    wide.set(this.#streamTerms!.subarray(0, this.#streamUsed));
    this.#streamTerms = wide;
  }
}

/** The gap of `width` bytes (little-endian) at `p`. One width per term: its branches are always predicted. */
function gapAt(bytes: Uint8Array, p: number, width: number): number {
  if (width === 1) return bytes[p]!;
  if (width === 3) return bytes[p]! | (bytes[p + 1]! << 8) | (bytes[p + 2]! << 16);
  if (width === 2) return bytes[p]! | (bytes[p + 1]! << 8);
  return (bytes[p]! | (bytes[p + 1]! << 8) | (bytes[p + 2]! << 16)) + bytes[p + 3]! * 0x1000000;
}
