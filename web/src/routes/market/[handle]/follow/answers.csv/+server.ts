// The answers to a record as CSV (?shortlist=1: the shortlist only), for the record's followers:
// the buyer's spreadsheet (lib/market-answers/follow-up-csv.ts). Never in a shared cache.
import { redirect } from '@sveltejs/kit';
import { messagesFor } from '#lib/i18n/catalog.ts';
import { followUpCsv, followUpFileName } from '#lib/market-answers/follow-up-csv.ts';
import { loadFollowUp } from '#lib/server/market-answers.ts';
import { sessionToken, signInPath } from '#lib/server/session.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  if (!sessionToken(event.cookies)) redirect(303, signInPath(event.url));
  const followUp = await loadFollowUp(event);
  const shortlistOnly = event.url.searchParams.get('shortlist') === '1';
  const messages = messagesFor(event.locals.lang);
  const csv = followUpCsv(followUp, { shortlistOnly, lang: event.locals.lang, t: (key) => messages[key] });
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${followUpFileName(followUp.slug, shortlistOnly, new Date())}"`,
      'cache-control': 'private, no-store',
      'content-language': event.locals.lang,
      'x-robots-tag': 'noindex',
    },
  });
};
