// A new good practice: what every practice needs (title and summary in one language, type,
// place; a short name for its address, made from the title when left empty). The registry
// checks it (the one validation layer); a refusal keeps what was typed, each problem beside its
// field. Created as a draft, it opens on its texts, to write the other fields and languages.
import { redirect } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { editProblems } from '#lib/forms/manage/edit-problems.ts';
import { PRACTICE_FIELD_MESSAGES } from '#lib/forms/manage/practice-problems.ts';
import { NEW_PATHS, newPracticeInput, readNewPracticeForm, type NewPracticeForm } from '#lib/forms/manage/practice-changes.ts';
import { CREATE_GOOD_PRACTICE, PRACTICE_TAXONOMIES_QUERY, type PracticeTaxonomies } from '#lib/server/manage/practice-queries.ts';
import type { CreateGoodPracticeMutation } from '#lib/generated/operation-types.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const taxonomies = await loadAs<PracticeTaxonomies>(event, PRACTICE_TAXONOMIES_QUERY);
  return { taxonomies };
};

export const actions: Actions = {
  create: async (event) => {
    const form = await event.request.formData();
    const posted: NewPracticeForm = readNewPracticeForm(form);
    const outcome = await runMutation<CreateGoodPracticeMutation['result'], NewPracticeForm>(
      event,
      form,
      CREATE_GOOD_PRACTICE,
      { input: newPracticeInput(posted) },
      { posted, problems: (apiError) => editProblems(apiError, NEW_PATHS, PRACTICE_FIELD_MESSAGES) },
    );
    if (!outcome.ok) return outcome.failure;
    const slug = outcome.result.record && 'slug' in outcome.result.record ? outcome.result.record.slug : newPracticeInput(posted).handle;
    redirect(303, `/admin/practices/${encodeURIComponent(String(slug))}/texts?in=${encodeURIComponent(posted.originalLanguage)}&created`);
  },
};
