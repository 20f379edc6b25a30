import { describe, expect, it } from 'vitest';
import { marketMapPoints } from './market-map-points.ts';

describe('market map points', () => {
  it('makes one point per city with records, at city precision, linking to the board of that place', () => {
    const records = [
      { node: 'liege', area: { locality: 'Liège' } },
      { node: 'liege', area: { locality: null } },
      { node: 'milan', area: { locality: 'Milano' } },
    ];
    const cities = [
      { slug: 'liege', city: 'Liège', geo: { lat: 50.64531, lon: 5.57361 } },
      { slug: 'milan', city: 'Milano', geo: null },
      { slug: 'sofia', city: 'Sofia', geo: { lat: 42.7, lon: 23.3 } },
    ];
    expect(marketMapPoints(records, cities)).toEqual([
      { id: 'liege', label: 'Liège', latitude: 50.6, longitude: 5.6, count: 2, href: '/market?place=Li%C3%A8ge' },
    ]);
  });
});
