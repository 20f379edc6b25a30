// Whether a counterpart is in a record's area, and how to say it. A record's area is a country,
// maybe a region and a locality, maybe a centre with a radius (ADR 0033). An initiative's place
// is approximate on purpose (DATA-MODEL privacy rule 3): its public point is rounded to ~1 km at
// neighbourhood precision and is the city centre at city precision, so a distance is only as good
// as that, and we allow for it (PRECISION_SLACK_KM) and round what we say to it.
import { haversineKm } from '../../search/geo.ts';
import { fold } from '../../search/fold.ts';
import type { GeoPoint, LocationPrecision } from '../../records/record-types.ts';
import type { Area } from './initiative-facts.ts';
import type { MatchReason } from './market-match.ts';

/** How far the true place may be from the public point, by precision (a city is ~10 km across). */
export const PRECISION_SLACK_KM: Record<LocationPrecision, number> = { address: 0, neighbourhood: 1, city: 10 };
/** A record that names a locality without a radius reaches this far around the locality's centre. */
export const LOCALITY_RADIUS_KM = 15;

/** A record's area with the centre it resolves to (its own, or its locality's city centre). */
export interface RecordPlace {
  area: Area;
  centre: GeoPoint | null;
  radiusKm: number | null;
}

export interface CounterpartPlace {
  country: string;
  region: string | null;
  locality: string;
  geo: GeoPoint | null;
  precision: LocationPrecision;
  /** Where the counterpart says it delivers (initiatives, contract A). */
  deliveryArea?: Area | null;
}

export interface PlaceFit {
  reason: MatchReason;
  /** 0 … 3: nearer is higher. */
  score: number;
  distanceKm: number | null;
}

const sameName = (a: string | null | undefined, b: string | null | undefined) => Boolean(a && b && fold(a.trim()) === fold(b.trim()));

/** The distance said to a reader, no finer than the place is known: whole km, or 5 km steps for city-only places. */
export function statedKm(km: number, precision: LocationPrecision): number {
  if (precision === 'city') return Math.max(5, Math.round(km / 5) * 5);
  return Math.max(1, Math.round(km));
}

/** The record's place reached by the counterpart, or null when the counterpart is outside it. */
export function placeFit(record: RecordPlace, other: CounterpartPlace): PlaceFit | null {
  const { area } = record;
  const delivers = deliversIn(other.deliveryArea ?? null, record);
  if (other.country !== area.country) return delivers;
  const reach = record.radiusKm ?? (area.locality && record.centre ? LOCALITY_RADIUS_KM : null);
  if (record.centre && reach !== null && other.geo) {
    const km = haversineKm(record.centre.lat, record.centre.lon, other.geo.lat, other.geo.lon);
    const slack = PRECISION_SLACK_KM[other.precision];
    if (km <= reach + slack) {
      const score = 3 * (1 - Math.min(1, Math.max(0, km - slack) / (reach + slack)));
      // A city-only place in the record's own locality: "in Liège" says all we know.
      if (other.precision === 'city' && sameName(area.locality, other.locality))
        return { reason: { code: 'same-locality', params: { locality: other.locality } }, score: Math.max(score, 2), distanceKm: km };
      return { reason: { code: 'distance-km', params: { km: statedKm(km, other.precision) } }, score, distanceKm: km };
    }
    return delivers;
  }
  if (area.locality) {
    if (sameName(area.locality, other.locality))
      return { reason: { code: 'same-locality', params: { locality: other.locality } }, score: 2, distanceKm: null };
    return delivers;
  }
  if (area.region) {
    if (sameName(area.region, other.region))
      return { reason: { code: 'same-locality', params: { locality: other.region! } }, score: 1.5, distanceKm: null };
    return delivers;
  }
  return delivers ?? { reason: { code: 'same-country', params: { country: area.country } }, score: 1, distanceKm: null };
}

/** Whether a declared delivery area covers the record's place (its centre, locality, region or country). */
function deliversIn(delivery: Area | null, record: RecordPlace): PlaceFit | null {
  if (!delivery || delivery.country !== record.area.country) return null;
  const covered =
    delivery.centre && delivery.radiusKm && record.centre
      ? haversineKm(delivery.centre.lat, delivery.centre.lon, record.centre.lat, record.centre.lon) <= delivery.radiusKm
      : delivery.locality
        ? sameName(delivery.locality, record.area.locality)
        : delivery.region
          ? sameName(delivery.region, record.area.region)
          : true;
  return covered ? { reason: { code: 'delivers-here', params: {} }, score: 2, distanceKm: null } : null;
}
