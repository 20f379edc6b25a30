// The inbox: every notice of the signed-in account (a message waits, a moderator decided, a
// report came in, a new editor joined), newest first, each with a link to where to act. Marking
// one or all read is a form post, so it works without JavaScript; the header's count follows.
import { loadAs } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { MARK_ALL_NOTIFICATIONS_READ, MY_NOTIFICATIONS_QUERY } from '#lib/server/manage/editor-queries.ts';
import { markNotificationRead } from '#lib/server/manage/mark-notification-read.ts';
import type { Actions, PageServerLoad } from './$types';
import type { MarkAllNotificationsReadMutation, MyNotificationsQuery } from '#lib/generated/operation-types.ts';

export const load: PageServerLoad = async (event) => {
  const { myNotifications } = await loadAs<MyNotificationsQuery>(event, MY_NOTIFICATIONS_QUERY);
  return { notifications: myNotifications };
};

export const actions: Actions = {
  markRead: markNotificationRead,
  markAllRead: async (event) => {
    const form = await event.request.formData();
    const outcome = await runMutation<MarkAllNotificationsReadMutation['result']>(event, form, MARK_ALL_NOTIFICATIONS_READ, {});
    if (!outcome.ok) return outcome.failure;
    return { markedAll: outcome.result.marked };
  },
};
