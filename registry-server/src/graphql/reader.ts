// The reader's languages for a request: a `lang` argument first, then Accept-Language, then
// the node's default languages. Carried by every view object, never by module state, so one
// reader's language can never leak into another's response.
import { chooseText, textDirection, type LanguageMap } from '../records/language.ts';
import { checkLang } from '../records/filter-checks.ts';

export interface Reader {
  /** Languages the reader asked for (`lang` arguments, Accept-Language), best first. */
  readonly languages: readonly string[];
  /** The node's default languages: used only when the reader asked for none. */
  readonly defaults: readonly string[];
}

export function readerWith(reader: Reader, lang: string | null | undefined, argument = 'lang'): Reader {
  const chosen = checkLang(argument, lang);
  return chosen ? { languages: [chosen, ...reader.languages.filter((l) => l !== chosen)], defaults: reader.defaults } : reader;
}

/** The languages to look for, best first: what the reader asked for, else the node's defaults. */
export function wantedLanguages(reader: Reader): readonly string[] {
  return reader.languages.length ? reader.languages : reader.defaults;
}

/** First language of the reader, for names of languages and countries. */
export function primaryLanguage(reader: Reader): string {
  return wantedLanguages(reader)[0] ?? 'en';
}

/**
 * A text chosen in the reader's language. Its direction and its other translations are resolved
 * only when a query selects them (sharedResolvers.LocalizedText): a listing page asks for neither,
 * and building them for every text was a large part of its cost (issue 13).
 */
export interface LocalizedTextView {
  text: string;
  language: string;
  isFallback: boolean;
  /** Every language version, for `translations`. */
  map: LanguageMap;
}

export function localized(map: LanguageMap | undefined, reader: Reader, originalLanguage?: string): LocalizedTextView | null {
  const chosen = chooseText(map, wantedLanguages(reader), originalLanguage);
  return chosen && map ? { ...chosen, map } : null;
}

export function direction(tag: string): 'LTR' | 'RTL' {
  return textDirection(tag) === 'rtl' ? 'RTL' : 'LTR';
}
