// While a text is translated, its field's hint shows the text in the record's original language
// to translate from (cut at 300 characters, so a long description does not bury the field).
import type { I18n } from '../../i18n/context.ts';

const EXCERPT_LENGTH = 300;

/** `hint`, then `source` (the field's text in `original`), when there is one to translate from. */
export function withOriginalText(
  i18n: Pick<I18n, 't' | 'languageName'>,
  hint: string,
  original: string | null,
  source: string | undefined,
): string {
  if (!source || !original) return hint;
  const excerpt = source.length > EXCERPT_LENGTH ? `${source.slice(0, EXCERPT_LENGTH)}…` : source;
  return [hint, i18n.t('originalTextHint', { language: i18n.languageName(original), text: excerpt })].filter(Boolean).join(' ');
}
