// The services an initiative offers (HSDS fields), one language's texts per page (?in=<tag>).
// "Add a service", "Move up/down" and "Remove" post the form and answer it rearranged, nothing
// saved (lib/forms/manage/list-commands.ts), so they work without JavaScript; "Save" sends the
// services through updateInitiative and the registry's one validation layer.
import { currentInitiative, postedLanguage, postedVersion, saveInitiative } from '#lib/server/manage/initiative-editing.ts';
import { editProblems } from '#lib/forms/manage/edit-problems.ts';
import { languageTabs } from '#lib/forms/manage/content-languages.ts';
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
  const { record } = (await parent()).initiative;
  return languageTabs(record, url.searchParams.get('in'), locals.lang, (tag) => hasServiceTextsIn(record, tag));
};

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const lang = postedLanguage(form);
    const version = postedVersion(form);
    const { record } = await currentInitiative(event, event.params.slug);
    const posted = readServicesForm(form, lang, record.services?.length ?? 0);

    const command = readListCommand(form.get('command'), ['services']);
    if (command) {
      if (command.kind === 'add' && posted.services.length >= MAX_SERVICES) return { posted, arranged: true };
      const services = applyListCommand(posted.services, command, emptyServiceBlock);
      return { posted: { ...posted, services } satisfies ServicesForm, arranged: true };
    }

    const { changes, blocks } = servicesChanges(record, posted, event.locals.lang);
    return saveInitiative(event, form, event.params.slug, version, changes, {
      posted,
      problems: (refusal) => editProblems(refusal, serviceFieldIds(blocks), servicesFieldMessages(blocks.length)),
    });
  },
};
