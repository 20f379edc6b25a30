// Privacy choices: the migrant-led declaration with its consent to publish. The choices that
// govern one field each (who sees the e-mail and the phone, the contact relay, how precisely the
// place is shown) moved beside their fields, in Contact and place; this page only sums them up,
// and its form posts the migrant-led answers alone, laid over the record's other choices so
// they never change from here. Only what changed is sent.
import { error } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import {
  EDITABLE_INITIATIVE_FOR_MODERATOR_QUERY,
  UPDATE_INITIATIVE,
  type EditableInitiative,
  type EditResult,
} from '#lib/server/manage/editor-queries.ts';
import { currentPrivacy, privacyChanges, readPrivacyForm, type PrivacyForm } from '#lib/forms/manage/initiative-changes.ts';
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
    const answers = readPrivacyForm(form);
    const posted: PrivacyForm = {
      ...currentPrivacy(editableInitiative.record),
      migrantLedDeclared: answers.migrantLedDeclared,
      migrantLedConsent: answers.migrantLedConsent,
    };
    const changes = privacyChanges(editableInitiative.record, posted);
    if (Object.keys(changes).length === 0) return { saved: true, unchanged: true };
    const fieldIds = { migrantLed: 'migrantLedDeclared-no' };
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
