// A good practice's page (/practices/<slug>). 404 in the reader's language when this node
// published no good practice with that handle. Its form action `askTranslation` counts a
// reader's request for their language (ADR 0041).
import { error } from '@sveltejs/kit';
import { askForTranslation } from '#lib/server/translation-request.ts';
import { loadPracticePage } from '#lib/server/practice-page.ts';
import { RECORD_PAGE_HEADERS } from '#lib/server/record-page-headers.ts';
import { formatDate } from '#lib/format/dates.ts';
import type { Actions, PageServerLoad } from './$types';

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

export const actions: Actions = {
  // The registry finds the practice by its slug and refuses one it does not publish.
  askTranslation: async ({ request, params, locals, getClientAddress }) =>
    askForTranslation(request, 'GOOD_PRACTICE', params.slug, getClientAddress(), locals.lang),
};
