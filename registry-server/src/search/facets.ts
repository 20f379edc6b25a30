// Facets: for each value, the set of slots that have it (a bitset, for filters and big counts),
// and for each slot, its values (append-only lists, for counting small result sets). Counting
// picks, per facet, whichever of the two walks touches less memory.
import { countAnd, forEachSlot, setBit, widen, type Bitset } from './bitset.ts';

export const FACET_NAMES = [
  'node',
  'country',
  'sector',
  'practiceType',
  'legalForm',
  'languageOffered',
  'migrantLed',
  'need',
  'kind',
  'activity',
  // Issue 15 point 3 (ADR 0035): grounds for reserved contracts, by EU article and by ground, and team size.
  'reservedArticle',
  'reservedBasis',
  'teamSize',
] as const;
export type FacetName = (typeof FACET_NAMES)[number];
/** Facets shown to readers; `activity` only serves searches by category name. */
export const SHOWN_FACETS: readonly FacetName[] = FACET_NAMES.filter((f) => f !== 'activity');

export class Facet {
  readonly name: FacetName;
  readonly values: string[] = [];
  bits: Bitset[] = [];
  readonly #ids = new Map<string, number>();
  #words: number;
  /** Values of slot s: vals[start[s] … start[s + 1]). */
  start: Uint32Array;
  vals = new Uint16Array(1024);
  #valsUsed = 0;

  constructor(name: FacetName, capacity: number) {
    this.name = name;
    this.#words = capacity >>> 5;
    this.start = new Uint32Array(capacity + 1);
  }

  valueId(value: string): number | undefined {
    return this.#ids.get(value);
  }

  /** Records the values of `slot`, the next slot (slots are appended in order). */
  addSlot(slot: number, values: readonly string[]): void {
    const from = this.start[slot]!;
    let at = from;
    for (const value of values) {
      let id = this.#ids.get(value);
      if (id === undefined) {
        id = this.values.length;
        if (id >= 65535) continue;
        this.values.push(value);
        this.#ids.set(value, id);
        this.bits.push(new Uint32Array(this.#words));
      }
      // Duplicates in one slot would be counted twice.
      let seen = false;
      for (let j = from; j < at; j++) if (this.vals[j] === id) seen = true;
      if (seen) continue;
      if (at >= this.vals.length) {
        const grown = new Uint16Array(this.vals.length * 2);
        grown.set(this.vals);
        this.vals = grown;
      }
      this.vals[at++] = id;
      setBit(this.bits[id]!, slot);
    }
    this.#valsUsed = at;
    this.start[slot + 1] = at;
  }

  /** Average number of values per slot, for choosing how to count. */
  valuesPerSlot(slots: number): number {
    return slots === 0 ? 0 : this.#valsUsed / slots;
  }

  resize(capacity: number): void {
    this.#words = capacity >>> 5;
    this.bits = this.bits.map((b) => widen(b, this.#words));
    const start = new Uint32Array(capacity + 1);
    start.set(this.start.subarray(0, Math.min(this.start.length, capacity + 1)));
    this.start = start;
  }

  /** The slots having any of `values` (OR), into `out` (or a new set); values never seen give nothing. */
  union(values: readonly string[], out: Bitset = new Uint32Array(this.#words)): Bitset {
    out.fill(0);
    for (const value of values) {
      const id = this.#ids.get(value);
      if (id === undefined) continue;
      const bits = this.bits[id]!;
      for (let w = 0; w < out.length; w++) out[w]! |= bits[w]!;
    }
    return out;
  }

  /**
   * Whether counting `size` slots spread over `words` words is cheaper by walking the slots (listed
   * beforehand when `listed`) than by intersecting each value's bits with the set. A listed slot
   * costs one read and its values; decoding it from the bits first costs more. The bit walk sums
   * eight words at a time (bitset.ts countAnd), about a third of a slot's cost per word.
   */
  prefersSlots(words: number, size: number, slotsInIndex: number, listed: boolean): boolean {
    const bitCost = (this.values.length * words) / 3;
    return size * (1 + this.valuesPerSlot(slotsInIndex)) * (listed ? 1 : 3) < bitCost;
  }

  /**
   * Counts, per value, the slots of `set` having it. `words` are the non-zero words of `set` and
   * `size` its number of slots; `slots`, when given, are the slots of `set` already listed (the
   * first `size` of them), shared by the facets that count the same set. Returns counts indexed by
   * value id.
   */
  count(set: Bitset, words: Int32Array, size: number, slotsInIndex: number, slots?: Int32Array): Int32Array {
    const counts = new Int32Array(this.values.length);
    if (this.prefersSlots(words.length, size, slotsInIndex, slots !== undefined)) {
      const { start, vals } = this;
      if (slots) {
        for (let i = 0; i < size; i++) {
          const slot = slots[i]!;
          for (let j = start[slot]!, end = start[slot + 1]!; j < end; j++) counts[vals[j]!]!++;
        }
      } else
        forEachSlot(
          set,
          (slot) => {
            for (let j = start[slot]!; j < start[slot + 1]!; j++) counts[vals[j]!]!++;
          },
          words,
        );
    } else {
      for (let v = 0; v < this.values.length; v++) counts[v] = countAnd(set, this.bits[v]!, words);
    }
    return counts;
  }
}
