// "My initiatives": the initiatives the signed-in editor belongs to, each with its status, and
// the account's notifications (a new editor joined one of them …), each marked read by a post.
import { loadAs } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { MARK_NOTIFICATION_READ, MY_INITIATIVES_QUERY, type AccountNotification, type InitiativeSummary } from '#lib/server/manage/editor-queries.ts';
import { textField, type ApiError } from '#lib/forms/manage/form-problems.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { myInitiatives, myNotifications } = await loadAs<{ myInitiatives: InitiativeSummary[]; myNotifications: AccountNotification[] }>(event, MY_INITIATIVES_QUERY);
  return { initiatives: myInitiatives, notifications: myNotifications };
};

export const actions: Actions = {
  markRead: async (event) => {
    const form = await event.request.formData();
    const id = textField(form, 'notification');
    const outcome = await runMutation<{ error: ApiError | null }>(event, form, MARK_NOTIFICATION_READ, { id }, { formId: id });
    if (!outcome.ok) return outcome.failure;
    return { markedRead: id };
  },
};
