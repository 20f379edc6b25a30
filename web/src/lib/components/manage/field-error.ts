// The `error`/`errorLang` props of a form field (TextField and the fields of components/manage)
// from a refused form's problems.
import type { I18n } from '#lib/i18n/context.ts';
import type { Problems } from '#lib/forms/manage/form-problems.ts';
import { problemLang, problemText } from './problem-text.ts';

export function fieldError(
  problems: Problems | null | undefined,
  id: string,
  i18n: Pick<I18n, 't' | 'lang'>,
): { error?: string; errorLang?: string } {
  const message = problems?.fields[id];
  if (!message) return {};
  return { error: problemText(message, i18n), errorLang: problemLang(message, i18n.lang) };
}
