// Hands the request's interface language (chosen in hooks.server.ts) and its messages to every page.
// Also who is signed in (null for the anonymous public, without asking the registry), for the
// header's account menu and the signed-in pages (lib/server/session.ts).
import { pageMessages } from '#lib/i18n/page-messages.ts';
import { readShortlist } from '#lib/server/shortlist-store.ts';
import { currentAccount } from '#lib/server/session.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, cookies, url, route }) => ({
  lang: locals.lang,
  dir: locals.dir,
  // Only the messages this route's code names, in the reader's language (page-messages.ts).
  messages: pageMessages(locals.lang, route.id),
  // The procurement shortlist's initiative ids (a cookie, no account): the header's count, the buttons' state.
  shortlist: readShortlist(cookies),
  account: await currentAccount({ cookies, locals, url }),
});
