import { describe, expect, it } from 'vitest';
import { cityMapPoints } from './network-map.ts';
import type { NetworkCity } from '../explore-types.ts';

const city = (slug: string, name: string, overrides: Partial<NetworkCity> = {}): NetworkCity => ({
  slug,
  city: name,
  country: { code: 'XX', name: 'X' },
  geo: { lat: 45, lon: 10 },
  status: 'PLANNED',
  url: null,
  isThisNode: false,
  initiativeCount: 0,
  goodPracticeCount: 0,
  ...overrides,
});

describe('cityMapPoints', () => {
  it('makes one linked point per city with a centre, in alphabetical order of the reader’s language', () => {
    const points = cityMapPoints(
      [
        city('sofia', 'София'),
        city('athens', 'Αθήνα'),
        city('liege', 'Liège', { status: 'ONLINE', initiativeCount: 10, goodPracticeCount: 10 }),
        city('nowhere', 'Nowhere', { geo: null }),
      ],
      'fr',
    );
    expect(points.map((p) => p.id)).toEqual(['liege', 'athens', 'sofia']);
    expect(points[0]).toEqual({
      id: 'liege',
      label: 'Liège',
      href: '/nodes/liege',
      latitude: 45,
      longitude: 10,
      count: 20,
      kind: 'online',
    });
    expect(points[1]!.kind).toBe('planned');
  });
});
