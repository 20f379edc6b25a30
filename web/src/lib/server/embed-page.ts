// The embedded lists (/embed/initiatives, /embed/search; issue 17 point 7, ADR 0049): the same
// search as /search, from the same URL parameters, answered by the same registry request
// (search-page.ts), shown without the site's header, footer or forms.
import { graphql } from './graphql.ts';
import { loadSearchPage, type SearchOutcome } from './search-page.ts';
import {
  nextPageHref,
  previousPageHref,
  readSearchParams,
  searchHref,
  toSearchRequest,
  type SearchState,
} from '../search/search-params.ts';
import { localProblems } from '../search/search-problems.ts';
import { isUiLanguage } from '../i18n/languages.ts';

export interface EmbedPage {
  outcome: SearchOutcome;
  /** The same search on the registry's search page (opened in a new tab). */
  searchHref: string;
  nextHref: string | null;
  previousHref: string | null;
}

/** `initiativesOnly`: /embed/initiatives, which shows initiatives whatever `kind` says. */
export async function loadEmbedPage(url: URL, lang: string, initiativesOnly: boolean): Promise<EmbedPage> {
  const read = readSearchParams(url.searchParams);
  const state: SearchState = { ...read, view: 'list', ...(initiativesOnly ? { kind: ['INITIATIVE' as const] } : {}) };
  const request = toSearchRequest(state);
  const { outcome } = await loadSearchPage(request, lang, graphql, localProblems(request.problems));
  // The page's links keep the snippet's language: the reader sees the list in it.
  const requested = url.searchParams.get('lang');
  const withLang = (href: string) => {
    if (!isUiLanguage(requested)) return href;
    const target = new URL(href, url.origin);
    target.searchParams.set('lang', requested);
    return `${target.pathname}${target.search}`;
  };
  // Paging stays in the frame: the same parameters on this embed's own path.
  const here = (href: string | null) => (href ? withLang(href.replace(/^\/search/, url.pathname)) : null);
  const endCursor = outcome.status === 'ok' && outcome.results.pageInfo.hasNextPage ? outcome.results.pageInfo.endCursor : null;
  return {
    outcome,
    searchHref: withLang(searchHref({ ...state, after: '', trail: [] })),
    nextHref: endCursor ? here(nextPageHref(state, endCursor)) : null,
    previousHref: here(previousPageHref(state)),
  };
}
