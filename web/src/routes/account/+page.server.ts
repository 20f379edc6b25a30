// "My initiatives": the initiatives the signed-in editor belongs to, each with its status, and
// the account's notifications (a new editor joined one of them …), each marked read by a post.
import { redirect } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { NODE_SETUP_QUERY } from '#lib/server/manage/admin-queries.ts';
import { MY_INITIATIVES_QUERY } from '#lib/server/manage/editor-queries.ts';
import { markNotificationRead } from '#lib/server/manage/mark-notification-read.ts';
import type { Actions, PageServerLoad } from './$types';
import type { MyInitiativesQuery, NodeSetupQuery } from '#lib/generated/operation-types.ts';

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
  markRead: markNotificationRead,
};
