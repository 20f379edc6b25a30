// Hands the request's interface language (chosen in hooks.server.ts) to every page.
import { messagesFor } from '#lib/i18n/catalog.ts';
import { readShortlist } from '#lib/server/shortlist-store.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, cookies }) => ({
  lang: locals.lang,
  dir: locals.dir,
  messages: messagesFor(locals.lang),
  // The procurement shortlist's initiative ids (a cookie, no account): the header's count, the buttons' state.
  shortlist: readShortlist(cookies),
});
