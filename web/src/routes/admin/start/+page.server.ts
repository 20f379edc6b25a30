// The first-run page of a new node (admins): three steps to go live (the node's profile, the
// first invitations, partners to follow), each with whether it is done, from the registry.
import { loadAs, requireAdmin } from '#lib/server/manage/page-access.ts';
import { NODE_SETUP_QUERY } from '#lib/server/manage/admin-queries.ts';
import type { PageServerLoad } from './$types';
import type { NodeSetupQuery } from '#lib/generated/operation-types.ts';

export const load: PageServerLoad = async (event) => {
  const { account } = await event.parent();
  requireAdmin(account, event.url);
  const { nodeSetup } = await loadAs<NodeSetupQuery>(event, NODE_SETUP_QUERY);
  return { setup: nodeSetup };
};
