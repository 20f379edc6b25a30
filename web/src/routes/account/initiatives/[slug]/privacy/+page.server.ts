// Privacy choices: how precisely the location is published, who may see the contact e-mail
// and phone, whether people can write through the registry, and the migrant-led declaration
// with its consent to publish. Only what changed is sent.
import { error } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import {
  EDITABLE_INITIATIVE_FOR_MODERATOR_QUERY,
  UPDATE_INITIATIVE,
  type EditableInitiative,
  type EditResult,
} from '#lib/server/manage/editor-queries.ts';
import { privacyChanges, readPrivacyForm, type PrivacyForm } from '#lib/forms/manage/initiative-changes.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const version = Number(form.get('version'));
    const { editableInitiative } = await loadAs<{ editableInitiative: EditableInitiative | null }>(
      event,
      EDITABLE_INITIATIVE_FOR_MODERATOR_QUERY,
      { slug: event.params.slug },
    );
    if (!editableInitiative) error(404);
    const posted = readPrivacyForm(form);
    const changes = privacyChanges(editableInitiative.record, posted);
    if (Object.keys(changes).length === 0) return { saved: true, unchanged: true };
    const fieldIds = { location: 'precision-CITY', contact: 'emailVisibility-PRIVATE', migrantLed: 'migrantLedDeclared-no' };
    const outcome = await runMutation<EditResult, PrivacyForm>(
      event,
      form,
      UPDATE_INITIATIVE,
      { id: event.params.slug, version, changes },
      { fieldIds, posted },
    );
    if (!outcome.ok) return outcome.failure;
    return { saved: true, unchanged: false };
  },
};
