// A good practice's texts in one language (?in=<tag>): the EWSI text fields and what each
// organisation does. Saving sends only the fields that changed, each with its other languages
// untouched (lib/forms/manage/practice-changes.ts), with the version the page was opened with.
import { error } from '@sveltejs/kit';
import { chosenContentLanguage, contentLanguages, hasTextsIn } from '#lib/forms/manage/content-languages.ts';
import {
  PRACTICE_TEXT_FIELDS,
  practiceTextChanges,
  practiceTextFieldIds,
  readPracticeTextsForm,
  type PracticeTextsForm,
} from '#lib/forms/manage/practice-changes.ts';
import { currentPractice, savePractice } from '#lib/server/manage/practice-editing.ts';
import type { Actions, PageServerLoad } from './$types';

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export const load: PageServerLoad = async ({ parent, url, locals }) => {
  const { practice } = await parent();
  const record = practice.record;
  const lang = chosenContentLanguage(url.searchParams.get('in'), record, locals.lang);
  const tabs = contentLanguages(record, PRACTICE_TEXT_FIELDS);
  if (!tabs.includes(lang)) tabs.push(lang);
  return {
    lang,
    tabs: tabs.map((tag) => ({ tag, written: hasTextsIn(record, tag, PRACTICE_TEXT_FIELDS) })),
    created: url.searchParams.has('created'),
  };
};

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const lang = String(form.get('in') ?? '');
    if (!LANGUAGE_TAG.test(lang)) error(400, 'The form is incomplete: reload the page and try again.');
    const practice = await currentPractice(event, event.params.slug);
    const actorCount = practice.record.actors?.length ?? 0;
    const posted: PracticeTextsForm = readPracticeTextsForm(form, lang, actorCount);
    return savePractice(event, form, practice, practiceTextChanges(practice.record, posted), {
      fieldIds: practiceTextFieldIds(actorCount),
      posted,
    });
  },
};
