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

/** Each byte of `x` replaced by the number of its bits set (0–8): the first steps of popcount32. */
function bytePopcounts(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (x + (x >>> 4)) & 0x0f0f0f0f;
}

/**
 * Size of `bits ∩ other` over the given words of `bits`. Facet counts call this for every value
 * over every word of the matches (issue 13: a one-word search matches ~44,000 of 100,000
 * listings), so it sums the per-byte counts of eight words before adding the bytes up once:
 * each byte then holds at most 64 and the four bytes are added in two 16-bit lanes (their sum,
 * up to 256, would not fit in one byte). About a third of the work of a popcount per word.
 */
export function countAnd(bits: Bitset, other: Bitset, words: Int32Array): number {
  let total = 0;
  const whole = words.length & ~7;
  for (let i = 0; i < whole; i += 8) {
    const w0 = words[i]!,
      w1 = words[i + 1]!,
      w2 = words[i + 2]!,
      w3 = words[i + 3]!;
    const w4 = words[i + 4]!,
      w5 = words[i + 5]!,
      w6 = words[i + 6]!,
      w7 = words[i + 7]!;
    const bytes =
      bytePopcounts(bits[w0]! & other[w0]!) +
      bytePopcounts(bits[w1]! & other[w1]!) +
      bytePopcounts(bits[w2]! & other[w2]!) +
      bytePopcounts(bits[w3]! & other[w3]!) +
      bytePopcounts(bits[w4]! & other[w4]!) +
      bytePopcounts(bits[w5]! & other[w5]!) +
      bytePopcounts(bits[w6]! & other[w6]!) +
      bytePopcounts(bits[w7]! & other[w7]!);
    const lanes = (bytes & 0x00ff00ff) + ((bytes >>> 8) & 0x00ff00ff);
    total += (lanes & 0xffff) + (lanes >>> 16);
  }
  for (let i = whole; i < words.length; i++) {
    const w = words[i]!;
    total += popcount32(bits[w]! & other[w]!);
  }
  return total;
}
