// Runs the search of an export or a feed through GraphQL, as the search page does
// (lib/server/search-page.ts), paging through every hit 100 at a time (the API's largest page)
// up to a hard cap, which the export then states (ADR 0048): a city's catalogue is hundreds of
// listings, and a cap keeps one request from walking 100,000 of them.
import { GraphQLRequestError } from '../graphql-request.ts';
import type { RegistryQuery } from '../search-page.ts';
import { badInputProblems, localProblems, type SearchProblem } from '../../search/search-problems.ts';
import { toSearchRequest, type ListingKind, type SearchState } from '../../search/search-params.ts';
import type { OpenDataListingsQuery, OpenDataListingsQueryVariables } from '../../generated/operation-types.ts';
import type { OpenDataLicence, OpenDataListing, OpenDataNode } from '../../open-data/open-data-types.ts';
import LISTINGS_QUERY from '../queries/open-data-listings.graphql?raw';

export { EXPORT_CAP, FEED_SIZE } from '../../open-data/export-limits.ts';
const PAGE_SIZE = 100;

export interface ListingsRequest {
  state: SearchState;
  /** The kinds the file holds (null: the search's own). */
  kinds: ListingKind[] | null;
  cap: number;
  /** Newest first (feeds, the dataset's modified date) instead of the search's own order. */
  newestFirst: boolean;
  jsonLd: boolean;
}

export type ListingsOutcome =
  | {
      status: 'ok';
      items: OpenDataListing[];
      totalCount: number;
      truncated: boolean;
      node: OpenDataNode;
      licence: OpenDataLicence | null;
      jsonLdContext: unknown;
    }
  | { status: 'badInput'; problems: SearchProblem[] }
  | { status: 'unavailable'; error: GraphQLRequestError };

export async function loadOpenDataListings(request: ListingsRequest, lang: string, query: RegistryQuery): Promise<ListingsOutcome> {
  const state = request.kinds === null ? request.state : { ...request.state, kind: request.kinds };
  const search = toSearchRequest(state);
  if (search.problems.length > 0) return { status: 'badInput', problems: localProblems(search.problems) };
  const items: OpenDataListing[] = [];
  let after: string | null = null;
  let first: OpenDataListingsQuery | null = null;
  let totalCount: number;
  try {
    for (;;) {
      const variables: OpenDataListingsQueryVariables = {
        input: search.input,
        first: Math.min(PAGE_SIZE, request.cap - items.length),
        after,
        orderBy: request.newestFirst ? 'RECENTLY_UPDATED' : search.orderBy,
        lang,
        jsonLd: request.jsonLd,
        withNode: first === null,
      };
      const data: OpenDataListingsQuery = await query<OpenDataListingsQuery>(LISTINGS_QUERY, variables);
      first ??= data;
      totalCount = data.search.totalCount;
      items.push(...data.search.edges.map((edge) => edge.node));
      after = data.search.pageInfo.endCursor;
      if (!data.search.pageInfo.hasNextPage || !after || items.length >= request.cap || data.search.edges.length === 0) break;
    }
  } catch (error) {
    if (!(error instanceof GraphQLRequestError)) throw error;
    const refused = badInputProblems(error.errors);
    if (refused) return { status: 'badInput', problems: refused };
    return { status: 'unavailable', error };
  }
  return {
    status: 'ok',
    items,
    totalCount,
    truncated: totalCount > items.length,
    node: first!.thisNode!,
    licence: first!.openData?.licence ?? null,
    jsonLdContext: first!.openData?.jsonLdContext ?? null,
  };
}
