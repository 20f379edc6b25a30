// The page of a good practice received from a partner node (/network/practices?id=<IRI>); a
// local practice's id is sent to its own page, an unknown id is the 404 page.
import { error, redirect } from '@sveltejs/kit';
import { loadPracticeById } from '#lib/server/practice-page.ts';
import { receivedRecordId } from '#lib/server/received-record.ts';
import { RECORD_PAGE_HEADERS } from '#lib/server/record-page-headers.ts';
import { formatDate } from '#lib/format/dates.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals, setHeaders }) => {
  const id = receivedRecordId(url);
  const page = id ? await loadPracticeById(id, locals.lang) : null;
  if (!page) error(404);
  if (page.practice.origin.isLocal) redirect(308, `/practices/${encodeURIComponent(page.practice.slug)}`);
  setHeaders(RECORD_PAGE_HEADERS);
  return {
    practice: page.practice,
    acrossCities: page.acrossCities,
    adoptions: page.adoptions,
    updatedAtText: formatDate(page.practice.updatedAt, locals.lang),
  };
};
