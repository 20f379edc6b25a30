// The initiative's key figures and their sources, one language's texts per page (?in=<tag>):
// what a figure counts and a source's note are per language, the rest is the same in all.
// Catalogued sources (the project's own documents) are shown with the catalogue's facts, which
// the public page shows. Adding, moving and removing answer the form rearranged, nothing saved;
// "Save" sends both lists through updateInitiative and the registry's one validation layer.
// A value that is not a number cannot even be sent (GraphQL Float), so it is refused here.
import { fail } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { currentInitiative, postedLanguage, postedVersion, saveInitiative } from '#lib/server/manage/initiative-editing.ts';
import CATALOGUED_SOURCES_QUERY from '#lib/server/manage/queries/initiative-catalogued-sources.graphql?raw';
import type { InitiativeCataloguedSourcesQuery } from '#lib/generated/operation-types.ts';
import { editProblems } from '#lib/forms/manage/edit-problems.ts';
import type { Problems } from '#lib/forms/manage/form-problems.ts';
import { languageTabs } from '#lib/forms/manage/content-languages.ts';
import { applyListCommand, readListCommand } from '#lib/forms/manage/list-commands.ts';
import {
  emptyFigureBlock,
  emptySourceBlock,
  figuresChanges,
  figuresFieldIds,
  figuresFieldMessages,
  hasFigureTextsIn,
  MAX_FIGURES,
  MAX_SOURCES,
  readFiguresForm,
  type FiguresForm,
  type FiguresRecord,
} from '#lib/forms/manage/figures-form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const record = (await event.parent()).initiative.record as FiguresRecord;
  const { editableInitiative } = await loadAs<InitiativeCataloguedSourcesQuery>(event, CATALOGUED_SOURCES_QUERY, {
    slug: event.params.slug,
  });
  // The catalogue's facts of each catalogued source, by file: what the public page shows of it.
  const catalogued = Object.fromEntries(
    (editableInitiative?.preview.sources ?? []).flatMap((source) => (source.file ? [[source.file, source]] : [])),
  );
  return {
    ...languageTabs(record, event.url.searchParams.get('in'), event.locals.lang, (tag) => hasFigureTextsIn(record, tag)),
    catalogued,
  };
};

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const lang = postedLanguage(form);
    const version = postedVersion(form);
    const record = (await currentInitiative(event, event.params.slug)).record as FiguresRecord;
    const posted = readFiguresForm(form, lang, record);

    const command = readListCommand(form.get('command'), ['figures', 'sources']);
    if (command) {
      const next: FiguresForm = { ...posted };
      if (command.list === 'figures' && !(command.kind === 'add' && posted.figures.length >= MAX_FIGURES))
        next.figures = applyListCommand(posted.figures, command, emptyFigureBlock);
      if (command.list === 'sources' && !(command.kind === 'add' && posted.sources.length >= MAX_SOURCES))
        next.sources = applyListCommand(posted.sources, command, () => emptySourceBlock(posted.sources));
      return { posted: next, arranged: true };
    }

    const { changes, local, figureBlocks, sourceBlocks } = figuresChanges(record, posted);
    if (Object.keys(local).length > 0) {
      const problems: Problems = { fields: Object.fromEntries(Object.entries(local).map(([id, key]) => [id, { key }])), general: [] };
      return fail(400, { problems, posted });
    }
    return saveInitiative(event, form, event.params.slug, version, changes, {
      posted,
      problems: (refusal) =>
        editProblems(refusal, figuresFieldIds(figureBlocks, sourceBlocks), figuresFieldMessages(figureBlocks.length, sourceBlocks.length)),
    });
  },
};
