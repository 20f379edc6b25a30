import { describe, expect, it } from 'vitest';
import { mapPointsOf } from './map-points.ts';
import type { SearchResult } from './search-types.ts';

const text = (value: string) => ({ text: value, language: 'fr', direction: 'LTR' as const, isFallback: false });

function initiative(slug: string, locality: string, geo: { lat: number; lon: number } | null, nodeHandle = 'liege'): SearchResult {
  return {
    distanceKm: null,
    nodeHandle,
    received: false,
    node: {
      __typename: 'Initiative',
      id: `https://liege.example/initiatives/${slug}`,
      slug,
      url: `https://liege.example/initiatives/${slug}`,
      origin: { isLocal: true },
      name: text(slug),
      summary: text('…'),
      primarySector: { code: 'S1', label: 'Services' },
      location: { locality, geo },
      node: { slug: nodeHandle, city: locality },
    },
  };
}

describe('mapPointsOf', () => {
  it('groups the results of one city into one point with their count and no precise position', () => {
    const points = mapPointsOf([
      initiative('a', 'Liège', { lat: 50.64531, lon: 5.57361 }),
      initiative('b', 'Liège', { lat: 50.6328, lon: 5.5811 }),
    ]);
    expect(points).toEqual([{ id: 'liege/Liège', label: 'Liège', latitude: 50.6, longitude: 5.6, count: 2 }]);
  });

  it('links a city with a single result to that result, named', () => {
    expect(mapPointsOf([initiative('univerbal', 'Liège', { lat: 50.6453, lon: 5.5736 })])).toEqual([
      { id: 'liege/Liège', label: 'univerbal (Liège)', latitude: 50.6, longitude: 5.6, count: 1, href: '/initiatives/univerbal' },
    ]);
  });

  it('keeps cities apart and leaves out results without a place', () => {
    const points = mapPointsOf([
      initiative('a', 'Liège', { lat: 50.6, lon: 5.6 }),
      initiative('m', 'Milano', { lat: 45.46, lon: 9.19 }, 'milano'),
      initiative('x', 'Nowhere', null),
    ]);
    expect(points.map((p) => p.id)).toEqual(['liege/Liège', 'milano/Milano']);
  });
});
