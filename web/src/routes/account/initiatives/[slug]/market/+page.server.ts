// An initiative's needs and openings (issue 15 point 6), drafts included, and links to post new
// ones. Its editors and the node's moderators (the registry refuses anyone else).
import { loadEditableMarketRecords } from '#lib/server/market/market-editing.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({ records: await loadEditableMarketRecords(event, event.params.slug) });
