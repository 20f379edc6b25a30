// Editing this city's adoption record (issue 16 point 2): what was kept and changed, a first
// outcome, the stage; then sent for review, and published by a moderator (the shared editorial
// mutations). Plain POST actions, so it works without JavaScript; a refusal keeps what was typed.
import { fail } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { editProblems } from '#lib/forms/manage/edit-problems.ts';
import { hasProblems } from '#lib/forms/manage/form-problems.ts';
import {
  ADOPTION_PATHS,
  adoptionChanges,
  checkAdoptionForm,
  readAdoptionForm,
  type AdoptionForm,
} from '#lib/forms/manage/adoption-form.ts';
import {
  APPROVE_ADOPTION,
  EDITABLE_ADOPTION_QUERY,
  SUBMIT_ADOPTION,
  UPDATE_ADOPTION,
  type AdoptionEditResult,
  type EditableAdoption,
} from '#lib/server/manage/adoption-queries.ts';
import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

async function current(event: RequestEvent | Parameters<PageServerLoad>[0]): Promise<EditableAdoption> {
  const { editableAdoptionRecord } = await loadAs<{ editableAdoptionRecord: EditableAdoption | null }>(event, EDITABLE_ADOPTION_QUERY, {
    slug: event.params.slug,
    lang: event.locals.lang,
  });
  if (!editableAdoptionRecord) error(404);
  return editableAdoptionRecord;
}

export const load: PageServerLoad = async (event) => ({ adoption: await current(event) });

/** Runs one of the workflow steps on the record at the posted version. */
async function step(event: RequestEvent, mutation: string, done: 'submitted' | 'published') {
  const form = await event.request.formData();
  const adoption = await current(event);
  const outcome = await runMutation<AdoptionEditResult>(event, form, mutation, { id: adoption.id, version: Number(form.get('version')) });
  if (!outcome.ok) return outcome.failure;
  return done === 'submitted' ? { submitted: true as const } : { published: true as const };
}

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const adoption = await current(event);
    const posted: AdoptionForm = readAdoptionForm(form);
    const problems = checkAdoptionForm(posted);
    if (hasProblems(problems)) return fail(400, { problems, posted });
    const outcome = await runMutation<AdoptionEditResult, AdoptionForm>(
      event,
      form,
      UPDATE_ADOPTION,
      { id: adoption.id, version: Number(form.get('version')), changes: adoptionChanges(adoption.record, posted) },
      { posted, problems: (apiError) => editProblems(apiError, ADOPTION_PATHS) },
    );
    if (!outcome.ok) return outcome.failure;
    return { saved: true };
  },
  submit: (event) => step(event, SUBMIT_ADOPTION, 'submitted'),
  approve: (event) => step(event, APPROVE_ADOPTION, 'published'),
};
