// The buyer's follow-up of a record of this node: who was told, who opened it, who answered and
// how, the shortlist, and the CSV export (ADR 0037). For whoever posted the record and the node's
// moderators and admins; anyone else gets "not found". Plain POST forms, without JavaScript too.
import { loadFollowUp, shortlistAction } from '#lib/server/market-answers.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  event.setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
  return { followUp: await loadFollowUp(event) };
};

export const actions: Actions = { shortlist: shortlistAction };
