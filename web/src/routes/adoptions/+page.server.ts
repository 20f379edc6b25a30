// Adoption records as their own kind of search (/adoptions, issue 16 point 5, ADR 0040): words,
// stage, practice type and city from the address, so it is a plain GET that works without
// JavaScript; the page's counts show what each filter would give.
import { readAdoptionSearchParams } from '#lib/adoptions/adoption-search-params.ts';
import { loadAdoptionSearch } from '#lib/server/adoption-search-page.ts';
import type { PageServerLoad } from './$types';

// Nothing on this page runs in the browser (links and a GET form): no hydration (ADR 0042).
export const csr = false;

export const load: PageServerLoad = async ({ url, locals, setHeaders }) => {
  const params = readAdoptionSearchParams(url.searchParams);
  const result = await loadAdoptionSearch(params, locals.lang);
  // Records change with every approval: shared caches keep it a minute.
  setHeaders({ 'cache-control': 'public, max-age=60' });
  return { params, result };
};
