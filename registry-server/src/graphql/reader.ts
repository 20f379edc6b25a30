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

export interface LocalizedTextView {
  text: string;
  language: string;
  direction: 'LTR' | 'RTL';
  isFallback: boolean;
  translations: Array<{ language: string; text: string; direction: 'LTR' | 'RTL' }>;
}

export function localized(map: LanguageMap | undefined, reader: Reader, originalLanguage?: string): LocalizedTextView | null {
  const chosen = chooseText(map, wantedLanguages(reader), originalLanguage);
  if (!chosen || !map) return null;
  return {
    ...chosen,
    direction: direction(chosen.language),
    translations: Object.entries(map).map(([language, text]) => ({ language, text, direction: direction(language) })),
  };
}

export function direction(tag: string): 'LTR' | 'RTL' {
  return textDirection(tag) === 'rtl' ? 'RTL' : 'LTR';
}
