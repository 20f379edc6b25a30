// The node's staff's requests and offers (for organisations), drafts included, and links to post
// new ones. Moderators and admins only (the registry refuses anyone else: market.moderate).
import { requireModerator } from '#lib/server/manage/page-access.ts';
import { loadEditableMarketRecords } from '#lib/server/market/market-editing.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { account } = await event.parent();
  requireModerator(account, event.url);
  return { records: await loadEditableMarketRecords(event, null) };
};
