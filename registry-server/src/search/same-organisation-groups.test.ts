// One entry per organisation (ADR 0052): a linked group is one document in the index, found by
// the words and values of every listing in it, counted once in the total and once under each of
// its cities, near any of its places, and its hit names the other listings.
import { describe, expect, it } from 'vitest';
import { groupDocument, representativeOf, type GroupMember } from './same-organisation-groups.ts';
import { find, ids, indexOf, listing } from './search-test-fixtures.ts';
import type { SearchDocument } from './search-document.ts';

const LIEGE = { lat: 50.6453, lon: 5.5736 };
const MILAN = { lat: 45.4642, lon: 9.19 };

const liegeKitchen = listing('kitchen', { text: 'cuisine solidaire', node: 'liege', country: 'BE', geo: LIEGE, sector: ['AM10'] });
const milanKitchen = listing('https://milan.example/initiatives/cucina', {
  text: 'cucina solidale',
  node: 'milan',
  country: 'IT',
  geo: MILAN,
  sector: ['AM10', 'AM40'],
});
const other = listing('school', { text: 'cuisine école', node: 'liege', country: 'BE', geo: LIEGE, sector: ['AM40'] });

const member = (doc: SearchDocument, locality: string): GroupMember => ({
  id: doc.id,
  node: doc.node,
  locality,
  country: doc.country,
  geo: doc.geo,
  url: doc.id,
});

const grouped = () => groupDocument(liegeKitchen, [{ doc: milanKitchen, member: member(milanKitchen, 'Milano') }]);

describe('a linked group in the index', () => {
  it('is one hit, found by the words of either listing, naming the other listing', () => {
    const index = indexOf([grouped(), other]);
    for (const text of ['cuisine solidaire', 'cucina solidale']) {
      const result = find(index, { text });
      expect(ids(result), text).toEqual(['kitchen']);
      expect(result.total).toBe(1);
      expect(result.hits[0]!.sameAs).toEqual([member(milanKitchen, 'Milano')]);
    }
    expect(find(index, { text: 'cuisine' }).hits.find((h) => h.id === 'school')?.sameAs).toBeUndefined();
  });

  it('counts the organisation once in the total and once under each of its nodes, countries and sectors', () => {
    const index = indexOf([grouped(), other]);
    const result = find(index, {});
    expect(result.total).toBe(2);
    const counts = Object.fromEntries(result.facets.map((f) => [f.name, Object.fromEntries(f.values.map((v) => [v.value, v.count]))]));
    expect(counts.node).toEqual({ liege: 2, milan: 1 });
    expect(counts.country).toEqual({ BE: 2, IT: 1 });
    expect(counts.sector).toEqual({ AM10: 1, AM40: 2 });
    // Filtering by the second city finds the group (and only once).
    expect(ids(find(index, { filters: { node: ['milan'] } }))).toEqual(['kitchen']);
  });

  it('is near any of its places, at the nearest distance', () => {
    const index = indexOf([grouped(), other]);
    const nearMilan = find(index, { near: { ...MILAN, radiusKm: 10 }, order: 'DISTANCE' });
    expect(ids(nearMilan)).toEqual(['kitchen']);
    expect(nearMilan.hits[0]!.distanceKm).toBe(0);
    const nearLiege = find(index, { near: { ...LIEGE, radiusKm: 10 } });
    expect(ids(nearLiege)).toEqual(['kitchen', 'school']);
  });

  it('comes apart again when the link is undone (each listing its own entry)', () => {
    const index = indexOf([grouped(), other]);
    index.upsert(liegeKitchen);
    index.upsert(milanKitchen);
    const result = find(index, {});
    expect(result.total).toBe(3);
    expect(result.hits.every((h) => h.sameAs === undefined)).toBe(true);
  });

  it('is represented by this node’s own listing, else by the smallest id', () => {
    expect(
      representativeOf([
        { id: 'https://b.example/x', local: false },
        { id: 'zeta', local: true },
      ]).id,
    ).toBe('zeta');
    expect(
      representativeOf([
        { id: 'https://b.example/x', local: false },
        { id: 'https://a.example/y', local: false },
      ]).id,
    ).toBe('https://a.example/y');
  });
});
