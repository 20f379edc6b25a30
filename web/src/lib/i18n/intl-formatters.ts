// Intl formatters, built once per process for each language and set of options. Building one
// looks its language up in ICU's data and is far dearer than using it; and on the node, Fedify's
// Temporal polyfill replaces Intl.DateTimeFormat with a shim that builds two. Building them per
// date, per number and per language name was about a tenth of an initiative page's CPU under
// load (issue 13). A formatter holds no registry data, only the rules of its language, so
// keeping it can never show a stale answer, nor carry one reader's request into another's (it
// is not the per-request state STYLE 17 keeps out of modules). Languages come from the reader
// (the interface language, a content language's tag), so the memo is bounded: past
// MAX_FORMATTERS the oldest built is dropped. Shared by the server and the browser (no Node API).

/** Far above 9 interface languages × the few option sets the site uses. */
export const MAX_FORMATTERS = 512;

const formatters = new Map<string, unknown>();

function remembered<T>(key: string, build: () => T): T {
  const known = formatters.get(key);
  if (known !== undefined) return known as T;
  // A language tag Intl refuses throws here, as `new Intl.…` did, and nothing is kept.
  const built = build();
  if (formatters.size >= MAX_FORMATTERS) formatters.delete(formatters.keys().next().value!);
  formatters.set(key, built);
  return built;
}

const keyOf = (kind: string, locales: string | readonly string[], options: object | undefined) =>
  `${kind}\u0000${String(locales)}\u0000${options ? JSON.stringify(options) : ''}`;

export const dateTimeFormat = (lang: string, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  remembered(keyOf('DateTimeFormat', lang, options), () => new Intl.DateTimeFormat(lang, options));

export const numberFormat = (lang: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat =>
  remembered(keyOf('NumberFormat', lang, options), () => new Intl.NumberFormat(lang, options));

export const pluralRules = (lang: string): Intl.PluralRules =>
  remembered(keyOf('PluralRules', lang, undefined), () => new Intl.PluralRules(lang));

export const displayNames = (lang: string, options: Intl.DisplayNamesOptions): Intl.DisplayNames =>
  remembered(keyOf('DisplayNames', lang, options), () => new Intl.DisplayNames([lang], options));

export const listFormat = (lang: string, options?: Intl.ListFormatOptions): Intl.ListFormat =>
  remembered(keyOf('ListFormat', lang, options), () => new Intl.ListFormat(lang, options));

export const collator = (lang: string, options?: Intl.CollatorOptions): Intl.Collator =>
  remembered(keyOf('Collator', lang, options), () => new Intl.Collator(lang, options));

/** How many formatters are kept now (for tests). */
export const keptFormatters = (): number => formatters.size;
