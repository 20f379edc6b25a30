// A market record sent to one of the reader's initiatives (a buyer's request, or an offer for its
// need): opening it marks it seen, and its editors answer "interested", "not for us" or a
// question through the registry, never seeing the buyer's address nor showing theirs (ADR 0037).
// A plain POST form, so it works without JavaScript.
import { answerAction, openSent } from '#lib/server/market-answers.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  event.setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
  return { sent: await openSent(event) };
};

export const actions: Actions = { default: answerAction };
