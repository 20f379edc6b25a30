// The profile's texts in one language (?in=<tag>): name, summary, description, mission, area
// served and the name and description of each service. Saving sends only the fields that
// changed, each with its other languages untouched (lib/forms/manage/initiative-changes.ts).
import { currentInitiative, postedLanguage, postedVersion, saveInitiative } from '#lib/server/manage/initiative-editing.ts';
import { hasTextsIn, languageTabs } from '#lib/forms/manage/content-languages.ts';
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
  const { record } = (await parent()).initiative;
  return languageTabs(record, url.searchParams.get('in'), locals.lang, (tag) => hasTextsIn(record, tag));
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
    const lang = postedLanguage(form);
    const version = postedVersion(form);
    // The changes are computed against the record as it is now; the version the page was opened
    // with goes with them, so the registry refuses them if someone saved in between.
    const { record } = await currentInitiative(event, event.params.slug);
    const serviceCount = record.services?.length ?? 0;
    const posted: TextsForm = readTextsForm(form, lang, serviceCount);
    const changes = textChanges(record, posted);
    return saveInitiative(event, form, event.params.slug, version, changes, { fieldIds: fieldIdsFor(lang, serviceCount), posted });
  },
};
