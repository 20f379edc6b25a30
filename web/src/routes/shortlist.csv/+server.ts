// The shortlist as a CSV file (/shortlist.csv) for Excel or LibreOffice: public fields only,
// headed in the reader's language (lib/shortlist/shortlist-csv.ts, lib/shortlist/csv.ts).
import { graphql, GraphQLRequestError } from '#lib/server/graphql.ts';
import { loadShortlist } from '#lib/server/shortlist-page.ts';
import { readShortlist } from '#lib/server/shortlist-store.ts';
import { shortlistCsv, shortlistFileName } from '#lib/shortlist/shortlist-csv.ts';
import { messagesFor } from '#lib/i18n/catalog.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ cookies, locals }) => {
  const messages = messagesFor(locals.lang);
  let entries: Awaited<ReturnType<typeof loadShortlist>>['entries'];
  try {
    ({ entries } = await loadShortlist(readShortlist(cookies), locals.lang, graphql));
  } catch (error) {
    if (!(error instanceof GraphQLRequestError)) throw error;
    // Never a CSV without the initiatives: a spreadsheet would show an empty list as if it were one.
    return new Response(messages.shortlistUnavailable, {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '30', 'cache-control': 'no-store' },
    });
  }
  const csv = shortlistCsv(entries, locals.lang, (key) => messages[key]);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${shortlistFileName(messages.csvFileName, new Date())}"`,
      // One reader's list: never in a shared cache.
      'cache-control': 'private, no-store',
      'content-language': locals.lang,
    },
  });
};
