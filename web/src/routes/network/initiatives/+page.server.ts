// The page of an initiative received from a partner node (/network/initiatives?id=<IRI>): the
// registry keeps received listings and finds them by global id. A local initiative's id is
// sent to its own page; an unknown id is the 404 page.
import { error, redirect } from '@sveltejs/kit';
import { loadInitiativeById } from '#lib/server/initiative-page.ts';
import { receivedRecordId } from '#lib/server/received-record.ts';
import { RECORD_PAGE_HEADERS } from '#lib/server/record-page-headers.ts';
import { formatDate } from '#lib/format/dates.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals, setHeaders }) => {
  const id = receivedRecordId(url);
  const initiative = id ? await loadInitiativeById(id, locals.lang) : null;
  if (!initiative) error(404);
  if (initiative.origin.isLocal) redirect(308, `/initiatives/${encodeURIComponent(initiative.slug)}`);
  setHeaders(RECORD_PAGE_HEADERS);
  // A received initiative's needs and openings are on its own node's page (market records are read by node).
  return { initiative, market: [], updatedAtText: formatDate(initiative.updatedAt, locals.lang) };
};
