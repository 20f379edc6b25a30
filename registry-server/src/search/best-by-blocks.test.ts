// The first page of a one-word search found by block bounds must be the page scoring every
// match gives (best-by-blocks.ts): same listings, same order, same scores, for frequent and rare
// words, several page sizes, filters, listings added and removed after the index was built.
import { describe, expect, it, vi } from 'vitest';
import { find, indexOf, listing } from './search-test-fixtures.ts';
import { BLOCKS_FROM } from './query.ts';
import type { SearchDocument } from './search-document.ts';
import type { SearchIndex } from './search-index.ts';

function random(seed: number) {
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

// Forms that share a stem or are fuzzy neighbours, so that a word is scored through several terms.
const WORDS = ['cooperative', 'cooperatives', 'cooperation', 'kitchen', 'kitchens', 'sewing', 'garden', 'gardens', 'repair', 'bakery'];
const FILLER = ['the', 'city', 'women', 'meals', 'work', 'training', 'space', 'market', 'project', 'network', 'local', 'support'];
const COUNTRIES = ['BE', 'IT', 'GR', 'BG', 'SI'];

function corpus(size: number, seed: number, prefix = 'doc'): SearchDocument[] {
  const r = random(seed);
  return Array.from({ length: size }, (_, i) => {
    // Lengths from 3 to 60 words and words repeated up to 4 times: scores spread, and ties occur.
    const words: string[] = [];
    const length = 3 + Math.floor(r.next() * 58);
    for (let w = 0; w < length; w++) words.push(r.next() < 0.15 ? r.pick(WORDS) : r.pick(FILLER));
    return listing(`${prefix}-${i}`, { text: words.join(' '), country: r.pick(COUNTRIES) });
  });
}

function compare(index: SearchIndex, text: string, first: number, filters?: { country: string[] }) {
  const fast = find(index, { text, first, filters });
  const every = find(index, { text, first, filters, exhaustive: true });
  const page = (result: typeof fast) => result.hits.map((h) => ({ id: h.id, score: h.score, cursor: h.cursor }));
  expect(page(fast), `${text} first ${first}`).toEqual(page(every));
  expect(fast.total).toBe(every.total);
  expect(fast.hasNextPage).toBe(every.hasNextPage);
  expect(fast.facets).toEqual(every.facets);
}

describe('the first page of a one-word search by block bounds', () => {
  const docs = corpus(8_000, 21);
  const index = indexOf(docs);

  it('is the page scoring every match gives, for every word and page size', () => {
    const spy = vi.spyOn(index.postings, 'blockScoresInto');
    for (const text of [...WORDS, 'women', 'nothing-matches']) for (const first of [1, 5, 20, 50]) compare(index, text, first);
    expect(spy).toHaveBeenCalled(); // the comparisons went through blocks
    spy.mockRestore();
  });

  it('is the same page under filters', () => {
    const spy = vi.spyOn(index.postings, 'blockScoresInto');
    for (const text of WORDS)
      for (const country of COUNTRIES) for (const first of [1, 5]) compare(index, text, first, { country: [country] });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it('scores every match instead when matches are sparse (fewer than BLOCKS_FROM per hit asked)', () => {
    const spy = vi.spyOn(index.postings, 'blockScoresInto');
    const result = find(index, { text: 'bakery', first: 20, filters: { country: ['BE'] } });
    expect(result.total).toBeGreaterThan(0);
    expect(result.total).toBeLessThan(BLOCKS_FROM * 20);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('scores only some of the blocks of a frequent word', () => {
    const spy = vi.spyOn(index.postings, 'blockScoresInto');
    const result = find(index, { text: 'women', first: 20 });
    expect(result.total).toBeGreaterThan(4_000);
    const blocks = Math.ceil(result.total / 64);
    expect(spy.mock.calls.length).toBeGreaterThan(0);
    expect(spy.mock.calls.length).toBeLessThan(blocks / 2);
    spy.mockRestore();
  });

  it('counts listings added and removed since the index was built', () => {
    const later = indexOf(docs);
    for (const doc of corpus(300, 5, 'new')) later.upsert(doc);
    for (let i = 0; i < 400; i += 3) later.remove(`doc-${i}`);
    for (const text of WORDS) for (const first of [1, 20]) compare(later, text, first);
  });
});
