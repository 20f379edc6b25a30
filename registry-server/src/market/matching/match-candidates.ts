// The candidate initiatives of a match, from the search index's facet bitsets (never by scanning
// documents): initiatives (not practices) still in the index, of the wanted sectors or needs, in
// the record's country, of this node only when asked, eligible only when asked; then a cheap
// pre-score from the index's arrays (distance, shared sectors, language) keeps the best few,
// whose documents the rules then read. At 100,000 listings a sector and a country leave a few
// thousand slots; the pre-score touches only those.
import { andInto, hasBit, orInto, nonZeroWords, setBit, slotsInto, type Bitset } from '../../search/bitset.ts';
import { EARTH_RADIUS_KM } from '../../search/geo.ts';
import { KIND_VALUES, type SearchIndex } from '../../search/search-index.ts';
import type { GeoPoint } from '../../records/record-types.ts';
import { PRECISION_SLACK_KM } from './place-fit.ts';

const DEG = Math.PI / 180;

export interface CandidateQuery {
  /** Any of these sectors (facet sector) … */
  sectors?: readonly string[];
  /** … or any of these needs (facet need). */
  needs?: readonly string[];
  country: string;
  /** Only initiatives of this node (a partner's record is matched against this node's own initiatives). */
  node?: string;
  /** Only these ids (the eligible ones, for a reserved contract). */
  onlyIds?: Iterable<string>;
  /** Centre and reach of the record's area: slots farther than reach + the largest slack leave, unless they deliver here. */
  near?: { centre: GeoPoint; reachKm: number };
  /** Ids that declare a delivery area: kept whatever their distance (the rules decide). */
  deliverers?: ReadonlySet<string>;
  /** Sectors the record names itself (a shared one weighs more in the pre-score). */
  ownSectors?: readonly string[];
  /** Language of the record (facet languageOffered). */
  language?: string;
}

/** The candidate set as a bitset over the index's slots (a fresh set). */
export function candidateSet(index: SearchIndex, q: CandidateQuery): Bitset {
  const f = index.facets;
  const set = f.kind.union([KIND_VALUES.initiative]);
  andInto(set, index.live);
  // Sectors or needs: a union of both facets' values (an empty one leaves nothing).
  const either = q.sectors?.length ? f.sector.union(q.sectors) : new Uint32Array(set.length);
  if (q.needs?.length) orInto(either, f.need.union(q.needs));
  andInto(set, either);
  andInto(set, f.country.union([q.country]));
  if (q.node) andInto(set, f.node.union([q.node]));
  if (q.onlyIds) {
    const only = new Uint32Array(set.length);
    for (const id of q.onlyIds) {
      const slot = index.slotOf(id);
      if (slot !== undefined) setBit(only, slot);
    }
    andInto(set, only);
  }
  return set;
}

/**
 * The ids of the best `limit` candidates by pre-score (nearer, more shared sectors, same
 * language first), dropping those out of reach that declare no delivery area.
 */
export function bestCandidates(index: SearchIndex, q: CandidateQuery, limit: number): string[] {
  const set = candidateSet(index, q);
  const words = nonZeroWords(set);
  const slots = new Int32Array(words.length * 32);
  const n = slotsInto(set, words, slots);
  const scores = new Float64Array(n);
  const kept = new Int32Array(n);
  let m = 0;
  const own = (q.ownSectors ?? []).map((s) => index.facets.sector.valueId(s)).filter((v): v is number => v !== undefined);
  const languageBits = q.language ? index.facets.languageOffered.bits[index.facets.languageOffered.valueId(q.language) ?? -1] : undefined;
  const maxSlack = PRECISION_SLACK_KM.city;
  const lat0 = q.near ? q.near.centre.lat * DEG : 0;
  const lon0 = q.near ? q.near.centre.lon * DEG : 0;
  const cos0 = Math.cos(lat0);
  const { start, vals } = index.facets.sector;
  for (let i = 0; i < n; i++) {
    const slot = slots[i]!;
    let score = 0;
    if (q.near) {
      const la = index.lat[slot]!;
      let km = Infinity;
      if (!Number.isNaN(la)) {
        const sinLat = Math.sin((la - lat0) / 2);
        const sinLon = Math.sin((index.lon[slot]! - lon0) / 2);
        const a = sinLat * sinLat + cos0 * index.cosLat[slot]! * sinLon * sinLon;
        km = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
      }
      const reach = q.near.reachKm + maxSlack;
      if (km > reach && !q.deliverers?.has(index.ids[slot]!)) continue;
      score += km <= reach ? 3 * (1 - km / reach) : 1;
    }
    for (let j = start[slot]!, end = start[slot + 1]!; j < end; j++) if (own.includes(vals[j]!)) score += 3;
    if (languageBits && hasBit(languageBits, slot)) score += 1;
    scores[m] = score;
    kept[m++] = slot;
  }
  const order = Array.from({ length: m }, (_, i) => i);
  order.sort((a, b) => scores[b]! - scores[a]! || kept[a]! - kept[b]!);
  return order.slice(0, limit).map((i) => index.ids[kept[i]!]!);
}
