// A good practice's sources, one language's notes per page (?in=<tag>): the same sources form
// as an initiative's (lib/forms/manage/sources-form.ts, SourceFieldset). Adding, moving and
// removing answer the form rearranged, nothing saved; "Save" sends the list through
// updateGoodPractice with the version the page was opened with.
import { fail } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { currentPractice, savePractice } from '#lib/server/manage/practice-editing.ts';
import { postedLanguage } from '#lib/server/manage/initiative-editing.ts';
import CATALOGUED_SOURCES_QUERY from '#lib/server/manage/queries/practice-catalogued-sources.graphql?raw';
import type { PracticeCataloguedSourcesQuery } from '#lib/generated/operation-types.ts';
import type { Problems } from '#lib/forms/manage/form-problems.ts';
import { languageTabs } from '#lib/forms/manage/content-languages.ts';
import { readListCommand } from '#lib/forms/manage/list-commands.ts';
import { PRACTICE_TEXT_FIELDS } from '#lib/forms/manage/practice-changes.ts';
import { arrangeSources, hasSourceNotesIn, readSourceBlocks, sourcesChanges, type SourcesForm } from '#lib/forms/manage/sources-form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { practice } = await event.parent();
  const record = practice.record;
  const { editableGoodPractice } = await loadAs<PracticeCataloguedSourcesQuery>(event, CATALOGUED_SOURCES_QUERY, {
    slug: event.params.slug,
  });
  // The catalogue's facts of each catalogued source, by file: what the public page shows of it.
  const catalogued = Object.fromEntries(
    (editableGoodPractice?.preview.sources ?? []).flatMap((source) => (source.file ? [[source.file, source]] : [])),
  );
  return {
    ...languageTabs(
      record,
      event.url.searchParams.get('in'),
      event.locals.lang,
      (tag) => hasSourceNotesIn(record.sources, tag),
      PRACTICE_TEXT_FIELDS,
    ),
    catalogued,
  };
};

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const lang = postedLanguage(form);
    const practice = await currentPractice(event, event.params.slug);
    const posted: SourcesForm = { lang, sources: readSourceBlocks(form, practice.record.sources?.length ?? 0) };

    const command = readListCommand(form.get('command'), ['sources']);
    if (command) return { posted: { lang, sources: arrangeSources(posted.sources, command) }, arranged: true };

    const { changes, local, fieldIds, fieldMessages } = sourcesChanges(practice.record.sources, posted.sources, lang);
    if (Object.keys(local).length > 0) {
      const problems: Problems = { fields: Object.fromEntries(Object.entries(local).map(([id, key]) => [id, { key }])), general: [] };
      return fail(400, { problems, posted });
    }
    return savePractice(event, form, practice, changes, { fieldIds, posted, fieldMessages });
  },
};
