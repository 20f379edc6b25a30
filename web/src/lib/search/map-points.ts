// The search results on the map: one point per city, never per listing. Initiatives choose how
// precisely they publish their place, and a migrant-led search must never pin a listing to an
// address (DATA-MODEL.md, privacy rule 2), so the map works at city level: results are grouped
// by their node and locality, at coordinates rounded to a tenth of a degree (about 10 km).
import type { MapPoint } from '../components/map/map-markers.ts';
import { recordHref } from '../format/record-links.ts';
import type { SearchResult } from './search-types.ts';

const round = (degrees: number) => Math.round(degrees * 10) / 10;

/** Points for EuropeMap and MapPointList; results without coordinates are left out. */
export function mapPointsOf(results: readonly SearchResult[]): MapPoint[] {
  const groups = new Map<string, { results: SearchResult[]; lat: number; lon: number }>();
  for (const result of results) {
    const geo = result.node.location.geo;
    if (!geo) continue;
    const key = `${result.nodeHandle}/${result.node.location.locality}`;
    const group = groups.get(key);
    if (group) group.results.push(result);
    else groups.set(key, { results: [result], lat: geo.lat, lon: geo.lon });
  }
  return [...groups.entries()].map(([key, group]) => {
    const only = group.results.length === 1 ? group.results[0] : undefined;
    const href = only ? recordHref(only.node.__typename === 'Initiative' ? 'initiatives' : 'practices', only.node) : null;
    const label = only
      ? `${only.node.__typename === 'Initiative' ? only.node.name.text : only.node.title.text} (${only.node.location.locality})`
      : group.results[0]!.node.location.locality;
    return {
      id: key,
      label,
      latitude: round(group.lat),
      longitude: round(group.lon),
      count: group.results.length,
      ...(href ? { href } : {}),
    };
  });
}
