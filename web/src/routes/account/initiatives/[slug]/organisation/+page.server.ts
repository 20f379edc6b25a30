// The "Organisation" section: other names, sectors and activities, legal form and structure,
// qualifiers and governance, languages offered, status and start, and the initiatives, good
// practices and organisations it is linked to. Taxonomy labels come from the registry in the
// reader's language; saving sends only what changed through updateInitiative, and the registry's
// one validation layer answers field by field (organisation-form.ts).
import { fail } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { currentInitiative, postedVersion, saveInitiative } from '#lib/server/manage/initiative-editing.ts';
import { ORGANISATION_CHOICES_QUERY, organisationChoices } from '#lib/server/manage/organisation-choices.ts';
import {
  governanceLanguages,
  organisationChanges,
  organisationProblems,
  readOrganisationForm,
  statusProblems,
  type OrganisationForm,
  type OrganisationRecord,
} from '#lib/forms/manage/organisation-form.ts';
import { isLanguageTag } from '#lib/forms/manage/content-languages.ts';
import type { OrganisationChoicesQuery } from '#lib/generated/operation-types.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { initiative } = await event.parent();
  const record = initiative.record as OrganisationRecord;
  const data = await loadAs<OrganisationChoicesQuery>(event, ORGANISATION_CHOICES_QUERY, { node: record.node ? [record.node] : null });
  return {
    choices: organisationChoices(data, event.locals.lang, initiative.slug, record.languagesOffered ?? []),
    // ?in=<tag> adds a language to write the governance text in; the form keeps it when it posts.
    asked: isLanguageTag(event.url.searchParams.get('in') ?? '') ? event.url.searchParams.get('in') : null,
    governanceLanguages: governanceLanguages(record, event.locals.lang, event.url.searchParams.get('in')),
  };
};

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const version = postedVersion(form);
    // The governance texts are read in the languages the page showed (it posts them).
    const languages = [...new Set(form.getAll('shownLanguage'))].filter(
      (tag): tag is string => typeof tag === 'string' && isLanguageTag(tag),
    );
    const posted: OrganisationForm = readOrganisationForm(form, languages);
    const refusedStatus = statusProblems(posted);
    if (refusedStatus) return fail(400, { problems: refusedStatus, posted });
    // The changes are computed against the record as it is now; the version the page was opened
    // with goes with them, so the registry refuses them if someone saved in between.
    const { record } = await currentInitiative(event, event.params.slug);
    const changes = organisationChanges(record as OrganisationRecord, posted);
    return saveInitiative(event, form, event.params.slug, version, changes, {
      posted,
      problems: (apiError) => organisationProblems(apiError, languages),
    });
  },
};
