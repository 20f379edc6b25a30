// The languages of the texts form's tabs: the interface languages plus any other language the
// record is already written in (a profile may have Pashto or Tigrinya texts). The tabs are
// links (?in=<tag>), one language per page, so they work without JavaScript; `?lang=` is not
// used because it switches the interface language.
import { UI_LANGUAGES } from '../../i18n/languages.ts';
import { TEXT_FIELDS, type LanguageMap } from './initiative-changes.ts';

/** A record (an initiative, a good practice) with its texts as language maps, and the language they were written in. */
type WithTexts = { originalLanguage?: string };
const textsOf = (record: object, field: string): LanguageMap | undefined => (record as Record<string, LanguageMap | undefined>)[field];

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function contentLanguages(record: object, fields: readonly string[] = TEXT_FIELDS): string[] {
  const written = new Set<string>();
  for (const field of fields) for (const tag of Object.keys(textsOf(record, field) ?? {})) written.add(tag);
  const extra = [...written].filter((tag) => !(UI_LANGUAGES as readonly string[]).includes(tag)).sort();
  return [...UI_LANGUAGES, ...extra];
}

/** The language to edit: the one asked for when it is a language tag, else the record's original language. */
export function chosenContentLanguage<R extends WithTexts>(asked: string | null, record: R, fallback: string): string {
  if (asked && LANGUAGE_TAG.test(asked)) return asked;
  return record.originalLanguage ?? fallback;
}

/** Whether the record has any text in `lang` (the tab says "written" or "not written yet"). */
export function hasTextsIn(record: object, lang: string, fields: readonly string[] = TEXT_FIELDS): boolean {
  return fields.some((field) => Boolean(textsOf(record, field)?.[lang]));
}

/** Whether `tag` is a language tag a form may post (`in`, shown languages). */
export function isLanguageTag(tag: string): boolean {
  return LANGUAGE_TAG.test(tag);
}

/**
 * A one-language-per-page editor's language (?in=, else the record's original language) and its
 * tabs: every language of `fields` plus the one edited, each saying whether `written` finds texts
 * in it.
 */
export function languageTabs<R extends WithTexts>(
  record: R,
  asked: string | null,
  fallback: string,
  written: (tag: string) => boolean,
  fields: readonly string[] = TEXT_FIELDS,
): { lang: string; tabs: Array<{ tag: string; written: boolean }> } {
  const lang = chosenContentLanguage(asked, record, fallback);
  const tabs = contentLanguages(record, fields);
  if (!tabs.includes(lang)) tabs.push(lang);
  return { lang, tabs: tabs.map((tag) => ({ tag, written: written(tag) })) };
}

/**
 * What a refused form of a one-language page posted, when it was for the language now shown:
 * the page gives it back so nothing typed is lost, and shows the stored texts in any other tab.
 */
export function postedInLanguage<T extends { lang: string }>(form: unknown, lang: string): T | null {
  if (!form || typeof form !== 'object' || !('posted' in form)) return null;
  const posted = (form as { posted?: T }).posted;
  return posted?.lang === lang ? posted : null;
}
