// One good practice in its editing area (moderators and admins: the admin layout checks the
// role, the registry checks it again): its state and record, shared by the overview and each
// section (texts, type and place, organisations, initiatives, preview, history).
import { error } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { EDITABLE_PRACTICE_QUERY, type EditablePractice } from '#lib/server/manage/practice-queries.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  await event.parent();
  const { editableGoodPractice } = await loadAs<{ editableGoodPractice: EditablePractice | null }>(event, EDITABLE_PRACTICE_QUERY, {
    slug: event.params.slug,
  });
  if (!editableGoodPractice) error(404);
  return { practice: editableGoodPractice };
};
