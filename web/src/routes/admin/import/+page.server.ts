// Importing initiatives, step 1 (admins): a file to upload or an address to fetch. The file is
// sent on to the registry in pieces and read there (ADR 0047); then the mapping step opens.
// Private: never cached nor indexed (admin layout).
import { requireAdmin } from '#lib/server/manage/page-access.ts';
import { stageSource } from '#lib/server/manage/import-actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { account } = await event.parent();
  requireAdmin(account, event.url);
  return {};
};

export const actions: Actions = { stage: stageSource };
