// The organisations of a good practice and their roles: one row each, ticked to be removed,
// and a blank row to add one (add/remove without JavaScript). Organisations only, never people.
import { loadAs } from '#lib/server/manage/page-access.ts';
import { actorsChanges, readActorsForm, type ActorRow } from '#lib/forms/manage/practice-changes.ts';
import { currentPractice, savePractice } from '#lib/server/manage/practice-editing.ts';
import { PRACTICE_TAXONOMIES_QUERY, type PracticeTaxonomies } from '#lib/server/manage/practice-queries.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({ taxonomies: await loadAs<PracticeTaxonomies>(event, PRACTICE_TAXONOMIES_QUERY) });

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const practice = await currentPractice(event, event.params.slug);
    const posted: ActorRow[] = readActorsForm(form);
    const { changes, fieldIds, fieldMessages } = actorsChanges(practice.record, posted);
    return savePractice(event, form, practice, changes, { fieldIds, posted, fieldMessages });
  },
};
