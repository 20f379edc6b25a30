// "My initiatives": the initiatives the signed-in editor belongs to, each with its status, and
// the account's notifications (a new editor joined one of them …), each marked read by a post.
import { redirect } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { NODE_SETUP_QUERY } from '#lib/server/manage/admin-queries.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { MARK_NOTIFICATION_READ, MY_INITIATIVES_QUERY } from '#lib/server/manage/editor-queries.ts';
import { textField } from '#lib/forms/manage/form-problems.ts';
import type { Actions, PageServerLoad } from './$types';
import type { MarkNotificationReadMutation, MyInitiativesQuery, NodeSetupQuery } from '#lib/generated/operation-types.ts';

export const load: PageServerLoad = async (event) => {
  // Just signed in (no other page asked for), as the admin of a node that lists nothing yet and
  // is not set up: the first-run page is where to start.
  if (event.url.searchParams.has('signed-in')) {
    const { account } = await event.parent();
    if (account.isAdmin) {
      const { nodeSetup } = await loadAs<NodeSetupQuery>(event, NODE_SETUP_QUERY);
      if (nodeSetup.empty && !(nodeSetup.profileDone && nodeSetup.invitationsDone && nodeSetup.partnersDone)) redirect(303, '/admin/start');
    }
  }
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
