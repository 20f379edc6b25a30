// Tolerance of one typo: a deletion table in typed arrays (SymSpell with distance 1). Every term
// of 4 letters or more is entered under itself and under each of its one-letter deletions; a
// search word and its deletions are looked up, and each candidate is checked to be at most one
// edit away (insertion, deletion, substitution or swap of two neighbours). A Map of strings
// would hold about 700 MB at 100,000 listings; this table about 50 MB.
import type { TermDictionary } from './term-dictionary.ts';

export const MIN_TYPO_TERM = 4;

export class TypoIndex {
  #h1 = new Int32Array(1 << 16);
  #h2 = new Int32Array(1 << 16);
  #term = new Int32Array(1 << 16).fill(-1);
  #size = 0;
  /** Terms of the dictionary entered so far (ids below this). */
  #covered = 0;

  /** Enters the dictionary's terms added since the last call. */
  catchUp(dictionary: TermDictionary): void {
    const terms = dictionary.terms;
    for (let id = this.#covered; id < terms.length; id++) this.#addTerm(id, terms[id]!);
    this.#covered = terms.length;
  }

  /** Ids of terms at most one edit from `word` (folded), at most `limit`. */
  candidates(word: string, dictionary: TermDictionary, limit: number): number[] {
    const found = new Set<number>();
    this.#collect(word, -1, found);
    for (let skip = 0; skip < word.length; skip++) this.#collect(word, skip, found);
    const out: number[] = [];
    for (const id of found) {
      if (withinOneEdit(word, dictionary.terms[id]!)) {
        out.push(id);
        if (out.length >= limit) break;
      }
    }
    return out;
  }

  #collect(word: string, skip: number, found: Set<number>): void {
    const [h1, h2] = hashSkipping(word, skip);
    const mask = this.#h1.length - 1;
    let slot = (h1 ^ Math.imul(h2, 0x9e3779b1)) & mask;
    while (this.#term[slot] !== -1) {
      if (this.#h1[slot] === h1 && this.#h2[slot] === h2) found.add(this.#term[slot]!);
      slot = (slot + 1) & mask;
    }
  }

  #addTerm(id: number, term: string): void {
    if (term.length < MIN_TYPO_TERM) return;
    this.#insert(term, -1, id);
    let previous = -1;
    for (let skip = 0; skip < term.length; skip++) {
      // Deleting either letter of a double letter gives the same key: enter it once.
      const code = term.charCodeAt(skip);
      if (code !== previous) this.#insert(term, skip, id);
      previous = code;
    }
  }

  #insert(term: string, skip: number, id: number): void {
    if ((this.#size + 1) * 10 > this.#h1.length * 6) this.#grow();
    const [h1, h2] = hashSkipping(term, skip);
    const mask = this.#h1.length - 1;
    let slot = (h1 ^ Math.imul(h2, 0x9e3779b1)) & mask;
    while (this.#term[slot] !== -1) slot = (slot + 1) & mask;
    this.#h1[slot] = h1;
    this.#h2[slot] = h2;
    this.#term[slot] = id;
    this.#size++;
  }

  #grow(): void {
    const [h1, h2, terms] = [this.#h1, this.#h2, this.#term];
    const size = h1.length * 2;
    this.#h1 = new Int32Array(size);
    this.#h2 = new Int32Array(size);
    this.#term = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let i = 0; i < h1.length; i++) {
      if (terms[i] === -1) continue;
      let slot = (h1[i]! ^ Math.imul(h2[i]!, 0x9e3779b1)) & mask;
      while (this.#term[slot] !== -1) slot = (slot + 1) & mask;
      this.#h1[slot] = h1[i]!;
      this.#h2[slot] = h2[i]!;
      this.#term[slot] = terms[i]!;
    }
  }
}

/** Two 32-bit hashes of `word` without the character at `skip` (-1: the whole word). */
function hashSkipping(word: string, skip: number): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 5381;
  for (let i = 0; i < word.length; i++) {
    if (i === skip) continue;
    const c = word.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = (Math.imul(h2, 33) ^ c) | 0;
  }
  return [h1, h2];
}

/** Whether a and b differ by at most one insertion, deletion, substitution or adjacent swap. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    // A swap of two neighbours.
    return (
      i + 1 < la && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && a.slice(i + 2) === b.slice(i + 2)
    );
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
