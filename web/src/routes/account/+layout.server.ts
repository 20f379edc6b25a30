// Every page under /account is about the signed-in person: sign in first, and never cached by
// anyone else (they hold private fields and the session's CSRF token).
import { requireAccount } from '#lib/server/manage/page-access.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ parent, url, setHeaders }) => {
  setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
  const { account } = await parent();
  return { account: requireAccount(account, url) };
};
