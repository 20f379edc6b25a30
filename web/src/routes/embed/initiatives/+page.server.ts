// /embed/initiatives: the initiatives a city shows on its own website, with the same parameters as /search (node=<city>, q, filters); ADR 0049.
// No script of SvelteKit's (frame.js only, for the height), no cookie (hooks.server.ts), framable.
import { loadEmbedPage } from '#lib/server/embed-page.ts';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ url, locals, setHeaders }) => {
  setHeaders({ 'cache-control': 'public, max-age=60' });
  return { embed: await loadEmbedPage(url, locals.lang, true) };
};
