// The record being edited as the public will see it once published (private contact fields
// and an unconsented migrant-led declaration are left out, as on the public page).
import { error } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { PREVIEW_QUERY } from '#lib/server/manage/editor-queries.ts';
import type { PageServerLoad } from './$types';
import type { InitiativePreviewQuery } from '#lib/generated/operation-types.ts';

export const load: PageServerLoad = async (event) => {
  const { editableInitiative } = await loadAs<InitiativePreviewQuery>(event, PREVIEW_QUERY, { slug: event.params.slug });
  if (!editableInitiative) error(404);
  return { preview: editableInitiative.preview };
};
