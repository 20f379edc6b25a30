// Shapes of the `search` query's answer as the search page reads it (schemas/graphql/search.graphql).
import type { LocalizedText } from '../registry-types.ts';

export type FacetName =
  'NODE' | 'COUNTRY' | 'SECTOR' | 'PRACTICE_TYPE' | 'LEGAL_FORM' | 'LANGUAGE_OFFERED' | 'MIGRANT_LED' | 'NEED' | 'KIND';

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface Facet {
  name: FacetName;
  values: FacetValue[];
}

interface ListingBase {
  /** Global id (IRI). */
  id: string;
  slug: string;
  url: string;
  origin: { isLocal: boolean };
  /** Absent in the map view's answer (lib/server/search-page.ts), like the sector and practice type. */
  summary?: LocalizedText;
  location: { locality: string; geo: { lat: number; lon: number } | null };
  node: { slug: string; city: string };
}

export interface InitiativeListing extends ListingBase {
  __typename: 'Initiative';
  name: LocalizedText;
  primarySector?: { code: string; label: string };
}

export interface PracticeListing extends ListingBase {
  __typename: 'GoodPractice';
  title: LocalizedText;
  practiceType?: { code: string; label: string };
}

export type Listing = InitiativeListing | PracticeListing;

export interface SearchResult {
  cursor: string;
  node: Listing;
  distanceKm: number | null;
  nodeHandle: string;
  received: boolean;
}

export interface SearchResults {
  totalCount: number;
  terms: string[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  facets: Facet[];
  edges: SearchResult[];
}

/** A city node the search can centre on. */
export interface NearbyPlace {
  slug: string;
  city: string;
}
