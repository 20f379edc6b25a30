// A compaction rebuild reuses the old index's dictionary and typo table: the new index must find
// the old words and the new ones, with a typo too, while the old index keeps answering.
import { describe, expect, it } from 'vitest';
import { SearchIndex } from './search-index.ts';
import { find, ids, indexOf, listing } from './search-test-fixtures.ts';

describe('an index rebuilt on the old dictionary', () => {
  it('shares the typo table, finds old and new words with a typo, and leaves the old index working', () => {
    const old = indexOf([
      listing('bakery', { text: 'Cooperative bakery', language: 'en' }),
      listing('bikes', { text: 'Bicycle repair', language: 'en' }),
    ]);
    const rebuilt = new SearchIndex({ expected: 3, expectedPostings: 10, analyzer: old.analyzer, typos: old.typos });
    expect(rebuilt.typos).toBe(old.typos);
    for (const doc of [
      listing('bakery', { text: 'Cooperative bakery', language: 'en' }),
      listing('tailor', { text: 'Tailoring workshop', language: 'en' }),
    ])
      rebuilt.upsert(doc);
    rebuilt.seal();
    expect(ids(find(rebuilt, { text: 'bakrey' }))).toEqual(['bakery']);
    expect(ids(find(rebuilt, { text: 'worksohp' }))).toEqual(['tailor']);
    expect(ids(find(rebuilt, { text: 'bicycle' }))).toEqual([]);
    expect(ids(find(old, { text: 'bicylce' }))).toEqual(['bikes']);
    expect(ids(find(old, { text: 'workshop' }))).toEqual([]);
  });

  it('refuses a typo table without the dictionary it was built on', () => {
    const old = indexOf([listing('a', { text: 'Bakery' })]);
    expect(() => new SearchIndex({ typos: old.typos })).toThrow(/analyzer/);
  });
});
