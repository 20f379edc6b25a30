// The moderation and administration pages: moderators and admins only, never cached by
// anyone else. Each page that only admins may use checks it again (requireAdmin).
import { requireModerator } from '#lib/server/manage/page-access.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ parent, url, setHeaders }) => {
  setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
  const { account } = await parent();
  return { account: requireModerator(account, url) };
};
