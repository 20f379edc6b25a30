// Reports about listings (moderators, ADR 0031): open ones (made on this site or sent by partner
// nodes), those sent on to partners' origin nodes, and closed ones. An open report is resolved
// or dismissed with a note (one form, two buttons: `decision`); a partner that reported hears
// the decision. Every action is a plain form post.
import { fail } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { DISMISS_REPORT, REPORTS_QUERY, RESOLVE_REPORT, type ApiError } from '#lib/server/manage/admin-queries.ts';
import { textField } from '#lib/forms/manage/form-problems.ts';
import type { Actions, PageServerLoad } from './$types';
import type { ReportsQuery } from '#lib/generated/operation-types.ts';

// Moderators and admins only: the admin layout sends anyone else away.
export const load: PageServerLoad = (event) => loadAs<ReportsQuery>(event, REPORTS_QUERY);

export const actions: Actions = {
  decide: async (event) => {
    const form = await event.request.formData();
    const id = textField(form, 'id');
    const note = textField(form, 'note');
    const decision = textField(form, 'decision') === 'dismiss' ? 'dismissed' : 'resolved';
    const noteId = `note-${id}`;
    if (note.length < 3)
      return fail(400, {
        problems: { fields: { [noteId]: { key: 'reportLoopErrorNoteMissing' as const } }, general: [] },
        posted: note,
        formId: id,
      });
    const outcome = await runMutation<{ error: ApiError | null }, string>(
      event,
      form,
      decision === 'resolved' ? RESOLVE_REPORT : DISMISS_REPORT,
      { id, note },
      { fieldIds: { note: noteId }, posted: note, formId: id },
    );
    if (!outcome.ok) return outcome.failure;
    return { done: decision };
  },
};
