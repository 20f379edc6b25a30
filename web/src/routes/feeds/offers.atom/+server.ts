// GET /feeds/offers.atom[?sector=AM40]: the Atom feed of the initiatives' open offers, the
// companion of the buyers' requests at /market/feed.atom (lib/server/market-feed.ts, ADR 0048).
import { error } from '@sveltejs/kit';
import { marketFeed } from '#lib/server/market-feed.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
  const sector = url.searchParams.get('sector')?.trim() || null;
  if (sector && sector.length > 20) error(400, 'Unknown sector: give a sector code such as AM40 (see /market).');
  const outcome = await marketFeed(url.origin, sector, locals.lang, 'offer');
  if (outcome.status === 'unknownSector') error(400, 'Unknown sector: give a sector code such as AM40 (see /market).');
  return new Response(outcome.xml, {
    headers: {
      'content-type': 'application/atom+xml; charset=utf-8',
      'cache-control': 'public, max-age=300',
      vary: 'accept-language, cookie',
      'access-control-allow-origin': '*',
    },
  });
};
