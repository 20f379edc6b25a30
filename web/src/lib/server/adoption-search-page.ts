// What the adoption records' search page (/adoptions) reads from the registry: one GraphQL
// request with the page's parameters (lib/adoptions/adoption-search-params.ts; issue 16 point 5).
import type { AdoptionSearchQuery, AdoptionSearchQueryVariables } from '../generated/operation-types.ts';
import { ADOPTIONS_PAGE_SIZE, type AdoptionSearchParams } from '../adoptions/adoption-search-params.ts';
import { graphql } from './graphql.ts';
import { GraphQLRequestError } from './graphql-request.ts';
import SEARCH_QUERY from './queries/adoption-search.graphql?raw';

export type AdoptionSearchResult = AdoptionSearchQuery['searchAdoptions'];

export async function loadAdoptionSearch(params: AdoptionSearchParams, lang: string): Promise<AdoptionSearchResult | null> {
  try {
    const data = await graphql<AdoptionSearchQuery, AdoptionSearchQueryVariables>(SEARCH_QUERY, {
      input: {
        ...(params.q ? { text: params.q } : {}),
        ...(params.stage.length ? { stage: params.stage } : {}),
        ...(params.practiceType.length ? { practiceType: params.practiceType } : {}),
        ...(params.city.length ? { city: params.city } : {}),
      },
      offset: (params.page - 1) * ADOPTIONS_PAGE_SIZE,
      lang,
    });
    return data.searchAdoptions;
  } catch (error) {
    // A refused search (the registry's own bounds) shows as no result, not as a broken page.
    if (error instanceof GraphQLRequestError) return null;
    throw error;
  }
}
