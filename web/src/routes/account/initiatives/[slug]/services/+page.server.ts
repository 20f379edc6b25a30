// The services an initiative offers (HSDS fields), one language's texts per page (?in=<tag>).
// "Add a service", "Move up/down" and "Remove" post the form and answer it rearranged, nothing
// saved (lib/forms/manage/list-commands.ts), so they work without JavaScript; "Save" sends the
// services through updateInitiative and the registry's one validation layer.
import { error } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import {
  EDITABLE_INITIATIVE_FOR_MODERATOR_QUERY,
  UPDATE_INITIATIVE,
  type EditableInitiative,
  type EditResult,
} from '#lib/server/manage/editor-queries.ts';
import { editProblems } from '#lib/forms/manage/edit-problems.ts';
import { chosenContentLanguage, contentLanguages } from '#lib/forms/manage/content-languages.ts';
import { applyListCommand, readListCommand } from '#lib/forms/manage/list-commands.ts';
import {
  emptyServiceBlock,
  hasServiceTextsIn,
  MAX_SERVICES,
  readServicesForm,
  serviceFieldIds,
  servicesFieldMessages,
  servicesChanges,
  type ServicesForm,
} from '#lib/forms/manage/services-form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url, locals }) => {
  const { initiative } = await parent();
  const record = initiative.record;
  const lang = chosenContentLanguage(url.searchParams.get('in'), record, locals.lang);
  const tabs = contentLanguages(record);
  if (!tabs.includes(lang)) tabs.push(lang);
  return { lang, tabs: tabs.map((tag) => ({ tag, written: hasServiceTextsIn(record, tag) })) };
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
    const record = editableInitiative.record;
    const posted = readServicesForm(form, lang, record.services?.length ?? 0);

    const command = readListCommand(form.get('command'), ['services']);
    if (command) {
      if (command.kind === 'add' && posted.services.length >= MAX_SERVICES) return { posted, arranged: true };
      const services = applyListCommand(posted.services, command, emptyServiceBlock);
      return { posted: { ...posted, services } satisfies ServicesForm, arranged: true };
    }

    const { changes, blocks } = servicesChanges(record, posted, event.locals.lang);
    if (Object.keys(changes).length === 0) return { saved: true, unchanged: true };
    const outcome = await runMutation<EditResult, ServicesForm>(
      event,
      form,
      UPDATE_INITIATIVE,
      { id: event.params.slug, version, changes },
      {
        posted,
        problems: (refusal) => editProblems(refusal, serviceFieldIds(blocks), servicesFieldMessages(blocks.length)),
      },
    );
    if (!outcome.ok) return outcome.failure;
    return { saved: true, unchanged: false };
  },
};
