// What the initiative page (/initiatives/<slug>) shows, in one GraphQL request, every text in
// the reader's language where the registry has it. Null when no initiative has that handle.
import { graphql } from './graphql.ts';
import { lookUpBySlug } from './record-lookup.ts';
import type { InitiativeDetail } from '../registry-types.ts';
import type { InitiativePageQuery, InitiativePageQueryVariables } from '../generated/operation-types.ts';

/**
 * Everything the initiative page shows, as a fragment, so the editor's preview
 * (manage/editor-queries.ts) renders the record being edited with the same selection.
 */
import INITIATIVE_PROFILE_FRAGMENTS from './queries/initiative-profile.fragments.graphql?raw';
// Each operation's text is its .graphql file, sent as it is; its types are generated from it (ADR 0015).
import INITIATIVE_PAGE_QUERY_OPERATION from './queries/initiative-page.graphql?raw';

export { INITIATIVE_PROFILE_FRAGMENTS };

const INITIATIVE_PAGE_QUERY = `${INITIATIVE_PAGE_QUERY_OPERATION}${INITIATIVE_PROFILE_FRAGMENTS}\n`;

export async function loadInitiativePage(slug: string, lang: string): Promise<InitiativeDetail | null> {
  return lookUpBySlug(
    async () =>
      (await graphql<InitiativePageQuery, InitiativePageQueryVariables>(INITIATIVE_PAGE_QUERY, { slug, id: null, lang })).initiative,
  );
}

/** The same page's data for an initiative found by its global id (a listing received from a partner node: /network/initiatives?id=…). */
export async function loadInitiativeById(id: string, lang: string): Promise<InitiativeDetail | null> {
  return (await graphql<InitiativePageQuery, InitiativePageQueryVariables>(INITIATIVE_PAGE_QUERY, { slug: null, id, lang })).initiative;
}
