// The GeoJSON exports (/export/initiatives.geojson, /export/practices.geojson): an RFC 7946
// FeatureCollection, positions [longitude, latitude] in WGS 84 (§3.1.1, §4), one Feature per
// listing, its `id` the listing's IRI. Only the point the registry publishes is used, and only
// at the precision the initiative chose (DATA-MODEL privacy rule 3): the registry already rounds
// it (initiatives/public-initiative.ts), and an initiative that shows only its city gets the city
// node's own point or no geometry (null, §3.2) — never a point that could stand for a street.
import type { ExportMeta, OpenDataInitiative, OpenDataPractice } from './open-data-types.ts';

export interface Point {
  type: 'Point';
  coordinates: [number, number];
}

export interface Feature {
  type: 'Feature';
  id: string;
  geometry: Point | null;
  properties: Record<string, string | boolean | null>;
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
  /** Foreign members (RFC 7946 §6.1): what the file is and the terms of its reuse. */
  license: string | null;
  attribution: string;
  truncated: boolean;
}

type LatLon = { lat: number; lon: number };

const point = (geo: LatLon): Point => ({ type: 'Point', coordinates: [geo.lon, geo.lat] });
const same = (a: LatLon, b: LatLon | null) => b !== null && a.lat === b.lat && a.lon === b.lon;

/**
 * The geometry an initiative may have in an export. The registry gives a city-only initiative
 * in its node's city the node's point, and one elsewhere its own point rounded to ~10 km;
 * the second is not a city's point, so it gets no geometry at all.
 */
export function initiativeGeometry(item: Pick<OpenDataInitiative, 'location' | 'node'>): Point | null {
  const geo = item.location.geo;
  if (!geo) return null;
  if (item.location.precision === 'CITY') return same(geo, item.node.geo) ? point(geo) : null;
  return point(geo);
}

function collection(features: Feature[], meta: ExportMeta): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features,
    license: meta.licence?.url ?? null,
    attribution: `${meta.node.name.text} (${meta.origin})`,
    truncated: meta.truncated,
  };
}

export function initiativesGeoJson(items: readonly OpenDataInitiative[], meta: ExportMeta): FeatureCollection {
  return collection(
    items.map((item) => ({
      type: 'Feature',
      id: item.id,
      geometry: initiativeGeometry(item),
      properties: {
        name: item.name.text,
        url: item.url,
        locality: item.location.locality,
        neighbourhood: item.location.neighbourhood,
        country: item.location.country.code,
        precision: item.location.precision.toLowerCase(),
        sector: item.primarySector.code,
        sectorLabel: item.primarySector.label,
        node: item.node.slug,
        updated: item.updatedAt,
      },
    })),
    meta,
  );
}

export function practicesGeoJson(items: readonly OpenDataPractice[], meta: ExportMeta): FeatureCollection {
  return collection(
    items.map((item) => ({
      type: 'Feature',
      id: item.id,
      // A practice is a city's: its point is the city's (PracticeLocation.geo).
      geometry: item.location.geo ? point(item.location.geo) : null,
      properties: {
        title: item.title.text,
        url: item.url,
        locality: item.location.locality,
        country: item.location.country.code,
        practiceType: item.practiceType.code,
        practiceTypeLabel: item.practiceType.label,
        node: item.node.slug,
        updated: item.updatedAt,
      },
    })),
    meta,
  );
}
