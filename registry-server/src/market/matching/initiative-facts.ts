// The one place matching reads an initiative: what it works in, where (its PUBLIC place, at the
// precision it chose, never more), which languages, and the eligibility and capacity fields of
// issue 15 point 3 (contract A: `eligibility`, `deliveryArea`, `teamSize`), which may be absent
// (an older record, or a node that does not have them yet): every one is optional here.
import type { StoredInitiative } from '../../initiatives/initiative-repository.ts';
import { publicLocation } from '../../initiatives/public-initiative.ts';
import type { GeoPoint, LocationPrecision } from '../../records/record-types.ts';
import type { TaxonomyCatalog } from '../../taxonomies/taxonomy-catalog.ts';
import type { MarketRecord } from '../market-record.ts';

export type Area = MarketRecord['area'];
/** The article of Directive 2014/24/EU a basis implements: 20, 77, or '' when its status says none. */
export type ReservedArticle = '20' | '77' | '';

export interface InitiativeFacts {
  /** Store id: the handle of a local initiative, the IRI of a received one. */
  id: string;
  node: string;
  sectors: string[];
  /** Languages offered, lower case, with their primary subtags (`ar-ma` gives `ar-ma` and `ar`). */
  languages: string[];
  country: string;
  region: string | null;
  locality: string;
  /** The public point: rounded to the precision, or the city centre for city-only places. */
  geo: GeoPoint | null;
  precision: LocationPrecision;
  eligibility: Array<{ basis: string; article: ReservedArticle }>;
  teamSize: string | null;
  deliveryArea: Area | null;
  /** Codes of the needs it lists (taxonomy need). */
  needs: string[];
}

/** The taxonomy of eligibility bases (contract A); its concepts say which article they implement. */
export const BASIS_TAXONOMY = 'reserved-contract-basis';

/** The article a basis implements: the EU codes themselves, a national status through the taxonomy's `implements`. */
export function articleOf(basis: string, catalog: TaxonomyCatalog): ReservedArticle {
  if (basis === 'eu-art20') return '20';
  if (basis === 'eu-art77') return '77';
  const concept = catalog.get(BASIS_TAXONOMY)?.concepts.find((c) => c.code === basis) as { implements?: string } | undefined;
  return concept?.implements === 'eu-art20' ? '20' : concept?.implements === 'eu-art77' ? '77' : '';
}

type WithContractA = StoredInitiative['record'] & {
  eligibility?: Array<{ basis?: unknown }>;
  teamSize?: unknown;
  deliveryArea?: unknown;
};

/** Only the bases of an initiative's eligibility entries (for the eligible set kept in memory). */
export function eligibilityBases(record: StoredInitiative['record']): string[] {
  const entries = (record as WithContractA).eligibility;
  if (!Array.isArray(entries)) return [];
  return [...new Set(entries.map((e) => e?.basis).filter((b): b is string => typeof b === 'string' && b.length > 0))];
}

export function initiativeFacts(doc: StoredInitiative, catalog: TaxonomyCatalog, cityCentre: GeoPoint | undefined): InitiativeFacts {
  const record = doc.record as WithContractA;
  const place = publicLocation(record, cityCentre);
  const languages = new Set<string>();
  for (const tag of record.languagesOffered ?? []) {
    languages.add(tag.toLowerCase());
    languages.add(tag.toLowerCase().split('-')[0]!);
  }
  const area = record.deliveryArea as Area | undefined;
  return {
    id: doc._id,
    node: record.node,
    sectors: [record.primarySector, ...(record.additionalSectors ?? [])],
    languages: [...languages],
    country: place.country,
    region: place.region,
    locality: place.locality,
    geo: place.geo,
    precision: place.precision,
    eligibility: eligibilityBases(record).map((basis) => ({ basis, article: articleOf(basis, catalog) })),
    teamSize: typeof record.teamSize === 'string' ? record.teamSize : null,
    deliveryArea: area && typeof area === 'object' && typeof area.country === 'string' ? area : null,
    needs: [...new Set((record.needs ?? []).map((n) => n.type))],
  };
}
