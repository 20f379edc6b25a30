// The first page of a one-word search by relevance without scoring every match. A common word
// matches half of 100,000 listings (issue 13); scoring them all and keeping the best 20 took
// about a third of the search. A one-word score is the best of its forms' scores, so a block of
// postings whose bound (its best score when the block summary was made, postings.ts TermBlocks)
// is below the 20th best score found so far cannot change the page: blocks are scored best bound first, and the search
// stops at the first block that cannot. The page is the one scoring every match gives, scores
// included (a test compares both on random words); the bound only decides what is skipped
// ("block-max" in the information-retrieval literature).
import type { Bitset } from './bitset.ts';
import type { SearchIndex } from './search-index.ts';
import type { TermBlocks } from './postings.ts';

/** A bound is raised by this much so that float32 rounding of norms and scores never makes it too low. */
const SAFETY = 1 + 1e-6;

interface Item {
  bound: number;
  run: () => void;
}

/**
 * Scores, into `scores`/`stamps` (stamp `stamp`), enough of the matches for the best `k` of them
 * to be known, and sets their slots (and every other slot scored) in `scored`. `marks` is scratch
 * space of the index's capacity, `mark` a non-zero stamp never used in it before.
 */
export function scoreBestByBlocks(
  index: SearchIndex,
  forms: ReadonlyArray<{ term: number; weight: number }>,
  categories: ReadonlyArray<{ set: Bitset; score: number }>,
  matched: Bitset,
  norm: (length: number) => number,
  average: number,
  norms: Float32Array,
  scores: Float32Array,
  stamps: Uint32Array,
  stamp: number,
  k: number,
  scored: Bitset,
  changed: Int32Array,
  marks: Uint32Array,
  mark: number,
): void {
  const { postings, docLength } = index;
  const top = new BestScores(k, marks, mark);
  const offer = (slot: number) => {
    scored[slot >>> 5]! |= 1 << (slot & 31);
    top.offer(slot, scores[slot]!);
  };
  const items: Item[] = [];
  for (const { term, weight } of forms) {
    const blocks: TermBlocks | undefined = postings.blocksOf(term, docLength, norm, average);
    if (blocks) {
      const scale = weight * Math.max(1, average / blocks.average) * SAFETY;
      for (let b = 0; b < blocks.best.length; b++) {
        items.push({
          bound: blocks.best[b]! * scale,
          run: () => {
            const used = postings.blockScoresInto(term, blocks, b, matched, weight, norms, scores, stamps, stamp, changed, 0);
            for (let i = 0; i < used; i++) offer(changed[i]!);
          },
        });
      }
    }
    // Listings added since the last rebuild: few, scored first.
    const delta = postings.delta.get(term);
    if (delta)
      items.push({
        bound: Infinity,
        run: () => {
          for (let p = 0; p < delta.slots.length; p++) {
            const slot = delta.slots[p]!;
            if ((matched[slot >>> 5]! & (1 << (slot & 31))) === 0) continue;
            const tf = delta.tfs[p]!;
            const score = (weight * tf) / (tf + norms[slot]!);
            if (stamps[slot] !== stamp) {
              stamps[slot] = stamp;
              scores[slot] = score;
            } else if (score > scores[slot]!) scores[slot] = score;
            else continue;
            offer(slot);
          }
        },
      });
  }
  for (const { set, score } of categories)
    items.push({
      bound: score * SAFETY,
      run: () => {
        for (let w = 0; w < set.length; w++) {
          let x = set[w]! & matched[w]!;
          while (x !== 0) {
            const low = x & -x;
            x ^= low;
            const slot = (w << 5) | (31 - Math.clz32(low));
            if (stamps[slot] !== stamp) {
              stamps[slot] = stamp;
              scores[slot] = score;
            } else if (score > scores[slot]!) scores[slot] = score;
            else continue;
            offer(slot);
          }
        }
      },
    });
  items.sort((a, b) => b.bound - a.bound);
  for (const item of items) {
    // Strictly below: a listing scoring exactly the k-th score may still win its place on the tie-break.
    if (top.full && item.bound < top.lowest) break;
    item.run();
  }
}

/**
 * The k best scores of distinct slots seen so far. A slot offered again (a higher score from
 * another form) replaces its own entry, so `lowest` is always a score that k distinct matches
 * reach: the k-th best score of the search can only be higher.
 */
class BestScores {
  readonly #slots: Int32Array;
  readonly #scores: Float64Array;
  /** marks[slot] === mark: the slot has an entry. */
  readonly #marks: Uint32Array;
  readonly #mark: number;
  #size = 0;
  #lowestAt = 0;
  constructor(k: number, marks: Uint32Array, mark: number) {
    this.#slots = new Int32Array(k);
    this.#scores = new Float64Array(k);
    this.#marks = marks;
    this.#mark = mark;
  }

  get full(): boolean {
    return this.#size === this.#slots.length && this.#size > 0;
  }

  get lowest(): number {
    return this.#scores[this.#lowestAt]!;
  }

  offer(slot: number, score: number): void {
    if (this.#marks[slot] === this.#mark) {
      const at = this.#slots.indexOf(slot);
      this.#scores[at] = score;
      if (at === this.#lowestAt) this.#findLowest();
      return;
    }
    let at: number;
    if (this.#size < this.#slots.length) at = this.#size++;
    else if (score > this.lowest) {
      at = this.#lowestAt;
      this.#marks[this.#slots[at]!] = 0;
    } else return;
    this.#slots[at] = slot;
    this.#scores[at] = score;
    this.#marks[slot] = this.#mark;
    this.#findLowest();
  }

  #findLowest(): void {
    let at = 0;
    for (let i = 1; i < this.#size; i++) if (this.#scores[i]! < this.#scores[at]!) at = i;
    this.#lowestAt = at;
  }
}
