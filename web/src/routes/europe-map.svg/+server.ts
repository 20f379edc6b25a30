// The base map of Europe (land and borders) that EuropeMap.svelte draws its markers on: a
// separate, cacheable image, so the country shapes never go into a page's HTML or JavaScript
// and browsers keep them across pages. Not prerendered: the site's hooks read the query string
// (?lang=) on every request, which SvelteKit forbids while prerendering.
import { europeBasemapSvg } from '#lib/components/map/europe-basemap.ts';
import type { RequestHandler } from './$types';

// Drawn on the first request and kept: the same bytes for every reader while the process runs
// (it depends only on packaged data), so this is a constant computed late, not per-request state.
let basemap: string | undefined;

export const GET: RequestHandler = () => {
  basemap ??= europeBasemapSvg();
  return new Response(basemap, {
    headers: {
      'content-type': 'image/svg+xml',
      // Changes only with a new release of the site; a day keeps pages light without pinning a stale map for long.
      'cache-control': 'public, max-age=86400',
    },
  });
};
