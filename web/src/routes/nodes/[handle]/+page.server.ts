// A city node's page (/nodes/<handle>; the node's own handle is also its ActivityPub actor,
// answered to servers before the site sees the request). 404 when no node has that handle.
import { error } from '@sveltejs/kit';
import { loadNodePage } from '#lib/server/node-page.ts';
import { loadMarketRecordsOf } from '#lib/server/market-pages.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
  const page = await loadNodePage(params.handle, locals.lang);
  if (!page) error(404);
  // Like the record pages: shared caches may keep it a minute, keyed on Accept (ActivityPub).
  setHeaders({ 'cache-control': 'public, max-age=60', vary: 'Accept' });
  // The city's open offers (issue 15 point 6), on the page of a node whose records this node holds.
  const offers = await loadMarketRecordsOf({ node: [page.node.slug], kind: ['OFFER'] }, locals.lang);
  return { ...page, offers };
};
