// Contact and place: e-mail and phone with who may see each, the contact relay, the website and
// other links, the address and the precision the public sees it at, with a map of what the
// public will see. Three actions on one form: `save` (through updateInitiative and the
// registry's validation, only what changed), `preview` (asks the registry what the public would
// see of the typed place; saves nothing) and `rows` (adds, removes or moves a link row without
// JavaScript; saves nothing). A refused form comes back with what was typed.
import { error, fail } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { UPDATE_INITIATIVE, type EditResult } from '#lib/server/manage/editor-queries.ts';
import { currentInitiative, postedVersion } from '#lib/server/manage/initiative-editing.ts';
import {
  CONTACT_PLACE_QUERY,
  LOCATION_PREVIEW_QUERY,
  type ContactPlaceQuery,
  type LocationPreviewQuery,
  type PublicPlace,
} from '#lib/server/manage/contact-place-queries.ts';
import { editProblems } from '#lib/forms/manage/edit-problems.ts';
import { hasProblems } from '#lib/forms/manage/form-problems.ts';
import {
  contactPlaceChanges,
  contactPlaceErrorMapping,
  currentContactPlace,
  locationInput,
  placeLanguages,
  readContactPlaceForm,
  unsendable,
  type ContactPlaceForm,
} from '#lib/forms/manage/contact-place-form.ts';
import { moveLinkRow } from '#lib/forms/manage/link-rows.ts';
import type { SessionEvent } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { initiative } = await event.parent();
  const languages = placeLanguages(initiative.record, event.locals.lang);
  const { countries, editableInitiative } = await loadAs<ContactPlaceQuery>(event, CONTACT_PLACE_QUERY, { slug: event.params.slug });
  if (!editableInitiative) error(404);
  return {
    countries,
    languages,
    current: currentContactPlace(initiative.record, languages),
    publicPlace: editableInitiative.locationPreview,
  };
};

/** The record as it is now (changes are computed against it) and what the form posted. */
async function readPosted(event: SessionEvent & { params: { slug: string } }, form: FormData) {
  const { record } = await currentInitiative(event, event.params.slug);
  const languages = placeLanguages(record, event.locals.lang);
  return { record, languages, posted: readContactPlaceForm(form, languages) };
}

/** What the public would see of the posted place; null when it cannot be asked (a coordinate is not a number). */
async function previewOf(event: SessionEvent & { params: { slug: string } }, posted: ContactPlaceForm): Promise<PublicPlace | null> {
  const { editableInitiative } = await loadAs<LocationPreviewQuery>(event, LOCATION_PREVIEW_QUERY, {
    slug: event.params.slug,
    location: locationInput(posted),
  });
  return editableInitiative?.locationPreview ?? null;
}

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const version = postedVersion(form);
    const { record, languages, posted } = await readPosted(event, form);
    const notSent = unsendable(posted);
    if (hasProblems(notSent)) return fail(400, { problems: notSent, posted, publicPlace: null });
    const changes = contactPlaceChanges(record, posted, languages);
    if (Object.keys(changes).length === 0) return { saved: true, unchanged: true };
    const mapping = contactPlaceErrorMapping(posted, languages);
    const outcome = await runMutation<EditResult, ContactPlaceForm>(
      event,
      form,
      UPDATE_INITIATIVE,
      { id: event.params.slug, version, changes },
      { posted, problems: (apiError) => editProblems(apiError, mapping.fields, mapping.fieldMessages) },
    );
    if (!outcome.ok) {
      // The map shows what the typed place would give, so the refused form and its map agree.
      const publicPlace = await previewOf(event, posted).catch(() => null);
      return fail(outcome.failure.status, { ...outcome.failure.data, publicPlace });
    }
    return { saved: true, unchanged: false };
  },

  preview: async (event) => {
    const form = await event.request.formData();
    const { posted } = await readPosted(event, form);
    const notSent = unsendable(posted);
    if (hasProblems(notSent)) return fail(400, { problems: notSent, posted, publicPlace: null });
    return { previewed: true, posted, publicPlace: await previewOf(event, posted) };
  },

  rows: async (event) => {
    const form = await event.request.formData();
    const { posted } = await readPosted(event, form);
    const links = moveLinkRow(posted.links, String(form.get('linkAction') ?? ''));
    return { rowsChanged: true, posted: { ...posted, links }, publicPlace: null };
  },
};
