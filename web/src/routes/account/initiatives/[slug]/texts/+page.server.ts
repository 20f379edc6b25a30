// The profile's texts in one language (?in=<tag>): name, summary, description, mission, area
// served and the name and description of each service. Saving sends only the fields that
// changed, each with its other languages untouched (lib/forms/manage/initiative-changes.ts).
import { error } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import {
  EDITABLE_INITIATIVE_FOR_MODERATOR_QUERY,
  UPDATE_INITIATIVE,
  type EditableInitiative,
  type EditResult,
} from '#lib/server/manage/editor-queries.ts';
import { chosenContentLanguage, contentLanguages, hasTextsIn } from '#lib/forms/manage/content-languages.ts';
import {
  readTextsForm,
  serviceFieldId,
  textChanges,
  textFieldId,
  TEXT_FIELDS,
  type TextsForm,
} from '#lib/forms/manage/initiative-changes.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url, locals }) => {
  const { initiative } = await parent();
  const record = initiative.record;
  const lang = chosenContentLanguage(url.searchParams.get('in'), record, locals.lang);
  const tabs = contentLanguages(record);
  if (!tabs.includes(lang)) tabs.push(lang);
  return { lang, tabs: tabs.map((tag) => ({ tag, written: hasTextsIn(record, tag) })) };
};

/** The registry's field paths in this language → the form's field ids, for errors next to fields. */
function fieldIdsFor(lang: string, serviceCount: number): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const field of TEXT_FIELDS) {
    ids[field] = textFieldId(field);
    ids[`${field}.${lang}`] = textFieldId(field);
  }
  for (let index = 0; index < serviceCount; index++) {
    ids[`services.${index}.name`] = serviceFieldId(index, 'name');
    ids[`services.${index}.description`] = serviceFieldId(index, 'description');
  }
  return ids;
}

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const lang = String(form.get('in') ?? '');
    const version = Number(form.get('version'));
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang) || !Number.isInteger(version))
      error(400, 'The form is incomplete: reload the page and try again.');
    // The changes are computed against the record as it is now; the version the page was opened
    // with goes with them, so the registry refuses them if someone saved in between.
    const { editableInitiative } = await loadAs<{ editableInitiative: EditableInitiative | null }>(
      event,
      EDITABLE_INITIATIVE_FOR_MODERATOR_QUERY,
      { slug: event.params.slug },
    );
    if (!editableInitiative) error(404);
    const record = editableInitiative.record;
    const serviceCount = record.services?.length ?? 0;
    const posted: TextsForm = readTextsForm(form, lang, serviceCount);
    const changes = textChanges(record, posted);
    if (Object.keys(changes).length === 0) return { saved: true, unchanged: true };
    const outcome = await runMutation<EditResult, TextsForm>(
      event,
      form,
      UPDATE_INITIATIVE,
      { id: event.params.slug, version, changes },
      { fieldIds: fieldIdsFor(lang, serviceCount), posted },
    );
    if (!outcome.ok) return outcome.failure;
    return { saved: true, unchanged: false };
  },
};
