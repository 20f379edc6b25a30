// The search page (/search): everything it searches for is in the URL (lib/search/search-params.ts),
// so it is a plain GET that works without JavaScript. Values that are not numbers are reported
// without asking the registry; the registry's own refusals come back as form problems.
import { redirect } from '@sveltejs/kit';
import { graphql } from '#lib/server/graphql.ts';
import { loadSearchPage } from '#lib/server/search-page.ts';
import { readShortlist } from '#lib/server/shortlist-store.ts';
import { canonicalSearchHref, readSearchParams, toSearchRequest } from '#lib/search/search-params.ts';
import { localProblems } from '#lib/search/search-problems.ts';
import type { PageServerLoad } from './$types';

// Nothing on this page runs in the browser (links, GET forms and POST buttons): no hydration, so
// no copy of the page data in the HTML and no scripts to load (issue 13).
export const csr = false;

export const load: PageServerLoad = async ({ url, locals, cookies, setHeaders }) => {
  // The form sends its empty fields too: answer with the tidy address of the same search.
  const tidy = canonicalSearchHref(url.searchParams);
  if (tidy) redirect(302, tidy);
  const state = readSearchParams(url.searchParams);
  const request = toSearchRequest(state);
  const problems = localProblems(request.problems);
  const { outcome, places } = await loadSearchPage(request, locals.lang, graphql, problems);
  // Results change with every edit and the page shows this reader's shortlist: no shared caches.
  setHeaders({ 'cache-control': 'private, no-cache' });
  return { state, outcome, places, shortlist: readShortlist(cookies) };
};
