// The initiatives that implement a good practice: those linked (untick to remove) and one to
// add, by the address of its page or its short name. The registry checks that it exists on
// this node (and that the moderator may know of it); a refusal is shown at the field.
import { initiativesChanges, readInitiativesForm, type InitiativesForm } from '#lib/forms/manage/practice-changes.ts';
import { currentPractice, savePractice } from '#lib/server/manage/practice-editing.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const practice = await currentPractice(event, event.params.slug);
    const posted: InitiativesForm = readInitiativesForm(form);
    const { changes, fieldIds } = initiativesChanges(practice.record, posted);
    return savePractice(event, form, practice, changes, { fieldIds, posted });
  },
};
