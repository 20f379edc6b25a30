// Posting lists: which slots hold a term, and how much (a weighted count, capped at 255). A bulk
// build streams (term, count) pairs per slot and then lays them out once, term by term, in flat
// typed arrays (the base segment). Listings added afterwards go to a small delta segment until
// the next rebuild; their slots are always higher than the base's, so a term's slots stay sorted.

export interface DeltaList {
  slots: number[];
  tfs: number[];
}

export class Postings {
  /** Base segment: slots of term t are slots[offsets[t] … offsets[t + 1]). */
  offsets = new Uint32Array(1);
  slots = new Uint32Array(0);
  tfs = new Uint8Array(0);
  baseTerms = 0;
  readonly delta = new Map<number, DeltaList>();
  deltaPostings = 0;
  #streamTerms: Uint32Array | null;
  #streamTfs: Uint8Array | null;
  #streamUsed = 0;

  /**
   * `expected`: about how many postings the bulk build will stream (a rebuild knows it from the
   * index it replaces). Sizing the stream once avoids doubling it, which at 100,000 listings
   * briefly held three copies (about 100 MB) while the old index was still serving.
   */
  constructor(expected = 1 << 16) {
    const size = Math.max(1 << 16, Math.ceil(expected));
    this.#streamTerms = new Uint32Array(size);
    this.#streamTfs = new Uint8Array(size);
  }

  get sealed(): boolean {
    return this.#streamTerms === null;
  }

  /** Adds one slot's terms (slots must come in ascending order). */
  add(slot: number, terms: ArrayLike<number>, tfs: ArrayLike<number>, n: number): void {
    if (this.#streamTerms && this.#streamTfs) {
      if (this.#streamUsed + n > this.#streamTerms.length) this.#growStream(this.#streamUsed + n);
      for (let i = 0; i < n; i++) {
        this.#streamTerms![this.#streamUsed] = terms[i]!;
        this.#streamTfs![this.#streamUsed] = tfs[i]!;
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

  /** Pairs (slot, end offset in the stream) of the bulk build. */
  #streamSlots: number[] = [];

  /** Lays out the streamed postings as the base segment; later adds go to the delta. */
  seal(termCount: number): void {
    const terms = this.#streamTerms;
    const tfsIn = this.#streamTfs;
    if (!terms || !tfsIn) return;
    const used = this.#streamUsed;
    const offsets = new Uint32Array(termCount + 1);
    for (let i = 0; i < used; i++) offsets[terms[i]! + 1]!++;
    for (let t = 0; t < termCount; t++) offsets[t + 1]! += offsets[t]!;
    const cursor = offsets.slice(0, termCount);
    const slots = new Uint32Array(used);
    const tfs = new Uint8Array(used);
    let from = 0;
    const pairs = this.#streamSlots;
    for (let p = 0; p < pairs.length; p += 2) {
      const slot = pairs[p]!;
      const end = pairs[p + 1]!;
      for (let i = from; i < end; i++) {
        const at = cursor[terms[i]!]!++;
        slots[at] = slot;
        tfs[at] = tfsIn[i]!;
      }
      from = end;
    }
    this.offsets = offsets;
    this.slots = slots;
    this.tfs = tfs;
    this.baseTerms = termCount;
    this.#streamTerms = null;
    this.#streamTfs = null;
    this.#streamSlots = [];
  }

  /** Number of slots holding a term (dead slots included until the next rebuild). */
  df(term: number): number {
    const base = term < this.baseTerms ? this.offsets[term + 1]! - this.offsets[term]! : 0;
    return base + (this.delta.get(term)?.slots.length ?? 0);
  }

  get size(): number {
    return this.slots.length + this.deltaPostings;
  }

  #growStream(needed: number): void {
    let size = this.#streamTerms!.length;
    while (size < needed) size *= 2;
    const terms = new Uint32Array(size);
    terms.set(this.#streamTerms!.subarray(0, this.#streamUsed));
    const tfs = new Uint8Array(size);
    tfs.set(this.#streamTfs!.subarray(0, this.#streamUsed));
    this.#streamTerms = terms;
    this.#streamTfs = tfs;
  }
}
