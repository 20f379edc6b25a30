// The "Organisation" section: other names, sectors and activities, legal form and structure,
// qualifiers and governance, languages offered, status and start, and the initiatives, good
// practices and organisations it is linked to. Taxonomy labels come from the registry in the
// reader's language; saving sends only what changed through updateInitiative, and the registry's
// one validation layer answers field by field (organisation-form.ts).
import { error, fail } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import {
  EDITABLE_INITIATIVE_FOR_MODERATOR_QUERY,
  UPDATE_INITIATIVE,
  type EditableInitiative,
  type EditResult,
} from '#lib/server/manage/editor-queries.ts';
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
import type { OrganisationChoicesQuery } from '#lib/generated/operation-types.ts';
import type { Actions, PageServerLoad } from './$types';

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export const load: PageServerLoad = async (event) => {
  const { initiative } = await event.parent();
  const record = initiative.record as OrganisationRecord;
  const data = await loadAs<OrganisationChoicesQuery>(event, ORGANISATION_CHOICES_QUERY, { node: record.node ? [record.node] : null });
  return {
    choices: organisationChoices(data, event.locals.lang, initiative.slug, record.languagesOffered ?? []),
    // ?in=<tag> adds a language to write the governance text in; the form keeps it when it posts.
    asked: LANGUAGE_TAG.test(event.url.searchParams.get('in') ?? '') ? event.url.searchParams.get('in') : null,
    governanceLanguages: governanceLanguages(record, event.locals.lang, event.url.searchParams.get('in')),
  };
};

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const version = Number(form.get('version'));
    if (!Number.isInteger(version)) error(400, 'The form is incomplete: reload the page and try again.');
    // The governance texts are read in the languages the page showed (it posts them).
    const languages = [...new Set(form.getAll('shownLanguage'))].filter(
      (tag): tag is string => typeof tag === 'string' && LANGUAGE_TAG.test(tag),
    );
    const posted: OrganisationForm = readOrganisationForm(form, languages);
    const refusedStatus = statusProblems(posted);
    if (refusedStatus) return fail(400, { problems: refusedStatus, posted });
    // The changes are computed against the record as it is now; the version the page was opened
    // with goes with them, so the registry refuses them if someone saved in between.
    const { editableInitiative } = await loadAs<{ editableInitiative: EditableInitiative | null }>(
      event,
      EDITABLE_INITIATIVE_FOR_MODERATOR_QUERY,
      { slug: event.params.slug },
    );
    if (!editableInitiative) error(404);
    const changes = organisationChanges(editableInitiative.record as OrganisationRecord, posted);
    if (Object.keys(changes).length === 0) return { saved: true, unchanged: true };
    const outcome = await runMutation<EditResult, OrganisationForm>(
      event,
      form,
      UPDATE_INITIATIVE,
      { id: event.params.slug, version, changes },
      { posted, problems: (apiError) => organisationProblems(apiError, languages) },
    );
    if (!outcome.ok) return outcome.failure;
    return { saved: true, unchanged: false };
  },
};
