// The interface messages of every language. The helpers that fill and format them live in
// message-format.ts, which does not import the catalogues: browser code imports them from
// there, so a page's JavaScript does not carry every language's messages (about 120 KB
// compressed). They are re-exported here for server code and tests.
import type { UiLanguage } from './languages.ts';
import { MERGED, REFERENCE } from './messages/areas.ts';

/** One language's messages: the keys of the French reference catalogue, each a string. */
export type Messages = { readonly [K in keyof typeof REFERENCE]: string };

export type MessageKey = keyof Messages;

export const CATALOGS: Readonly<Record<UiLanguage, Messages>> = MERGED;

export function messagesFor(lang: UiLanguage): Messages {
  return CATALOGS[lang];
}

export { format, placeholdersOf, languageName, formatNumber, formatParts, formatDateTime, type MessagePart } from './message-format.ts';
