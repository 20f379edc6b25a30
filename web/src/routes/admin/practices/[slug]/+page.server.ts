// A good practice's overview: its state, the moderator's reason when it was sent back, and the
// button that sends it for review (submitForReview, named by its global id: a practice may share
// its short name with an initiative).
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { SUBMIT_FOR_REVIEW, type EditResult } from '#lib/server/manage/editor-queries.ts';
import { currentPractice, postedVersion } from '#lib/server/manage/practice-editing.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  submit: async (event) => {
    const form = await event.request.formData();
    const practice = await currentPractice(event, event.params.slug);
    const outcome = await runMutation<EditResult>(event, form, SUBMIT_FOR_REVIEW, { id: practice.id, version: postedVersion(form) });
    if (!outcome.ok) return outcome.failure;
    return { submitted: true };
  },
};
