// An initiative's overview in the editor's area: its status, the moderator's reason when it
// was sent back, and the button that sends it (or its changes) for review.
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { SUBMIT_FOR_REVIEW, type EditResult } from '#lib/server/manage/editor-queries.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  submit: async (event) => {
    const form = await event.request.formData();
    const version = Number(form.get('version'));
    const outcome = await runMutation<EditResult>(event, form, SUBMIT_FOR_REVIEW, { id: event.params.slug, version });
    if (!outcome.ok) return outcome.failure;
    return { submitted: true };
  },
};
