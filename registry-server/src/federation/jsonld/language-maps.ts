// Language maps of records ↔ JSON-LD language maps and the plain AS name/summary/content.
import { chooseText, type LanguageMap } from '../../records/language.ts';

/**
 * A language map as a JSON-LD language map (a copy, so callers cannot alias record objects),
 * or undefined when it is empty.
 */
export function languageMap(map: LanguageMap | undefined): Record<string, string> | undefined {
  if (!map) return undefined;
  const entries = Object.entries(map).filter(([, text]) => typeof text === 'string' && text !== '');
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** The version in the original language: the plain `name`/`summary`/`content` Mastodon shows. */
export function originalText(map: LanguageMap | undefined, originalLanguage: string): string | undefined {
  return chooseText(map, [], originalLanguage)?.text;
}

export function mapValues(map: LanguageMap | undefined, convert: (text: string) => string): Record<string, string> | undefined {
  const copy = languageMap(map);
  return copy && Object.fromEntries(Object.entries(copy).map(([tag, text]) => [tag, convert(text)]));
}
