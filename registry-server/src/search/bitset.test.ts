import { describe, expect, it } from 'vitest';
import { countAnd, nonZeroWords, popcount32 } from './bitset.ts';

function naiveCountAnd(a: Uint32Array, b: Uint32Array): number {
  let total = 0;
  for (let w = 0; w < a.length; w++) for (let bit = 0; bit < 32; bit++) if ((a[w]! & b[w]! & (1 << bit)) !== 0) total++;
  return total;
}

const allWords = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe('countAnd', () => {
  it('counts every bit of full words, eight at a time and in the remainder (no byte overflows)', () => {
    for (const n of [0, 1, 7, 8, 9, 16, 23, 64]) {
      const ones = new Uint32Array(n).fill(0xffffffff);
      expect(countAnd(ones, ones, allWords(n))).toBe(32 * n);
    }
  });

  it('equals a bit-by-bit count on random sets, over all words or only the non-zero ones', () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed);
    for (const n of [5, 8, 31, 100, 1000]) {
      for (const density of [0.02, 0.44, 0.97]) {
        const a = new Uint32Array(n);
        const b = new Uint32Array(n);
        for (let w = 0; w < n; w++) {
          for (let bit = 0; bit < 32; bit++) {
            if (random() / 2 ** 32 < density) a[w]! |= 1 << bit;
            if (random() / 2 ** 32 < 0.5) b[w]! |= 1 << bit;
          }
        }
        const expected = naiveCountAnd(a, b);
        expect(countAnd(a, b, allWords(n))).toBe(expected);
        expect(countAnd(a, b, nonZeroWords(a))).toBe(expected);
      }
    }
  });

  it('popcount32 counts the sign bit', () => {
    expect(popcount32(0x80000001)).toBe(2);
    expect(popcount32(0xffffffff)).toBe(32);
  });
});
