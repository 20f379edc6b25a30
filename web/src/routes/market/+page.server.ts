// The market board (/market): open requests, offers, needs and openings, filtered by kind,
// sector, place and closing day from the address (lib/market/board-params.ts), so it is a
// plain GET that works without JavaScript, with a map and its list beside it.
import { loadMarketBoard } from '#lib/server/market-pages.ts';
import { readBoardParams } from '#lib/market/board-params.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals, setHeaders }) => {
  const { params, problems } = readBoardParams(url.searchParams);
  const board = await loadMarketBoard(params, locals.lang);
  // Records change with every approval and expire at midnight: shared caches keep it a minute.
  setHeaders({ 'cache-control': 'public, max-age=60' });
  return { params, problems: board.status === 'refused' ? [...problems, 'sector' as const] : problems, board };
};
