// Language tags and language maps: choosing the version of a text a reader should see, its
// writing direction, and reading Accept-Language.

import languageNameTable from '@umn/schemas/languages/language-names.json' with { type: 'json' };

const WRITTEN_LANGUAGE_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = languageNameTable.names;

/** A text in several languages, keyed by BCP 47 tag. */
export type LanguageMap = Readonly<Record<string, string>>;

export interface ChosenText {
  text: string;
  language: string;
  /** True when the text is not in any language the reader asked for. */
  isFallback: boolean;
}

/** Tags already checked, and whether they were well formed: a search page checks the same few `lang` arguments some 200 times. */
const checkedTags = new Map<string, boolean>();
const CHECKED_TAGS_KEPT = 512;

/** Whether a string is a well-formed BCP 47 tag (checked by ICU, as browsers do). */
export function isLanguageTag(tag: string): boolean {
  if (tag === 'und') return true;
  const known = checkedTags.get(tag);
  if (known !== undefined) return known;
  let wellFormed: boolean;
  try {
    wellFormed = Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    wellFormed = false;
  }
  // Bounded: made-up tags sent by a client must not grow it without end.
  if (checkedTags.size >= CHECKED_TAGS_KEPT) checkedTags.clear();
  if (tag.length <= 35) checkedTags.set(tag, wellFormed);
  return wellFormed;
}

/**
 * The version of a text to show: the first preferred language present (exact tag, then the
 * same base language, so "fr-BE" finds "fr" and "fr" finds "fr-BE"), else the original
 * language, else any version. Returns null for an empty map.
 */
export function chooseText(map: LanguageMap | undefined, preferences: readonly string[], originalLanguage?: string): ChosenText | null {
  if (!map) return null;
  const tags = Object.keys(map);
  if (tags.length === 0) return null;
  for (const wanted of preferences) {
    const found = matchTag(tags, wanted);
    if (found) return { text: map[found]!, language: found, isFallback: false };
  }
  const fallback = (originalLanguage && matchTag(tags, originalLanguage)) || tags[0]!;
  return { text: map[fallback]!, language: fallback, isFallback: preferences.length > 0 };
}

function matchTag(tags: readonly string[], wanted: string): string | undefined {
  const lower = wanted.toLowerCase();
  const exact = tags.find((t) => t.toLowerCase() === lower);
  if (exact) return exact;
  const base = lower.split('-')[0];
  return tags.find((t) => t.toLowerCase().split('-')[0] === base);
}

const RTL_FALLBACK = new Set(['ar', 'arc', 'apc', 'arz', 'ckb', 'dv', 'fa', 'he', 'ku-arab', 'ps', 'prs', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** Writing direction of a language (Arabic, Persian, Pashto, Hebrew … are right to left). */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  // Asked for every localized text and translation a query returns, from a handful of tags:
  // building an Intl.Locale each time was a quarter of the CPU of an uncached listing query
  // (issue 13's profile). Bounded, as tags also come from partners' documents.
  let direction = directions.get(tag);
  if (direction === undefined) {
    direction = directionOf(tag);
    if (directions.size >= 500) directions.clear();
    directions.set(tag, direction);
  }
  return direction;
}

const directions = new Map<string, 'ltr' | 'rtl'>();

function directionOf(tag: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(tag) as Intl.Locale & { getTextInfo?: () => { direction: string }; textInfo?: { direction: string } };
    const info = locale.getTextInfo?.() ?? locale.textInfo;
    if (info) return info.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    // fall through to the list below
  }
  return RTL_FALLBACK.has(tag.toLowerCase()) ? 'rtl' : 'ltr';
}

/** Language tags from an Accept-Language header, best first; malformed entries are ignored. */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .slice(0, 20)
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter(({ tag, q }) => tag !== '*' && q > 0 && !Number.isNaN(q) && isLanguageTag(tag))
    .sort((a, b) => b.q - a.q || a.order - b.order)
    .map(({ tag }) => tag);
}

/** Name of a language in the reader's language ("arabe", "Arabic", "العربية"). */
export function languageName(tag: string, readerLanguage: string): string {
  return nameOf('language', tag, readerLanguage) ?? writtenLanguageName(tag, readerLanguage) ?? tag;
}

/**
 * Names ICU lacks ("apc" has a CLDR name in Dutch only), from the table the web site reads too
 * (schemas/languages/language-names.json): by exact tag, then by base language of the reader.
 */
function writtenLanguageName(tag: string, readerLanguage: string): string | undefined {
  const names = WRITTEN_LANGUAGE_NAMES[tag.toLowerCase()];
  if (!names) return undefined;
  return names[readerLanguage] ?? names[readerLanguage.toLowerCase().split('-')[0] ?? ''] ?? names.en;
}

/** Name of a country from its ISO 3166 code, or undefined for an unknown code. */
export function countryName(code: string, readerLanguage: string): string | undefined {
  return nameOf('region', code, readerLanguage);
}

/**
 * Names already asked for, by kind, reader language and tag: ICU looks each one up anew (a few
 * µs), and a search page names the same hundred languages and countries on every request. The
 * names never change while the process runs; bounded all the same (tags come from readers).
 */
const names = new Map<string, string | undefined>();
function nameOf(type: 'language' | 'region', tag: string, readerLanguage: string): string | undefined {
  const key = `${type} ${readerLanguage} ${tag}`;
  if (names.has(key)) return names.get(key);
  let name: string | undefined;
  try {
    name = displayNames(type, readerLanguage).of(tag);
  } catch {
    name = undefined;
  }
  if (names.size >= 20_000) names.clear();
  names.set(key, name);
  return name;
}

/**
 * One Intl.DisplayNames per kind and reader language: building one loads locale data (about
 * 90 µs, measured in the federation bench, where each received listing built one); the readers'
 * languages are few.
 */
const namers = new Map<string, Intl.DisplayNames>();
function displayNames(type: 'language' | 'region', readerLanguage: string): Intl.DisplayNames {
  const key = `${type} ${readerLanguage}`;
  let namer = namers.get(key);
  if (!namer) {
    // Throws for a malformed language tag (the callers fall back), so nothing bad is kept.
    // fallback "none": an unnamed code is undefined (then looked up in the written table), not the code.
    namer = new Intl.DisplayNames([readerLanguage, 'en'], { type, fallback: 'none' });
    if (namers.size > 200) namers.clear();
    namers.set(key, namer);
  }
  return namer;
}
