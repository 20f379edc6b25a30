// The search page's request to the registry: the `search` query (results, facets, counts) and
// the city nodes a search can centre on, in one GraphQL request (each request costs the node a
// whole HTTP and GraphQL round trip; issue 13). A search the API refuses as bad input comes back
// as form problems, not as an error page; a registry that cannot search at all comes back as
// `unavailable`, so the page can still show its form; in both cases the city nodes are asked on
// their own, for the form. The registry call is passed in (the route passes
// lib/server/graphql.ts's `graphql`), so tests run these with a stubbed answer.
import { getLogger } from '@logtape/logtape';
import { GraphQLRequestError, type GraphQLVariables } from './graphql-request.ts';
import { badInputProblems, type SearchProblem } from '../search/search-problems.ts';
import type { SearchRequest } from '../search/search-params.ts';
import type { NearbyPlace, SearchResults } from '../search/search-types.ts';
import { collator } from '../i18n/intl-formatters.ts';
// Each operation's text is its .graphql file, sent as it is; its types are generated from it (ADR 0015).
import PLACES_QUERY from './queries/search-places.graphql?raw';
import SEARCH_QUERY from './queries/search-page.graphql?raw';
import type { SearchPageQuery, SearchPageQueryVariables } from '../generated/operation-types.ts';

const log = getLogger(['umn', 'web', 'search']);

export type SearchOutcome =
  { status: 'ok'; results: SearchResults } | { status: 'badInput'; problems: SearchProblem[] } | { status: 'unavailable' };

export type RegistryQuery = <T>(query: string, variables: GraphQLVariables & { lang: string }) => Promise<T>;

/** What the search page shows from the registry: the search's outcome, and the places of its form. */
export interface SearchPageData {
  outcome: SearchOutcome;
  places: NearbyPlace[];
}

/**
 * Runs a search through `query`, the registry call, with the city nodes in the same request.
 * `problems`: what the URL itself got wrong (search-problems.ts); then no search is sent.
 */
export async function loadSearchPage(
  request: SearchRequest,
  lang: string,
  query: RegistryQuery,
  problems: SearchProblem[] = [],
): Promise<SearchPageData> {
  if (problems.length > 0) return { outcome: { status: 'badInput', problems }, places: await loadSearchPlaces(lang, query) };
  let outcome: SearchOutcome;
  try {
    const variables: SearchPageQueryVariables = {
      input: request.input,
      first: request.first,
      after: request.after,
      orderBy: request.orderBy,
      lang,
      list: request.view === 'list',
    };
    const data = await query<SearchPageQuery>(SEARCH_QUERY, variables);
    return { outcome: { status: 'ok', results: data.search }, places: byCityName(data.cityNodes, lang) };
  } catch (error) {
    if (!(error instanceof GraphQLRequestError)) throw error;
    const refused = badInputProblems(error.errors);
    if (refused) outcome = { status: 'badInput', problems: refused };
    else {
      // The registry is down, or cannot search (yet): the page says so and keeps its form.
      log.error('Search failed: {error}', { error });
      outcome = { status: 'unavailable' };
    }
  }
  // A refused search answers no data at all: the form's places are asked on their own.
  return { outcome, places: await loadSearchPlaces(lang, query) };
}

/** City nodes in the reader's language, by city name; empty when the registry cannot say. */
export async function loadSearchPlaces(lang: string, query: RegistryQuery): Promise<NearbyPlace[]> {
  try {
    const data = await query<{ cityNodes: NearbyPlace[] }>(PLACES_QUERY, { lang });
    return byCityName(data.cityNodes, lang);
  } catch (error) {
    if (!(error instanceof GraphQLRequestError)) throw error;
    log.error('Loading the city nodes for the search form failed: {error}', { error });
    return [];
  }
}

function byCityName(places: readonly NearbyPlace[], lang: string): NearbyPlace[] {
  // One collator for the sort: localeCompare(…, lang) would build one per comparison.
  const byCity = collator(lang);
  return [...places].sort((a, b) => byCity.compare(a.city, b.city));
}
