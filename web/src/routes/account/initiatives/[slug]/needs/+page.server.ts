// What the initiative needs (a space, a kitchen, funding …), ticked from the registry's list
// of needs (taxonomy NEED). A need kept keeps its description.
import { error } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import {
  EDITABLE_INITIATIVE_FOR_MODERATOR_QUERY,
  NEEDS_TAXONOMY_QUERY,
  UPDATE_INITIATIVE,
  type EditableInitiative,
  type EditResult,
} from '#lib/server/manage/editor-queries.ts';
import { needsChanges } from '#lib/forms/manage/initiative-changes.ts';
import type { Actions, PageServerLoad } from './$types';
import type { NeedsTaxonomyQuery } from '#lib/generated/operation-types.ts';

export const load: PageServerLoad = async (event) => {
  const { taxonomy } = await loadAs<NeedsTaxonomyQuery>(event, NEEDS_TAXONOMY_QUERY);
  return { needs: taxonomy.concepts };
};

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const version = Number(form.get('version'));
    const ticked = form.getAll('need').filter((value): value is string => typeof value === 'string');
    const { editableInitiative } = await loadAs<{ editableInitiative: EditableInitiative | null }>(
      event,
      EDITABLE_INITIATIVE_FOR_MODERATOR_QUERY,
      { slug: event.params.slug },
    );
    if (!editableInitiative) error(404);
    const changes = needsChanges(editableInitiative.record, ticked);
    if (Object.keys(changes).length === 0) return { saved: true, unchanged: true };
    const outcome = await runMutation<EditResult, string[]>(
      event,
      form,
      UPDATE_INITIATIVE,
      { id: event.params.slug, version, changes },
      { fieldIds: { needs: 'needs' }, posted: ticked },
    );
    if (!outcome.ok) return outcome.failure;
    return { saved: true, unchanged: false };
  },
};
