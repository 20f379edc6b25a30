// The good practice being edited as the public will see it once published, drawn by the public
// page's own component from the same selection (the PracticeProfile fragment).
import { error } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { PRACTICE_PREVIEW_QUERY } from '#lib/server/manage/practice-queries.ts';
import { formatDate } from '#lib/format/dates.ts';
import type { PracticePreviewQuery } from '#lib/generated/operation-types.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { editableGoodPractice } = await loadAs<PracticePreviewQuery>(event, PRACTICE_PREVIEW_QUERY, { slug: event.params.slug });
  if (!editableGoodPractice) error(404);
  const preview = editableGoodPractice.preview;
  return { preview, updatedAtText: formatDate(preview.updatedAt, event.locals.lang) };
};
