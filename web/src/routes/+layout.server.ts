// Hands the request's interface language (chosen in hooks.server.ts) to every page.
// Also who is signed in (null for the anonymous public, without asking the registry), for the
// header's account menu and the signed-in pages (lib/server/session.ts).
import { messagesFor } from '#lib/i18n/catalog.ts';
import { readShortlist } from '#lib/server/shortlist-store.ts';
import { currentAccount } from '#lib/server/session.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, cookies, url }) => ({
  lang: locals.lang,
  dir: locals.dir,
  messages: messagesFor(locals.lang),
  // The procurement shortlist's initiative ids (a cookie, no account): the header's count, the buttons' state.
  shortlist: readShortlist(cookies),
  account: await currentAccount({ cookies, locals, url }),
});
