// The initiative's key figures and their sources, one language's texts per page (?in=<tag>):
// what a figure counts and a source's note are per language, the rest is the same in all.
// Catalogued sources (the project's own documents) are shown with the catalogue's facts, which
// the public page shows. Adding, moving and removing answer the form rearranged, nothing saved;
// "Save" sends both lists through updateInitiative and the registry's one validation layer.
// A value that is not a number cannot even be sent (GraphQL Float), so it is refused here.
import { error, fail } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import {
  EDITABLE_INITIATIVE_FOR_MODERATOR_QUERY,
  UPDATE_INITIATIVE,
  type EditableInitiative,
  type EditResult,
} from '#lib/server/manage/editor-queries.ts';
import CATALOGUED_SOURCES_QUERY from '#lib/server/manage/queries/initiative-catalogued-sources.graphql?raw';
import type { InitiativeCataloguedSourcesQuery } from '#lib/generated/operation-types.ts';
import { editProblems } from '#lib/forms/manage/edit-problems.ts';
import type { Problems } from '#lib/forms/manage/form-problems.ts';
import { chosenContentLanguage, contentLanguages } from '#lib/forms/manage/content-languages.ts';
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
  const { initiative } = await event.parent();
  const record = initiative.record;
  const lang = chosenContentLanguage(event.url.searchParams.get('in'), record, event.locals.lang);
  const tabs = contentLanguages(record);
  if (!tabs.includes(lang)) tabs.push(lang);
  const { editableInitiative } = await loadAs<InitiativeCataloguedSourcesQuery>(event, CATALOGUED_SOURCES_QUERY, {
    slug: event.params.slug,
  });
  // The catalogue's facts of each catalogued source, by file: what the public page shows of it.
  const catalogued = Object.fromEntries(
    (editableInitiative?.preview.sources ?? []).flatMap((source) => (source.file ? [[source.file, source]] : [])),
  );
  return { lang, tabs: tabs.map((tag) => ({ tag, written: hasFigureTextsIn(record as FiguresRecord, tag) })), catalogued };
};

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const lang = String(form.get('in') ?? '');
    const version = Number(form.get('version'));
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang) || !Number.isInteger(version))
      error(400, 'The form is incomplete: reload the page and try again.');
    const { editableInitiative } = await loadAs<{ editableInitiative: EditableInitiative | null }>(
      event,
      EDITABLE_INITIATIVE_FOR_MODERATOR_QUERY,
      { slug: event.params.slug },
    );
    if (!editableInitiative) error(404);
    const record = editableInitiative.record as FiguresRecord;
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
    if (Object.keys(changes).length === 0) return { saved: true, unchanged: true };
    const outcome = await runMutation<EditResult, FiguresForm>(
      event,
      form,
      UPDATE_INITIATIVE,
      { id: event.params.slug, version, changes },
      {
        posted,
        problems: (refusal) =>
          editProblems(
            refusal,
            figuresFieldIds(figureBlocks, sourceBlocks),
            figuresFieldMessages(figureBlocks.length, sourceBlocks.length),
          ),
      },
    );
    if (!outcome.ok) return outcome.failure;
    return { saved: true, unchanged: false };
  },
};
