// Hands the request's interface language (chosen in hooks.server.ts) to every page.
import { messagesFor } from '#lib/i18n/catalog.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
  lang: locals.lang,
  dir: locals.dir,
  messages: messagesFor(locals.lang),
});
