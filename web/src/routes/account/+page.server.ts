// "My initiatives": the initiatives the signed-in editor belongs to, each with its status, and
// the account's notifications (a new editor joined one of them …), each marked read by a post.
import { loadAs } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { MARK_NOTIFICATION_READ, MY_INITIATIVES_QUERY } from '#lib/server/manage/editor-queries.ts';
import { textField } from '#lib/forms/manage/form-problems.ts';
import type { Actions, PageServerLoad } from './$types';
import type { MarkNotificationReadMutation, MyInitiativesQuery } from '#lib/generated/operation-types.ts';

export const load: PageServerLoad = async (event) => {
  const { myInitiatives, myNotifications } = await loadAs<MyInitiativesQuery>(event, MY_INITIATIVES_QUERY);
  return { initiatives: myInitiatives, notifications: myNotifications };
};

export const actions: Actions = {
  markRead: async (event) => {
    const form = await event.request.formData();
    const id = textField(form, 'notification');
    const outcome = await runMutation<MarkNotificationReadMutation['result']>(event, form, MARK_NOTIFICATION_READ, { id }, { formId: id });
    if (!outcome.ok) return outcome.failure;
    return { markedRead: id };
  },
};
