// The compressed base segment must give back exactly the postings it was built from: every
// slot and count, in slot order, across gap widths of one to four bytes, with term ids past 16 bits,
// and with the delta segment after sealing.
import { describe, expect, it } from 'vitest';
import { Postings } from './postings.ts';

/** A deterministic pseudo-random sequence (no flaky inputs). */
function random(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

type Expected = Map<number, Array<[number, number]>>;

function build(
  slots: number[],
  termsOf: (slot: number) => number[],
  termCount: number,
  expected = 16,
): { postings: Postings; want: Expected } {
  const postings = new Postings(expected);
  const want: Expected = new Map();
  for (const slot of slots) {
    const terms = termsOf(slot);
    const tfs = terms.map((t) => (slot + t) % 256);
    postings.add(slot, terms, tfs, terms.length);
    terms.forEach((t, i) => {
      if (!want.has(t)) want.set(t, []);
      want.get(t)!.push([slot, tfs[i]!]);
    });
  }
  postings.seal(termCount);
  return { postings, want };
}

/** Score buffers of one size, shared by every call (a fresh stamp each time). */
const buffers = new Map<number, { norms: Float32Array; scores: Float32Array; stamps: { of: Uint32Array; last: number } }>();
function buffersOf(size: number) {
  let found = buffers.get(size);
  if (!found) {
    found = { norms: new Float32Array(size).fill(1), scores: new Float32Array(size), stamps: { of: new Uint32Array(size), last: 0 } };
    buffers.set(size, found);
  }
  return found;
}

/**
 * A term's base postings as maxScoresInto reads them (weight 1 and norms 1 score a count tf as
 * tf / (tf + 1), from which the count comes back), after checking orBase sets the same slots and
 * maxScoresInto within half of them reads that half (slots: above the highest slot).
 */
function decoded(postings: Postings, term: number, slots = 1 << 20): Array<[number, number]> {
  const size = ((slots >>> 5) + 1) * 32;
  const { norms, scores, stamps } = buffersOf(size);
  const pairsWithin = (within: Uint32Array): Array<[number, number]> => {
    const stamp = ++stamps.last;
    postings.maxScoresInto(term, within, 1, norms, scores, stamps.of, stamp);
    const pairs: Array<[number, number]> = [];
    within.forEach((word, w) => {
      for (let b = 0; word !== 0 && b < 32; b++) {
        const slot = w * 32 + b;
        if (word & (1 << b) && stamps.of[slot] === stamp) pairs.push([slot, Math.round(scores[slot]! / (1 - scores[slot]!))]);
      }
    });
    return pairs;
  };
  const bits = new Uint32Array((slots >>> 5) + 1);
  postings.orBase(term, bits);
  const pairs = pairsWithin(bits);
  const set: number[] = [];
  bits.forEach((word, w) => {
    for (let b = 0; b < 32; b++) if (word & (1 << b)) set.push(w * 32 + b);
  });
  expect(set, `orBase of term ${term}`).toEqual(pairs.map(([slot]) => slot));
  // Within every other slot of its own: exactly those postings.
  const half = new Uint32Array(bits.length);
  pairs.forEach(([slot], i) => {
    if (i % 2 === 0) half[slot >>> 5]! |= 1 << (slot & 31);
  });
  expect(pairsWithin(half)).toEqual(pairs.filter((_, i) => i % 2 === 0));
  return pairs;
}

describe('compressed postings', () => {
  it('give back every slot and count of every term, with gaps of one to four bytes', () => {
    const next = random(7);
    // Dense slots first, then sparse ones far apart (gaps past 2^8, 2^16 and 2^24).
    const slots = [0, 1, 2, 3, 130, 131, 20_000, 20_001, 3_000_000, 20_000_000];
    for (let s = 20_000_001; s < 20_000_400; s++) slots.push(s);
    const { postings, want } = build(
      slots,
      (slot) => [0, 1 + (slot % 5), 10 + Math.floor(next() * 20)].filter((t, i, all) => all.indexOf(t) === i),
      40,
    );
    for (let term = 0; term < 40; term++) {
      expect(decoded(postings, term, 20_001_000), `term ${term}`).toEqual(want.get(term) ?? []);
      expect(postings.df(term)).toBe(want.get(term)?.length ?? 0);
    }
    expect(postings.size).toBe([...want.values()].reduce((n, list) => n + list.length, 0));
    // Never more than a 32-bit gap and a count byte.
    expect(postings.bytes.byteLength).toBeLessThanOrEqual(postings.size * 5);
  });

  it('takes term ids past 16 bits, even after the stream started with small ones', () => {
    const { postings, want } = build(
      [0, 5, 9, 70_000],
      (slot) => (slot === 0 ? [3, 4] : slot === 5 ? [3, 4, 65_536] : [3, 70_000 + slot, 65_535]),
      70_000 + 70_001,
    );
    for (const term of [3, 4, 65_535, 65_536, 70_009, 140_000]) expect(decoded(postings, term), `term ${term}`).toEqual(want.get(term));
    expect(decoded(postings, 12)).toEqual([]);
  });

  it('grows a stream sized too small, and keeps later additions in the delta', () => {
    const slots = Array.from({ length: 5_000 }, (_, i) => i * 3);
    const { postings, want } = build(slots, (slot) => [slot % 7, 7 + (slot % 11)], 18, 1);
    for (let term = 0; term < 18; term++) expect(decoded(postings, term)).toEqual(want.get(term));
    // Every gap here fits a byte: two bytes per posting, instead of five uncompressed.
    expect(postings.bytes.byteLength).toBe(postings.size * 2);
    postings.add(20_000, [2, 25], [9, 4], 2);
    expect(postings.delta.get(2)).toEqual({ slots: [20_000], tfs: [9] });
    expect(postings.df(2)).toBe(want.get(2)!.length + 1);
    expect(postings.df(25)).toBe(1);
    expect(decoded(postings, 25)).toEqual([]);
  });
});
