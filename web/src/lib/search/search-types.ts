// Shapes of the `search` query's answer as the search page reads it: named parts of the types
// generated from its operation (lib/server/queries/search-page.graphql, ADR 0015), so a schema
// change that breaks the search page fails type-checking. The list-only fields (summary, sector,
// practice type) are optional: the map view's answer leaves them out (`list: false`).
import type { FacetName, SearchPageQuery, SearchPlacesQuery } from '../generated/operation-types.ts';

export type { FacetName };
export type SearchResults = SearchPageQuery['search'];
export type SearchResult = SearchResults['edges'][number];
export type Listing = SearchResult['node'];
export type InitiativeListing = Extract<Listing, { __typename: 'Initiative' }>;
export type PracticeListing = Extract<Listing, { __typename: 'GoodPractice' }>;
export type Facet = SearchResults['facets'][number];
export type FacetValue = Facet['values'][number];

/** A city node the search can centre on. */
export type NearbyPlace = SearchPlacesQuery['cityNodes'][number];
