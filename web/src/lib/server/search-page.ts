// The search page's requests to the registry: the `search` query (results, facets, counts) and
// the city nodes a search can centre on. A search the API refuses as bad input comes back as
// form problems, not as an error page; a registry that cannot search at all comes back as
// `unavailable`, so the page can still show its form. The registry call is passed in (the
// route passes lib/server/graphql.ts's `graphql`), so tests run these with a stubbed answer.
import { getLogger } from '@logtape/logtape';
import { GraphQLRequestError, type GraphQLVariables } from './graphql-request.ts';
import { badInputProblems, type SearchProblem } from '../search/search-problems.ts';
import type { SearchRequest } from '../search/search-params.ts';
import type { NearbyPlace, SearchResults } from '../search/search-types.ts';
import { collator } from '../i18n/intl-formatters.ts';
// Each operation's text is its .graphql file, sent as it is; its types are generated from it (ADR 0015).
import PLACES_QUERY from './queries/search-places.graphql?raw';
import SEARCH_QUERY from './queries/search-page.graphql?raw';
import type { SearchPageQueryVariables } from '../generated/operation-types.ts';

const log = getLogger(['umn', 'web', 'search']);

export type SearchOutcome =
  { status: 'ok'; results: SearchResults } | { status: 'badInput'; problems: SearchProblem[] } | { status: 'unavailable' };

export type RegistryQuery = <T>(query: string, variables: GraphQLVariables & { lang: string }) => Promise<T>;

/** Runs a search through `query`, the registry call. */
export async function runSearch(request: SearchRequest, lang: string, query: RegistryQuery): Promise<SearchOutcome> {
  try {
    const variables: SearchPageQueryVariables = {
      input: request.input,
      first: request.first,
      after: request.after,
      orderBy: request.orderBy,
      lang,
      list: request.view === 'list',
    };
    const data = await query<{ search: SearchResults }>(SEARCH_QUERY, variables);
    return { status: 'ok', results: data.search };
  } catch (error) {
    if (!(error instanceof GraphQLRequestError)) throw error;
    const problems = badInputProblems(error.errors);
    if (problems) return { status: 'badInput', problems };
    // The registry is down, or cannot search (yet): the page says so and keeps its form.
    log.error('Search failed: {error}', { error });
    return { status: 'unavailable' };
  }
}

/** City nodes in the reader's language, by city name; empty when the registry cannot say. */
export async function loadSearchPlaces(lang: string, query: RegistryQuery): Promise<NearbyPlace[]> {
  try {
    const data = await query<{ cityNodes: NearbyPlace[] }>(PLACES_QUERY, { lang });
    // One collator for the sort: localeCompare(…, lang) would build one per comparison.
    const byCity = collator(lang);
    return [...data.cityNodes].sort((a, b) => byCity.compare(a.city, b.city));
  } catch (error) {
    if (!(error instanceof GraphQLRequestError)) throw error;
    log.error('Loading the city nodes for the search form failed: {error}', { error });
    return [];
  }
}
