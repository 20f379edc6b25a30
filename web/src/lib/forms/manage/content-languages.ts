// The languages of the texts form's tabs: the interface languages plus any other language the
// record is already written in (a profile may have Pashto or Tigrinya texts). The tabs are
// links (?in=<tag>), one language per page, so they work without JavaScript; `?lang=` is not
// used because it switches the interface language.
import { UI_LANGUAGES } from '../../i18n/languages.ts';
import { TEXT_FIELDS, type InitiativeRecord } from './initiative-changes.ts';

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function contentLanguages(record: InitiativeRecord): string[] {
  const written = new Set<string>();
  for (const field of TEXT_FIELDS) for (const tag of Object.keys(record[field] ?? {})) written.add(tag);
  const extra = [...written].filter((tag) => !(UI_LANGUAGES as readonly string[]).includes(tag)).sort();
  return [...UI_LANGUAGES, ...extra];
}

/** The language to edit: the one asked for when it is a language tag, else the record's original language. */
export function chosenContentLanguage(asked: string | null, record: InitiativeRecord, fallback: string): string {
  if (asked && LANGUAGE_TAG.test(asked)) return asked;
  return record.originalLanguage ?? fallback;
}

/** Whether the record has any text in `lang` (the tab says "written" or "not written yet"). */
export function hasTextsIn(record: InitiativeRecord, lang: string): boolean {
  return TEXT_FIELDS.some((field) => Boolean(record[field]?.[lang]));
}
