// Sets of slots as bit arrays (32 slots a word): the form filters, facet values and matches are
// combined in, word by word.

export type Bitset = Uint32Array;

export const wordsFor = (slots: number): number => (slots + 31) >>> 5;

export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

export const setBit = (bits: Bitset, slot: number): void => {
  bits[slot >>> 5]! |= 1 << (slot & 31);
};

export const clearBit = (bits: Bitset, slot: number): void => {
  bits[slot >>> 5]! &= ~(1 << (slot & 31));
};

export const hasBit = (bits: Bitset, slot: number): boolean => (bits[slot >>> 5]! & (1 << (slot & 31))) !== 0;

/** A copy of `bits` widened to `words` words. */
export function widen(bits: Bitset, words: number): Bitset {
  const out = new Uint32Array(words);
  out.set(bits.subarray(0, Math.min(bits.length, words)));
  return out;
}

/** target &= other. */
export function andInto(target: Bitset, other: Bitset): void {
  for (let w = 0; w < target.length; w++) target[w]! &= other[w] ?? 0;
}

/** target |= other. */
export function orInto(target: Bitset, other: Bitset): void {
  const n = Math.min(target.length, other.length);
  for (let w = 0; w < n; w++) target[w]! |= other[w]!;
}

export function count(bits: Bitset): number {
  let total = 0;
  for (let w = 0; w < bits.length; w++) if (bits[w] !== 0) total += popcount32(bits[w]!);
  return total;
}

/** Indexes of the non-zero words, so sparse sets are walked without touching empty words. */
export function nonZeroWords(bits: Bitset): Int32Array {
  let n = 0;
  for (let w = 0; w < bits.length; w++) if (bits[w] !== 0) n++;
  const out = new Int32Array(n);
  n = 0;
  for (let w = 0; w < bits.length; w++) if (bits[w] !== 0) out[n++] = w;
  return out;
}

/** Writes the slots of `bits` (over its non-zero `words`) into `out`, ascending; returns how many. */
export function slotsInto(bits: Bitset, words: Int32Array, out: Int32Array): number {
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let x = bits[w]!;
    while (x !== 0) {
      const low = x & -x;
      out[n++] = (w << 5) | (31 - Math.clz32(low));
      x ^= low;
    }
  }
  return n;
}

/** Calls `each(slot)` for every slot in `bits`, in ascending order. */
export function forEachSlot(bits: Bitset, each: (slot: number) => void, words: Int32Array = nonZeroWords(bits)): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let x = bits[w]!;
    while (x !== 0) {
      const low = x & -x;
      each((w << 5) | (31 - Math.clz32(low)));
      x ^= low;
    }
  }
}

/** Size of `bits ∩ other` over the given words of `bits`. */
export function countAnd(bits: Bitset, other: Bitset, words: Int32Array): number {
  let total = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const x = bits[w]! & other[w]!;
    if (x !== 0) total += popcount32(x);
  }
  return total;
}
