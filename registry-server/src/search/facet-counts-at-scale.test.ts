// Facet counts at a size where the engine counts some facets from the listed matches and others
// through bitsets (facets.ts picks per facet), checked against counts made the plain way, value
// by value, for many searches: with and without words, with one or two filters.
import { describe, expect, it } from 'vitest';
import { find, indexOf, listing } from './search-test-fixtures.ts';
import type { SearchDocument } from './search-document.ts';
import { SHOWN_FACETS, type FacetName } from './facets.ts';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return {
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    some: <T>(items: readonly T[], most: number): T[] => [
      ...new Set(Array.from({ length: Math.floor(next() * (most + 1)) }, () => items[Math.floor(next() * items.length)]!)),
    ],
  };
}

const WORDS = ['kitchen', 'school', 'bakery', 'garden', 'repair', 'sewing'];
const NODES = ['liege', 'milan', 'athens', 'sofia', 'ljubljana', 'pordenone', 'trieste'];
const COUNTRIES = ['BE', 'IT', 'GR', 'BG', 'SI'];
const SECTORS = Array.from({ length: 20 }, (_, i) => `AM${i}`);
const LANGUAGES = Array.from({ length: 120 }, (_, i) => `l${i}`);
const NEEDS = ['kitchen', 'space', 'funding', 'storage', 'internet'];

function corpus(size: number, seed: number): SearchDocument[] {
  const r = random(seed);
  return Array.from({ length: size }, (_, i) =>
    listing(`doc-${i}`, {
      kind: r.next() < 0.85 ? 'initiative' : 'goodPractice',
      text: r.some(WORDS, 3).join(' '),
      node: r.pick(NODES),
      country: r.pick(COUNTRIES),
      sector: r.some(SECTORS, 2),
      languageOffered: r.some(LANGUAGES, 4),
      need: r.some(NEEDS, 3),
      migrantLed: r.next() < 0.5,
      reservedArticle: r.some(['eu-art20', 'eu-art77'], 1),
      teamSize: r.some(['1-4', '5-9', '10-19'], 1),
    }),
  );
}

/** What a facet value of `doc` is, as the index reads it. */
function valuesOf(doc: SearchDocument, facet: FacetName): string[] {
  switch (facet) {
    case 'kind':
      return [doc.kind === 'initiative' ? 'INITIATIVE' : 'GOOD_PRACTICE'];
    case 'migrantLed':
      return [String(doc.migrantLed)];
    case 'practiceType':
      return doc.practiceType ? [doc.practiceType] : [];
    case 'node':
    case 'country':
      return [doc[facet]];
    default:
      return doc[facet as 'sector' | 'legalForm' | 'languageOffered' | 'need'] as string[];
  }
}

describe('facet counts over thousands of listings', () => {
  const docs = corpus(6_000, 13);
  const index = indexOf(docs);
  const r = random(7);

  it('equal the counts made listing by listing, for every facet and value', () => {
    for (let run = 0; run < 40; run++) {
      const text = run % 4 === 0 ? undefined : r.pick(WORDS);
      const filters: Partial<Record<FacetName, string[]>> = {};
      if (run % 3 !== 0) filters.country = [r.pick(COUNTRIES)];
      if (run % 5 === 1) filters.sector = [r.pick(SECTORS), r.pick(SECTORS)];
      const result = find(index, { text, filters, first: 0 });
      const matchesExcept = (skip: FacetName | null) =>
        docs.filter(
          (doc) =>
            (!text || doc.texts.some((t) => t.text.split(' ').includes(text))) &&
            Object.entries(filters).every(
              ([facet, wanted]) => facet === skip || valuesOf(doc, facet as FacetName).some((v) => wanted!.includes(v)),
            ),
        );
      expect(result.total, `run ${run}`).toBe(matchesExcept(null).length);
      for (const facet of SHOWN_FACETS) {
        const expected = new Map<string, number>();
        // A facet's counts leave out its own filter (disjunctive facets).
        for (const doc of matchesExcept(facet in filters ? facet : null))
          for (const value of valuesOf(doc, facet)) expected.set(value, (expected.get(value) ?? 0) + 1);
        const got = new Map(
          result.facets
            .find((f) => f.name === facet)!
            .values.filter((v) => v.count > 0)
            .map((v) => [v.value, v.count]),
        );
        expect(got, `run ${run}, ${facet}`).toEqual(expected);
      }
    }
  });
});
