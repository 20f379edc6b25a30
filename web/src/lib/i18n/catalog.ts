// The interface messages of every language, merged from the area files (messages/areas.ts), for
// server code and tests. A page receives only its areas' messages in its reader's language
// (messagesFor with the route's areas, from the root layout's load); the helpers that fill and
// format messages live in message-format.ts, which does not import the catalogues, so a page's
// JavaScript carries no catalogue at all.
import { UI_LANGUAGES, type UiLanguage } from './languages.ts';
import { AREA_MESSAGES, AREAS, type Area, type MessageKey, type MessageTable } from './messages/areas.ts';

export type { Area, MessageKey, MessageTable };

/** One language's messages: every key, each a string. */
export type Messages = { readonly [K in MessageKey]: string };

function merged(lang: UiLanguage, areas: readonly Area[]): MessageTable {
  return Object.assign({}, ...areas.map((area) => AREA_MESSAGES[area][lang])) as MessageTable;
}

export const CATALOGS: Readonly<Record<UiLanguage, Messages>> = Object.fromEntries(
  UI_LANGUAGES.map((lang) => [lang, merged(lang, AREAS) as Messages]),
) as Record<UiLanguage, Messages>;

/** Every message of `lang`: for server code that writes text itself (the shortlist's CSV). */
export function messagesFor(lang: UiLanguage): Messages {
  return CATALOGS[lang];
}

/** The messages of `lang` in `areas` only: what a page is sent. */
export function areaMessages(lang: UiLanguage, areas: readonly Area[]): MessageTable {
  return merged(lang, areas);
}

export {
  format,
  placeholdersOf,
  pluralBranchesOf,
  pluralCategories,
  pluralCategory,
  parseMessage,
  MessageSyntaxError,
  languageName,
  formatNumber,
  formatParts,
  formatDateTime,
  type MessagePart,
} from './message-format.ts';
