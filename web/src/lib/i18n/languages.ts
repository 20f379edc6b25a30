// The languages the site's interface is written in. Content (initiative names, summaries …)
// comes in whatever languages its authors wrote; the registry marks texts it could not find
// in the reader's language (LocalizedText.isFallback) and the pages say so.

export const UI_LANGUAGES = ['fr', 'en', 'it', 'el', 'bg', 'sl', 'ar', 'nl', 'de'] as const;

export type UiLanguage = (typeof UI_LANGUAGES)[number];

export type TextDirection = 'ltr' | 'rtl';

/** Used when nothing in the request names a language we have. */
export const DEFAULT_LANGUAGE: UiLanguage = 'fr';

/** Each language named in itself, as the language switcher shows it. */
export const AUTONYMS: Readonly<Record<UiLanguage, string>> = {
  fr: 'Français',
  en: 'English',
  it: 'Italiano',
  el: 'Ελληνικά',
  bg: 'Български',
  sl: 'Slovenščina',
  ar: 'العربية',
  nl: 'Nederlands',
  de: 'Deutsch',
};

const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ps', 'ur', 'ckb', 'dv', 'yi', 'syr']);

export function isUiLanguage(value: string | null | undefined): value is UiLanguage {
  return value != null && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** Writing direction of a language tag ("ar", "ar-SY" and "fa" are right to left). */
export function directionOf(tag: string): TextDirection {
  const base = tag.toLowerCase().split('-')[0] ?? '';
  return RTL_LANGUAGES.has(base) ? 'rtl' : 'ltr';
}

/** Whether a text in language `tag` is in another language than the page's ("fr-BE" on a French page is not). */
export function isForeign(tag: string, pageLanguage: UiLanguage): boolean {
  return (tag.toLowerCase().split('-')[0] ?? '') !== pageLanguage;
}

/** The dir attribute value of the registry's TextDirection. */
export function textDirection(direction: 'LTR' | 'RTL'): TextDirection {
  return direction === 'RTL' ? 'rtl' : 'ltr';
}
