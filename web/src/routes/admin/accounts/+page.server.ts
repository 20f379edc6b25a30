// The node's accounts (admins): e-mail address, role, initiatives, since when. Private: the
// page is never cached (see the admin layout) and never indexed.
import { loadAs, requireAdmin } from '#lib/server/manage/page-access.ts';
import { ACCOUNTS_QUERY, type Account } from '#lib/server/manage/admin-queries.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { account } = await event.parent();
  requireAdmin(account, event.url);
  const { accounts } = await loadAs<{ accounts: Account[] }>(event, ACCOUNTS_QUERY);
  return { accounts };
};
