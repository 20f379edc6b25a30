// An initiative's page (/initiatives/<slug>, also its ActivityPub id: the node answers
// application/activity+json requests for this URL itself, before the site). 404 in the
// reader's language when this node published no initiative with that handle.
import { error } from '@sveltejs/kit';
import { loadInitiativePage } from '#lib/server/initiative-page.ts';
import { RECORD_PAGE_HEADERS } from '#lib/server/record-page-headers.ts';
import { formatDate } from '#lib/format/dates.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
  const initiative = await loadInitiativePage(params.slug, locals.lang);
  if (!initiative) error(404);
  setHeaders(RECORD_PAGE_HEADERS);
  return { initiative, updatedAtText: formatDate(initiative.updatedAt, locals.lang) };
};
