// The board's records on the map: one point per city node, never per record. A record's place
// is an area (a locality, or a centre with a radius), and a need's is its initiative's: pinning
// records would show where an initiative is more precisely than the initiative chose
// (DATA-MODEL.md, privacy rules 2 and 3). Each point links to the board filtered on that place.
import type { MapPoint } from '../components/map/map-markers.ts';

interface Placed {
  node: string;
  area: { locality: string | null };
}

interface City {
  slug: string;
  city: string;
  geo: { lat: number; lon: number } | null;
}

/** Points for EuropeMap and MapPointList: the nodes of `records` that have a position. */
export function marketMapPoints(records: readonly Placed[], cities: readonly City[]): MapPoint[] {
  const counts = new Map<string, number>();
  for (const record of records) counts.set(record.node, (counts.get(record.node) ?? 0) + 1);
  return cities.flatMap((city) => {
    const count = counts.get(city.slug);
    if (!count || !city.geo) return [];
    return [
      {
        id: city.slug,
        label: city.city,
        latitude: Math.round(city.geo.lat * 10) / 10,
        longitude: Math.round(city.geo.lon * 10) / 10,
        count,
        href: `/market?place=${encodeURIComponent(city.city)}`,
      },
    ];
  });
}
