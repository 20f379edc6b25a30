// A good practice's type (PT1 … PT10, labelled in the reader's language), period and place.
import { loadAs } from '#lib/server/manage/page-access.ts';
import { DETAIL_PATHS, detailsChanges, readDetailsForm, type PracticeDetailsForm } from '#lib/forms/manage/practice-changes.ts';
import { currentPractice, savePractice } from '#lib/server/manage/practice-editing.ts';
import { PRACTICE_TAXONOMIES_QUERY, type PracticeTaxonomies } from '#lib/server/manage/practice-queries.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({ taxonomies: await loadAs<PracticeTaxonomies>(event, PRACTICE_TAXONOMIES_QUERY) });

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const practice = await currentPractice(event, event.params.slug);
    const posted: PracticeDetailsForm = readDetailsForm(form);
    return savePractice(event, form, practice, detailsChanges(practice.record, posted), { fieldIds: DETAIL_PATHS, posted });
  },
};
