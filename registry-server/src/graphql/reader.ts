// The reader's languages for a request: a `lang` argument first, then Accept-Language, then
// the node's default languages. Carried by every view object, never by module state, so one
// reader's language can never leak into another's response.
import { chooseText, textDirection, type LanguageMap } from '../records/language.ts';
import { checkLang } from '../records/filter-checks.ts';

export interface Reader {
  /** Preferred languages, best first. */
  readonly languages: readonly string[];
}

export function readerWith(reader: Reader, lang: string | null | undefined, argument = 'lang'): Reader {
  const chosen = checkLang(argument, lang);
  return chosen ? { languages: [chosen, ...reader.languages.filter((l) => l !== chosen)] } : reader;
}

/** First language of the reader, for names of languages and countries. */
export function primaryLanguage(reader: Reader): string {
  return reader.languages[0] ?? 'en';
}

export interface LocalizedTextView {
  text: string;
  language: string;
  direction: 'LTR' | 'RTL';
  isFallback: boolean;
  translations: Array<{ language: string; text: string; direction: 'LTR' | 'RTL' }>;
}

export function localized(map: LanguageMap | undefined, reader: Reader, originalLanguage?: string): LocalizedTextView | null {
  const chosen = chooseText(map, reader.languages, originalLanguage);
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
