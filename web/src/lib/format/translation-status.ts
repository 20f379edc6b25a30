// Where a record's texts stand in the reader's language (the registry's translationStatus, ADR
// 0041), for the public pages: whether a text shown is an out-of-date translation, and whether
// the reader may ask for a translation into their language.

/** The part of TranslationStatus the pages read. */
export interface TranslationStatusView {
  available: ReadonlyArray<{ code: string; name: string }>;
  outdated: ReadonlyArray<{ code: string; name: string }>;
  partial: ReadonlyArray<{ code: string; name: string }>;
  missing: ReadonlyArray<{ code: string }>;
  texts: ReadonlyArray<{ field: string; outdated: ReadonlyArray<{ code: string }> }>;
}

const base = (tag: string) => tag.toLowerCase().split('-')[0];

/** Whether the version of `field` shown, in `language`, is a translation made from an earlier source. */
export function isOutdatedText(
  status: Pick<TranslationStatusView, 'texts'> | null | undefined,
  field: string,
  language: string | undefined,
): boolean {
  if (!status || !language) return false;
  return status.texts.some((text) => text.field === field && text.outdated.some((l) => base(l.code) === base(language)));
}

/**
 * Why a reader of `lang` could ask for a translation: some text lacks it, or is out of date in
 * it; null when every text is there and current.
 */
export function translationWanted(status: TranslationStatusView | null | undefined, lang: string): 'missing' | 'outdated' | null {
  if (!status) return null;
  const wanted = base(lang);
  if (status.outdated.some((l) => base(l.code) === wanted)) return 'outdated';
  if (!status.available.some((l) => base(l.code) === wanted)) return 'missing';
  return null;
}

/** What became of a reader's request, for the page to say (the askTranslation action's answer). */
export type TranslationAskResult = { counted: boolean } | { problem: 'rateLimited' | 'unavailable' | 'refused' };
