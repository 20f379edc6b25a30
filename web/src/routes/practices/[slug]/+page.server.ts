// A good practice's page (/practices/<slug>). 404 in the reader's language when this node
// published no good practice with that handle.
import { error } from '@sveltejs/kit';
import { loadPracticePage } from '#lib/server/practice-page.ts';
import { RECORD_PAGE_HEADERS } from '#lib/server/record-page-headers.ts';
import { formatDate } from '#lib/format/dates.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
  const page = await loadPracticePage(params.slug, locals.lang);
  if (!page) error(404);
  setHeaders(RECORD_PAGE_HEADERS);
  return {
    practice: page.practice,
    acrossCities: page.acrossCities,
    adoptions: page.adoptions,
    updatedAtText: formatDate(page.practice.updatedAt, locals.lang),
  };
};
