// Distances on the sphere. A search "near" a place walks the candidate slots once: a latitude
// band rejects most far listings with one subtraction, the rest get a haversine distance.
import { nonZeroWords, type Bitset } from './bitset.ts';

export const EARTH_RADIUS_KM = 6371.0088;
const DEG = Math.PI / 180;

export interface NearPoint {
  lat: number;
  lon: number;
  radiusKm: number;
}

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * DEG;
  const dLon = (lon2 - lon1) * DEG;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Keeps in `set` only the slots within the circle, and writes their distance in km to
 * `distances`. Slots without a place leave the set.
 */
export function keepWithin(
  set: Bitset,
  near: NearPoint,
  lat: Float64Array,
  lon: Float64Array,
  cosLat: Float64Array,
  distances: Float64Array,
): void {
  const lat0 = near.lat * DEG;
  const lon0 = near.lon * DEG;
  const cos0 = Math.cos(lat0);
  const band = near.radiusKm / EARTH_RADIUS_KM;
  const words = nonZeroWords(set);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let x = set[w]!;
    let keep = x;
    while (x !== 0) {
      const low = x & -x;
      x ^= low;
      const slot = (w << 5) | (31 - Math.clz32(low));
      const la = lat[slot]!;
      // NaN (no place) fails both comparisons, so it is dropped with the far ones.
      if (!(Math.abs(la - lat0) <= band)) {
        keep &= ~low;
        continue;
      }
      const sinLat = Math.sin((la - lat0) / 2);
      const sinLon = Math.sin((lon[slot]! - lon0) / 2);
      const a = sinLat * sinLat + cos0 * cosLat[slot]! * sinLon * sinLon;
      const d = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
      if (d <= near.radiusKm) distances[slot] = d;
      else keep &= ~low;
    }
    set[w] = keep;
  }
}
