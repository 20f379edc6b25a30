// GET /market/feed.atom[?sector=AM40]: the Atom feed of open requests (lib/server/market-feed.ts).
import { error } from '@sveltejs/kit';
import { marketFeed } from '#lib/server/market-feed.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
  const sector = url.searchParams.get('sector')?.trim() || null;
  if (sector && sector.length > 20) error(400, 'Unknown sector: give a sector code such as AM40 (see /market).');
  const outcome = await marketFeed(url.origin, sector, locals.lang);
  if (outcome.status === 'unknownSector') error(400, 'Unknown sector: give a sector code such as AM40 (see /market).');
  return new Response(outcome.xml, {
    headers: {
      'content-type': 'application/atom+xml; charset=utf-8',
      // Feed readers poll: a shared cache may keep it five minutes (requests change rarely).
      'cache-control': 'public, max-age=300',
    },
  });
};
