// The network's cities as points of the map of Europe (and of its list alternative): one point
// per city node that has a centre point, linked to its page here, sized by what it publishes,
// and marked "planned" while its registry is not online.
import type { MapPoint } from '../components/map/map-markers.ts';
import type { NetworkCity } from '../explore-types.ts';
import { collator as collatorFor } from '../i18n/intl-formatters.ts';

export function cityMapPoints(cities: readonly NetworkCity[], lang: string): MapPoint[] {
  const collator = collatorFor(lang);
  return cities
    .filter((city): city is NetworkCity & { geo: { lat: number; lon: number } } => city.geo !== null)
    .sort((a, b) => collator.compare(a.city, b.city))
    .map((city) => ({
      id: city.slug,
      label: city.city,
      href: `/nodes/${encodeURIComponent(city.slug)}`,
      latitude: city.geo.lat,
      longitude: city.geo.lon,
      count: city.initiativeCount + city.goodPracticeCount,
      kind: city.status === 'PLANNED' ? 'planned' : 'online',
    }));
}
