// A good practice's texts in one language (?in=<tag>): the EWSI text fields and what each
// organisation does. Saving sends only the fields that changed, each with its other languages
// untouched (lib/forms/manage/practice-changes.ts), with the version the page was opened with.
import { error } from '@sveltejs/kit';
import { hasTextsIn, isLanguageTag, languageTabs } from '#lib/forms/manage/content-languages.ts';
import {
  PRACTICE_TEXT_FIELDS,
  practiceTextChanges,
  practiceTextFieldIds,
  readPracticeTextsForm,
  type PracticeTextsForm,
} from '#lib/forms/manage/practice-changes.ts';
import { currentPractice, savePractice } from '#lib/server/manage/practice-editing.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url, locals }) => {
  const { practice } = await parent();
  const record = practice.record;
  return {
    ...languageTabs(
      record,
      url.searchParams.get('in'),
      locals.lang,
      (tag) => hasTextsIn(record, tag, PRACTICE_TEXT_FIELDS),
      PRACTICE_TEXT_FIELDS,
    ),
    created: url.searchParams.has('created'),
  };
};

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const lang = String(form.get('in') ?? '');
    if (!isLanguageTag(lang)) error(400, 'The form is incomplete: reload the page and try again.');
    const practice = await currentPractice(event, event.params.slug);
    const actorCount = practice.record.actors?.length ?? 0;
    const posted: PracticeTextsForm = readPracticeTextsForm(form, lang, actorCount);
    return savePractice(event, form, practice, practiceTextChanges(practice.record, posted), {
      fieldIds: practiceTextFieldIds(actorCount),
      posted,
    });
  },
};
