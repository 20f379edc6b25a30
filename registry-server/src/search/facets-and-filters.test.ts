// Facet counts (disjunctive: a facet's counts ignore its own filter), every filter, the circle
// near a point with DISTANCE order, pagination with cursors, and changes after the build
// (update, removal, practice links).
import { describe, expect, it } from 'vitest';
import { decodeCursor } from './cursor.ts';
import { find, ids, indexOf, listing } from './search-test-fixtures.ts';
import type { SearchDocument } from './search-document.ts';

const LIEGE = { lat: 50.6453, lon: 5.5736 };
const MILAN = { lat: 45.4642, lon: 9.19 };
const SOFIA = { lat: 42.6977, lon: 23.3219 };

const docs: SearchDocument[] = [
  listing('kitchen-liege', {
    text: 'food cooperative',
    node: 'liege',
    country: 'BE',
    geo: LIEGE,
    sector: ['AM10'],
    legalForm: ['L2', 'BE-SC'],
    languageOffered: ['ar', 'ar-sy', 'fr'],
    migrantLed: true,
    need: ['kitchen', 'space'],
    updatedAt: 5,
  }),
  listing('school-liege', {
    text: 'language school',
    node: 'liege',
    country: 'BE',
    geo: LIEGE,
    sector: ['AM40'],
    legalForm: ['L4', 'BE-ASBL'],
    languageOffered: ['fr'],
    migrantLed: false,
    need: ['space'],
    updatedAt: 4,
  }),
  listing('kitchen-milan', {
    text: 'food cooperative',
    node: 'milan',
    country: 'IT',
    geo: MILAN,
    sector: ['AM10', 'AM80'],
    legalForm: ['L2', 'IT-COOP-SOC'],
    languageOffered: ['ti'],
    migrantLed: true,
    need: ['funding'],
    updatedAt: 3,
  }),
  listing('kitchen-sofia', {
    text: 'food cooperative',
    node: 'sofia',
    country: 'BG',
    geo: SOFIA,
    sector: ['AM10'],
    legalForm: ['L2'],
    languageOffered: ['ar'],
    migrantLed: false,
    updatedAt: 2,
  }),
  listing('practice-milan', {
    kind: 'goodPractice',
    text: 'food procurement',
    node: 'milan',
    country: 'IT',
    geo: MILAN,
    migrantLed: null,
    practiceType: 'PT6',
    linkedRefs: ['milan/kitchen-milan'],
    updatedAt: 1,
  }),
  listing('nowhere', { text: 'food online', node: 'liege', country: 'BE', geo: null, sector: ['AM10'], updatedAt: 0 }),
];

const counts = (result: ReturnType<typeof find>, facet: string) =>
  Object.fromEntries(result.facets.find((f) => f.name === facet)!.values.map((v) => [v.value, v.count]));

describe('facets', () => {
  const index = indexOf(docs);

  it('counts every facet over the matches, most frequent first', () => {
    const result = find(index, { text: 'food' });
    expect(result.total).toBe(5);
    expect(counts(result, 'node')).toEqual({ liege: 2, milan: 2, sofia: 1 });
    expect(counts(result, 'country')).toEqual({ BE: 2, IT: 2, BG: 1 });
    expect(counts(result, 'sector')).toEqual({ AM10: 4, AM80: 1 });
    expect(counts(result, 'kind')).toEqual({ INITIATIVE: 4, GOOD_PRACTICE: 1 });
    expect(counts(result, 'migrantLed')).toEqual({ true: 2, false: 2 });
    expect(counts(result, 'practiceType')).toEqual({ PT6: 2 });
    expect(counts(result, 'languageOffered')).toEqual({ ar: 2, 'ar-sy': 1, fr: 1, ti: 1 });
    expect(counts(result, 'need')).toEqual({ kitchen: 1, space: 1, funding: 1 });
    expect(result.facets.find((f) => f.name === 'node')!.values[0]!.count).toBe(2);
    expect(result.facets.map((f) => f.name)).not.toContain('activity');
  });

  it('counts a filtered facet without its own filter (disjunctive), and the others with it', () => {
    const result = find(index, { text: 'food', filters: { country: ['IT'] } });
    expect(ids(result)).toEqual(['kitchen-milan', 'practice-milan']);
    expect(counts(result, 'country')).toEqual({ BE: 2, IT: 2, BG: 1 });
    expect(result.facets.find((f) => f.name === 'country')!.values.find((v) => v.value === 'IT')!.selected).toBe(true);
    expect(counts(result, 'node')).toEqual({ milan: 2 });
    const two = find(index, { text: 'food', filters: { country: ['IT', 'BG'], kind: ['INITIATIVE'] } });
    expect(ids(two)).toEqual(['kitchen-milan', 'kitchen-sofia']);
    expect(counts(two, 'country')).toEqual({ BE: 2, IT: 1, BG: 1 });
    expect(counts(two, 'kind')).toEqual({ INITIATIVE: 2, GOOD_PRACTICE: 1 });
  });

  it('applies every filter (OR within a facet, AND across facets)', () => {
    const q = (filters: Record<string, string[]>) => ids(find(index, { filters }));
    expect(q({ node: ['sofia'] })).toEqual(['kitchen-sofia']);
    expect(q({ country: ['BE'] })).toEqual(['kitchen-liege', 'nowhere', 'school-liege']);
    expect(q({ sector: ['AM80'] })).toEqual(['kitchen-milan']);
    expect(q({ sector: ['AM40', 'AM80'] })).toEqual(['kitchen-milan', 'school-liege']);
    expect(q({ practiceType: ['PT6'] })).toEqual(['kitchen-milan', 'practice-milan']);
    expect(q({ legalForm: ['BE-ASBL'] })).toEqual(['school-liege']);
    expect(q({ legalForm: ['L2'], country: ['BG'] })).toEqual(['kitchen-sofia']);
    expect(q({ languageOffered: ['ar'] })).toEqual(['kitchen-liege', 'kitchen-sofia']);
    expect(q({ migrantLed: ['true'] })).toEqual(['kitchen-liege', 'kitchen-milan']);
    expect(q({ migrantLed: ['false'] })).toEqual(['kitchen-sofia', 'nowhere', 'school-liege']);
    expect(q({ need: ['space'] })).toEqual(['kitchen-liege', 'school-liege']);
    expect(q({ kind: ['GOOD_PRACTICE'] })).toEqual(['practice-milan']);
  });

  it('matches nothing for unknown facet values, and still shows them as selected', () => {
    const result = find(index, { text: 'food', filters: { sector: ['NOPE'] } });
    expect(result.total).toBe(0);
    expect(result.facets.find((f) => f.name === 'sector')!.values).toContainEqual({ value: 'NOPE', count: 0, selected: true });
  });

  it('treats an empty or symbol-only text as no text condition', () => {
    expect(find(index, { text: '' }).total).toBe(6);
    expect(find(index, { text: '!!! ??? ---' }).total).toBe(6);
    expect(find(index, { text: '!!! ??? ---' }).terms).toEqual([]);
  });
});

describe('near a place', () => {
  const index = indexOf(docs);

  it('keeps listings within the radius, and orders them by distance', () => {
    const near = { ...MILAN, radiusKm: 700 };
    const result = find(index, { near, order: 'DISTANCE' });
    expect(result.hits.map((h) => h.id)).toEqual(['kitchen-milan', 'practice-milan', 'kitchen-liege', 'school-liege']);
    expect(result.hits[0]!.distanceKm).toBe(0);
    expect(result.hits[2]!.distanceKm).toBeGreaterThan(600);
    expect(result.hits[2]!.distanceKm).toBeLessThan(700);
    expect(find(index, { near: { ...MILAN, radiusKm: 100 } }).total).toBe(2);
    expect(find(index, { near: { ...SOFIA, radiusKm: 20_000 } }).total).toBe(5);
  });

  it('combines the circle with words and filters, and counts facets inside it', () => {
    const result = find(index, { text: 'food', near: { ...LIEGE, radiusKm: 200 }, filters: { country: ['IT'] } });
    expect(result.total).toBe(0);
    // The selected value shows even with no match.
    expect(counts(result, 'country')).toEqual({ BE: 1, IT: 0 });
  });

  it('crosses the antimeridian', () => {
    const pacific = indexOf([listing('fiji', { geo: { lat: -17.7, lon: 178.0 } }), listing('samoa', { geo: { lat: -13.8, lon: -172.1 } })]);
    expect(ids(find(pacific, { near: { lat: -17.7, lon: 179.9, radiusKm: 1300 } }))).toEqual(['fiji', 'samoa']);
  });
});

describe('pagination', () => {
  const many = indexOf(
    Array.from({ length: 45 }, (_, i) =>
      listing(`item-${String(i).padStart(2, '0')}`, { text: i % 3 === 0 ? 'garden garden garden' : 'garden', updatedAt: i % 5 }),
    ),
  );

  for (const order of ['RELEVANCE', 'RECENTLY_UPDATED'] as const) {
    it(`walks every result exactly once with cursors (${order})`, () => {
      const seen: string[] = [];
      let after = null;
      for (let page = 0; page < 10; page++) {
        const result = find(many, { text: 'garden', order, first: 10, after });
        seen.push(...result.hits.map((h) => h.id));
        expect(result.total).toBe(45);
        if (!result.hasNextPage) break;
        after = decodeCursor(result.hits[result.hits.length - 1]!.cursor, order);
      }
      expect(seen).toHaveLength(45);
      expect(new Set(seen).size).toBe(45);
    });
  }

  it('orders by date when asked, and by date for a search without words', () => {
    const dates = find(many, { order: 'RECENTLY_UPDATED', first: 45 }).hits.map((h) => h.id);
    const expected = [...Array(45).keys()].map((i) => `item-${String(i).padStart(2, '0')}`).filter((id) => Number(id.slice(5)) % 5 === 4);
    expect(dates.slice(0, expected.length).sort()).toEqual(expected);
  });

  it('answers first: 0 with the count and no results', () => {
    const result = find(many, { text: 'garden', first: 0 });
    expect(result.hits).toEqual([]);
    expect(result.total).toBe(45);
    expect(result.hasNextPage).toBe(true);
  });
});

describe('changes after the build', () => {
  it('finds an updated listing by its new words only, and forgets a removed one', () => {
    const index = indexOf(docs);
    index.upsert(listing('school-liege', { text: 'evening carpentry workshop', node: 'liege', country: 'BE' }));
    expect(ids(find(index, { text: 'carpentry' }))).toEqual(['school-liege']);
    expect(ids(find(index, { text: 'language' }))).toEqual([]);
    expect(find(index, { text: 'carpentry' }).facets.find((f) => f.name === 'sector')!.values).toEqual([]);
    index.remove('kitchen-sofia');
    expect(ids(find(index, { text: 'food', filters: { node: ['sofia'] } }))).toEqual([]);
    expect(find(index, {}).total).toBe(5);
    // New words learnt after the build are found with a typo too.
    expect(ids(find(index, { text: 'carpnetry' }))).toEqual(['school-liege']);
  });

  it('gives an initiative the practice types of the practices naming it, and tells which to re-index when one changes', () => {
    const index = indexOf(docs);
    expect(ids(find(index, { filters: { practiceType: ['PT6'] } }))).toEqual(['kitchen-milan', 'practice-milan']);
    const affected = index.upsert(
      listing('practice-milan', {
        kind: 'goodPractice',
        text: 'food procurement',
        node: 'milan',
        country: 'IT',
        migrantLed: null,
        practiceType: 'PT9',
        linkedRefs: ['milan/kitchen-milan'],
      }),
    );
    expect(affected).toEqual(['kitchen-milan']);
    expect(index.remove('practice-milan')).toEqual(['kitchen-milan']);
  });

  it('grows past its first capacity', () => {
    const index = indexOf([], { seal: true });
    for (let i = 0; i < 2_500; i++) index.upsert(listing(`x${i}`, { text: i % 2 ? 'odd' : 'even', sector: [i % 2 ? 'AM10' : 'AM20'] }));
    expect(find(index, { text: 'odd', filters: { sector: ['AM10'] } }).total).toBe(1_250);
    expect(index.capacity).toBeGreaterThanOrEqual(2_500);
  });
});
