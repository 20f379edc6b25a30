// The procurement shortlist (/shortlist): the initiatives an official gathered, kept in a cookie
// (no account), with form actions to add, remove and empty it that work without JavaScript:
// each change answers 303 back to the page it came from (`returnTo`, a path on this site only).
// `?print=1` is the printable version.
import { fail, redirect } from '@sveltejs/kit';
import { getLogger } from '@logtape/logtape';
import { graphql, GraphQLRequestError } from '#lib/server/graphql.ts';
import { loadShortlist } from '#lib/server/shortlist-page.ts';
import { readShortlist, writeShortlist } from '#lib/server/shortlist-store.ts';
import { addToShortlist, MAX_SHORTLIST, removeFromShortlist, safeReturnPath } from '#lib/shortlist/shortlist-cookie.ts';
import { formatDate } from '#lib/format/dates.ts';
import type { Actions, PageServerLoad } from './$types';

const log = getLogger(['umn', 'web', 'shortlist']);

export const load: PageServerLoad = async ({ cookies, locals, url, setHeaders }) => {
  const ids = readShortlist(cookies);
  setHeaders({ 'cache-control': 'private, no-store' });
  let loaded: Awaited<ReturnType<typeof loadShortlist>> | null = null;
  try {
    loaded = await loadShortlist(ids, locals.lang, graphql);
  } catch (error) {
    if (!(error instanceof GraphQLRequestError)) throw error;
    // The registry is down: say so, and keep the cookie as it is.
    log.error('Loading the shortlist failed: {error}', { error });
  }
  const missing = loaded?.missing ?? [];
  // Forget what the registry no longer publishes, so the count in the header stays true.
  if (missing.length > 0)
    writeShortlist(
      cookies,
      ids.filter((id) => !missing.includes(id)),
      url,
    );
  return {
    entries: loaded?.entries ?? [],
    unavailable: loaded === null,
    missingCount: missing.length,
    max: MAX_SHORTLIST,
    print: url.searchParams.get('print') === '1',
    today: formatDate(new Date().toISOString(), locals.lang),
    site: url.origin,
  };
};

function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

export const actions: Actions = {
  add: async ({ request, cookies, url }) => {
    const data = await request.formData();
    const outcome = addToShortlist(readShortlist(cookies), formText(data, 'id'));
    // Refused: the shortlist page itself says why (full, or not an initiative).
    if (!outcome.ok) return fail(outcome.reason === 'full' ? 409 : 400, { problem: outcome.reason });
    writeShortlist(cookies, outcome.ids, url);
    redirect(303, safeReturnPath(data.get('returnTo')));
  },
  remove: async ({ request, cookies, url }) => {
    const data = await request.formData();
    writeShortlist(cookies, removeFromShortlist(readShortlist(cookies), formText(data, 'id')), url);
    redirect(303, safeReturnPath(data.get('returnTo')));
  },
  clear: async ({ cookies, url }) => {
    writeShortlist(cookies, [], url);
    redirect(303, '/shortlist');
  },
};
